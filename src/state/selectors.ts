import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { Charger } from '../data/chargers';
import type { BundledData } from '../data/load-bundled';
import type { AreaPolygon, DataIssue, Enterprise } from '../data/types';
import { type AreaShapes, areaBounds, buildAreaShapes } from '../domain/area-shapes';
import { analyseChainInSlices, type ChainAnalysis } from '../domain/chain-analysis';
import { type Coverage, chargersAsOf, coverage } from '../domain/charging';
import { matchesFilters } from '../domain/enterprise-filters';
import { areaAnchors, type Placement, placeEnterprisesInSlices } from '../domain/enterprise-positions';
import { type MatchResult, rankAreas } from '../domain/match';
import { atSliceEnd, runInSlices, runWhole, type Slices, type Wait } from '../domain/slices';
import { type Subject, subjectOf } from '../domain/subject';
import { cellLevel, type FirmCells, filteredCellsInSlices } from '../layers/enterprise-cells';
import { type EnterpriseDots, enterpriseDotsInSlices, filterCategories } from '../layers/enterprise-points';
import { firmDrawing } from '../layers/enterprises-layer';
import { legendEntries } from '../layers/legend';
import { type MatchFeatures, matchBounds, matchFeatures, matchFeaturesFor } from '../layers/match-layer';
import { dotsIn, dotsWindow, windowKey } from '../layers/near-dots';
import { DENSITY_MAX_ZOOM } from '../layers/registry';
import { buildStyle, LOADING_STYLE, STYLE_INPUTS } from '../layers/style';
import type { Highlight, LayerInput, LegendEntry } from '../layers/types';
import type { Camera } from './camera';
import type { AppState } from './store';
import { TIANDITU_TOKEN } from './store';
import type { EnterpriseFilters, MatchView, Selection } from './url-hash';

/**
 * Derived data is memoised on the identity of its inputs, never stored: the same data object
 * yields the same result object, so the map's style diff and deck.gl see nothing new.
 */
function memo<A extends object, R>(fn: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    let r = cache.get(a);
    if (r === undefined) {
      r = fn(a);
      cache.set(a, r);
    }
    return r;
  };
}

function memo2<A extends object, B extends object, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  const cache = new WeakMap<A, WeakMap<B, R>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) {
      inner = new WeakMap();
      cache.set(a, inner);
    }
    let r = inner.get(b);
    if (r === undefined) {
      r = fn(a, b);
      inner.set(b, r);
    }
    return r;
  };
}

// Work written in slices (domain/slices.ts), memoised in `cache` under `key`: asked for, it is done
// at once; made ahead (prepare-shown.ts), a slice per task, so the store update that follows finds it.
function whole<K extends object, R>(cache: WeakMap<K, R>, key: K, work: () => Slices<R>): R {
  let r = cache.get(key);
  if (r === undefined) {
    r = runWhole(work());
    cache.set(key, r);
  }
  return r;
}

async function ahead<K extends object, R>(
  cache: WeakMap<K, R>,
  key: K,
  work: () => Slices<R>,
  wait: Wait,
): Promise<void> {
  if (cache.has(key)) return;
  const r = await runInSlices(work(), wait);
  if (!cache.has(key)) cache.set(key, r);
}

function memoSliced<A extends object, R>(fn: (a: A) => Slices<R>) {
  const cache = new WeakMap<A, R>();
  return Object.assign((a: A) => whole(cache, a, () => fn(a)), {
    ahead: (a: A, wait: Wait) => ahead(cache, a, () => fn(a), wait),
  });
}

function memo2Sliced<A extends object, B extends object, R>(fn: (a: A, b: B) => Slices<R>) {
  const cacheOf = memo((_: A) => new WeakMap<B, R>());
  return Object.assign((a: A, b: B) => whole(cacheOf(a), b, () => fn(a, b)), {
    ahead: (a: A, b: B, wait: Wait) => ahead(cacheOf(a), b, () => fn(a, b), wait),
  });
}

export const selectAreaShapes = memo(
  (d: BundledData): AreaShapes => buildAreaShapes(d.areas.areas, d.districts.features),
);

