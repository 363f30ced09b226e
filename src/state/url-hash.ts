import { isAreaId } from '../data/areas';
import type { AreaId, Lang } from '../data/types';
import { type Camera, cameraInLimits } from './camera';

/**
 * The shareable part of the app state, as a small readable hash:
 *   #v=1&map=9.2/33.7600/116.7200/0/0&layers=areas,townships&sel=area:hitech&lang=en
 * `map` follows maplibre's zoom/lat/lng/bearing/pitch form. Decoding validates every key on its
 * own: a bad key falls back to its default and is reported, the rest of the link still works.
 */
export const HASH_VERSION = 1;
// Longer than any link we write; a longer hash is junk or an attack, not a view.
const MAX_HASH_LENGTH = 2000;

export type Selection = { kind: 'area'; id: AreaId };

export interface ShareState {
  camera: Camera | null;
  layers: string[];
  selection: Selection | null;
  lang: Lang;
}

export type HashKey = 'v' | 'map' | 'layers' | 'sel' | 'lang';

export interface DecodedHash {
  /** Only the keys that were present and valid. */
  state: Partial<ShareState>;
  /** Keys that were present but invalid, and so replaced by defaults. */
  rejected: HashKey[];
}

const NUM = '-?\\d{1,3}(?:\\.\\d{1,8})?';
const MAP_RE = new RegExp(`^(${NUM})/(${NUM})/(${NUM})(?:/(${NUM}))?(?:/(${NUM}))?$`);
const ID_RE = /^[a-z][a-z0-9-]{0,40}$/;

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
  if (s.selection) parts.push(`sel=${s.selection.kind}:${s.selection.id}`);
  parts.push(`lang=${s.lang}`);
  return `#${parts.join('&')}`;
}

function decodeCamera(value: string): Camera | null {
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

function decodeSelection(value: string): Selection | null {
  const [kind, id, ...rest] = value.split(':');
  if (rest.length === 0 && kind === 'area' && isAreaId(id)) return { kind: 'area', id };
  return null;
}

/**
 * Parses a location hash. Never throws: malformed, truncated or hostile input yields an empty
 * state plus the list of keys that were rejected. Unknown keys are ignored silently (forward
 * compatibility), since they cannot change what is shown.
 */
export function decodeHash(hash: string, knownLayers: ReadonlySet<string>): DecodedHash {
  const state: Partial<ShareState> = {};
  const rejected: HashKey[] = [];
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
  return { state, rejected };
}
