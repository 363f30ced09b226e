import { createStore, del, entries, set } from 'idb-keyval';
import type { Bilingual, IssueCode } from '../data/types';
import { isSavedImport } from '../model/saved-import';
import { type PackedDataset, packDataset, packedListsOf, unpackDataset } from './packed-records';
import type { ImportedDataset, ImportNote, ReportRow } from './pipeline';
import { problemOf, type StorageProblem, type Stored, storing } from './storage';

// One database of the app's own; each import is one entry, so removing one never rewrites the others.
const store = () => createStore('huaibei-nev-map', 'imports');

/**
 * Report lines kept with a saved import: as many as the report shows. The rest is only counted (by
 * reason, with the first line of each as its example): a 50,000-row file with a note on every row
 * would otherwise be written, and read back at every start, as 50,000 more objects.
 */
export const KEPT_REPORT_ROWS = 300;

export interface ReportTotals {
  /** Lines in the whole report, and how many of them are errors. */
  rows: number;
  errors: number;
  /** How many lines of each reason, in the order each first appears, with that first line. */
  byCode: { code: IssueCode; n: number; example: ReportRow }[];
}

/** An import as the app holds it: one read back from storage may carry only the start of its report. */
export type KeptImport = ImportedDataset & { reportTotals?: ReportTotals };

/** The counts of a whole report, from its lines. */
export function totalsOf(report: readonly ReportRow[]): ReportTotals {
  const byCode = new Map<IssueCode, { code: IssueCode; n: number; example: ReportRow }>();
  let errors = 0;
  for (const r of report) {
    if (r.severity === 'error') errors += 1;
    const c = byCode.get(r.code);
    if (c) c.n += 1;
    else byCode.set(r.code, { code: r.code, n: 1, example: r });
  }
  return { rows: report.length, errors, byCode: [...byCode.values()] };
}

/** The counts of an import's whole report: kept with a cut report, else counted from its lines. */
export function reportTotalsOf(ds: ImportedDataset): ReportTotals {
  return (ds as KeptImport).reportTotals ?? totalsOf(ds.report);
}

/** Report lines not in the report the app holds (left out of the saved copy). */
export function reportLeftOut(ds: ImportedDataset): number {
  return reportTotalsOf(ds).rows - ds.report.length;
}

/** What is saved of an import: everything but the report past its first KEPT_REPORT_ROWS lines. */
export function keptCopy(ds: ImportedDataset): KeptImport {
  if (ds.report.length <= KEPT_REPORT_ROWS) return ds;
  return { ...ds, report: ds.report.slice(0, KEPT_REPORT_ROWS), reportTotals: reportTotalsOf(ds) };
}

/** An import as stored: the kept copy with its records as columns (packed-records.ts). */
export type StoredImport = PackedDataset<KeptImport>;

/**
 * The stored form of an import: its records in the columns the worker sent them in, or packed a
 * column per task when it has none (an import changed since, or read from an older save).
 */
export const storedForm = (ds: ImportedDataset): Promise<StoredImport> =>
  packDataset(keptCopy(ds), packedListsOf(ds));

/** The import back from its stored form (or as an earlier version saved it); null if damaged. */
export const fromStored = (x: ImportedDataset & { packed?: unknown }) => unpackDataset(x);

/** Saves an import's kept copy; `ms`: how long to wait for the storage before saying it did not answer. */
export async function saveImport(ds: ImportedDataset, ms?: number): Promise<Stored> {
  const stored = await storedForm(ds);
  return storing('save', () => set(ds.id, stored, store()), ms);
}

export function deleteImport(id: string): Promise<Stored> {
  return storing('remove', () => del(id, store()));
}

/**
 * Every saved import, oldest first; an unreadable store gives none and says why. It answers when
 * the browser does, which may be never: the caller decides how long to wait.
 */
export async function loadImports(): Promise<{ imports: KeptImport[]; problem: StorageProblem | null }> {
  try {
    const read = (await entries<string, unknown>(store()))
      .map(([, v]) => v)
      .filter((v): v is ImportedDataset => isSavedImport(v))
      .sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    const imports: KeptImport[] = [];
    for (const r of read) {
      const ds = await fromStored(r);
      if (!ds) continue;
      const now = upgradeSaved(ds);
      imports.push(now);
      // One saved by an earlier version (its records as objects, or its whole report) is written
      // back in today's form, so the next start reads less.
      if (now.report.length < ds.report.length || !('packed' in r))
        void storedForm(now)
          .then((f) => set(now.id, f, store()))
          .catch(() => {});
    }
    return { imports, problem: null };
  } catch (e) {
    return { imports: [], problem: problemOf(e, 'read') };
  }
}

type Legacy = { reason?: Bilingual; zh?: string; en?: string };

/**
 * An import as saved by any version, in today's form. One saved before report rows and notes
 * carried codes (they held a sentence in both languages): the old text is kept, both languages
 * together, under a code that shows it as is. One saved with its whole report: cut as saving cuts it.
 */
export function upgradeSaved(ds: ImportedDataset): KeptImport {
  const both = (b: Bilingual) => (b.zh === b.en ? b.en : `${b.zh} / ${b.en}`);
  const row = (r: ReportRow & Legacy): ReportRow => {
    if (r.code || !r.reason) return r;
    const { reason, ...rest } = r;
    return { ...rest, code: 'import.row.saved', params: { text: both(reason) } };
  };
  const note = (n: ImportNote & Legacy): ImportNote =>
    n.code || n.zh === undefined || n.en === undefined
      ? n
      : { code: 'import.row.saved', params: { text: both({ zh: n.zh, en: n.en }) } };
  return keptCopy({ ...ds, report: (ds.report ?? []).map(row), notes: (ds.notes ?? []).map(note) });
}
