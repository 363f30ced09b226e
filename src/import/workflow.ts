// The import's workflows, out of the components (zustand's "actions as module functions"): the
// dialog and the data panel only render. import/ never imports the store: each function gets the
// store's state and actions through `get` (the app passes useAppStore.getState).

import type { BundledData } from '../data/load-bundled';
import type { Enterprise } from '../data/types';
import { capChanges, changesBetween } from '../domain/changes';
import { todayIso } from '../model/dates';
import { suggestMapping } from './columns';
import { applyDuplicates, candidateOf, type DuplicateMatch, findDuplicates } from './duplicates';
import { ImportFailure } from './failure';
import { ImportCancelled, importFile, type Job, sniffFile } from './import-client';
import { nextImportId, withImports } from './merge';
import {
  type ImportedDataset,
  type ImportOptions,
  importContextOf,
  placeApart,
  type Sniffed,
  type SniffOverrides,
} from './pipeline';
import type { ImportStage } from './protocol';
import { deleteImport, saveImport } from './saved-imports';
import { READ_DEADLINE_MS, type StorageProblem, WRITE_DEADLINE_MS } from './storage';

/** The part of the app store the import workflows read and update. */
export interface ImportStore {
  /** The bundled files as read: what the change list recomputes the data from. */
  bundled: BundledData | null;
  data: (Parameters<typeof importContextOf>[0] & { enterprises: Enterprise[] }) | null;
  imports: ImportedDataset[];
  /** Whether the imports saved in this browser are in (absent: they are). */
  savedImports?: 'reading' | 'unanswered' | 'read';
  setImports: (imports: ImportedDataset[]) => void;
  setStorageError: (problem: StorageProblem | null) => void;
  /** Opens the import dialog on a file, or closes it (null). */
  startImport: (file: File | null) => void;
  showReport: (importId: string | null) => void;
}

export type GetImportStore = () => ImportStore;

/** The import settings suggested by a first look, keeping what the user chose before a re-read. */
export function optionsFrom(s: Sniffed, prev: ImportOptions | null, id: string): ImportOptions {
  return {
    fileName: s.fileName,
    datasetId: id,
    format: s.format,
    encoding: s.encoding,
    delimiter: s.delimiter,
    kind: prev?.kind ?? s.kind,
    mapping: prev && prev.kind !== s.kind ? suggestMapping(s.header, prev.kind) : s.mapping,
    lonLatColumn: s.lonLatColumn,
    crs: prev?.crs ?? s.crs,
    crsColumn: s.crsColumn,
    swapLonLat: s.swapLonLat,
    mode: prev?.mode ?? 'join',
    confidence: prev?.confidence ?? 'medium',
  };
}

const mapJob = <T, U>(job: Job<T>, f: (v: T) => U | Promise<U>): Job<U> => ({
  result: job.result.then(f),
  cancel: job.cancel,
});

/** First look at a file (in a worker) and the settings to start the mapping step with. */
export function readFileStart(
  file: File,
  overrides: SniffOverrides,
  prev: ImportOptions | null,
  get: GetImportStore,
): Job<{ sniffed: Sniffed; options: ImportOptions }> {
  return mapJob(sniffFile(file, overrides), (sniffed) => ({
    sniffed,
    options: optionsFrom(
      sniffed,
      prev,
      nextImportId(get().imports, (get().savedImports ?? 'read') !== 'read'),
    ),
  }));
}

/** How an import ended: stored and shown, or nothing usable in it (the store is untouched then). */
export type ImportOutcome =
  | { kind: 'added'; dataset: ImportedDataset }
  | { kind: 'nothing'; dataset: ImportedDataset };

/**
 * The whole import: checks the file in a worker against today's data, then adds the dataset to
 * the store, saves it in IndexedDB (a failure to save is shown, and the import stays for this
 * session), closes the dialog and opens the report.
 */
