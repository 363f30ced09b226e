import type { NevCount } from '../data/chargers';
import type { Goal, GoalCurrent } from '../data/goals';
import { type EnteredGoal, type EnteredNev, type EnteredValue, enteredKey } from '../model';

// Values entered in this browser joined to the bundled ones: an entered figure takes the place of
// the file's (or of its "not provided") wherever that is shown, and says it was entered here.

const goalEntries = (entered: readonly EnteredValue[]) =>
  new Map(entered.flatMap((e): [string, EnteredGoal][] => (e.kind === 'goal' ? [[e.goal, e]] : [])));
const nevEntries = (entered: readonly EnteredValue[]) =>
  new Map(entered.flatMap((e): [string, EnteredNev][] => (e.kind === 'nev' ? [[e.district, e]] : [])));

/** An entered goal value in the shape of goals.json's current value. */
export function currentOf(e: EnteredGoal): GoalCurrent {
  return {
    value: e.value,
    asOf: e.asOf,
    source: e.source,
    ...(e.note ? { note: { zh: e.note, en: e.note } } : {}),
    illustrative: false,
    enteredAt: e.enteredAt,
  };
}

/** The goals with each entered value as their current value (the file's is set aside, not lost). */
export function goalsWithEntered(goals: readonly Goal[], entered: readonly EnteredValue[]): Goal[] {
  const byGoal = goalEntries(entered);
  return goals.map((g) => {
    const e = byGoal.get(g.id);
    return e ? { ...g, current: currentOf(e), currentInvalid: false } : g;
  });
}

/** The NEV counts with each entered one in place of the file's; a district the list lacks is added. */
export function nevWithEntered(nev: readonly NevCount[], entered: readonly EnteredValue[]): NevCount[] {
  const byDistrict = nevEntries(entered);
  const asCount = (e: EnteredNev): NevCount => ({
    district: e.district,
    nevCount: e.value,
    asOf: e.asOf,
    source: e.source,
    enteredAt: e.enteredAt,
  });
  const listed = new Set(nev.map((n) => n.district));
  return [
    ...nev.map((n) => {
      const e = byDistrict.get(n.district);
      return e ? asCount(e) : n;
    }),
    ...[...byDistrict.values()].filter((e) => !listed.has(e.district)).map(asCount),
  ];
}

/** The data with the entered values joined; the same object when there are none. */
export function withEntered<D extends { goals: Goal[]; nev: NevCount[] }>(
  d: D,
  entered: readonly EnteredValue[],
): D {
  if (entered.length === 0) return d;
  return { ...d, goals: goalsWithEntered(d.goals, entered), nev: nevWithEntered(d.nev, entered) };
}

/**
 * Entered values the data has no place for (a goal dropped from goals.json, an unknown district):
 * shown nowhere else, so the panel lists them to be removed.
 */
export function unplacedEntered(
  entered: readonly EnteredValue[],
  goalIds: ReadonlySet<string>,
  districtCodes: ReadonlySet<string>,
): EnteredValue[] {
  return entered.filter((e) => (e.kind === 'goal' ? !goalIds.has(e.goal) : !districtCodes.has(e.district)));
}

/** The new list of entries: each new one replaces the entry about the same goal or district. */
export function replaceEntries(
  entered: readonly EnteredValue[],
  added: readonly EnteredValue[],
): EnteredValue[] {
  const keys = new Set(added.map(enteredKey));
  return [...entered.filter((e) => !keys.has(enteredKey(e))), ...added];
}
