// Bench page for charger coverage at scale: the app's own coverage() (src/domain/charging.ts,
// imported, never copied: turf grid clipped to the city, then a bucket-index nearest search) on
// 50,000 generated chargers and on the 400 bundled ones, each against the plainest code doing the
// same job in the same page and run: the same grid and clipping, then for every cell a loop over
// all chargers with the same planeDistanceKm. Results go on window.__benchResult
// (window.__benchError on failure) for tests/bench/run.mjs to collect.

import { bbox, booleanPointInPolygon, pointGrid } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import {
  type Charger,
  type ChargerKind,
  type ChargerStatus,
  parseChargers,
} from '../../../src/data/chargers';
import { validateFeatureCollection } from '../../../src/data/geojson';
import type { AreaPolygon } from '../../../src/data/types';
import { type Coverage, coverage, planeAt, planeDistanceKm } from '../../../src/domain/charging';
import { CityPropsSchema, POLYGON_TYPES } from '../../../src/model';

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

const CHARGERS = intParam('n', 50_000, 1);
/** Measured repetitions of ours and of the baseline each, alternating, after the warm-up. */
const REPS = intParam('reps', 7, 5);
const SEED = intParam('seed', 20240601, 0);
/** Baseline on every stride-th cell only; 0 = decide from a probe (see chooseStride). */
const STRIDE = intParam('stride', 0, 0);
/** A full baseline repetition estimated above this is run on a sample of cells and scaled. */
const MAX_BASELINE_MS = intParam('maxBaselineMs', 20_000, 1);

/** Coverage radius and grid cell of the bench. coverage() has no default cellKm: 0.5 km is the app's. */
const DISTANCE_KM = 3;
const CELL_KM = 0.5;
/** Generated chargers are kept inside Huaibei's bbox. */
const BBOX = { west: 116.39, east: 117.04, south: 33.29, north: 34.24 };
/** Town centres the clustered 80 % are drawn around: weight, and the spread (σ, km) of each axis. */
const CENTRES: readonly { lngLat: [number, number]; weight: number; sigmaKm: number }[] = [
  { lngLat: [116.79, 33.96], weight: 0.35, sigmaKm: 4 },
  { lngLat: [116.76, 33.92], weight: 0.2, sigmaKm: 3 },
  { lngLat: [116.65, 33.78], weight: 0.2, sigmaKm: 3 },
  { lngLat: [116.6, 33.53], weight: 0.15, sigmaKm: 3 },
  { lngLat: [116.9, 34.05], weight: 0.1, sigmaKm: 2.5 },
];
const CLUSTERED_SHARE = 0.8;
const KM_PER_DEG = (6371 * Math.PI) / 180;
const KINDS: readonly [ChargerKind, number][] = [
  ['dc_fast', 0.55],
  ['ac_slow', 0.35],
  ['swap', 0.07],
  ['hydrogen', 0.03],
];
const STATUSES: readonly [ChargerStatus, number][] = [
  ['operating', 0.9],
  ['planned', 0.07],
  ['closed', 0.03],
];

/** Seeded PRNG: the same chargers on every run and machine. */
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

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  let r = rand();
  for (const [v, w] of items) {
    if (r < w) return v;
    r -= w;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** A standard normal deviate (Box–Muller). */
const gauss = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const inBbox = ([x, y]: [number, number]) =>
  x >= BBOX.west && x <= BBOX.east && y >= BBOX.south && y <= BBOX.north;

/**
 * Full Charger records like parsed CSV rows: 80 % around the town centres (normal spread, redrawn
 * until inside the bbox), 20 % uniform in the bbox; every one with a point. Kind, status,
 * connectors (5 % unknown), power and commissioning date vary; coverage() uses every charger given.
 */
function generate(n: number, rand: () => number): Charger[] {
  const centres = CENTRES.map((c) => [c, c.weight] as const);
  const out: Charger[] = [];
  for (let i = 0; i < n; i++) {
    let lngLat: [number, number];
    if (rand() < CLUSTERED_SHARE) {
      const c = weighted(rand, centres);
      const cos = Math.cos((c.lngLat[1] * Math.PI) / 180);
      do {
        lngLat = [
          c.lngLat[0] + (gauss(rand) * c.sigmaKm) / (KM_PER_DEG * cos),
          c.lngLat[1] + (gauss(rand) * c.sigmaKm) / KM_PER_DEG,
        ];
      } while (!inBbox(lngLat));
    } else {
      lngLat = [
        BBOX.west + rand() * (BBOX.east - BBOX.west),
        BBOX.south + rand() * (BBOX.north - BBOX.south),
      ];
    }
    const kind = weighted(rand, KINDS);
    const status = weighted(rand, STATUSES);
    const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 3652) * 86_400_000);
    const key = `G${String(i).padStart(6, '0')}`;
    out.push({
      id: key,
      key,
      line: i + 2,
      name: `示意充电站 G${i}`,
      operator: `示意运营商 ${'ABCDE'[Math.floor(rand() * 5)]}`,
      kind,
      connectors: rand() < 0.05 ? null : 1 + Math.floor(rand() * 20),
      powerKw: kind === 'dc_fast' ? 60 + 30 * Math.floor(rand() * 7) : kind === 'ac_slow' ? 7 : null,
      lngLat,
      district: null,
      township: null,
      commissioned: day.toISOString().slice(0, 10),
      status,
      illustrative: true,
      source: 'generated for the benchmark',
      sourceDate: '',
      checked: '',
    });
  }
  return out;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;