export const selectAnalysis = memoSliced(
  (d: BundledData): Slices<ChainAnalysis> => analyseChainInSlices(d.chain, d.enterprises),
);

export const selectAnchors = memo((d: BundledData) => areaAnchors(d.areas.areas, selectAreaShapes(d)));

export const selectPlacements = memoSliced(
  (d: BundledData): Slices<Placement[]> => placeEnterprisesInSlices(d.enterprises, selectAnchors(d)),
);

export const selectEnterpriseDots = memoSliced(
  (d: BundledData): Slices<EnterpriseDots> =>
    enterpriseDotsInSlices(d.chain, d.enterprises, selectPlacements(d)),
);

export const selectFilterCategories = memo2((d: BundledData, f: EnterpriseFilters) =>
  filterCategories(d.chain, f),
);

// The cells of each grid level already counted, per dots and filter.
const cellsByLevel = memo2((_d: EnterpriseDots, _c: number[][]) => new Map<number, FirmCells>());

const cellsShown = (dots: EnterpriseDots, zoom: number) => firmDrawing(dots.length, zoom) === 'cells';

// The last window's dots, per set: a pan within the centre's tile keeps the same object.
const nearCache = new WeakMap<EnterpriseDots, { key: string; dots: EnterpriseDots }>();

/**
 * Close in, the dots of a large import deck.gl draws: those near the view (layers/near-dots.ts),
 * all of them when the map is tilted; null when deck.gl draws no firms (a small set, or from afar).
 */
export function selectNearDots(dots: EnterpriseDots, camera: Camera | null): EnterpriseDots | null {
  if (!camera || firmDrawing(dots.length, camera.zoom) !== 'dots') return null;
  const w = dotsWindow(camera);
  if (!w) return dots;
  const key = windowKey(w);
  const last = nearCache.get(dots);
  if (last?.key === key) return last.dots;
  const near = dotsIn(dots, w);
  nearCache.set(dots, { key, dots: near });
  return near;
}

/**
 * A large import seen from afar (more dots than maplibre draws, zoomed out beyond the firms' own
 * zoom): the firms counted per cell of the zoom's grid. null: the dots themselves are drawn.
 */
export const selectFirmCells = Object.assign(
  (dots: EnterpriseDots, categories: number[][], zoom: number): FirmCells | null => {
    if (!cellsShown(dots, zoom)) return null;
    const level = cellLevel(zoom);
    const cache = cellsByLevel(dots, categories);
    let cells = cache.get(level);
    if (!cells) {
      cells = runWhole(filteredCellsInSlices(dots, categories, level));
      cache.set(level, cells);
    }
    return cells;
  },
  {
    /** The same, made ahead a slice per task (prepare-shown.ts). */
    ahead: async (dots: EnterpriseDots, categories: number[][], zoom: number, wait: Wait): Promise<void> => {
      if (!cellsShown(dots, zoom)) return;
      const level = cellLevel(zoom);
      const cache = cellsByLevel(dots, categories);
      if (cache.has(level)) return;
      const cells = await runInSlices(filteredCellsInSlices(dots, categories, level), wait);
      if (!cache.has(level)) cache.set(level, cells);
    },
  },
);

/** Firms passing the filters, in data order. */
export const selectFilteredEnterprises = memo2Sliced(function* (
  d: BundledData,
  f: EnterpriseFilters,
): Slices<Enterprise[]> {
  const out: Enterprise[] = [];
  const list = d.enterprises;
  for (let i = 0; i < list.length; i += 1) {
    if (atSliceEnd(i)) yield;
    const e = list[i] as Enterprise;
    if (matchesFilters(d.chain, e, f)) out.push(e);
  }
  return out;
});

/** Firms by a field; with `firstWins`, the first firm with a value keeps it. */
function* firmsBy(
  list: readonly Enterprise[],
  field: 'key' | 'id',
  firstWins: boolean,
): Slices<Map<string, Enterprise>> {
  // A loop, not new Map(list.map(...)): no pair array per firm (100,000 of them for a large import).
  const m = new Map<string, Enterprise>();
  for (let i = 0; i < list.length; i += 1) {
    if (atSliceEnd(i)) yield;
    const e = list[i] as Enterprise;
    if (!firstWins || !m.has(e[field])) m.set(e[field], e);
  }
  return m;
}

