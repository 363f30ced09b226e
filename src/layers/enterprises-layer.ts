import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Enterprise } from '../data/types';
import { atSliceEnd, runInSlices, runWhole, type Slices, type Wait } from '../domain/slices';
import { formatNumber, pick, t } from '../i18n/t';
import { freshness, todayIso } from '../model/dates';
import type { DeckCore } from './deck-lib';
import { CELL_CLASS_FROM, cellClass, cellRing, FIRM_DOTS_MIN_ZOOM, type FirmCells } from './enterprise-cells';
import {
  DOT_CHANNELS,
  dotKey,
  dotsShownInSlices,
  type EnterpriseDots,
  firstDotOf,
} from './enterprise-points';
import { chainColour, FIRM_DENSITY_GREYS, FONT_STACK, hexToRgb, THEME, UNCLASSIFIED_COLOUR } from './palette';
import type { HitResult, LayerEntry, LayerInput, LegendEntry, StylePart } from './types';

/**
 * Up to this many dots maplibre draws the firms itself, so the first view needs no deck.gl. A
 * larger import is grey cells counting its firms from afar (enterprise-cells.ts) and, close in,
 * deck.gl dots, whose GPU filter changes no buffer when the filters change.
 */
export const MAPLIBRE_MAX_DOTS = 5000;

/** How a set of this many dots is drawn at a zoom: maplibre circles, grey cells from afar, deck.gl dots close in. */
export type FirmDrawing = 'circles' | 'cells' | 'dots';

export const firmDrawing = (dots: number, zoom: number): FirmDrawing =>
  dots <= MAPLIBRE_MAX_DOTS ? 'circles' : zoom < FIRM_DOTS_MIN_ZOOM ? 'cells' : 'dots';

const usesDeck = (input: Pick<LayerInput, 'dots' | 'firmCells'>) =>
  input.dots.length > MAPLIBRE_MAX_DOTS && !input.firmCells;

/** The first of `dots` that belongs to the selected firm, or -1 (none selected, or not among them). */
function selectedDotIn(input: Pick<LayerInput, 'selection' | 'data'>, dots: EnterpriseDots): number {
  const sel = input.selection?.kind === 'enterprise' ? input.selection.id : null;
  return sel
    ? firstDotOf(
        dots,
        input.data.enterprises.findIndex((e) => e.id === sel),
      )
    : -1;
}

// The enterprise symbols' blue, as the legend draws the exact/approximate symbols.
const FIRM_SYMBOL = '#1f5fa8';
const RADIUS_PX = 7;
/** The outer ring of a firm whose source may be out of date (issue 14): dark amber, prints on white. */
export const STALE_RING = '#8a4b00';

type DotProps = {
  key: string;
  name_zh: string;
  name_en: string;
  colour: string;
  approx: boolean;
  /** The source is older than the ledger's threshold (data/ledger.json). */
  stale: boolean;
  c0: number;
  c1: number;
  c2: number;
  c3: number;
};

const hex = (rgb: ArrayLike<number>) =>
  `#${Array.from(rgb, (v) => v.toString(16).padStart(2, '0')).join('')}`;

// Same dots → same collection, so the style diff sees no change.
const featuresCache = new WeakMap<EnterpriseDots, FeatureCollection<Point, DotProps>>();
function dotFeatures(dots: EnterpriseDots, staleAfterMonths: number): FeatureCollection<Point, DotProps> {
  let fc = featuresCache.get(dots);
  if (!fc) {
    const today = todayIso();
    const features: Feature<Point, DotProps>[] = [];
    for (let i = 0; i < dots.length; i += 1) {
      const e = dots.firms[dots.firm[i] as number] as Enterprise;
      const c = dots.cat.subarray(DOT_CHANNELS * i, DOT_CHANNELS * (i + 1));
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Point',
          coordinates: [dots.position[2 * i] as number, dots.position[2 * i + 1] as number],
        },
        properties: {
          key: e.key,
          name_zh: e.name.zh,
          // A firm without an English name is named in Chinese, as its card does.
          name_en: e.name.en || e.name.zh,
          colour: hex(dots.colour.subarray(3 * i, 3 * i + 3)),
          approx: dots.approximate[i] === 1,
          stale: freshness(e.sourceDate, today, staleAfterMonths) === 'stale',
          c0: c[0] as number,
          c1: c[1] as number,
          c2: c[2] as number,
          c3: c[3] as number,
        },
      });
    }
    fc = { type: 'FeatureCollection', features };
    featuresCache.set(dots, fc);
  }
  return fc;
}

