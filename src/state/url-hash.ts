import { isAreaId } from '../data/areas';
import type { AreaId, Confidence, Lang, Precision } from '../data/types';
import { type Camera, cameraInLimits } from './camera';

/**
 * The shareable part of the app state, as a small readable hash:
 *   #v=1&map=9.2/33.7600/116.7200/0/0&layers=areas,townships&sel=area:hitech&lang=en
 *   …&f=seg:power-battery;chain:battery,hydrogen;area:suixi;prec:district;conf:high&panel=chain
 *   …&tour=3   (presenter mode on the tour's third step: 1-based, as the presenter counts "3 / 10")
 * `map` follows maplibre's zoom/lat/lng/bearing/pitch form. Decoding validates every key on its
 * own: a bad key falls back to its default and is reported, the rest of the link still works.
 */
export const HASH_VERSION = 1;
// Longer than any link we write; a longer hash is junk or an attack, not a view.
const MAX_HASH_LENGTH = 2000;

export type Selection =
  | { kind: 'area'; id: AreaId }
  | { kind: 'segment'; id: string }
  | { kind: 'enterprise'; id: string }
  | { kind: 'charger'; id: string };

/** Which enterprises the map shows. Empty lists mean "all". */
export interface EnterpriseFilters {
  segment: string | null;
  chains: string[];
  areas: AreaId[];
  precision: Precision[];
  confidence: Confidence[];
}

export const NO_FILTERS: EnterpriseFilters = {
  segment: null,
  chains: [],
  areas: [],
  precision: [],
  confidence: [],
};

/** Side panels a link restores (transient ones such as the layer list are not shared). */
export type SharedPanel = 'chain' | 'targets' | 'charging' | 'goals' | 'match';
export const SHARED_PANELS: readonly SharedPanel[] = ['chain', 'targets', 'charging', 'goals', 'match'];

/** The firm-to-park match: the visiting firm's segments and the partner distance. */
export interface MatchView {
  segments: string[];
  radiusKm: number;
}
export const MATCH_RADIUS_RANGE = { min: 1, max: 50 } as const;

/** The charging view: build-out shown up to the end of a year (null: everything operating), and the coverage distance. */
export interface ChargingView {
  asOfYear: number | null;
  coverKm: number;
}
export const DEFAULT_CHARGING: ChargingView = { asOfYear: null, coverKm: 3 };
export const AS_OF_RANGE = { min: 2015, max: 2030 } as const;
export const COVER_RANGE = { min: 0.5, max: 20 } as const;
/** Longest tour a link can point into; tour.json steps beyond it are reported and dropped. */
export const MAX_TOUR_STEPS = 99;

export interface ShareState {
  camera: Camera | null;
  layers: string[];
  selection: Selection | null;
  lang: Lang;
  filters: EnterpriseFilters;
  panel: SharedPanel | null;
  charging: ChargingView;
  /**
   * Presenter mode on this step of the validated tour: a 0-based index (the link writes it 1-based
   * as `tour=`). Absent or null: not presenting. Whether the tour has that many steps is checked
   * by whoever holds the tour, as ids are checked against the data.
   */
  tourStep?: number | null;
  /** The match asked for, or null/absent: none. */
  match?: MatchView | null;
}

export type HashKey =
  | 'v'
  | 'map'
  | 'layers'
  | 'sel'
  | 'lang'
  | 'f'
  | 'panel'
  | 'asof'
  | 'cover'
  | 'tour'
  | 'match';

export interface DecodedHash {
  /** Only the keys that were present and valid. */
  state: Partial<ShareState>;
  /** Keys that were present but invalid, and so replaced by defaults. */
  rejected: HashKey[];
}

