// Bench page for the import of a user's spreadsheet at scale: the app's own import (src/import,

// imported, never copied) on a generated 100,000-row roster, as a user gets it (a File handed to
// importFile: a Web Worker decodes, parses with papaparse, checks, normalises and converts GCJ-02
// to WGS84 with gcoord, then posts the dataset back), against papaparse alone parsing the same text
// on the main thread, in the same page and run. Also the same pipeline run synchronously on the main
// thread (runImport), to show what the worker keeps off it. Main-thread blocking is watched with a
// 'longtask' PerformanceObserver and a setTimeout / requestAnimationFrame heartbeat. Results go on
// window.__benchResult (window.__benchError on failure) for tests/bench/run.mjs to collect.

import Papa from 'papaparse';
import { fetchRelative, loadBundled } from '../../../src/data/load-bundled';
import { issueReason } from '../../../src/i18n/t';
import { importFile } from '../../../src/import/import-client';
import {
  type ImportContext,
  type ImportedDataset,
  type ImportOptions,
  importContextOf,
  LIMITS,
  runImport,
  sniff,
} from '../../../src/import/pipeline';
import type { FromWorker, ImportStage } from '../../../src/import/protocol';
import { FAULTS, generateCsv, HEADER } from './csv';

declare global {
  interface Window {
    __benchResult?: unknown;
    __benchError?: string;
  }
}

