// The workflows of values entered in the app (a goal's current value, a district's NEV count):
// check, keep in the store at once, save in IndexedDB, remove, import from a CSV, export as the
// data files of the next build. Out of the components, like workflow.ts: each function gets the
// store's state and actions through `get` (the app passes useAppStore.getState).
import {
  type Checked,
  checkGoalEntry,
  checkNevEntry,
  type EnteredImportReport,
  type EntryContext,
  type GoalForm,
  type NevForm,
  parseEnteredCsv,
} from '../data/entered';
import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import { replaceEntries } from '../domain/entered';
import { goalsFileText, goalsTemplate, nevFileText, nevTemplate } from '../export/data-files';
import { download } from '../export/export-data';
import { todayIso } from '../model/dates';
import { type EnteredKind, type EnteredValue, enteredKey } from '../model/entered';
import { decode, detectEncoding, isNotText } from './encoding';
import { deleteEnteredValue, saveEnteredValues } from './entered-values';
import type { StorageProblem } from './storage';

/** The part of the app store these workflows read and update. */
export interface EnteredStore {
  /** What the app shows (entered values joined): the goals and districts an entry may name. */
  data: Pick<BundledData, 'goals' | 'districts'> | null;
  /** The shipped files alone: what an export starts from. */
  bundled: Pick<BundledData, 'goalsFile' | 'nev' | 'districts'> | null;
  entered: EnteredValue[];
  setEntered: (values: EnteredValue[]) => void;
  /** Why the browser could not keep the values (null: it did). */
  setEnteredError: (problem: StorageProblem | null) => void;
  setEnteredReport: (report: EnteredImportReport | null) => void;
}

export type GetEnteredStore = () => EnteredStore;

/** What an entry is checked against: the data's goals and districts, and today. */
export function entryContextOf(data: NonNullable<EnteredStore['data']>, now = new Date()): EntryContext {
  return {
    goals: data.goals,
    districts: data.districts.features.map((f) => f.properties),
    today: todayIso(now),
    now: now.toISOString(),
  };
}

/** Shows the values at once (each replacing the entry about the same goal or district), then saves them. */
async function keep(values: readonly EnteredValue[], get: GetEnteredStore): Promise<void> {
  if (values.length === 0) return;
  get().setEntered(replaceEntries(get().entered, values));
  const r = await saveEnteredValues(values);
  get().setEnteredError(r.ok ? null : r.problem);
}

async function enter<T extends EnteredValue>(
  check: (ctx: EntryContext) => Checked<T>,
  get: GetEnteredStore,
  now: Date,
): Promise<Checked<T>> {
  const data = get().data;
  if (!data) return { ok: false, problems: [] };
  const checked = check(entryContextOf(data, now));
  if (checked.ok) await keep([checked.value], get);
  return checked;
}

/** A goal's current value from the form: kept and saved, or refused with every problem (nothing kept). */
export function enterGoal(form: GoalForm, get: GetEnteredStore, now = new Date()) {
  return enter((ctx) => checkGoalEntry(form, ctx), get, now);
}

/** A district's NEV count from the form: kept and saved, or refused with every problem (nothing kept). */
export function enterNev(form: NevForm, get: GetEnteredStore, now = new Date()) {
  return enter((ctx) => checkNevEntry(form, ctx), get, now);
}

/** Takes an entered value off the screen at once, then out of IndexedDB (a failure there is shown). */
export async function removeEntered(key: string, get: GetEnteredStore): Promise<void> {
  get().setEntered(get().entered.filter((e) => enteredKey(e) !== key));
  const r = await deleteEnteredValue(key);
  get().setEnteredError(r.ok ? null : r.problem);
}

/** "Small": a table of a few dozen rows is a few kilobytes. */
export const MAX_CSV_BYTES = 1024 * 1024;

/**
 * A CSV of goal values or NEV counts: the rows without an error are kept and saved; the report
 * (every problem by line and column) goes to the store for the panel to show.
 */
export async function importEnteredCsv(
  file: File,
  kind: EnteredKind,
  get: GetEnteredStore,
  now = new Date(),
): Promise<EnteredImportReport | null> {
  const data = get().data;
  if (!data) return null;
  const fileOnly = (code: 'entered.problem.notText' | 'entered.problem.tooBig', params = {}) => ({
    kind,
    fileName: file.name,
    values: [],
    problems: [{ line: null, column: '', code, params, severity: 'error' as const }],
    rows: 0,
    rejected: 0,
    blank: 0,
  });
  let report: EnteredImportReport;
  if (file.size > MAX_CSV_BYTES) report = fileOnly('entered.problem.tooBig', { limit: '1 MB' });
  else {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const guess = detectEncoding(bytes);
    report = isNotText(guess)
      ? fileOnly('entered.problem.notText')
      : {
          kind,
          fileName: file.name,
          ...parseEnteredCsv(decode(bytes, guess.encoding).text, kind, entryContextOf(data, now)),
        };
  }
  get().setEnteredReport(report);
  await keep(report.values, get);
  return report;
}

/** goals.json as shipped, with the entered values as current values; false when it cannot be made. */
export function exportGoalsFile(get: GetEnteredStore): boolean {
  const s = get();
  const text = s.bundled ? goalsFileText(s.bundled.goalsFile, s.entered) : null;
  if (text === null) return false;
  download('goals.json', text, 'application/json');
  return true;
}

/** nev-by-district.csv as shipped, with the entered counts in place. */
export function exportNevFile(get: GetEnteredStore): boolean {
  const b = get().bundled;
  if (!b) return false;
  download(
    'nev-by-district.csv',
    nevFileText(
      b.nev,
      b.districts.features.map((f) => f.properties),
      get().entered,
    ),
    'text/csv',
  );
  return true;
}

/** A CSV to fill in and import: every goal or district named, the figures empty. */
export function downloadTemplate(kind: EnteredKind, lang: Lang, get: GetEnteredStore): void {
  const d = get().data;
  if (!d) return;
  if (kind === 'goal') download('goals-template.csv', goalsTemplate(d.goals, lang), 'text/csv');
  else
    download(
      'nev-template.csv',
      nevTemplate(
        d.districts.features.map((f) => f.properties),
        lang,
      ),
      'text/csv',
    );
}
