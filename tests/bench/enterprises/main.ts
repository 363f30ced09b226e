// Bench page for the enterprise data path at scale: the app's own chain analysis and enterprise
// layer (imported from src/, never copied) on 100,000 generated firms, each against the plainest
// code that does the same job, in the same page and run. Results go on window.__benchResult
// (window.__benchError on failure) for tests/bench/run.mjs to collect.

import { Deck, type Layer, WebMercatorViewport } from '@deck.gl/core';
import { DataFilterExtension } from '@deck.gl/extensions';
import { AREA_IDS } from '../../../src/data/areas';
import { validateChainModel } from '../../../src/data/chain';
import type { AreaId, ChainModel, Confidence, Enterprise, Precision } from '../../../src/data/types';
import { analyseChain } from '../../../src/domain/chain-analysis';
import { matchesFilters } from '../../../src/domain/enterprise-filters';
import type { Placement } from '../../../src/domain/enterprise-positions';
import { issueReason } from '../../../src/i18n/t';
import * as deckCore from '../../../src/layers/deck-lib-core';
import {
  DOT_CHANNELS,
  dotKey,
  dotsShown,
  type EnterpriseDots,
  enterpriseDots,
  filterCategories,
} from '../../../src/layers/enterprise-points';
import { buildEnterprisesDeckLayer, dotAttributes } from '../../../src/layers/enterprises-layer';
import { type EnterpriseFilters, NO_FILTERS } from '../../../src/state/url-hash';

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

const ENTERPRISES = intParam('n', 100_000, 1);
/** Measured repetitions of each analysis, after ANALYSIS_WARMUP discarded pairs. */
const ANALYSIS_REPS = intParam('reps', 7, 5);
const ANALYSIS_WARMUP = 3;
/** Measured passes through the filter sequence (after one discarded warm-up pass). */
const FILTER_CYCLES = intParam('cycles', 2, 1);
/**
 * Discarded changes before them (the first steps of the sequence): JIT warm-up. Shaders are
 * already compiled by the first draw; a whole warm-up pass would add a full redraw of every dot,
 * the slowest frame under software WebGL, for nothing.
 */
const WARMUP_CHANGES = intParam('warmup', 2, 1);
const SEED = intParam('seed', 20240601, 0);
/** 0: only the CPU parts (analysis, filterFirms), no deck.gl drawing (minutes under software WebGL). */
const DRAW = intParam('draw', 1, 0) !== 0;

const WIDTH = 1024;
const HEIGHT = 768;
// Huaibei's bbox: generated firms are spread over it.
const BBOX = { west: 116.4, east: 117.0, south: 33.3, north: 34.2 };
const FRAME_TIMEOUT_MS = 120_000;
const PRECISIONS: readonly Precision[] = ['exact', 'park', 'district', 'unknown'];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/** Seeded PRNG: the same firms on every run and machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  enterprises: Enterprise[];
  placements: Placement[];
}

/**
 * Firms like the real CSV's rows, in bulk: ~2% off the map (no point, no area), ~10% of the rest
 * with no area; ~10% with no segment, ~60% with one, ~30% with two; precision and confidence
 * uniform. Placements are built here (not by placeEnterprises) so that every firm on the map has
 * its own random point in the bbox; inexact rows are drawn as approximate, as the app does.
 */
