import * as v from 'valibot';
import {
  AREA_IDS,
  type AreaId,
  CONFIDENCES,
  type Confidence,
  LANGS,
  PRECISIONS,
  type Precision,
  SHARED_PANELS,
  type SharedPanel,
} from './enums';
import { CAMERA_LIMITS, type Camera, CameraSchema, cameraInLimits, inBox } from './geo';

// The app's view vocabulary: what a link, a tour step and the store all say about "what is shown".

export const SelectionSchema = v.variant('kind', [
  v.object({ kind: v.literal('area'), id: v.picklist(AREA_IDS) }),
  v.object({ kind: v.literal('segment'), id: v.string() }),
  v.object({ kind: v.literal('enterprise'), id: v.string() }),
  v.object({ kind: v.literal('charger'), id: v.string() }),
]);
export type Selection = v.InferOutput<typeof SelectionSchema>;

/** Which enterprises the map shows. Empty lists mean "all". */
export const EnterpriseFiltersSchema = v.object({
  segment: v.nullable(v.string()),
  chains: v.array(v.string()),
  areas: v.array(v.picklist(AREA_IDS)),
  precision: v.array(v.picklist(PRECISIONS)),
  confidence: v.array(v.picklist(CONFIDENCES)),
});
export type EnterpriseFilters = v.InferOutput<typeof EnterpriseFiltersSchema>;

export const NO_FILTERS: EnterpriseFilters = {
  segment: null,
  chains: [],
  areas: [],
  precision: [],
  confidence: [],
};

export { SHARED_PANELS, type SharedPanel };

/** Which lines of the target list (招商清单) are shown: by chain, and by the areas the plan assigns. Empty lists mean "all". */
export const TargetFilterSchema = v.object({
  chains: v.array(v.string()),
  areas: v.array(v.picklist(AREA_IDS)),
});
export type TargetFilter = v.InferOutput<typeof TargetFilterSchema>;

export const NO_TARGET_FILTER: TargetFilter = { chains: [], areas: [] };

/** The most segments a visiting firm can name in the match (the picker and the link both stop here). */
export const MAX_MATCH_SEGMENTS = 5;
export const MATCH_RADIUS_RANGE = { min: 1, max: 50 } as const;

/** The firm-to-park match: the visiting firm's segments and the partner distance. */
export const MatchViewSchema = v.object({
  segments: v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(MAX_MATCH_SEGMENTS)),
  radiusKm: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(MATCH_RADIUS_RANGE.min),
    v.maxValue(MATCH_RADIUS_RANGE.max),
  ),
});
export type MatchView = v.InferOutput<typeof MatchViewSchema>;

export const AS_OF_RANGE = { min: 2015, max: 2030 } as const;
export const COVER_RANGE = { min: 0.5, max: 20 } as const;

/** The charging view: build-out shown up to the end of a year (null: everything operating), and the coverage distance. */
export const ChargingViewSchema = v.object({
  asOfYear: v.nullable(
    v.pipe(
      v.number('json.number'),
      v.integer('json.integer'),
      v.minValue(AS_OF_RANGE.min, 'json.range'),
      v.maxValue(AS_OF_RANGE.max, 'json.range'),
    ),
  ),
  // One decimal at most: the link writes the distance as it is, and reads back only that form.
  coverKm: v.pipe(
    v.number('json.number'),
    v.minValue(COVER_RANGE.min, 'json.range'),
    v.maxValue(COVER_RANGE.max, 'json.range'),
    v.check((km) => Number.isInteger(km * 10), 'json.oneDecimal'),
  ),
});
export type ChargingView = v.InferOutput<typeof ChargingViewSchema>;
export const DEFAULT_CHARGING: ChargingView = { asOfYear: null, coverKm: 3 };

/** Longest tour a link can point into; tour.json steps beyond it are reported and dropped. */
export const MAX_TOUR_STEPS = 99;

/** The most points a measurement (and so a link) holds. */
export const MAX_MEASURE_POINTS = 40;

/** The measuring tool's shape: the points tapped (lng, lat), and whether it is closed into an area. */
export const MeasurementSchema = v.object({
  points: v.pipe(
    v.array(v.tuple([v.number(), v.number()])),
    v.maxLength(MAX_MEASURE_POINTS),
    v.check((ps) => ps.every(([lng, lat]) => inBox(CAMERA_LIMITS.bounds, lng, lat))),
  ),
  closed: v.boolean(),
});
export type Measurement = v.InferOutput<typeof MeasurementSchema>;