/** The filter categories as a style filter: the same rule as the deck.gl layer's shown mask (dotsShown). */
function categoryFilter(categories: number[][]): ExpressionSpecification {
  return [
    'all',
    ...categories.map((allowed, i) => ['in', ['get', `c${i}`], ['literal', allowed]]),
  ] as unknown as ExpressionSpecification;
}

/** Keys of the firms to emphasise: the selected firm, and those a tour step points at. */
function emphasisedKeys(input: Pick<LayerInput, 'data' | 'selection' | 'highlight'>): string[] {
  const ids = new Set(input.highlight.enterprises);
  if (input.selection?.kind === 'enterprise') ids.add(input.selection.id);
  const segs = new Set(input.highlight.segments);
  const keys: string[] = [];
  for (const e of input.data.enterprises)
    if (ids.has(e.id) || e.segments.some((s) => segs.has(s))) keys.push(e.key);
  return keys;
}

// Same cells → same collection, so the style diff sees no change.
const cellFeaturesCache = new WeakMap<FirmCells, FeatureCollection>();
function cellFeatures(cells: FirmCells): FeatureCollection {
  let fc = cellFeaturesCache.get(cells);
  if (!fc) {
    const features: Feature[] = [];
    for (let i = 0; i < cells.firms.length; i += 1) {
      const firms = cells.firms[i] as number;
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [cellRing(cells.level, cells.x[i] as number, cells.y[i] as number)],
        },
        properties: { cell: 1, firms, grade: cellClass(firms) },
      });
    }
    fc = { type: 'FeatureCollection', features };
    cellFeaturesCache.set(cells, fc);
  }
  return fc;
}

/** The selected firm's place, drawn over the cells: what the user picked stays in sight. */
function selectedFirmPoint(input: LayerInput): FeatureCollection<Point> {
  const i = selectedDotIn(input, input.dots);
  const features: Feature<Point>[] =
    i < 0
      ? []
      : [
          {
            type: 'Feature',
            geometry: {
              type: 'Point',
              coordinates: [input.dots.position[2 * i] as number, input.dots.position[2 * i + 1] as number],
            },
            properties: { colour: hex(input.dots.colour.subarray(3 * i, 3 * i + 3)) },
          },
        ];
  return { type: 'FeatureCollection', features };
}

const GREY_BY_GRADE = [
  'match',
  ['get', 'grade'],
  ...FIRM_DENSITY_GREYS.slice(0, -1).flatMap((c, k) => [k, c]),
  FIRM_DENSITY_GREYS[FIRM_DENSITY_GREYS.length - 1],
] as unknown as ExpressionSpecification;

/** A large import from afar: grey cells, darker for more firms, and the selected firm over them. */
function cellsStyle(input: LayerInput, cells: FirmCells): StylePart {
  return {
    sources: {
      'enterprise-cells': { type: 'geojson', data: cellFeatures(cells) },
      'enterprise-selected': { type: 'geojson', data: selectedFirmPoint(input) },
    },
    shapes: [
      {
        id: 'enterprise-cells',
        type: 'fill',
        source: 'enterprise-cells',
        paint: { 'fill-color': GREY_BY_GRADE, 'fill-opacity': 0.7, 'fill-outline-color': '#ffffff' },
      },
      {
        id: 'enterprise-selected',
        type: 'circle',
        source: 'enterprise-selected',
        paint: {
          'circle-radius': RADIUS_PX,
          'circle-color': ['get', 'colour'],
          'circle-stroke-color': THEME.selected,
          'circle-stroke-width': 3,
        },
      },
    ],
    labels: [],
  };
}