const params = new URLSearchParams(location.search);
function intParam(name: string, fallback: number, min: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`?${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

const ROWS = intParam('n', 100_000, 1);
/** Measured repetitions of each of the three, after WARMUP discarded rounds. */
const REPS = intParam('reps', 5, 5);
const WARMUP = 1;
const SEED = intParam('seed', 20240601, 0);
const FILE_NAME = 'huaibei-enterprises.csv';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;
const stats = (xs: readonly number[]) => ({
  runs: xs.map(round2),
  median: round2(median(xs)),
  max: round2(Math.max(...xs)),
});
const log = (...args: unknown[]) => console.log('[import]', ...args);

// ---------------------------------------------------------------------------------------------
// Watching the import worker's messages: a Worker subclass put in place of the global before any
// import, so import-client's `new Worker(...)` makes one. Its listener is added in the constructor,
// before import-client sets onmessage, so it runs first for every message: Chromium deserialises a
// message's structured clone when `data` is first read, so timing that read isolates the main
// thread's share of delivering the dataset (the app's handler then gets the cached value).

interface Arrival {
  at: number;
  type: FromWorker['type'];
  stage: ImportStage | null;
  share: number | null;
  /** Time to read `event.data`, i.e. to deserialise the message on the main thread. */
  dataMs: number;
}
let arrivals: Arrival[] = [];

const NativeWorker = window.Worker;
class TimedWorker extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    this.addEventListener('message', (e: MessageEvent<FromWorker>) => {
      const at = performance.now();
      const m = e.data;
      const dataMs = performance.now() - at;
      arrivals.push({
        at,
        type: m.type,
        stage: m.type === 'progress' ? m.stage : null,
        share: m.type === 'progress' ? m.share : null,
        dataMs,
      });
    });
  }
}
window.Worker = TimedWorker;

// ---------------------------------------------------------------------------------------------
// Main-thread blocking: long tasks (> 50 ms, as Chromium reports them) and heartbeat gaps.

const LONGTASK_SUPPORTED = PerformanceObserver.supportedEntryTypes.includes('longtask');
const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
if (LONGTASK_SUPPORTED) longTaskObserver.observe({ type: 'longtask', buffered: true });

/** Long tasks overlapping [t0, t1]; entries arrive late, so call this after settle(). */
function longTasksIn(t0: number, t1: number): PerformanceEntry[] {
  longTasks.push(...longTaskObserver.takeRecords());
  return longTasks.filter((e) => e.startTime < t1 && e.startTime + e.duration > t0);
}

/**
 * Two heartbeats: a setTimeout(0) chain (clamped to ~4 ms between ticks when idle) and a
 * requestAnimationFrame chain (~16.7 ms when idle). The largest gap between two ticks, or between
 * the last tick and stop(), is the longest the page could not answer a timer or draw a frame.
 */
function heartbeat() {
  let stopped = false;
  let lastTimer = performance.now();
  let lastFrame = lastTimer;
  let maxTimer = 0;
  let maxFrame = 0;
  const timer = () => {
    if (stopped) return;
    const now = performance.now();
    maxTimer = Math.max(maxTimer, now - lastTimer);
    lastTimer = now;
    setTimeout(timer, 0);
  };
  const frame = () => {
    if (stopped) return;
    const now = performance.now();
    maxFrame = Math.max(maxFrame, now - lastFrame);
    lastFrame = now;
    requestAnimationFrame(frame);
  };
  setTimeout(timer, 0);
  requestAnimationFrame(frame);
  return {
    /** Forget the gaps so far (the first ticks after start). */
    reset() {
      maxTimer = 0;
      maxFrame = 0;
    },
    stop() {
      stopped = true;
      const now = performance.now();
      return {
        timerMaxGapMs: Math.max(maxTimer, now - lastTimer),
        frameMaxGapMs: Math.max(maxFrame, now - lastFrame),
      };
    },
  };
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));
const nextFrame = () => new Promise<number>((ok) => requestAnimationFrame(ok));

/** Lets the page go quiet (and pending long-task entries arrive) between measurements. */
async function settle() {
  await nextFrame();
  await nextFrame();
  await sleep(150);
}

interface Window_<T> {
  value: T;
  t0: number;
  t1: number;
  ms: number;
  /** Longest long task overlapping the measurement; 0 if none (every task under 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  timerMaxGapMs: number;
  frameMaxGapMs: number;
}

/** Runs `work` with the heartbeats and the long-task observer watching the main thread. */
async function watched<T>(work: () => T | Promise<T>): Promise<Window_<T>> {
  await settle();
  const hb = heartbeat();
  // Let both heartbeats tick once before the clock starts.
  await nextFrame();
  await sleep(20);
  hb.reset();
  const t0 = performance.now();
  const value = await work();
  const t1 = performance.now();
  const gaps = hb.stop();
  await settle();
  const tasks = longTasksIn(t0, t1);
  return {
    value,
    t0,
    t1,
    ms: t1 - t0,
    longestTaskMs: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
    longTasks: tasks.length,
    ...gaps,
  };
}

// ---------------------------------------------------------------------------------------------

interface EndToEndRun extends Window_<ImportedDataset> {
  stages: Record<
    | 'spawnToLoad'
    | 'loadToFirstRead'
    | 'read'
    | 'check'
    | 'serializeAndPost'
    | 'deserializeOnMain'
    | 'doneToResolved',
    number
  >;
  /** The long task that delivered the dataset (deserialisation + handler + promise), 0 if under 50 ms. */
  doneTaskMs: number;
  progressMessages: number;
}

async function endToEnd(file: File, options: ImportOptions, ctx: ImportContext): Promise<EndToEndRun> {
  arrivals = [];
  let progress = 0;
  const w = await watched(
    () =>
      importFile(file, options, ctx, () => {
        progress += 1;
      }).result,
  );
  const first = (p: (a: Arrival) => boolean, what: string): Arrival => {
    const a = arrivals.find(p);
    if (!a) throw new Error(`end to end: no ${what} message from the worker`);
    return a;
  };
  const load = first((a) => a.stage === 'load', "'load' progress");
  const read = first((a) => a.stage === 'read', "'read' progress");
  const check0 = first((a) => a.stage === 'check' && a.share === 0, "'check' 0 progress");
  const check1 = first((a) => a.stage === 'check' && a.share === 1, "'check' 1 progress");
  const done = first((a) => a.type === 'done', "'done'");
  const doneTask = longTasksIn(done.at, done.at + done.dataMs).reduce((m, e) => Math.max(m, e.duration), 0);
  return {
    ...w,
    stages: {
      spawnToLoad: load.at - w.t0,
      loadToFirstRead: read.at - load.at,
      read: check0.at - read.at,
      check: check1.at - check0.at,
      serializeAndPost: done.at - check1.at,
      deserializeOnMain: done.dataMs,
      doneToResolved: w.t1 - (done.at + done.dataMs),
    },
    doneTaskMs: doneTask,
    progressMessages: progress,
  };
}

function summary(ds: ImportedDataset) {
  let errors = 0;
  let warnings = 0;
  for (const r of ds.report) {
    if (r.severity === 'error') errors += 1;
    else warnings += 1;
  }
  return {
    rowCount: ds.rowCount,
    rejectedRows: ds.rejectedRows,
    enterprises: ds.enterprises.length,
    enterprisesWithPoint: ds.enterprises.filter((e) => e.lngLat).length,
    enterprisesWithArea: ds.enterprises.filter((e) => e.area).length,
    reportRows: ds.report.length,
    reportErrors: errors,
    reportWarnings: warnings,
    notes: ds.notes.length,
  };
}

/** How far the first firm's point moved from its GCJ-02 cell: ~0.3–0.6 km here if gcoord ran. */
function firstShiftM(ds: ImportedDataset, text: string): number | null {
  const firm = ds.enterprises[0];
  const cells = text.split('\r\n', 2)[1]?.split(',');
  if (!firm?.lngLat || !cells) return null;
  const lon = Number(cells[6]);
  const lat = Number(cells[7]);
  const [x, y] = firm.lngLat;
  return Math.round(Math.hypot((x - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (y - lat) * 110_574));
}

async function main() {
  const started = performance.now();
  if (!LONGTASK_SUPPORTED) log("this browser does not report 'longtask' entries; only the heartbeat is used");

  // The import is checked against the app's own bundled data, loaded the way the app loads it.
  const data = await loadBundled(fetchRelative('./'));
  const loadErrors = data.issues.filter((i) => i.severity === 'error');
  if (loadErrors.length)
    throw new Error(
      `bundled data: ${loadErrors.length} error(s), first: ${loadErrors[0] ? issueReason('en', loadErrors[0]) : undefined}`,
    );
  const ctx = importContextOf(data, new Date().toISOString().slice(0, 10));

  const tg = performance.now();
  const csv = generateCsv(ROWS, SEED);
  const generateMs = performance.now() - tg;
  const bytes = new TextEncoder().encode(csv.text);
  const file = new File([bytes], FILE_NAME, { type: 'text/csv' });
  log(`${ROWS} rows, ${bytes.length} bytes generated in ${Math.round(generateMs)} ms`);

  // The settings the import dialog would offer (the same sniff() its worker runs), taken as they are.
  const sniffed = sniff(bytes.subarray(0, LIMITS.sampleBytes), FILE_NAME, bytes.length);
  const options: ImportOptions = {
    fileName: sniffed.fileName,
    datasetId: 'bench',
    format: sniffed.format,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    kind: sniffed.kind,
    mapping: sniffed.mapping,
    lonLatColumn: sniffed.lonLatColumn,
    crs: sniffed.crs,
    swapLonLat: sniffed.swapLonLat,
    mode: 'join',
    confidence: 'medium',
  };
  if (sniffed.kind !== 'enterprises' || sniffed.crs !== 'gcj02' || sniffed.mapping.name_zh === undefined) {
    throw new Error(`unexpected detection: kind ${sniffed.kind}, crs ${sniffed.crs}`);
  }

  // Only the figures are kept: each dataset goes to the garbage collector before the next step.
  const e2e: Omit<EndToEndRun, 'value'>[] = [];
  const papa: Window_<{ rows: number; errors: number }>[] = [];
  const sync: Omit<Window_<ImportedDataset>, 'value'>[] = [];
  const decodeMs: number[] = [];
  // The first run's output of each kind of import, to check they agree.
  const seen: {
    e2e?: ReturnType<typeof summary>;
    sync?: ReturnType<typeof summary>;
    shiftM?: number | null;
  } = {};

  const steps = {
    e2e: async () => {
      const { value, ...r } = await endToEnd(file, options, ctx);
      seen.e2e ??= summary(value);
      seen.shiftM ??= firstShiftM(value, csv.text);
      e2e.push(r);
      log(`end to end: ${Math.round(r.ms)} ms, longest task ${Math.round(r.longestTaskMs)} ms`);
    },
    papa: async () => {
      const r = await watched(() => {
        const parsed = Papa.parse<Record<string, string>>(csv.text, { header: true });
        return { rows: parsed.data.length, errors: parsed.errors.length };
      });
      papa.push(r);
      const t = performance.now();
      const decoded = new TextDecoder('utf-8').decode(bytes);
      decodeMs.push(performance.now() - t);
      if (decoded.length !== csv.text.length) throw new Error('TextDecoder gave back a different text');
      log(`papaparse: ${Math.round(r.ms)} ms`);
    },
    sync: async () => {
      const { value, ...r } = await watched(() => runImport(bytes, options, ctx, new Date().toISOString()));
      seen.sync ??= summary(value);
      sync.push(r);
      log(`runImport on the main thread: ${Math.round(r.ms)} ms`);
    },
  };
  const ORDERS: (keyof typeof steps)[][] = [
    ['e2e', 'papa', 'sync'],
    ['papa', 'sync', 'e2e'],
    ['sync', 'e2e', 'papa'],
  ];
  // Warm-up rounds first (reported as firstRun, not in the medians), then the order rotates so that
  // garbage left by one step falls on each of the others alike.
  for (let r = 0; r < WARMUP + REPS; r++) {
    for (const step of ORDERS[r % ORDERS.length] ?? []) await steps[step]();
  }
  const firstRun = {
    endToEndMs: round2(e2e[0]?.ms ?? Number.NaN),
    papaparseMs: round2(papa[0]?.ms ?? Number.NaN),
    runImportOnMainMs: round2(sync[0]?.ms ?? Number.NaN),
  };
  e2e.splice(0, WARMUP);
  papa.splice(0, WARMUP);
  sync.splice(0, WARMUP);
  decodeMs.splice(0, WARMUP);

  if (!seen.e2e || JSON.stringify(seen.e2e) !== JSON.stringify(seen.sync)) {
    throw new Error(
      `worker and main-thread imports differ: ${JSON.stringify(seen.e2e)} vs ${JSON.stringify(seen.sync)}`,
    );
  }
  const e2eMedian = median(e2e.map((r) => r.ms));
  const papaMedian = median(papa.map((r) => r.ms));
  const stageNames = Object.keys(e2e[0]?.stages ?? {}) as (keyof EndToEndRun['stages'])[];
  const chars = csv.text.length;

  window.__benchResult = {
    seed: SEED,
    hardwareConcurrency: navigator.hardwareConcurrency,
    longtaskSupported: LONGTASK_SUPPORTED,
    csv: {
      bytes: bytes.length,
      mib: round2(bytes.length / 1024 / 1024),
      characters: chars,
      rows: csv.rows,
      columns: HEADER.length,
      header: HEADER.join(','),
      encoding: 'utf-8, no BOM, CRLF',
      quotedNamesWithComma: csv.quotedNames,
      nameLength: csv.nameLength,
      faultShares: FAULTS,
      faultRows: csv.faults,
      faultRowsTotal: Object.values(csv.faults).reduce((s, n) => s + n, 0),
      generateMs: round2(generateMs),
    },
    context: {
      segments: ctx.segments.length,
      areas: ctx.areas.length,
      districts: ctx.districts.length,
      townships: ctx.townships.length,
    },
    detected: {
      kind: sniffed.kind,
      encoding: sniffed.encoding,
      delimiter: sniffed.delimiter,
      crs: sniffed.crs,
      crsReason: sniffed.crsReason,
      mapping: Object.fromEntries(
        Object.entries(sniffed.mapping).map(([field, i]) => [field, sniffed.header[i] ?? i]),
      ),
    },
    output: { ...seen.e2e, sameFromWorkerAndMainThread: true, firstFirmShiftFromGcj02M: seen.shiftM ?? null },
    reps: REPS,
    warmupRounds: WARMUP,
    firstRun,
    endToEnd: {
      ms: stats(e2e.map((r) => r.ms)),
      longestTaskMs: stats(e2e.map((r) => r.longestTaskMs)),
      longTasksPerRun: e2e.map((r) => r.longTasks),
      heartbeatMaxGapMs: {
        setTimeout: stats(e2e.map((r) => r.timerMaxGapMs)),
        requestAnimationFrame: stats(e2e.map((r) => r.frameMaxGapMs)),
      },
      stagesMs: Object.fromEntries(stageNames.map((k) => [k, stats(e2e.map((r) => r.stages[k]))])),
      doneMessageTaskMs: stats(e2e.map((r) => r.doneTaskMs)),
      progressMessagesPerRun: e2e[0]?.progressMessages ?? 0,
    },
    baselinePapaparse: {
      thread: 'main',
      call: 'Papa.parse(text, { header: true })',
      ms: stats(papa.map((r) => r.ms)),
      rows: papa[0]?.value.rows ?? null,
      errors: papa[0]?.value.errors ?? null,
      textDecoderMs: stats(decodeMs),
    },
    ratioEndToEndOverPapaparse: round2(e2eMedian / papaMedian),
    mainThreadRunImport: {
      ms: stats(sync.map((r) => r.ms)),
      longestTaskMs: stats(sync.map((r) => r.longestTaskMs)),
      heartbeatMaxGapMs: {
        setTimeout: stats(sync.map((r) => r.timerMaxGapMs)),
        requestAnimationFrame: stats(sync.map((r) => r.frameMaxGapMs)),
      },
    },
    pageMs: Math.round(performance.now() - started),
  };
}

main().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? (e.stack ?? e.message) : String(e);
});