export function commitImport(
  file: File,
  options: ImportOptions,
  get: GetImportStore,
  onProgress: (stage: ImportStage, share: number) => void,
): Job<ImportOutcome> {
  const data = get().data;
  if (!data) {
    return { result: Promise.reject(new ImportFailure('import.fail.noData')), cancel: () => {} };
  }
  const job = importFile(file, options, importContextOf(data, todayIso()), onProgress);
  return mapJob(job, async (read): Promise<ImportOutcome> => {
    // Rows that stand for firms already shown: updated, kept twice or skipped, as the user chose. A
    // row not placed may match too (a list of names updating firms): it takes the firm's place then.
    const applied =
      read.kind === 'enterprises' && read.mode === 'join'
        ? placeApart(
            applyDuplicates(
              { ...read, enterprises: allEnterprises(read), unplaced: { enterprises: [], chargers: [] } },
              get().data?.enterprises ?? [],
              options.duplicates ?? 'update',
              mappedFields(options),
            ),
          )
        : read;
    const kept =
      applied.enterprises.length +
      applied.chargers.length +
      (applied.unplaced?.enterprises.length ?? 0) +
      (applied.unplaced?.chargers.length ?? 0);
    if (kept === 0 && !applied.duplicates?.matches.length) return { kind: 'nothing', dataset: applied };
    const dataset = { ...applied, changes: changeOf(applied, get()) };
    get().setImports([...get().imports, dataset]);
    // Storage already silent at start: the dialog waits for it no longer than the start did.
    const stored = await saveImport(
      dataset,
      get().savedImports === 'unanswered' ? READ_DEADLINE_MS : WRITE_DEADLINE_MS,
    );
    const st = get();
    st.setStorageError(stored.ok ? null : stored.problem);
    st.startImport(null);
    st.showReport(dataset.id);
    return { kind: 'added', dataset };
  });
}

/** What adding the import does to the data shown: kept with it, to be opened and printed later. */
function changeOf(ds: ImportedDataset, st: ImportStore) {
  if (!st.bundled) return undefined;
  const before = withImports(st.bundled, st.imports);
  const after = withImports(st.bundled, [...st.imports, ds]);
  const sameAs = new Map((ds.duplicates?.matches ?? []).map((m) => [m.key, m.existingKey]));
  return capChanges(changesBetween(st.bundled.chain, before, after, sameAs));
}

/** A dataset's firms, placed and not, in file order. */
function allEnterprises(ds: ImportedDataset): Enterprise[] {
  const all = [...ds.enterprises, ...(ds.unplaced?.enterprises ?? [])];
  return all.sort((a, b) => a.line - b.line);
}

/** The fields the file feeds, as mapped (a combined "lng,lat" column feeds both). */
function mappedFields(o: ImportOptions): Set<string> {
  const s = new Set<string>(Object.keys(o.mapping));
  if (o.lonLatColumn !== null) for (const f of ['lon', 'lat']) s.add(f);
  return s;
}

/**
 * The mapping step's look ahead: the whole file read with the current settings (in a worker, nothing
 * stored) and its rows matched against the firms shown. Only for a firm list joined to the data.
 */
export function checkDuplicates(
  file: File,
  options: ImportOptions,
  get: GetImportStore,
): Job<DuplicateMatch[]> {
  const data = get().data;
  if (!data || options.kind !== 'enterprises' || options.mode !== 'join') {
    return { result: Promise.resolve([]), cancel: () => {} };
  }
  const job = importFile(file, options, importContextOf(data, todayIso()), () => {});
  return mapJob(job, (ds) =>
    findDuplicates(allEnterprises(ds).map(candidateOf), data.enterprises.map(candidateOf)),
  );
}

/** Removes an import from the map at once, then from IndexedDB (a failure there is shown). */
export async function removeImport(id: string, get: GetImportStore): Promise<void> {
  get().setImports(get().imports.filter((i) => i.id !== id));
  const r = await deleteImport(id);
  get().setStorageError(r.ok ? null : r.problem);
}

/** Any error of an import as an ImportFailure to show; null for a cancel, which is no error. */
export function failureOf(e: unknown): ImportFailure | null {
  if (e instanceof ImportCancelled) return null;
  if (e instanceof ImportFailure) return e;
  return new ImportFailure('import.fail.other', { message: e instanceof Error ? e.message : String(e) });
}
