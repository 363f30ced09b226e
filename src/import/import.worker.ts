/// <reference lib="webworker" />
// Reads, parses and checks an imported file off the main thread, so the page stays responsive.

import type { Charger } from '../data/chargers';
import type { Enterprise } from '../data/types';
import { ImportFailure } from './failure';
import { joinImport } from './join';
import { packDataset, unpack } from './packed-records';
import { datasetToWire, fromWireWhole, wireTransferables } from './packed-wire';
import { checkSize, LIMITS, runImport, sniff, wantsWholeFile } from './pipeline';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    // The size is known before a byte is read: a 200 MB file is refused at once.
    checkSize(m.file.size);
    if (m.type === 'sniff') {
      const sample = await bytesOf(m.file.slice(0, LIMITS.sampleBytes));
      // JSON by its name or its first characters is read whole (a .txt of GeoJSON too).
      const full = wantsWholeFile(sample, m.file.name) ? await bytesOf(m.file) : undefined;
      post({ type: 'sniffed', sniffed: sniff(sample, m.file.name, m.file.size, full, m.overrides) });
      return;
    }
    post({ type: 'progress', stage: 'load', share: 0 });
    const bytes = await bytesOf(m.file);
    const read = runImport(bytes, m.options, m.ctx, m.importedAt, (stage, share) =>
      post({ type: 'progress', stage, share }),
    );
    const j = m.join;
    const dataset = j
      ? joinImport(
          read,
          {
            enterprises: unpack<Enterprise>(fromWireWhole(j.enterprises)),
            chargers: unpack<Charger>(fromWireWhole(j.chargers)),
          },
          { enterprises: new Set(j.bundledKeys.enterprises), chargers: new Set(j.bundledKeys.chargers) },
          j.chain,
          j.duplicates,
          new Set(j.mapped),
          j.changes,
        )
      : read;
    // 100,000 records as objects would be one long task on the page while they are unpacked: as
    // columns, their buffers (text too, as bytes) move to the page without a copy, and the page
    // rebuilds the records a slice at a time. Packed at once: a worker has no page to give way to.
    const wire = datasetToWire(await packDataset(dataset, undefined, null));
    post({ type: 'done', dataset: wire }, wireTransferables(wire));
  } catch (err) {
    if (err instanceof ImportFailure) post({ type: 'failed', code: err.code, params: err.params });
    else {
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'failed', code: 'import.fail.readError', params: { message } });
    }
  }
};