function enterprisesStyle(input: LayerInput): StylePart {
  if (input.firmCells) return cellsStyle(input, input.firmCells);
  if (usesDeck(input)) return { sources: {}, shapes: [], labels: [] };
  const filter = categoryFilter(input.categories);
  const emphasised = emphasisedKeys(input);
  const isEmphasised: ExpressionSpecification = ['in', ['get', 'key'], ['literal', emphasised]];
  return {
    sources: {
      enterprises: {
        type: 'geojson',
        data: dotFeatures(input.dots, input.data.ledger?.staleAfterMonths ?? 24),
      },
    },
    shapes: [
      {
        // A dark halo under the selected firm and the firms a tour step points at.
        id: 'enterprises-emphasis',
        type: 'circle',
        source: 'enterprises',
        filter: ['all', filter, isEmphasised],
        paint: {
          'circle-radius': RADIUS_PX + 5,
          'circle-color': THEME.selected,
          'circle-opacity': 0.25,
          'circle-stroke-color': THEME.selected,
          'circle-stroke-width': 2.5,
        },
      },
      {
        // A second, thin ring around the dot: "this firm's source may be out of date" (issue 14).
        id: 'enterprises-stale',
        type: 'circle',
        source: 'enterprises',
        filter: ['all', filter, ['get', 'stale']],
        paint: {
          'circle-radius': RADIUS_PX + 3,
          'circle-opacity': 0,
          'circle-stroke-color': STALE_RING,
          'circle-stroke-width': 2,
        },
      },
      {
        // A firm known only to its district or park is a ring (white inside), an exact site a
        // solid dot: imprecise locations never look surveyed.
        id: 'enterprises-dot',
        type: 'circle',
        source: 'enterprises',
        filter,
        paint: {
          'circle-radius': RADIUS_PX - 1.5,
          'circle-color': ['case', ['get', 'approx'], '#ffffff', ['get', 'colour']],
          'circle-stroke-color': ['case', ['get', 'approx'], ['get', 'colour'], '#ffffff'],
          'circle-stroke-width': ['case', ['get', 'approx'], 3, 1.5],
        },
      },
    ],
    labels: [
      {
        // An invisible mark on every firm, placed first: the area and township labels move
        // beside the firms' rings instead of sitting on them.
        id: 'enterprises-keepout',
        type: 'symbol',
        source: 'enterprises',
        filter,
        layout: {
          'text-field': '●',
          'text-font': FONT_STACK,
          'text-size': 16,
          'text-padding': 0,
          'text-allow-overlap': true,
        },
        paint: { 'text-opacity': 0 },
      },
      {
        // Close in, each firm is named beside its dot (where there is room).
        id: 'enterprises-label',
        type: 'symbol',
        source: 'enterprises',
        filter,
        minzoom: FIRM_NAMES_MIN_ZOOM,
        layout: {
          'text-field': ['get', `name_${input.lang}`],
          'text-font': FONT_STACK,
          'text-size': 12,
          'text-max-width': input.lang === 'zh' ? 9 : 14,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.9,
          'text-justify': 'auto',
        },
        paint: { 'text-color': THEME.text, 'text-halo-color': THEME.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** From this zoom firms are named on the map (streets visible, few firms on screen). */
export const FIRM_NAMES_MIN_ZOOM = 12;

const WHITE: [number, number, number, number] = [255, 255, 255, 235];
const SELECTED = [...hexToRgb(THEME.selected), 255] as [number, number, number, number];

export interface EnterprisesDeckInput {
  dots: EnterpriseDots;
  categories: number[][];
  /** Index of the selected firm's first dot, or -1. */
  selectedIndex: number;
  beforeId: string;
}

/**
 * The dots as deck.gl's binary attributes: one typed array per attribute, made in a single pass
 * over the columns. With accessors deck.gl calls a function per dot and attribute and boxes every
 * result: for 100,000 firms that was a third of a second in one frame whenever the data changed.
 * `dots` is kept, so a tap finds its firm by index.
 */
export interface DotAttributes {
  length: number;
  dots: EnterpriseDots;
  attributes: Record<
    string,
    { value: Float64Array | Float32Array | Uint8Array; size: number; normalized?: boolean }
  >;
}

const lookCache = new WeakMap<EnterpriseDots, DotAttributes>();

function* dotLookInSlices(dots: EnterpriseDots): Slices<DotAttributes> {
  const n = dots.length;
  const fill = new Uint8Array(4 * n);
  const line = new Uint8Array(4 * n);
  const lineWidth = new Float32Array(n);
  for (let i = 0; i < n; i += 1) {
    if (atSliceEnd(i)) yield;
    const r = dots.colour[3 * i] as number;
    const g = dots.colour[3 * i + 1] as number;
    const b = dots.colour[3 * i + 2] as number;
    // An approximate place: a ring in the chain's colour round a white dot (as on the maplibre map).
    if (dots.approximate[i]) {
      fill.set(WHITE, 4 * i);
      line[4 * i] = r;
      line[4 * i + 1] = g;
      line[4 * i + 2] = b;
      line[4 * i + 3] = 255;
      lineWidth[i] = 3;
    } else {
      fill[4 * i] = r;
      fill[4 * i + 1] = g;
      fill[4 * i + 2] = b;
      fill[4 * i + 3] = 255;
      line.fill(255, 4 * i, 4 * i + 4);
      lineWidth[i] = 1.5;
    }
  }
  return {
    length: n,
    dots,
    attributes: {
      getPosition: { value: dots.position, size: 2 },
      // Bytes 0–255 read as 0–1 by the shader, as deck.gl's colour accessors give them.
      getFillColor: { value: fill, size: 4, normalized: true },
      getLineColor: { value: line, size: 4, normalized: true },
      getLineWidth: { value: lineWidth, size: 1 },
    },
  };
}

/** The range filter's kept values: the mask's 1, not its 0. */
const SHOWN_RANGE: [number, number] = [0.5, 1.5];

// The last filter's attributes per set of dots: the same filter gives the same object, so deck.gl
// sees no new data; a new filter rebuilds only the shown mask, one number per dot.
const withShownCache = new WeakMap<EnterpriseDots, { categories: number[][]; out: DotAttributes }>();

/**
 * The dots' attributes with the filter's shown mask (getFilterValue: 1 shown, 0 hidden). The look
 * attributes keep their arrays from one filter to the next, so deck.gl uploads only the mask.
 */
export const dotAttributes = (dots: EnterpriseDots, categories: number[][]): DotAttributes =>
  runWhole(dotAttributesInSlices(dots, categories));

/** dotAttributes made ahead, a slice per task (state/prepare-shown.ts), into the same caches. */
export const dotAttributesAhead = (dots: EnterpriseDots, categories: number[][], wait: Wait) =>
  runInSlices(dotAttributesInSlices(dots, categories), wait);

function* dotAttributesInSlices(dots: EnterpriseDots, categories: number[][]): Slices<DotAttributes> {
  const last = withShownCache.get(dots);
  if (last?.categories === categories) return last.out;
  let look = lookCache.get(dots);
  if (!look) {
    const made = yield* dotLookInSlices(dots);
    // One made meanwhile (the store asked while these slices waited) is kept: one look per set.
    look = lookCache.get(dots) ?? made;
    lookCache.set(dots, look);
  }
  const shown = yield* dotsShownInSlices(dots, categories);
  const made = withShownCache.get(dots);
  if (made?.categories === categories) return made.out;
  const out: DotAttributes = {
    ...look,
    attributes: { ...look.attributes, getFilterValue: { value: shown, size: 1 } },
  };
  withShownCache.set(dots, { categories, out });
  return out;
}

/**
 * deck.gl's scatterplot whose picked dot is its firm's key: deck.gl gives no object for binary
 * data, only an index, so the layer looks it up in `data.dots` (one class per loaded deck.gl core).
 */
type DotsLayerClass = DeckCore['ScatterplotLayer'];
const dotsLayers = new WeakMap<DeckCore, DotsLayerClass>();
function dotsLayerOf(core: DeckCore): DotsLayerClass {
  let Dots = dotsLayers.get(core);
  if (!Dots) {
    Dots = class EnterpriseDotsLayer extends core.ScatterplotLayer {
      static override layerName = 'EnterpriseDotsLayer';
      override getPickingInfo(
        params: Parameters<InstanceType<DeckCore['ScatterplotLayer']>['getPickingInfo']>[0],
      ) {
        const info = super.getPickingInfo(params);
        const dots = (this.props.data as unknown as DotAttributes).dots;
        if (info.index >= 0 && dots && info.index < dots.length)
          info.object = { key: dotKey(dots, info.index) };
        return info;
      }
    } as unknown as DotsLayerClass;
    dotsLayers.set(core, Dots);
  }
  return Dots;
}

/**
 * The same dots drawn by deck.gl for large imports, from binary attributes. A filter change
 * rebuilds only the shown mask, one number per dot, that the GPU's range filter reads.
 */
export function buildEnterprisesDeckLayer(
  core: DeckCore,
  { dots, categories, selectedIndex, beforeId }: EnterprisesDeckInput,
) {
  const { DataFilterExtension } = core;
  const ScatterplotLayer = dotsLayerOf(core);
  return new ScatterplotLayer({
    id: 'enterprises',
    data: dotAttributes(dots, categories),
    lineWidthUnits: 'pixels',
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: RADIUS_PX,
    pickable: true,
    highlightedObjectIndex: selectedIndex,
    highlightColor: SELECTED,
    extensions: [new DataFilterExtension({ filterSize: 1 })],
    filterRange: SHOWN_RANGE,
    ...({ beforeId } as object),
  } as unknown as ConstructorParameters<typeof ScatterplotLayer>[0]);
}

export const CLUSTER_MAX_ZOOM = 13;

function resolveTap(found: readonly Record<string, unknown>[], input: LayerInput, zoom: number): HitResult {
  // A cell of a large import: come closer, where its firms are drawn one by one.
  if (found.some((f) => f.cell === 1)) return { several: true };
  const keys = [...new Set(found.map((f) => f.key).filter((k): k is string => typeof k === 'string'))];
  if (keys.length === 0) return null;
  // Several firms under one finger from afar: come closer instead of guessing which one was meant.
  if (keys.length > 1 && zoom < CLUSTER_MAX_ZOOM) return { several: true };
  const firm = input.data.enterprises.find((e) => e.key === keys[0]);
  return firm ? { select: { kind: 'enterprise', id: firm.id } } : null;
}

const dotsLegend = (data: LayerInput['data'], lang: LayerInput['lang']): LegendEntry[] => [
  { group: 'enterprises', mark: 'dot', colour: FIRM_SYMBOL, label: t(lang, 'legend.enterpriseExact') },
  { group: 'enterprises', mark: 'ring', colour: FIRM_SYMBOL, label: t(lang, 'legend.enterpriseApprox') },
  ...data.chain.chains.map((c) => ({
    group: 'enterprises' as const,
    mark: 'dot' as const,
    colour: chainColour(c.id),
    label: pick(lang, c.name),
    ref: c.id,
  })),
  { group: 'enterprises', mark: 'dot', colour: UNCLASSIFIED_COLOUR, label: t(lang, 'legend.unclassified') },
  { group: 'enterprises', mark: 'ring', colour: STALE_RING, label: t(lang, 'ledger.mapStale') },
];

/** The cells' legend: what a grey means, as a count of firms, and where the dots come back. */
const cellsLegend = (lang: LayerInput['lang']): LegendEntry[] => [
  // With a ref the heading leads the chips, as the charging sites' heading does.
  {
    group: 'enterprises',
    mark: 'none',
    colour: THEME.textMuted,
    label: t(lang, 'legend.firmCells'),
    ref: 'cells',
  },
  ...CELL_CLASS_FROM.map((from, k) => {
    const next = CELL_CLASS_FROM[k + 1];
    const n = (x: number) => formatNumber(lang, x, 0);
    return {
      group: 'enterprises' as const,
      mark: 'swatch' as const,
      colour: FIRM_DENSITY_GREYS[k] as string,
      label:
        next === undefined
          ? t(lang, 'legend.firmCellsFrom', { from: n(from) })
          : t(lang, 'legend.firmCellsRange', { from: n(from), to: n(next - 1) }),
      ref: `cells-${k}`,
    };
  }),
];

/**
 * Enterprise dots, coloured by chain: maplibre circles for the bundled firms; for a large import,
 * grey cells counting its firms from afar and deck.gl dots close in.
 */
export const enterprisesLayer: LayerEntry = {
  id: 'enterprises',
  labelKey: 'layer.enterprises',
  toggle: true,
  defaultVisible: true,
  drawOrder: 80,
  style: enterprisesStyle,
  deck: {
    lib: 'core',
    needed: usesDeck,
    build: (input, lib, beforeId) => {
      const dots = input.nearDots ?? input.dots;
      return [
        buildEnterprisesDeckLayer(lib.core, {
          dots,
          categories: input.categories,
          selectedIndex: selectedDotIn(input, dots),
          beforeId,
        }),
      ];
    },
  },
  legend: ({ data, lang, firmCells }) => (firmCells ? cellsLegend(lang) : dotsLegend(data, lang)),
  hit: {
    maplibre: ['enterprises-dot', 'enterprise-cells'],
    deck: ['enterprises'],
    resolve: (found, input, at) => resolveTap(found, input, at.zoom),
  },
};