export const selectEnterpriseByKey = memoSliced((d: BundledData) => firmsBy(d.enterprises, 'key', false));

/** By id: the first record with that id (a duplicate id is reported and reachable by key). */
export const selectEnterpriseById = memoSliced((d: BundledData) => firmsBy(d.enterprises, 'id', true));

export function selectAllIssues(data: BundledData | null): DataIssue[] {
  if (!data) return [];
  return [...data.issues, ...selectAreaShapes(data).issues];
}

/** Sites shown for a year-end (null: every site operating now), closed ones never. */
export const selectChargersAsOf = (() => {
  const cache = new WeakMap<BundledData, Map<string, Charger[]>>();
  return (d: BundledData, year: number | null): Charger[] => {
    let m = cache.get(d);
    if (!m) {
      m = new Map();
      cache.set(d, m);
    }
    const k = String(year);
    let r = m.get(k);
    if (!r) {
      r =
        year === null
          ? d.chargers.filter((c) => c.status === 'operating')
          : chargersAsOf(d.chargers, `${year}-12-31`);
      m.set(k, r);
    }
    return r;
  };
})();

// One-kilometre cells: about 2,750 over the city, fine enough for a 3 km question.
export const COVERAGE_CELL_KM = 1;

export const selectCoverage = (() => {
  const cache = new WeakMap<BundledData, Map<string, Coverage>>();
  return (d: BundledData, year: number | null, km: number): Coverage => {
    let m = cache.get(d);
    if (!m) {
      m = new Map();
      cache.set(d, m);
    }
    const k = `${year}|${km}`;
    let r = m.get(k);
    if (!r) {
      r = coverage(
        selectChargersAsOf(d, year),
        d.city as FeatureCollection<AreaPolygon>,
        km,
        COVERAGE_CELL_KM,
      );
      m.set(k, r);
    }
    return r;
  };
})();

export const selectChargerById = memo((d: BundledData) => new Map(d.chargers.map((c) => [c.id, c])));

/** The six areas ranked for the match asked for (the store keeps one MatchView object per choice). */
export const selectMatch = memo2(
  (d: BundledData, m: MatchView): MatchResult =>
    rankAreas({
      segments: m.segments,
      radiusKm: m.radiusKm,
      weights: d.matchWeights,
      chain: d.chain,
      enterprises: d.enterprises,
      placements: selectPlacements(d),
      supply: d.supply.relations,
      areas: d.areas.areas,
      anchors: selectAnchors(d),
      analysis: selectAnalysis(d),
      chargers: d.chargers,
    }),
);

/** What the map draws for a match: the top area's anchor and a line to each of its partners. */
export const selectMatchFeatures = memo2((d: BundledData, m: MatchView): MatchFeatures => {
  const top = selectMatch(d, m).areas[0];
  return top ? matchFeaturesFor(top, d.enterprises, selectPlacements(d)) : matchFeatures(undefined, [], []);
});

/** The box that frames a match: the top area's own extent, its anchor and every partner drawn. */
export const selectMatchBounds = memo2((d: BundledData, m: MatchView) => {
  const top = selectMatch(d, m).areas[0];
  return top ? matchBounds(selectMatchFeatures(d, m), areaBounds(selectAreaShapes(d), top.area)) : null;
});

/** Where a selection is on the map (its box, and whether it is one point), or null when it has no place. */
export const selectSubject = memo2((d: BundledData, sel: Selection): Subject | null => {
  const analysis = selectAnalysis(d);
  return subjectOf(
    {
      enterprises: d.enterprises,
      placements: selectPlacements(d),
      chargers: d.chargers,
      segmentFirmKeys: (id) => analysis.bySegment.get(id)?.enterpriseKeys ?? [],
      segmentAreas: (id) => d.chain.segments.find((x) => x.id === id)?.areas ?? [],
      areaBox: (ids) => areaBounds(selectAreaShapes(d), ids),
    },
    sel,
  );
});

const NOTHING: readonly string[] = [];
const NO_HIGHLIGHT: Highlight = { areas: [], segments: [], enterprises: [] };

