import type { NevCount } from '../data/chargers';
import { csvColumns, type DistrictName } from '../data/entered';
import type { Goal } from '../data/goals';
import type { Lang } from '../data/types';
import { nevWithEntered } from '../domain/entered';
import type { EnteredValue } from '../model';
import { excelCsv } from './export-data';

// The entered values as the data files the app ships with, to go into the next build: goals.json
// with the `current` fields filled in, and nev-by-district.csv with the counts. Each reads back
// through the app's own parser (data/goals.ts validateGoals, data/chargers.ts parseNevByDistrict).

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The bundled goals.json (as parsed JSON, every key kept) with each entered value as its goal's
 * `current`, as pretty JSON; null when the bundled file could not be read as goals.
 */
export function goalsFileText(raw: unknown, entered: readonly EnteredValue[]): string | null {
  if (!isObject(raw) || !Array.isArray(raw.goals)) return null;
  const byGoal = new Map(entered.flatMap((e) => (e.kind === 'goal' ? [[e.goal, e] as const] : [])));
  const goals = raw.goals.map((g: unknown) => {
    const e = isObject(g) && typeof g.id === 'string' ? byGoal.get(g.id) : undefined;
    if (!e || !isObject(g)) return g;
    const current = { value: e.value, asOf: e.asOf, source: e.source, ...(e.note ? { note: e.note } : {}) };
    return { ...g, current };
  });
  return `${JSON.stringify({ ...raw, goals }, null, 2)}\n`;
}

/**
 * The NEV counts (the file's, with the entered ones in place) in the bundled file's columns, one
 * row per district, "not provided" left empty.
 */
export function nevFileText(
  nev: readonly NevCount[],
  districts: readonly DistrictName[],
  entered: readonly EnteredValue[],
): string {
  const counts = new Map(nevWithEntered(nev, entered).map((n) => [n.district, n]));
  const names = new Map(districts.map((d) => [d.adcode, d.name_zh]));
  const codes = [...new Set([...names.keys(), ...counts.keys()])];
  return excelCsv(
    ['district', 'name_zh', 'nev_count', 'as_of', 'source'],
    codes.map((code) => {
      const n = counts.get(code);
      return [code, names.get(code) ?? '', n?.nevCount ?? null, n?.asOf ?? '', n?.source ?? ''];
    }),
  );
}

/** A CSV to fill in: one row per goal, with its id and name (in the user's language), and the figure's columns empty. */
export function goalsTemplate(goals: readonly Goal[], lang: Lang): string {
  return excelCsv(
    csvColumns('goal'),
    goals.map((g) => [g.id, g.name[lang], '', '', '', '']),
  );
}

/** A CSV to fill in: one row per district, by name, and the figure's columns empty. */
export function nevTemplate(districts: readonly DistrictName[], lang: Lang): string {
  return excelCsv(
    csvColumns('nev'),
    districts.map((d) => [lang === 'zh' ? d.name_zh : d.name_en, '', '', '']),
  );
}
