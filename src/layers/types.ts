import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Charger } from '../data/chargers';
import type { BundledData } from '../data/load-bundled';
import type { AreaId, Lang } from '../data/types';
import type { AreaShapes } from '../domain/area-shapes';
import type { Coverage } from '../domain/charging';
import type { Placement } from '../domain/enterprise-positions';
import type { AreaMatch } from '../domain/match';
import type { Measurement } from '../domain/measure';
import type { MessageKey } from '../i18n/t';
import type { EnterpriseFilters, Selection } from '../model';
import type { DeckLib } from './deck-lib';
import type { FirmCells } from './enterprise-cells';
import type { EnterpriseDots } from './enterprise-points';

/** What is emphasised on the map: the selection's areas, or what a tour step points at. */
export interface Highlight {
  areas: readonly AreaId[];
  segments: readonly string[];
  /** Enterprise ids. */
  enterprises: readonly string[];
}

/** What every layer builder may read: plain data and results, no map, no store. */
export interface LayerInput {
  data: BundledData;
  shapes: AreaShapes;
  lang: Lang;
  visible: ReadonlySet<string>;
  highlight: Highlight;
  selection: Selection | null;
  tiandituToken: string;
  filters: EnterpriseFilters;
  /** Parallel to data.enterprises: where each firm is drawn (null: nowhere). */
  placements: readonly Placement[];
  /** The enterprise dots (one per firm and segment), as columns. */
  dots: EnterpriseDots;
  /** GPU/style filter categories of the dots for the filters. */
  categories: number[][];
  /** A large import seen from afar: its shown firms counted per grid cell; null: dots are drawn. */
  firmCells: FirmCells | null;
  /** Close in, the large import's dots deck.gl draws (those near the view); null: it draws none. */
  nearDots: EnterpriseDots | null;
  /** The top area of the firm-to-park match to draw, or null. */
  match: AreaMatch | null;
  /** Charging sites shown for the chosen year. */
  chargers: readonly Charger[];
  /** Coverage of the city for the chosen distance, computed only while its layer is shown. */
  coverage: Coverage | null;
  coverKm: number;
  /** Zoomed out far enough that charging sites are shown as a density. */
  densityView: boolean;
  /** The measuring tool's shape while it is on, else null. */
  measure: Measurement | null;
  /** The centre's own basemap's source url (pmtiles://…), or null: no file. */
  basemapUrl: string | null;
}

/** A layer's contribution to the maplibre style. Labels are drawn above every shape layer. */
export interface StylePart {
  sources: Record<string, SourceSpecification>;
  shapes: LayerSpecification[];
  labels: LayerSpecification[];
}

export const EMPTY_PART: StylePart = { sources: {}, shapes: [], labels: [] };

/**
 * How a legend entry's symbol is drawn: a filled square (`swatch`), a filled square with a dashed
 * edge (a park), an empty dashed square (the "approximate" note), a filled dot, a ring, a pale
 * square (coverage gaps, drawn half transparent on the map); `none`: a line of text heading a group.
 */
export type LegendMark = 'swatch' | 'dashed' | 'hollow' | 'dot' | 'ring' | 'faded' | 'none';

/** One line of the legend, the same on screen, in the PNG and in the handout. */
export interface LegendEntry {
  group: 'areas' | 'enterprises' | 'chargers' | 'other';
  mark: LegendMark;
  colour: string;
  /** Edge colour when it differs from the fill. */
  border?: string;
  label: string;
  /** A second, smaller line (an area's specialisation). */
  detail?: string;
  /** Tapping the entry on screen selects this (an area's card). */
  selects?: Selection;
  /** A stable name for tests and styling (an area or chain id). */
  ref?: string;
}

/** What a tap found on one layer: a selection, or several features too close to tell apart. */
export type HitResult = { select: Selection } | { several: true } | null;

/**
 * How a tap on a layer becomes a selection. `maplibre`/`deck` name the drawn layers that answer;
 * `resolve` gets the properties (maplibre) or objects (deck.gl) under the finger, nearest first.
 */
export interface HitTest {
  maplibre?: readonly string[];
  deck?: readonly string[];
  resolve: (found: readonly Record<string, unknown>[], input: LayerInput, at: { zoom: number }) => HitResult;
}

/** The deck.gl half of a layer: built only once deck.gl is loaded, and only while `needed`. */
export interface DeckPart {
  /** Which lazily loaded deck.gl code it needs (`aggregation`: the hexagon density). */
  lib: 'core' | 'aggregation';
  needed: (input: LayerInput) => boolean;
  /** deck.gl layers in draw order; `beforeId` keeps them under the labels. */
  build: (input: LayerInput, lib: DeckLib, beforeId: string) => unknown[];
}

/**
 * One map layer, all in one file: its id, how the layer panel names it, its maplibre style part
 * and/or deck.gl layers (pure builders from a LayerInput), its legend entries and how a tap on it
 * becomes a selection. `toggle: false` layers are not in the panel and always drawn.
 */
export interface LayerEntry {
  id: string;
  labelKey?: MessageKey;
  toggle: boolean;
  defaultVisible: boolean;
  /** Needs the internet: off by default, and said so in the layer panel. */
  online?: boolean;
  /** Drawn under (lower number) or over other layers; the panel keeps the registry's order. */
  drawOrder: number;
  style?: (input: LayerInput) => StylePart;
  deck?: DeckPart;
  legend?: (input: LayerInput) => LegendEntry[];
  hit?: HitTest;
}

/** text-field for the user's language, falling back to Chinese where a feature has no English name. */
export function nameField(lang: Lang): unknown {
  return lang === 'zh' ? ['get', 'name_zh'] : ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];
}
