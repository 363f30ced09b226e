/// <reference lib="webworker" />
// Reads, parses and checks an imported file off the main thread, so the page stays responsive.
import { ImportFailure } from './failure';
import { checkSize, LIMITS, runImport, sniff, wantsWholeFile } from './pipeline';
import type { FromWorker, ToWorker } from './protocol';

// Records per message: unpacking this many takes well under 50 ms on a tablet.
const PART = 1000;

const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

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
    const dataset = runImport(bytes, m.options, m.ctx, m.importedAt, (stage, share) =>
      post({ type: 'progress', stage, share }),
    );
    // One message of 100,000 records is one long task on the page while it is unpacked: slices
    // of a few thousand are unpacked one by one, with the page free to draw in between.
    for (let i = 0; i < dataset.enterprises.length; i += PART)
      post({ type: 'part', enterprises: dataset.enterprises.slice(i, i + PART), chargers: [] });
    for (let i = 0; i < dataset.chargers.length; i += PART)
      post({ type: 'part', enterprises: [], chargers: dataset.chargers.slice(i, i + PART) });
    post({ type: 'done', dataset: { ...dataset, enterprises: [], chargers: [] } });
  } catch (err) {
    if (err instanceof ImportFailure) post({ type: 'failed', code: err.code, params: err.params });
    else {
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'failed', code: 'import.fail.readError', params: { message } });
    }
  }
};