const NUM = '-?\\d{1,3}(?:\\.\\d{1,8})?';
const MAP_RE = new RegExp(`^(${NUM})/(${NUM})/(${NUM})(?:/(${NUM}))?(?:/(${NUM}))?$`);
const ID_RE = /^[a-z][a-z0-9-]{0,40}$/;
// Enterprise ids come from data files, including imported ones: a wider, still inert, alphabet.
const RECORD_ID_RE = /^[A-Za-z0-9._-]{1,60}$/;
const PRECISIONS: readonly Precision[] = ['exact', 'park', 'district', 'unknown'];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/** Decimal places for lat/lng at a zoom: about one screen pixel, as maplibre's hash does. */
export function coordPrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

function round(n: number, digits: number): string {
  const s = n.toFixed(digits);
  // "-0" and "-0.00" read oddly in a link.
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

export function encodeCamera(c: Camera): string {
  const p = coordPrecision(c.zoom);
  return [round(c.zoom, 2), round(c.lat, p), round(c.lng, p), round(c.bearing, 1), round(c.pitch, 1)].join(
    '/',
  );
}

export function encodeHash(s: ShareState): string {
  const parts = [`v=${HASH_VERSION}`];
  if (s.camera) parts.push(`map=${encodeCamera(s.camera)}`);
  parts.push(`layers=${s.layers.join(',')}`);
  if (s.selection) parts.push(`sel=${s.selection.kind}:${encodeURIComponent(s.selection.id)}`);
  parts.push(`lang=${s.lang}`);
  const f = encodeFilters(s.filters);
  if (f) parts.push(`f=${f}`);
  if (s.panel) parts.push(`panel=${s.panel}`);
  if (s.charging.asOfYear !== null) parts.push(`asof=${s.charging.asOfYear}`);
  if (s.charging.coverKm !== DEFAULT_CHARGING.coverKm) parts.push(`cover=${s.charging.coverKm}`);
  if (s.match) parts.push(`match=${s.match.segments.join(',')}@${s.match.radiusKm}`);
  if (s.tourStep !== undefined && s.tourStep !== null) parts.push(`tour=${s.tourStep + 1}`);
  return `#${parts.join('&')}`;
}

/** `battery-box,al-wheel@10`: one to five segment ids and a distance in whole kilometres. */
function decodeMatch(value: string): MatchView | null {
  const m = /^([a-z0-9,-]{1,250})@(\d{1,2})$/.exec(value);
  if (!m) return null;
  const segments = (m[1] as string).split(',');
  const radiusKm = Number(m[2]);
  if (
    segments.length > 5 ||
    !segments.every((x) => ID_RE.test(x)) ||
    new Set(segments).size !== segments.length
  )
    return null;
  if (radiusKm < MATCH_RADIUS_RANGE.min || radiusKm > MATCH_RADIUS_RANGE.max) return null;
  return { segments, radiusKm };
}

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

/** Known ids are kept even when others are not; `ok` is false if anything was dropped. */
function decodeLayers(value: string, known: ReadonlySet<string>): { ids: string[] | null; ok: boolean } {
  if (value === '') return { ids: [], ok: true };
  const all = value.split(',');
  const ids = all.slice(0, 50);
  const isKnown = (id: string) => ID_RE.test(id) && known.has(id);
  const valid = [...new Set(ids.filter(isKnown))];
  const ok = all.length === ids.length && ids.every(isKnown);
  // Only unknown ids: fall back to the default layers rather than show an empty map.
  return { ids: valid.length > 0 ? valid : null, ok };
}

export function decodeSelection(value: string): Selection | null {
  const [kind, id, ...rest] = value.split(':');
  if (rest.length > 0 || id === undefined) return null;
  if (kind === 'area' && isAreaId(id)) return { kind: 'area', id };
  if (kind === 'segment' && ID_RE.test(id)) return { kind: 'segment', id };
  if (kind === 'enterprise' && RECORD_ID_RE.test(id)) return { kind: 'enterprise', id };
  if (kind === 'charger' && RECORD_ID_RE.test(id)) return { kind: 'charger', id };
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
    const all = <T extends string>(ok: (x: string) => x is T): T[] | null =>
      items.every(ok) ? ([...new Set(items)] as T[]) : null;
    if (key === 'seg') {
      if (items.length !== 1 || !ID_RE.test(list)) return null;
      f.segment = list;
    } else if (key === 'chain') {
      const v = all((x): x is string => ID_RE.test(x));
      if (!v) return null;
      f.chains = v;
    } else if (key === 'area') {
      const v = all(isAreaId);
      if (!v) return null;
      f.areas = v;
    } else if (key === 'prec') {
      const v = all((x): x is Precision => (PRECISIONS as readonly string[]).includes(x));
      if (!v) return null;
      f.precision = v;
    } else if (key === 'conf') {
      const v = all((x): x is Confidence => (CONFIDENCES as readonly string[]).includes(x));
      if (!v) return null;
      f.confidence = v;
    } else return null;
  }
  return f;
}