/** What is emphasised: the selection's areas (a segment's: the areas the plan assigns it), and the tour step's highlights. */
function highlightOf(s: AppState, d: BundledData): Highlight {
  const sel = s.selection;
  const areas: string[] =
    sel?.kind === 'area'
      ? [sel.id]
      : sel?.kind === 'segment'
        ? [...(d.chain.segments.find((x) => x.id === sel.id)?.areas ?? [])]
        : [];
  const step = s.tourStep === null ? undefined : (s.playSteps ?? d.tour)[s.tourStep];
  const h = step?.highlight;
  const all = {
    areas: [...new Set([...areas, ...(h?.areas ?? NOTHING)])],
    segments: [...(h?.segments ?? NOTHING)],
    enterprises: [...(h?.enterprises ?? NOTHING)],
  };
  return all.areas.length + all.segments.length + all.enterprises.length === 0
    ? NO_HIGHLIGHT
    : (all as Highlight);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameHighlight = (a: Highlight, b: Highlight) =>
  sameList(a.areas, b.areas) && sameList(a.segments, b.segments) && sameList(a.enterprises, b.enterprises);

let lastInput: LayerInput | null = null;

/** The map's zoom; before the first move the map shows the whole city, at about the density view's zoom. */
export const zoomOf = (s: Pick<AppState, 'camera'>): number => s.camera?.zoom ?? DENSITY_MAX_ZOOM - 1;

/**
 * Everything the map layers, the legend and the exports read, as one plain object. A field keeps
 * its identity while its inputs do, and the whole object is reused when nothing changed, so the
 * style is rebuilt and deck.gl updated only for real changes.
 */
export function selectLayerInput(s: AppState, tiandituToken = TIANDITU_TOKEN): LayerInput | null {
  const d = s.data;
  if (!d) return null;
  const prev = lastInput;
  const visibleKey = s.visibleLayers.join(',');
  const visible =
    prev && [...prev.visible].join(',') === visibleKey ? prev.visible : new Set<string>(s.visibleLayers);
  let highlight = highlightOf(s, d);
  if (prev && sameHighlight(prev.highlight, highlight)) highlight = prev.highlight;
  const match = s.panel === 'match' && s.match ? (selectMatch(d, s.match).areas[0] ?? null) : null;
  const year = s.charging.asOfYear;
  const zoom = zoomOf(s);
  const dots = selectEnterpriseDots(d);
  const categories = selectFilterCategories(d, s.filters);
  const next: LayerInput = {
    data: d,
    shapes: selectAreaShapes(d),
    lang: s.lang,
    visible,
    highlight,
    selection: s.selection,
    tiandituToken,
    filters: s.filters,
    placements: selectPlacements(d),
    dots,
    categories,
    firmCells: selectFirmCells(dots, categories, zoom),
    nearDots: selectNearDots(dots, s.camera),
    match,
    chargers: selectChargersAsOf(d, year),
    coverage: visible.has('coverage') ? selectCoverage(d, year, s.charging.coverKm) : null,
    coverKm: s.charging.coverKm,
    densityView: zoom < DENSITY_MAX_ZOOM,
    measure: s.measure,
    basemapUrl: s.ownBasemap?.url ?? null,
  };
  if (prev && (Object.keys(next) as (keyof LayerInput)[]).every((k) => next[k] === prev[k])) return prev;
  lastInput = next;
  return next;
}

let lastStyle: { input: LayerInput; style: StyleSpecification } | null = null;

/** The maplibre style for the input, rebuilt only when a field that maplibre's layers read changed. */
export function selectStyle(input: LayerInput | null): StyleSpecification {
  if (!input) return LOADING_STYLE;
  const prev = lastStyle;
  if (prev && STYLE_INPUTS.every((k) => prev.input[k] === input[k])) return prev.style;
  const style = buildStyle(input);
  lastStyle = { input, style };
  return style;
}

/** The legend of a view: what the screen, the PNG and the handout explain. */
const legendOf = memo((input: LayerInput) => legendEntries(input));
const NO_LEGEND: LegendEntry[] = [];

export function selectLegend(s: AppState): LegendEntry[] {
  const input = selectLayerInput(s);
  return input ? legendOf(input) : NO_LEGEND;
}