function generate(model: ChainModel, n: number, rand: () => number): Generated {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const segmentIds = model.segments.map((s) => s.id);
  const enterprises: Enterprise[] = [];
  const placements: Placement[] = [];
  for (let i = 0; i < n; i++) {
    const offMap = rand() < 0.02;
    const area: AreaId | null = offMap || rand() < 0.1 ? null : pick(AREA_IDS);
    const roll = rand();
    const segments: string[] = [];
    if (roll >= 0.1) segments.push(pick(segmentIds));
    if (roll >= 0.7) {
      const second = pick(segmentIds);
      if (second !== segments[0]) segments.push(second);
    }
    const precision = pick(PRECISIONS);
    const confidence = pick(CONFIDENCES);
    const position: [number, number] = [
      BBOX.west + rand() * (BBOX.east - BBOX.west),
      BBOX.south + rand() * (BBOX.north - BBOX.south),
    ];
    const key = `B${String(i).padStart(6, '0')}`;
    enterprises.push({
      id: key,
      key,
      line: i + 2,
      name: { zh: `企业${i}`, en: `Firm ${i}` },
      area,
      segments,
      segmentSource: segments.join('；'),
      products: '',
      productLine: { zh: '', en: '' },
      status: 'unknown',
      sourceDate: '',
      checked: '',
      nameNote: '',
      address: '',
      lngLat: offMap ? null : position,
      precision,
      locationBasis: '',
      confidence,
      confidenceNote: '',
      source: 'generated for the benchmark',
    });
    placements.push(
      offMap ? { position: null, approximate: true } : { position, approximate: precision !== 'exact' },
    );
  }
  return { enterprises, placements };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;
const ratio = (baseline: number, ours: number) => (ours > 0 ? round2(baseline / ours) : null);

// ---------------------------------------------------------------------------------------------
// 1. Chain analysis against a bare counting loop.

/** The least work that counts firms per segment: one loop, one plain object. */
function bareCount(enterprises: readonly Enterprise[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of enterprises) {
    for (const id of e.segments) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

function benchAnalysis(model: ChainModel, enterprises: readonly Enterprise[]) {
  const ours: number[] = [];
  const bare: number[] = [];
  let analysis = analyseChain(model, enterprises);
  let counts = bareCount(enterprises);
  // analyseChain makes its lists (each segment's firm keys, the discrepancies) when first read:
  // `withLists` is a new analysis with every list read once, what the chain panel's first draw costs.
  const withLists: number[] = [];
  let listed = 0;
  const readLists = (a: ReturnType<typeof analyseChain>) => {
    let n = a.discrepancies.length + a.unclassified.length;
    for (const s of a.segments) n += s.enterpriseKeys.length;
    return n;
  };
  // Discarded pairs (JIT and heap warm-up: the first runs of analyseChain are several times slower),
  // then alternating order so GC debt falls on both alike.
  for (let r = 0; r < ANALYSIS_REPS + ANALYSIS_WARMUP; r++) {
    const runOurs = () => {
      const t0 = performance.now();
      analysis = analyseChain(model, enterprises);
      ours.push(performance.now() - t0);
    };
    const runLists = () => {
      const t0 = performance.now();
      listed = readLists(analyseChain(model, enterprises));
      withLists.push(performance.now() - t0);
    };
    const runBare = () => {
      const t0 = performance.now();
      counts = bareCount(enterprises);
      bare.push(performance.now() - t0);
    };
    const order = [runOurs, runBare, runLists];
    for (let k = 0; k < order.length; k++) (order[(k + r) % order.length] as () => void)();
  }
  withLists.splice(0, ANALYSIS_WARMUP);
  ours.splice(0, ANALYSIS_WARMUP);
  bare.splice(0, ANALYSIS_WARMUP);
  const analysedTotal = analysis.segments.reduce((s, r) => s + r.count, 0);
  const bareTotal = Object.values(counts).reduce((s, c) => s + c, 0);
  if (analysedTotal !== bareTotal) {
    throw new Error(`analysis counted ${analysedTotal} segment memberships, the bare loop ${bareTotal}`);
  }
  const status = { strong: 0, weak: 0, missing: 0 };
  for (const s of analysis.segments) status[s.status] += 1;
  return {
    enterprises: enterprises.length,
    segmentMemberships: analysedTotal,
    output: {
      segments: analysis.segments.length,
      status,
      unclassified: analysis.unclassified.length,
      discrepancies: analysis.discrepancies.length,
      targets: analysis.targets.length,
    },
    countsAgree: true,
    warmupPairs: ANALYSIS_WARMUP,
    ms: {
      analyseChain: { runs: ours.map(round2), median: round2(median(ours)) },
      bareLoop: { runs: bare.map(round2), median: round2(median(bare)) },
      analyseChainAndReadEveryList: { runs: withLists.map(round2), median: round2(median(withLists)) },
    },
    listEntriesRead: listed,
    analyseChainOverBareLoop: ratio(median(ours), median(bare)),
    analyseChainAndReadEveryListOverBareLoop: ratio(median(withLists), median(bare)),
  };
}

// ---------------------------------------------------------------------------------------------
// 1b. The firms passing a filter (selectFilteredEnterprises: counts, lists, export), against the
// least work that filters the same array: one test of one field per firm.

function benchFilterFirms(model: ChainModel, enterprises: readonly Enterprise[]) {
  const sequence = filterSequence(model);
  const ours: number[] = [];
  const bare: number[] = [];
  const kept: Record<string, number> = {};
  for (let r = 0; r < ANALYSIS_REPS + ANALYSIS_WARMUP; r++) {
    const runOurs = () => {
      const t0 = performance.now();
      for (const step of sequence) {
        kept[step.label] = enterprises.filter((e) => matchesFilters(model, e, step.filters)).length;
      }
      ours.push(performance.now() - t0);
    };
    const runBare = () => {
      const t0 = performance.now();
      let n = 0;
      for (let k = 0; k < sequence.length; k++) n += enterprises.filter((e) => e.key !== '').length;
      bare.push(performance.now() - t0 + n * 0);
    };
    if (r % 2) {
      runBare();
      runOurs();
    } else {
      runOurs();
      runBare();
    }
  }
  ours.splice(0, ANALYSIS_WARMUP);
  bare.splice(0, ANALYSIS_WARMUP);
  return {
    note:
      'ms for one pass through the filter sequence (5 filters): enterprises.filter(matchesFilters) per ' +
      "filter, as selectFilteredEnterprises does, vs the same number of enterprises.filter((e) => e.key !== '')",
    firmsKept: kept,
    ms: {
      matchesFilters: { runs: ours.map(round2), median: round2(median(ours)) },
      bareFilter: { runs: bare.map(round2), median: round2(median(bare)) },
    },
    matchesFiltersOverBareFilter: ratio(median(ours), median(bare)),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Filter change → next drawn frame: the shown mask (one number per dot) against CPU filter + every attribute rebuilt.

interface FrameTimes {
  /** performance.now() in onBeforeRender. */
  drawStart: number;
  /** performance.now() in onAfterRender. */
  rendered: number;
  /** After a 1-pixel readPixels in onAfterRender, which waits for the rasteriser to finish the frame. */
  pixels: number;
}

interface DeckBench {
  deck: Deck;
  /** Called with the next rendered frame's times, once. */
  onFrame: ((t: FrameTimes) => void) | null;
  /** Time spent in deck's deferred layer update (layer matching, updateState, attributes) since reset. */
  updateMs: number;
  /** Attribute-manager updates that performed work, since reset. */
  attributeUpdates: number;
}

/**
 * Deck keeps these protected. setProps only queues the new layers: deck matches and updates them
 * (attributes included) in layerManager.updateLayers() at the start of its next animation frame,
 * so that is where the CPU cost of a change is timed.
 */
interface DeckInternals {
  stats: { get(name: string): { count: number } };
  device: { info: { renderer: string; version: string } } | null;
  layerManager: LayerManagerLike | null;
}
const internals = (deck: Deck) => deck as unknown as DeckInternals;

interface LayerManagerLike {
  updateLayers(): void;
}
const instrumented = new WeakMap<object, DeckBench>();

/** Times each deck's updateLayers(); deck seals its LayerManager, so the shared prototype is wrapped once. */
function instrumentLayerUpdates(bench: DeckBench) {
  const { layerManager } = internals(bench.deck);
  if (!layerManager) throw new Error('deck has no layer manager after onLoad');
  instrumented.set(layerManager, bench);
  const proto = Object.getPrototypeOf(layerManager) as LayerManagerLike & { __benchWrapped?: true };
  if (proto.__benchWrapped) return;
  const update = proto.updateLayers;
  proto.updateLayers = function (this: LayerManagerLike) {
    const b = instrumented.get(this);
    if (!b) {
      update.call(this);
      return;
    }
    // Deck resets its stats once a second, but before this call in a frame, never during it.
    const counter = internals(b.deck).stats.get('Attributes updated');
    const before = counter.count;
    const t0 = performance.now();
    update.call(this);
    b.updateMs += performance.now() - t0;
    b.attributeUpdates += counter.count - before;
  };
  proto.__benchWrapped = true;
}

const VIEW = new WebMercatorViewport({ width: WIDTH, height: HEIGHT }).fitBounds(
  [
    [BBOX.west, BBOX.south],
    [BBOX.east, BBOX.north],
  ],
  { padding: 20 },
);

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, fail) =>
      setTimeout(() => fail(new Error(`${what}: nothing after ${FRAME_TIMEOUT_MS} ms`)), FRAME_TIMEOUT_MS),
    ),
  ]);
}