/**
 * Parses a location hash. Never throws: malformed, truncated or hostile input yields an empty
 * state plus the list of keys that were rejected. Unknown keys are ignored silently (forward
 * compatibility), since they cannot change what is shown.
 */
export function decodeHash(hash: string, knownLayers: ReadonlySet<string>): DecodedHash {
  const state: Partial<ShareState> = {};
  const rejected: HashKey[] = [];
  const out: DecodedHash = { state, rejected };
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return { state, rejected };
  if (raw.length > MAX_HASH_LENGTH) return { state, rejected: ['v'] };
  const params = new Map<string, string>();
  for (const pair of raw.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      value = '\u0000'; // undecodable: let the key's validator reject it
    }
    params.set(pair.slice(0, eq), value);
  }
  const v = params.get('v');
  if (v !== undefined && v !== String(HASH_VERSION)) {
    // A link from a newer (or garbled) schema: show defaults rather than guess its meaning.
    return { state, rejected: ['v'] };
  }
  const map = params.get('map');
  if (map !== undefined) {
    const c = decodeCamera(map);
    if (c) state.camera = c;
    else rejected.push('map');
  }
  const layers = params.get('layers');
  if (layers !== undefined) {
    const { ids, ok } = decodeLayers(layers, knownLayers);
    if (ids) state.layers = ids;
    if (!ok) rejected.push('layers');
  }
  const sel = params.get('sel');
  if (sel !== undefined) {
    const s = decodeSelection(sel);
    if (s) state.selection = s;
    else rejected.push('sel');
  }
  const lang = params.get('lang');
  if (lang !== undefined) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else rejected.push('lang');
  }
  const f = params.get('f');
  if (f !== undefined) {
    const filters = decodeFilters(f);
    if (filters) state.filters = filters;
    else rejected.push('f');
  }
  const asof = params.get('asof');
  const cover = params.get('cover');
  if (asof !== undefined || cover !== undefined) {
    const c: ChargingView = { ...DEFAULT_CHARGING };
    if (asof !== undefined) {
      const y = /^\d{4}$/.test(asof) ? Number(asof) : Number.NaN;
      if (y >= AS_OF_RANGE.min && y <= AS_OF_RANGE.max) c.asOfYear = y;
      else rejected.push('asof');
    }
    if (cover !== undefined) {
      const km = /^\d{1,2}(\.\d)?$/.test(cover) ? Number(cover) : Number.NaN;
      if (km >= COVER_RANGE.min && km <= COVER_RANGE.max) c.coverKm = km;
      else rejected.push('cover');
    }
    state.charging = c;
  }
  const panel = params.get('panel');
  if (panel !== undefined) {
    if ((SHARED_PANELS as readonly string[]).includes(panel)) state.panel = panel as SharedPanel;
    else rejected.push('panel');
  }
  const tour = params.get('tour');
  if (tour !== undefined) {
    // 1-based in the link; no sign, exponent or leading zero, so one step has one spelling.
    const n = /^[1-9]\d{0,2}$/.test(tour) ? Number(tour) : Number.NaN;
    if (n >= 1 && n <= MAX_TOUR_STEPS) state.tourStep = n - 1;
    else rejected.push('tour');
  }
  const match = params.get('match');
  if (match !== undefined) {
    const m = decodeMatch(match);
    if (m) state.match = m;
    else rejected.push('match');
  }
  return out;
}
