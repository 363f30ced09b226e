import * as v from 'valibot';

// Figures an officer enters in the app, or imports from a small CSV: the current value of one of
// the plan's goals, and the number of NEVs registered in a district. Each is kept in this browser's
// IndexedDB as one entry (import/entered-values.ts) and read back through this schema: an entry
// that no longer fits it (damaged, or written by a different version) is left out.

/** A goal's current value, in the shape of goals.json's `current` (plus when it was entered). */
export interface EnteredGoal {
  kind: 'goal';
  /** The goal's id in goals.json. */
  goal: string;
  /** In the goal's unit. */
  value: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as goals.json's current.asOf. */
  asOf: string;
  source: string;
  /** '' when none. */
  note: string;
  /** When it was entered (ISO timestamp). */
  enteredAt: string;
}

/** The number of NEVs of one district, in the shape of a row of nev-by-district.csv. */
export interface EnteredNev {
  kind: 'nev';
  /** The district's adcode. */
  district: string;
  /** Vehicles: a whole number. */
  value: number;
  /** YYYY-MM-DD, as nev-by-district.csv's as_of. */
  asOf: string;
  source: string;
  enteredAt: string;
}

export type EnteredValue = EnteredGoal | EnteredNev;
export type EnteredKind = EnteredValue['kind'];

const Figure = {
  value: v.pipe(v.number(), v.finite(), v.minValue(0)),
  asOf: v.string(),
  source: v.pipe(v.string(), v.nonEmpty()),
  enteredAt: v.string(),
};

export const EnteredValueSchema = v.variant('kind', [
  v.object({ kind: v.literal('goal'), goal: v.string(), note: v.string(), ...Figure }),
  v.object({ kind: v.literal('nev'), district: v.string(), ...Figure }),
]);

export function isEnteredValue(x: unknown): x is EnteredValue {
  return v.is(EnteredValueSchema, x);
}

/** What an entry is about: one figure per goal and per district, so a new entry replaces the old. */
export function enteredKey(
  e: Pick<EnteredGoal, 'kind' | 'goal'> | Pick<EnteredNev, 'kind' | 'district'>,
): string {
  return e.kind === 'goal' ? `goal:${e.goal}` : `nev:${e.district}`;
}
