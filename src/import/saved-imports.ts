import { createStore, del, delMany, entries, get, keys, set } from 'idb-keyval';
import type { Bilingual, IssueCode } from '../data/types';
import { isSavedImport } from '../model/saved-import';
import {
  columnCount,
  forgetPackedLists,
  PACKED_LISTS,
  type PackedColumn,
  type PackedDataset,
  type PackedLists,
  type PackedRecords,
  packDataset,
  packedListsOf,
  SLICE,
  unpackDataset,
} from './packed-records';
import type { ImportedDataset, ImportNote, ReportRow } from './pipeline';
import { problemOf, type StorageProblem, type Stored, storing } from './storage';

// One database of the app's own; each import is one entry, so removing one never rewrites the others.
const store = () => createStore('huaibei-nev-map', 'imports');
// The columns of a large import's records, in groups of at most GROUP_BYTES, in a database apart
// (idb-keyval keeps one store per database): the browser copies a value in or out of storage in one
// task of the page, and a group is a few tens of milliseconds of that where a whole import of
// 100,000 firms is half a second.
const columnStore = () => createStore('huaibei-nev-map-columns', 'columns');

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

/**
 * A list of records whose columns are kept apart in `groups` entries, under keys that name this
 * `generation` of its save.
 */
type ApartRecords = PackedRecords & { apart: string; groups: number };

/** Where group `g` of the columns of one list of an import's save is kept. */
export type ColumnKey = [id: string, generation: string, list: keyof PackedLists, group: number];

const LISTS = PACKED_LISTS.map(([list]) => list);

/**
 * Bytes of columns per entry: a copy of this much in or out of storage is about 30 ms of the page
 * (2 MB was 130 ms in the bench); the report no longer waits for the save, so more writes cost
 * the user nothing.
 */
export const GROUP_BYTES = 512 * 1024;

const isApart = (p: PackedRecords): p is ApartRecords =>
  typeof (p as Partial<ApartRecords>).apart === 'string';

const bytesOf = (c: PackedColumn) =>
  2 * (c.text?.length ?? 0) +
  [c.ends, c.values, c.counts, c.flags, c.index].reduce((n, a) => n + (a?.byteLength ?? 0), 0);

/** Columns in order, cut into groups of at most GROUP_BYTES (a larger column is a group of its own). */
function groupsOf(columns: readonly PackedColumn[]): PackedColumn[][] {
  const groups: PackedColumn[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const c of columns) {
    const b = bytesOf(c);
    if (size + b > GROUP_BYTES) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]?.push(c);
    size += b;
  }
  return groups;
}

/**
 * A stored import as one entry plus the columns of its large lists, a group of them under each key.
 * A list of up to one slice of records stays in the entry. `generation` tells this save's columns
 * from an earlier save's of the same import, so that a save cut short never mixes the two.
 */
export function splitStored(
  stored: StoredImport,
  generation: string,
): { entry: StoredImport; columns: [ColumnKey, PackedColumn[]][] } {
  const columns: [ColumnKey, PackedColumn[]][] = [];
  const packed = { ...stored.packed };
  for (const list of LISTS) {
    const p = packed[list];
    if (p.length <= SLICE) continue;
    const groups = groupsOf(p.columns);
    groups.forEach((g, k) => {
      columns.push([[stored.id, generation, list, k], g]);
    });
    const apart: ApartRecords = {
      type: p.type,
      length: p.length,
      columns: [],
      apart: generation,
      groups: groups.length,
    };
    packed[list] = apart;
  }
  return { entry: { ...stored, packed }, columns };
}

/**
 * A stored entry with its lists' columns read back, one group after another (so each copy out of
 * storage is its own short task). A group that cannot be found leaves a hole the check of the
 * columns refuses.
 */
export async function joinStored<T extends ImportedDataset & { packed?: unknown }>(
  entry: T,
  read: (key: ColumnKey) => Promise<unknown>,
): Promise<T> {
  const packed = entry.packed as Partial<Record<keyof PackedLists, PackedRecords>> | undefined;
  if (typeof packed !== 'object' || packed === null) return entry;
  const out: Partial<Record<keyof PackedLists, PackedRecords>> = { ...packed };
  for (const list of LISTS) {
    const p = packed[list];
    if (!p || !isApart(p)) continue;
    const columns: PackedColumn[] = [];
    // A damaged count reads nothing (and the columns are refused), never a run of reads.
    const groups = Number.isInteger(p.groups) ? Math.min(p.groups, columnCount(p.type)) : 0;
    for (let g = 0; g < groups; g += 1) {
      const group = await read([entry.id, p.apart, list, g]);
      if (Array.isArray(group)) columns.push(...(group as PackedColumn[]));
    }
    out[list] = { type: p.type, length: p.length, columns };
  }
  return { ...entry, packed: out };
}