async function createDeck(parentId: string, width = WIDTH, height = HEIGHT): Promise<DeckBench> {
  const parent = document.getElementById(parentId);
  if (!(parent instanceof HTMLDivElement)) throw new Error(`#${parentId} is missing`);
  const pixel = new Uint8Array(4);
  let loaded: () => void = () => {};
  const load = new Promise<void>((ok) => {
    loaded = ok;
  });
  const bench: DeckBench = { deck: null as unknown as Deck, onFrame: null, updateMs: 0, attributeUpdates: 0 };
  let drawStart = 0;
  bench.deck = new Deck({
    parent,
    width,
    height,
    useDevicePixels: false,
    controller: false,
    initialViewState: { longitude: VIEW.longitude, latitude: VIEW.latitude, zoom: VIEW.zoom },
    layers: [],
    onLoad: () => loaded(),
    onBeforeRender: () => {
      drawStart = performance.now();
    },
    onAfterRender: ({ gl }) => {
      const rendered = performance.now();
      const done = bench.onFrame;
      if (!done) return;
      bench.onFrame = null;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      done({ drawStart, rendered, pixels: performance.now() });
    },
  });
  await withTimeout(load, `deck #${parentId} onLoad`);
  instrumentLayerUpdates(bench);
  return bench;
}