const ratio = (baseline: number, ours: number) => (ours > 0 ? round2(baseline / ours) : null);

// ---------------------------------------------------------------------------------------------

interface BaselineRun {
  /** Clipped grid cells (all of them, sampled or not). */
  total: number;
  /** Every stride-th cell: its index among the clipped cells and its nearest distance (null: no charger). */
  sampled: { index: number; lngLat: [number, number]; distanceKm: number | null }[];
  /** pointGrid + clipping to the city, as in coverage(). */
  gridMs: number;
  /** The brute-force nearest search over the sampled cells. */
  nearestMs: number;
}

/**
 * The plain approach: the same grid of cell centres clipped to the city the same way (bbox
 * prefilter + booleanPointInPolygon) and the same plane, then for each cell a loop over all chargers
 * with planeDistanceKm, keeping the minimum. Only every stride-th cell is searched when stride > 1.
 */
function baselineCoverage(
  chargers: readonly Charger[],
  city: FeatureCollection<AreaPolygon>,
  cellKm: number,
  stride: number,
): BaselineRun {
  const t0 = performance.now();
  const box = bbox(city);
  const pl = planeAt((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  const points = chargers.flatMap((c) => (c.lngLat ? [c.lngLat] : []));
  const polys = city.features.map((f) => ({ f, box: bbox(f) }));
  const grid = pointGrid(box, cellKm, { units: 'kilometers' });
  const cells: [number, number][] = [];
  for (const g of grid.features) {
    const [x, y] = g.geometry.coordinates as [number, number];
    const inside = polys.some(
      ({ f, box: b }) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && booleanPointInPolygon(g, f),
    );
    if (inside) cells.push([x, y]);
  }
  const t1 = performance.now();
  const sampled: BaselineRun['sampled'] = [];
  for (let index = 0; index < cells.length; index += stride) {
    const cell = cells[index] as [number, number];
    let best = Number.POSITIVE_INFINITY;
    for (const p of points) {
      const d = planeDistanceKm(pl, cell, p);
      if (d < best) best = d;
    }
    sampled.push({ index, lngLat: cell, distanceKm: points.length ? best : null });
  }
  const t2 = performance.now();
  return { total: cells.length, sampled, gridMs: t1 - t0, nearestMs: t2 - t1 };
}

/** A baseline run's time as if every cell had been searched. */
const scaledMs = (b: BaselineRun) =>
  b.gridMs + (b.sampled.length ? (b.nearestMs * b.total) / b.sampled.length : 0);

const PROBE_STRIDE = 100;
const STRIDES = [1, 2, 5, 10, 20, 50, 100];

/**
 * Every cell when a full baseline repetition is estimated (from a probe on every 100th cell) at
 * most MAX_BASELINE_MS; else the smallest stride from STRIDES that brings it to a quarter of that.
 */
function chooseStride(probe: BaselineRun): { stride: number; estimatedFullMs: number } {
  const estimatedFullMs = scaledMs(probe);
  if (STRIDE > 0) return { stride: STRIDE, estimatedFullMs };
  if (estimatedFullMs <= MAX_BASELINE_MS) return { stride: 1, estimatedFullMs };
  const nearestFull = estimatedFullMs - probe.gridMs;
  const stride = STRIDES.find((s) => probe.gridMs + nearestFull / s <= MAX_BASELINE_MS / 4) ?? PROBE_STRIDE;
  return { stride, estimatedFullMs };
}

async function benchCase(label: string, chargers: readonly Charger[], city: FeatureCollection<AreaPolygon>) {
  const ours = () => {
    const t0 = performance.now();
    const c = coverage(chargers, city, DISTANCE_KM, CELL_KM);
    return { c, ms: performance.now() - t0 };
  };
  // Warm-up (discarded): ours twice, and the baseline on every 100th cell, which also sizes it.
  ours();
  ours();
  const probe = baselineCoverage(chargers, city, CELL_KM, PROBE_STRIDE);
  const { stride, estimatedFullMs } = chooseStride(probe);
  console.info(
    `[coverage] ${label}: baseline full estimate ${Math.round(estimatedFullMs)} ms, stride ${stride}`,
  );

  const oursMs: number[] = [];
  const base: BaselineRun[] = [];
  let lastOurs: Coverage | null = null;
  for (let i = 0; i < REPS; i++) {
    // Alternate which goes first, so a slow patch of the machine hits both alike.
    const runBase = () => base.push(baselineCoverage(chargers, city, CELL_KM, stride));
    const runOurs = () => {
      const r = ours();
      oursMs.push(r.ms);
      lastOurs = r.c;
    };
    if (i % 2 === 0) {
      runOurs();
      runBase();
    } else {
      runBase();
      runOurs();
    }
    // Let the page breathe between repetitions (and run.mjs's polling see it is alive).
    await new Promise((ok) => setTimeout(ok, 0));
  }
  const c = lastOurs as Coverage | null;
  const b = base[base.length - 1];
  if (!c || !b) throw new Error(`${label}: no measured repetition`);

  // Agreement on every searched cell: same cell, same covered/uncovered, same distance up to the bound
  // (the index may stop looking beyond it, so distances are compared as min(d, bound)).
  const cap = (d: number | null) => (d === null ? Number.POSITIVE_INFINITY : Math.min(d, DISTANCE_KM));
  let mismatches = 0;
  let maxAbsDiff = 0;
  for (const s of b.sampled) {
    const o = c.cells[s.index];
    const baseCovered = s.distanceKm !== null && s.distanceKm <= DISTANCE_KM;
    if (!o || o.lngLat[0] !== s.lngLat[0] || o.lngLat[1] !== s.lngLat[1] || o.covered !== baseCovered) {
      mismatches += 1;
      continue;
    }
    const a = cap(o.distanceKm);
    const z = cap(s.distanceKm);
    if (a !== z) maxAbsDiff = Math.max(maxAbsDiff, Number.isFinite(a - z) ? Math.abs(a - z) : Infinity);
  }

  const scaled = base.map(scaledMs);
  const oursMedian = median(oursMs);
  const baseMedian = median(scaled);
  const gridMedian = median(base.map((r) => r.gridMs));
  const nearestScaled = base.map((r) => r.nearestMs * (r.total / Math.max(1, r.sampled.length)));
  return {
    chargers: chargers.length,
    chargersWithPoint: chargers.filter((ch) => ch.lngLat).length,
    cells: c.total,
    covered: c.covered,
    share: c.share === null ? null : Math.round(c.share * 10_000) / 10_000,
    distanceKm: c.distanceKm,
    cellKm: c.cellKm,
    reps: REPS,
    baselineSampledCells:
      stride === 1
        ? null
        : {
            stride,
            sampledCells: b.sampled.length,
            ofCells: b.total,
            estimatedFullRepetitionMs: Math.round(estimatedFullMs),
            scaling: 'gridMs + nearestMs x cells / sampledCells',
          },
    ours: { runs: oursMs.map(round2), median: round2(oursMedian) },
    baseline: {
      runs: scaled.map(round2),
      median: round2(baseMedian),
      gridMsMedian: round2(gridMedian),
      nearestMsMedian: round2(median(nearestScaled)),
      ...(stride === 1 ? {} : { nearestMsSampledMedian: round2(median(base.map((r) => r.nearestMs))) }),
    },
    ratioBaselineOverOurs: ratio(baseMedian, oursMedian),
    // Ours minus the same grid+clipping the baseline times separately: index build + nearest search.
    ratioNearestSearchOnly: ratio(median(nearestScaled), oursMedian - gridMedian),
    agree: mismatches === 0 && b.total === c.total,
    comparedCells: b.sampled.length,
    mismatchedCells: mismatches,
    maxAbsDiffKmCapped: maxAbsDiff,
  };
}

// ---------------------------------------------------------------------------------------------

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function main() {
  const t0 = performance.now();
  const cityRes = validateFeatureCollection<AreaPolygon, Record<string, unknown>>(
    await (await fetchOk('geo/city.geojson')).json(),
    'geo/city.geojson',
    { geometry: POLYGON_TYPES, props: CityPropsSchema },
  );
  const city = cityRes.value;
  if (!city.features.length) throw new Error('geo/city.geojson has no polygon');

  // The bundled chargers, parsed as the app does (load-bundled.ts): codes from the district
  // polygons and the township list, today's date.
  const districts = (await (await fetchOk('geo/districts.geojson')).json()) as FeatureCollection<
    AreaPolygon,
    { adcode: string }
  >;
  const units = (await (await fetchOk('geo/townships_list.json')).json()) as {
    townships: { code: string }[];
  };
  const parsed = parseChargers(await (await fetchOk('data/chargers.csv')).text(), 'data/chargers.csv', {
    districtCodes: new Set(districts.features.map((f) => f.properties.adcode)),
    townshipCodes: new Set(units.townships.map((u) => u.code)),
    today: today(),
  });
  const parseErrors = parsed.issues.filter((i) => i.severity === 'error').length;

  const tg = performance.now();
  const generated = generate(CHARGERS, mulberry32(SEED));
  const generateMs = performance.now() - tg;

  const bundled = await benchCase('bundled', parsed.value, city);
  const large = await benchCase(`generated ${CHARGERS}`, generated, city);

  window.__benchResult = {
    seed: SEED,
    generateMs: round2(generateMs),
    generated: large,
    bundled: { ...bundled, parseErrors },
    pageMs: Math.round(performance.now() - t0),
  };
}

main().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? (e.stack ?? e.message) : String(e);
});
