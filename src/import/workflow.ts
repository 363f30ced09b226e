// The import's workflows, out of the components (zustand's "actions as module functions"): the
// dialog and the data panel only render. import/ never imports the store: each function gets the
// store's state and actions through `get` (the app passes useAppStore.getState).

import type { Charger } from '../data/chargers';
import type { BundledData } from '../data/load-bundled';
import type { Enterprise } from '../data/types';
import { todayIso } from '../model/dates';
import { suggestMapping } from './columns';
import type { DuplicateMatch } from './duplicates';
import { ImportFailure } from './failure';
import { ImportCancelled, importFile, type Job, sniffFile } from './import-client';
import { type JoinContext, mappedFields } from './join';
import { nextImportId } from './merge';
import { packSliced } from './packed-records';
import { toWireSliced } from './packed-wire';
import {
  type ImportedDataset,
  type ImportOptions,
  importContextOf,
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
  data: (Parameters<typeof importContextOf>[0] & { enterprises: Enterprise[]; chargers: Charger[] }) | null;
  imports: ImportedDataset[];
  /** Whether the imports saved in this browser are in (absent: they are). */
  savedImports?: 'reading' | 'unanswered' | 'read';
  setImports: (imports: ImportedDataset[]) => void;
  setStorageError: (problem: StorageProblem | null) => void;
  setSaving: (importId: string, saving: boolean) => void;
  /** Opens the import dialog on a file, or closes it (null). */
  startImport: (file: File | null) => void;
  showReport: (importId: string | null) => void;
}

export type GetImportStore = () => ImportStore;

/**
 * Works out ahead, a part per task, what the map will show with these imports, so that adding
 * them to the store is one short task (state/prepare-shown.ts).
 */
export type PrepareImports = (imports: ImportedDataset[]) => Promise<void>;

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

/**
 * A job carried on by `f` once its result is in. A cancel stops the job and what follows: before
 * `f`, and wherever `f` calls `going()` (after a long step, before it changes anything).
 */
function mapJob<T, U>(job: Job<T>, f: (v: T, going: () => void) => U | Promise<U>): Job<U> {
  let cancelled = false;
  const going = () => {
    if (cancelled) throw new ImportCancelled('cancelled');
  };
  return {
    result: job.result.then((v) => {
      going();
      return f(v, going);
    }),
    cancel: () => {
      cancelled = true;
      job.cancel();
    },
  };
}

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

/** The data shown, packed a column per task, for the worker to join an import to (join.ts). */
async function joinContextOf(
  st: ImportStore,
  options: ImportOptions,
  changes: boolean,
): Promise<JoinContext | undefined> {
  if (!st.bundled || !st.data) return undefined;
  return {
    chain: st.bundled.chain,
    enterprises: await toWireSliced(await packSliced('enterprise', st.data.enterprises)),
    chargers: await toWireSliced(await packSliced('charger', st.data.chargers)),
    bundledKeys: {
      enterprises: st.bundled.enterprises.map((e) => e.key),
      chargers: st.bundled.chargers.map((c) => c.key),
    },
    duplicates: options.duplicates ?? 'update',
    mapped: mappedFields(options),
    changes,
  };
}

/** A worker job started once `ready` has what it needs; cancel works before and after. */
function afterPrep<P, T>(ready: Promise<P>, start: (p: P) => Job<T>): Job<T> {
  let job: Job<T> | null = null;
  let cancelled = false;
  const result = ready.then((p) => {
    if (cancelled) throw new ImportCancelled('cancelled');
    job = start(p);
    return job.result;
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
}

/**
 * The worker's import, matched against the data shown when it starts. When that data changed while
 * it ran (saved imports joining after a slow start, say), it runs once more against the data as it
 * is then, so that its matches and change list are those of the data it joins.
 */
function importAgainstShown(
  file: File,
  options: ImportOptions,
  get: GetImportStore,
  onProgress: (stage: ImportStage, share: number) => void,
): Job<ImportedDataset> {
  let job: Job<ImportedDataset> | null = null;
  let cancelled = false;
  const once = (data: NonNullable<ImportStore['data']>) => {
    const ctx = importContextOf(data, todayIso());
    job = afterPrep(joinContextOf(get(), options, true), (join) =>
      importFile(file, options, ctx, onProgress, join),
    );
    return job.result;
  };
  const result = (async () => {
    for (let attempt = 0; ; attempt += 1) {
      const data = get().data;
      if (!data) throw new ImportFailure('import.fail.noData');
      const dataset = await once(data);
      if (cancelled) throw new ImportCancelled('cancelled');
      if (get().data === data || attempt === 1) return dataset;
    }
  })();
  return {
    result,
    cancel: () => {
      cancelled = true;
      job?.cancel();
    },
  };
}

/**
 * The whole import: checks the file in a worker against today's data, matches its rows to the
 * firms shown and lists what it changes (also in the worker), then adds the dataset to the store,
 * saves it in IndexedDB (a failure to save is shown, and the import stays for this session),
 * closes the dialog and opens the report.
 */
export function commitImport(
  file: File,
  options: ImportOptions,
  get: GetImportStore,
  onProgress: (stage: ImportStage, share: number) => void,
  prepare: PrepareImports,
): Job<ImportOutcome> {
  if (!get().data) {
    return { result: Promise.reject(new ImportFailure('import.fail.noData')), cancel: () => {} };
  }
  const job = importAgainstShown(file, options, get, onProgress);
  return mapJob(job, async (dataset, going): Promise<ImportOutcome> => {
    const kept =
      dataset.enterprises.length +
      dataset.chargers.length +
      (dataset.unplaced?.enterprises.length ?? 0) +
      (dataset.unplaced?.chargers.length ?? 0);
    if (kept === 0 && !dataset.duplicates?.matches.length) return { kind: 'nothing', dataset };
    // Made ahead a part per task; imports changed meanwhile are taken as they are now.
    await prepare([...get().imports, dataset]);
    // The view prepared (seconds for a large file): a cancel meanwhile leaves the map as it was.
    going();
    get().setImports([...get().imports, dataset]);
    const st = get();
    // The report opens at once; the save goes on behind it (seconds for a large import on a slow
    // tablet), and the report says while it does.
    st.setSaving(dataset.id, true);
    st.startImport(null);
    st.showReport(dataset.id);
    // Storage already silent at start: waited for no longer than the start did.
    void saveImport(dataset, st.savedImports === 'unanswered' ? READ_DEADLINE_MS : WRITE_DEADLINE_MS).then(
      (stored) => {
        get().setStorageError(stored.ok ? null : stored.problem);
        get().setSaving(dataset.id, false);
      },
    );
    return { kind: 'added', dataset };
  });
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
  // Matched in the worker, as the import itself will be.
  const ctx = importContextOf(data, todayIso());
  // Only the matches are shown: no change list is made.
  const job = afterPrep(joinContextOf(get(), options, false), (join) =>
    importFile(file, options, ctx, () => {}, join),
  );
  return mapJob(job, (ds) => ds.duplicates?.matches ?? []);
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
