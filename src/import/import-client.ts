import { ImportFailure } from './failure';
import type { JoinContext } from './join';
import { transferablesOf, unpackDataset } from './packed-records';
import { datasetFromWire } from './packed-wire';
import type { ImportContext, ImportedDataset, ImportOptions, Sniffed, SniffOverrides } from './pipeline';
import type { FromWorker, ImportStage, ToWorker } from './protocol';

/** Thrown when the user cancels an import: not an error to report. */
export class ImportCancelled extends Error {}

export interface Job<T> {
  result: Promise<T>;
  /** Stops the worker at once; `result` rejects with ImportCancelled. */
  cancel: () => void;
}

function run<T>(
  message: ToWorker,
  pick: (m: FromWorker) => T | Promise<T | null> | undefined,
  onProgress?: (stage: ImportStage, share: number) => void,
  transfer: Transferable[] = [],
): Job<T> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const result = new Promise<T>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new ImportCancelled('cancelled'));
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        onProgress?.(m.stage, m.share);
        return;
      }
      worker.terminate();
      if (m.type === 'failed') reject(new ImportFailure(m.code, m.params));
      else {
        Promise.resolve(pick(m)).then((v) => {
          if (v === undefined || v === null) reject(new ImportFailure('import.fail.unexpectedReply'));
          else resolve(v);
        }, reject);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new ImportFailure('import.fail.worker', { message: e.message }));
    };
    worker.postMessage(message, transfer);
  });
  return { result, cancel };
}

/** First look at a file (encoding, columns, preview), in a worker. */
export function sniffFile(file: File, overrides: SniffOverrides = {}): Job<Sniffed> {
  return run({ type: 'sniff', file, overrides }, (m) => (m.type === 'sniffed' ? m.sniffed : undefined));
}

/**
 * The whole import, in a worker, with progress and cancel; with `join`, also matched against the
 * data shown and its change list made (join.ts), its buffers handed to the worker.
 */
export function importFile(
  file: File,
  options: ImportOptions,
  ctx: ImportContext,
  onProgress: (stage: ImportStage, share: number) => void,
  join?: JoinContext,
): Job<ImportedDataset> {
  return run(
    { type: 'import', file, options, ctx, importedAt: new Date().toISOString(), ...(join ? { join } : {}) },
    // The text of the columns is decoded, and the records rebuilt, between other tasks.
    (m) =>
      m.type === 'done'
        ? datasetFromWire(m.dataset).then((p) => unpackDataset<ImportedDataset>(p, { keep: true }))
        : undefined,
    onProgress,
    join ? transferablesOf(join.enterprises, join.chargers) : [],
  );
}