export const ShareStateSchema = v.object({
  camera: v.nullable(CameraSchema),
  layers: v.array(v.string()),
  selection: v.nullable(SelectionSchema),
  lang: v.picklist(LANGS),
  filters: EnterpriseFiltersSchema,
  panel: v.nullable(v.picklist(SHARED_PANELS)),
  charging: ChargingViewSchema,
  /**
   * Presenter mode on this step of the validated tour: a 0-based index (the link writes it 1-based
   * as `tour=`). Absent or null: not presenting. Whether the tour has that many steps is checked
   * by whoever holds the tour, as ids are checked against the data.
   */
  tourStep: v.optional(v.nullable(v.number())),
  /** The match asked for, or null/absent: none. */
  match: v.optional(v.nullable(MatchViewSchema)),
  /** The target list's filter; absent: none. */
  targets: v.optional(TargetFilterSchema),
  /** The measuring tool's shape (`m=`); absent or null: none. */
  measure: v.optional(v.nullable(MeasurementSchema)),
});
export type ShareState = v.InferOutput<typeof ShareStateSchema>;

// ── The text forms, shared by the link and by tour.json (an editor can paste a view from the address bar) ──

const NUM = '-?\\d{1,3}(?:\\.\\d{1,8})?';
const MAP_RE = new RegExp(`^(${NUM})/(${NUM})/(${NUM})(?:/(${NUM}))?(?:/(${NUM}))?$`);
/** Ids we write ourselves (segments, chains, layers). */
export const ID_RE = /^[a-z][a-z0-9-]{0,40}$/;
// Enterprise ids come from data files, including imported ones: a wider, still inert, alphabet.
const RECORD_ID_RE = /^[A-Za-z0-9._-]{1,60}$/;

/** Decimal places for lat/lng at a zoom: about one screen pixel, as maplibre's hash does. */
export function coordPrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