const nextFrame = () => new Promise<number>((ok) => requestAnimationFrame(ok));

/** Lets the previous frame reach the screen and the page go quiet before the next change. */
async function settle() {
  await nextFrame();
  await nextFrame();
  await new Promise((ok) => setTimeout(ok, 50));
}

interface ChangeSample {
  /** Category computation, layer construction (and, for the baseline, CPU filtering) plus setProps. */
  syncMs: number;
  /** Deck's deferred layer update in the next frame (for the baseline: the attribute rebuild). */
  layerUpdateMs: number;
  /** syncMs + layerUpdateMs: the main-thread CPU cost of the change before drawing. */
  cpuMs: number;
  /** onBeforeRender → onAfterRender: issuing the draw calls (CPU side). */
  drawCallsMs: number;
  /** From before the layer is built to onAfterRender of the frame that follows. */
  frameMs: number;
  /** The same, up to the frame's pixels being readable (rasterisation finished). */
  pixelsMs: number;
  /** Attribute-manager updates that did work for this change (0: no buffer rebuilt). */
  attributeUpdates: number;
}

async function change(bench: DeckBench, makeLayer: () => Layer, what: string): Promise<ChangeSample> {
  await settle();
  const frame = withTimeout(
    new Promise<FrameTimes>((ok) => {
      bench.onFrame = ok;
    }),
    what,
  );
  bench.updateMs = 0;
  bench.attributeUpdates = 0;
  const t0 = performance.now();
  bench.deck.setProps({ layers: [makeLayer()] });
  const t1 = performance.now();
  const f = await frame;
  return {
    syncMs: t1 - t0,
    layerUpdateMs: bench.updateMs,
    cpuMs: t1 - t0 + bench.updateMs,
    drawCallsMs: f.rendered - f.drawStart,
    frameMs: f.rendered - t0,
    pixelsMs: f.pixels - t0,
    attributeUpdates: bench.attributeUpdates,
  };
}

/** The dots the filter keeps, as a new set of dots: the app's own shown mask, then a copy of each kept dot. */
function cpuFilter(dots: EnterpriseDots, categories: number[][]): EnterpriseDots {
  const shown = dotsShown(dots, categories);
  const keep: number[] = [];
  for (let i = 0; i < dots.length; i += 1) if (shown[i]) keep.push(i);
  const pick = <A extends Uint8Array | Uint32Array | Float64Array>(from: A, size: number, out: A): A => {
    keep.forEach((i, k) => {
      for (let j = 0; j < size; j += 1) out[k * size + j] = from[i * size + j] as number;
    });
    return out;
  };
  const n = keep.length;
  return {
    length: n,
    firms: dots.firms,
    firm: pick(dots.firm, 1, new Uint32Array(n)),
    position: pick(dots.position, 2, new Float64Array(2 * n)),
    approximate: pick(dots.approximate, 1, new Uint8Array(n)),
    colour: pick(dots.colour, 3, new Uint8Array(3 * n)),
    cat: pick(dots.cat, DOT_CHANNELS, new Uint8Array(DOT_CHANNELS * n)),
  };
}