/** The generation of the columns an entry names (null when it keeps them all inside). */
export function generationOf(entry: unknown): string | null {
  const packed = (entry as { packed?: Partial<Record<keyof PackedLists, PackedRecords>> }).packed;
  if (typeof packed !== 'object' || packed === null) return null;
  for (const list of LISTS) {
    const p = packed[list];
    if (p && isApart(p)) return p.apart;
  }
  return null;
}

/**
 * Column keys no saved entry names: left by a save cut short, or by an import's earlier save. Keys
 * of a generation made at or after `since` are kept: a save of this page may be writing them now,
 * its entry not yet written.
 */
export function orphanColumns(
  columnKeys: readonly IDBValidKey[],
  named: ReadonlyMap<string, string | null>,
  since = Number.POSITIVE_INFINITY,
): IDBValidKey[] {
  return columnKeys.filter((k) => {
    if (!Array.isArray(k)) return true;
    const [id, generation] = k as unknown[];
    if (typeof id !== 'string' || typeof generation !== 'string') return true;
    if (generationTime(generation) >= since) return false;
    return named.get(id) !== generation;
  });
}

let generations = 0;
/** A save's generation: when it was made (ms, base 36) and a count, unique within the page. */
export function newGeneration(): string {
  generations += 1;
  return `${Date.now().toString(36)}.${generations}`;
}
const generationTime = (g: string) => Number.parseInt(g.split('.')[0] ?? '', 36);
// Saves of this page make generations from here on.
const PAGE_START = Date.now();

/** Writes an import's stored form: its groups of columns one by one, then the entry that names them. */
async function writeStored(ds: ImportedDataset): Promise<void> {
  const stored = await storedForm(ds);
  // Saved or not, the import is not written again: its columns need not stay besides its records.
  forgetPackedLists(ds);
  const { entry, columns } = splitStored(stored, newGeneration());
  const cols = columnStore();
  for (const [key, group] of columns) await set(key, group, cols);
  await set(ds.id, entry, store());
  // The import is kept once its entry is: failing to clear the last save's columns is no failed
  // save (the next start removes them).
  await dropColumns(ds.id, generationOf(entry)).catch(() => {});
}

/** Removes the columns of an import's other saves (all of them when `keep` is null). */
async function dropColumns(id: string, keep: string | null): Promise<void> {
  const cols = columnStore();
  const stale = (await keys(cols)).filter((k) => Array.isArray(k) && k[0] === id && k[1] !== keep);
  if (stale.length) await delMany(stale, cols);
}

// The storage work of each import, one operation after another: the report no longer waits for
// a save, so an import can be removed (or written back) while its save is still running, and the
// removal must not be overtaken by the save's last write.
const pending = new Map<string, Promise<unknown>>();
export function inTurn<T>(id: string, op: () => Promise<T>): Promise<T> {
  const run = (pending.get(id) ?? Promise.resolve()).catch(() => {}).then(op);
  pending.set(id, run);
  void run
    .catch(() => {})
    .then(() => {
      if (pending.get(id) === run) pending.delete(id);
    });
  return run;
}

/** Saves an import's kept copy; `ms`: how long to wait for the storage before saying it did not answer. */
export async function saveImport(ds: ImportedDataset, ms?: number): Promise<Stored> {
  return storing('save', () => inTurn(ds.id, () => writeStored(ds)), ms);
}

export function deleteImport(id: string): Promise<Stored> {
  return storing('remove', () =>
    inTurn(id, async () => {
      await del(id, store());
      await dropColumns(id, null);
    }),
  );
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
    const cols = columnStore();
    for (const r of read) {
      const ds = await fromStored(await joinStored(r, (k) => get(k, cols)));
      if (!ds) continue;
      const now = upgradeSaved(ds);
      imports.push(now);
      // One saved by an earlier version (its records as objects or in one entry, or its whole
      // report) is written back in today's form, so the next start reads less.
      const inOne =
        'packed' in r && generationOf(r) === null && now.enterprises.length + now.chargers.length > SLICE;
      if (now.report.length < ds.report.length || !('packed' in r) || inOne)
        void inTurn(now.id, () => writeStored(now)).catch(() => {});
    }
    // Columns no entry names (a save cut short): removed, after the imports are in.
    const named = new Map(read.map((r) => [r.id, generationOf(r)]));
    void keys(cols)
      .then((ks) => orphanColumns(ks, named, PAGE_START))
      .then((stale) => (stale.length ? delMany(stale, cols) : undefined))
      .catch(() => {});
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