function round(n: number, digits: number): string {
  const s = n.toFixed(digits);
  // "-0" and "-0.00" read oddly in a link.
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** zoom/lat/lng[/bearing[/pitch]]: bearing and pitch left out when both are 0, as maplibre's hash does. */
export function encodeCamera(c: Camera): string {
  const p = coordPrecision(c.zoom);
  const parts = [round(c.zoom, 2), round(c.lat, p), round(c.lng, p)];
  const bearing = round(c.bearing, 1);
  const pitch = round(c.pitch, 1);
  if (pitch !== '0.0') parts.push(bearing, pitch);
  else if (bearing !== '0.0') parts.push(bearing);
  return parts.join('/');
}

/** The camera of a `map=` value, or null (also when it is outside CAMERA_LIMITS). */
export function decodeCamera(value: string): Camera | null {
  const m = MAP_RE.exec(value);
  if (!m) return null;
  const c: Camera = {
    zoom: Number(m[1]),
    lat: Number(m[2]),
    lng: Number(m[3]),
    bearing: m[4] === undefined ? 0 : Number(m[4]),
    pitch: m[5] === undefined ? 0 : Number(m[5]),
  };
  return cameraInLimits(c) ? c : null;
}

export function encodeSelection(s: Selection): string {
  return `${s.kind}:${encodeURIComponent(s.id)}`;
}

/** `area:suixi`, `segment:power-battery`, `enterprise:ent-003`, `charger:chg-12`. */
export function decodeSelection(value: string): Selection | null {
  const [kind, id, ...rest] = value.split(':');
  if (rest.length > 0 || id === undefined) return null;
  if (kind === 'area' && (AREA_IDS as readonly string[]).includes(id)) return { kind, id: id as AreaId };
  if (kind === 'segment' && ID_RE.test(id)) return { kind, id };
  if ((kind === 'enterprise' || kind === 'charger') && RECORD_ID_RE.test(id)) return { kind, id };
  return null;
}

export function encodeFilters(f: EnterpriseFilters): string {
  const parts: string[] = [];
  if (f.segment) parts.push(`seg:${f.segment}`);
  if (f.chains.length) parts.push(`chain:${f.chains.join(',')}`);
  if (f.areas.length) parts.push(`area:${f.areas.join(',')}`);
  if (f.precision.length) parts.push(`prec:${f.precision.join(',')}`);
  if (f.confidence.length) parts.push(`conf:${f.confidence.join(',')}`);
  return parts.join(';');
}

const FILTER_LISTS = {
  chain: ['chains', (x: string) => ID_RE.test(x)],
  area: ['areas', (x: string) => (AREA_IDS as readonly string[]).includes(x)],
  prec: ['precision', (x: string) => (PRECISIONS as readonly string[]).includes(x)],
  conf: ['confidence', (x: string) => (CONFIDENCES as readonly string[]).includes(x)],
} as const;

/** All-or-nothing: a filter half understood would show a different set of firms than the sender saw. */
export function decodeFilters(value: string): EnterpriseFilters | null {
  const f: EnterpriseFilters = { ...NO_FILTERS };
  if (value === '') return f;
  const seen = new Set<string>();
  for (const part of value.split(';')) {
    const [key, list, ...rest] = part.split(':');
    if (key === undefined || list === undefined || rest.length > 0 || seen.has(key)) return null;
    seen.add(key);
    const items = list.split(',');
    if (items.length > 60) return null;
    if (key === 'seg') {
      if (items.length !== 1 || !ID_RE.test(list)) return null;
      f.segment = list;
      continue;
    }
    if (!Object.hasOwn(FILTER_LISTS, key)) return null;
    const [field, ok] = FILTER_LISTS[key as keyof typeof FILTER_LISTS];
    if (!items.every(ok)) return null;
    (f as Record<string, unknown>)[field] = [...new Set(items)];
  }
  return f;
}

/** The target list's filter in the link: the `f=` form with only its chain and area lists (`chain:battery;area:hitech`). */
export function encodeTargetFilter(f: TargetFilter): string {
  return encodeFilters({ ...NO_FILTERS, chains: f.chains, areas: f.areas });
}

/** The filter of a `targets=` value, or null: all-or-nothing, and only chains and areas. */
export function decodeTargetFilter(value: string): TargetFilter | null {
  const f = decodeFilters(value);
  if (!f || f.segment !== null || f.precision.length > 0 || f.confidence.length > 0) return null;
  return { chains: f.chains, areas: f.areas };
}

export function encodeMatch(m: MatchView): string {
  return `${m.segments.join(',')}@${m.radiusKm}`;
}

/** `battery-box,al-wheel@10`: one to MAX_MATCH_SEGMENTS segment ids and a distance in whole kilometres. */
export function decodeMatch(value: string): MatchView | null {
  const m = /^([a-z0-9,-]{1,250})@(\d{1,2})$/.exec(value);
  if (!m) return null;
  const segments = (m[1] as string).split(',');
  const radiusKm = Number(m[2]);
  if (
    segments.length > MAX_MATCH_SEGMENTS ||
    !segments.every((x) => ID_RE.test(x)) ||
    new Set(segments).size !== segments.length
  )
    return null;
  if (radiusKm < MATCH_RADIUS_RANGE.min || radiusKm > MATCH_RADIUS_RANGE.max) return null;
  return { segments, radiusKm };
}

// The measuring tool in the link: `m=l:116.7812,33.9512;116.8001,33.9600` (a line) or `m=a:…` (a closed
// shape, three points or more). Four decimals, about 10 m: finer than a finger on the map.
const MEASURE_DIGITS = 4;
const MEASURE_POINT_RE = /^(-?\d{1,3}(?:\.\d{1,6})?),(-?\d{1,2}(?:\.\d{1,6})?)$/;

/** A tapped point at the link's precision: what is measured is what a link to it restores. */
export function roundMeasurePoint([lng, lat]: [number, number]): [number, number] {
  return [Number(lng.toFixed(MEASURE_DIGITS)), Number(lat.toFixed(MEASURE_DIGITS))];
}

export function encodeMeasure(m: Measurement): string {
  const pts = m.points.map(([lng, lat]) => `${round(lng, MEASURE_DIGITS)},${round(lat, MEASURE_DIGITS)}`);
  return `${m.closed && m.points.length >= 3 ? 'a' : 'l'}:${pts.join(';')}`;
}

/** A measurement of an `m=` value, or null: all-or-nothing, at most MAX_MEASURE_POINTS points, all near the city. */
export function decodeMeasure(value: string): Measurement | null {
  const m = /^([la]):(.{1,1000})$/.exec(value);
  if (!m) return null;
  const parts = (m[2] as string).split(';');
  if (parts.length > MAX_MEASURE_POINTS) return null;
  const points: [number, number][] = [];
  for (const p of parts) {
    const pm = MEASURE_POINT_RE.exec(p);
    if (!pm) return null;
    const lng = Number(pm[1]);
    const lat = Number(pm[2]);
    if (!inBox(CAMERA_LIMITS.bounds, lng, lat)) return null;
    points.push([lng, lat]);
  }
  const closed = m[1] === 'a';
  if (closed && points.length < 3) return null;
  return { points, closed };
}

export type { Confidence, Precision };