function filterSequence(model: ChainModel): { label: string; filters: EnterpriseFilters }[] {
  const segment = model.segments.find((s) => s.id === 'power-battery') ?? model.segments[0];
  const chain = model.chains.find((c) => c.id === 'battery') ?? model.chains[0];
  if (!segment || !chain) throw new Error('chain model has no segments or chains');
  return [
    { label: `segment ${segment.id}`, filters: { ...NO_FILTERS, segment: segment.id } },
    { label: `chain ${chain.id}`, filters: { ...NO_FILTERS, chains: [chain.id] } },
    { label: 'area lieshan', filters: { ...NO_FILTERS, areas: ['lieshan'] } },
    {
      label: 'precision district + confidence high',
      filters: { ...NO_FILTERS, precision: ['district'], confidence: ['high'] },
    },
    { label: 'clear', filters: NO_FILTERS },
  ];
}

const BEFORE_ID = 'labels';

type TimeKey = Exclude<keyof ChangeSample, 'attributeUpdates'>;
const TIME_KEYS: readonly TimeKey[] = [
  'syncMs',
  'layerUpdateMs',
  'cpuMs',
  'drawCallsMs',
  'frameMs',
  'pixelsMs',
];

function summarise(samples: readonly ChangeSample[]) {
  const out: Partial<Record<TimeKey, { runs: number[]; median: number }>> = {};
  for (const k of TIME_KEYS) {
    const xs = samples.map((s) => s[k]);
    out[k] = { runs: xs.map(round2), median: round2(median(xs)) };
  }
  return {
    ...(out as Record<TimeKey, { runs: number[]; median: number }>),
    attributeUpdatesPerChange: [...new Set(samples.map((s) => s.attributeUpdates))],
  };
}

async function benchFilterChange(
  model: ChainModel,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
  dots: EnterpriseDots,
) {
  const sequence = filterSequence(model);
  const ours = await createDeck('ours');
  const base = await createDeck('baseline');

  const oursLayer = (f: EnterpriseFilters) =>
    buildEnterprisesDeckLayer(deckCore, {
      dots,
      categories: filterCategories(model, f),
      selectedIndex: -1,
      beforeId: BEFORE_ID,
    });
  // The baseline is our layer's own props (same look) without the extension, given a new set of
  // CPU-filtered dots on every change: every attribute is made again and uploaded.
  const template = oursLayer(NO_FILTERS);
  const ALL = filterCategories(model, NO_FILTERS);
  const baselineLayer = (f: EnterpriseFilters) =>
    template.clone({
      id: 'enterprises-baseline',
      // Every attribute made again for the dots that pass (a new set of dots each time).
      data: dotAttributes(cpuFilter(dots, filterCategories(model, f)), ALL),
      extensions: [],
    });

  // First draw of each (all attributes built, shaders compiled): reported, not part of the ratios.
  const firstOurs = await change(ours, () => oursLayer(NO_FILTERS), 'ours first draw');
  const firstBase = await change(base, () => baselineLayer(NO_FILTERS), 'baseline first draw');
  const firstDraw = (s: ChangeSample) => ({
    cpuMs: round2(s.cpuMs),
    frameMs: round2(s.frameMs),
    pixelsMs: round2(s.pixelsMs),
  });

  const samples = { ours: [] as ChangeSample[], baseline: [] as ChangeSample[], labels: [] as string[] };
  // Discarded warm-up changes, then the measured passes; ours and the baseline alternate which
  // goes first from one change to the next.
  const steps = [
    ...Array.from({ length: WARMUP_CHANGES }, (_, i) => sequence[i % sequence.length]),
    ...Array.from({ length: FILTER_CYCLES }, () => sequence).flat(),
  ];
  for (const [n, step] of steps.entries()) {
    if (!step) continue;
    const runOurs = () => change(ours, () => oursLayer(step.filters), `ours: ${step.label}`);
    const runBase = () => change(base, () => baselineLayer(step.filters), `baseline: ${step.label}`);
    let o: ChangeSample;
    let b: ChangeSample;
    if (n % 2 === 0) {
      o = await runOurs();
      b = await runBase();
    } else {
      b = await runBase();
      o = await runOurs();
    }
    if (n < WARMUP_CHANGES) continue;
    samples.ours.push(o);
    samples.baseline.push(b);
    samples.labels.push(step.label);
  }
  const device = internals(ours.deck).device;
  ours.deck.finalize();
  base.deck.finalize();
  const oursSummary = summarise(samples.ours);
  const baseSummary = summarise(samples.baseline);

  // Visible objects per filter: the baseline's array, the GPU's own count (DataFilterExtension with
  // countItems, on a separate layer so the measured one is untouched), and a CPU cross-check with
  // the app's per-firm rule (matchesFilters) against the firms behind the baseline's points.
  // The counting layer reads the same shown mask (getFilterValue, a binary attribute).
  // The counting layer gets its own small canvas: the count does not depend on the viewport, and
  // full-size frames of every dot would only add minutes of software rasterisation.
  const counter = await createDeck('count', 64, 48);
  const visible: Record<string, unknown>[] = [];
  let onCount: ((n: number) => void) | null = null;
  const counting = new DataFilterExtension({ filterSize: 1, countItems: true });
  const countLayer = (f: EnterpriseFilters) =>
    oursLayer(f).clone({
      id: 'enterprises-count',
      extensions: [counting],
      ...({
        onFilteredItemsChange: ({ count }: { count: number }) => onCount?.(count),
      } as object),
    });
  const onMap = enterprises.filter((_, i) => placements[i]?.position);
  for (const step of sequence) {
    const counted = withTimeout(
      new Promise<number>((ok) => {
        onCount = ok;
      }),
      `GPU count: ${step.label}`,
    );
    await change(counter, () => countLayer(step.filters), `GPU count: ${step.label}`);
    const gpu = await counted;
    onCount = null;
    const filtered = cpuFilter(dots, filterCategories(model, step.filters));
    const firms = new Set(Array.from({ length: filtered.length }, (_, i) => dotKey(filtered, i))).size;
    const matching = onMap.filter((e) => matchesFilters(model, e, step.filters)).length;
    visible.push({
      filter: step.label,
      baselinePoints: filtered.length,
      gpuVisibleItems: gpu,
      samePoints: gpu === filtered.length,
      firmsInBaseline: firms,
      firmsMatchingFilters: matching,
      sameFirms: firms === matching,
    });
  }
  counter.deck.finalize();

  return {
    canvas: `${WIDTH}x${HEIGHT}`,
    renderer: device ? `${device.info.renderer} (${device.info.version})` : null,
    pointsDrawnUnfiltered: dots.length,
    filterSequence: sequence.map((s) => s.label),
    warmupChanges: WARMUP_CHANGES,
    measuredChanges: samples.labels.length,
    measuredChangeLabels: samples.labels,
    firstDraw: { ours: firstDraw(firstOurs), baseline: firstDraw(firstBase) },
    ours: oursSummary,
    baseline: baseSummary,
    ratiosBaselineOverOurs: Object.fromEntries(
      TIME_KEYS.map((k) => [k, ratio(baseSummary[k].median, oursSummary[k].median)]),
    ),
    visible,
    allVisibleCountsAgree: visible.every((v) => v.samePoints && v.sameFirms),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();
  const res = await fetch('data/chain.json');
  if (!res.ok) throw new Error(`data/chain.json: HTTP ${res.status}`);
  const { value: model, issues } = validateChainModel(await res.json(), 'chain.json');
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length)
    throw new Error(
      `chain.json has ${errors.length} error(s): ${errors[0] ? issueReason('en', errors[0]) : undefined}`,
    );

  const tg = performance.now();
  const { enterprises, placements } = generate(model, ENTERPRISES, mulberry32(SEED));
  const tp = performance.now();
  const dots = enterpriseDots(model, enterprises, placements);
  const tpEnd = performance.now();

  const analysis = benchAnalysis(model, enterprises);
  const filterFirms = benchFilterFirms(model, enterprises);
  const filterChange = DRAW ? await benchFilterChange(model, enterprises, placements, dots) : null;

  window.__benchResult = {
    seed: SEED,
    enterprises: enterprises.length,
    enterprisesOnMap: placements.filter((p) => p.position).length,
    points: dots.length,
    chainModel: { chains: model.chains.length, segments: model.segments.length },
    setupMs: {
      generate: round2(tp - tg),
      enterprisePoints: round2(tpEnd - tp),
    },
    analysis,
    filterFirms,
    filterChange,
    pageMs: Math.round(performance.now() - t0),
  };
}

main().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? (e.stack ?? e.message) : String(e);
});
