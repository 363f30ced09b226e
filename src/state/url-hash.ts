import { defaultLayerIds, LAYERS } from '../layers/registry';
import {
  AS_OF_RANGE,
  type ChargingView,
  COVER_RANGE,
  DEFAULT_CHARGING,
  decodeCamera,
  decodeFilters,
  decodeMatch,
  decodeMeasure,
  decodeSelection,
  decodeTargetFilter,
  encodeCamera,
  encodeFilters,
  encodeMatch,
  encodeMeasure,
  encodeSelection,
  encodeTargetFilter,
  ID_RE,
  isLang,
  isSharedPanel,
  MAX_TOUR_STEPS,
  type ShareState,
} from '../model';

// The view vocabulary lives in src/model/; re-exported here for the modules that read it from the link's module.
export {
  AS_OF_RANGE,
  type ChargingView,
  COVER_RANGE,
  coordPrecision,
  DEFAULT_CHARGING,
  decodeCamera,
  decodeFilters,
  decodeSelection,
  type EnterpriseFilters,
  encodeCamera,
  encodeFilters,
  MATCH_RADIUS_RANGE,
  MAX_TOUR_STEPS,
  type MatchView,
  NO_FILTERS,
  NO_TARGET_FILTER,
  type Selection,
  SHARED_PANELS,
  type SharedPanel,
  type ShareState,
  type TargetFilter,
} from '../model';

/**
 * The shareable part of the app state, as a small readable hash:
 *   #v=1&map=9.2/33.7600/116.7200&layers=areas,townships&sel=area:hitech&lang=en
 *   …&f=seg:power-battery;chain:battery,hydrogen;area:suixi;prec:district;conf:high&panel=chain
 *   …&tour=3   (presenter mode on the tour's third step: 1-based, as the presenter counts "3 / 10")
 *   …&targets=chain:battery;area:hitech   (the target list's filter, in the f= form)
 *   …&m=a:116.7812,33.9512;116.8001,33.9600;116.7900,33.9700   (the measuring tool: `l:` a line, `a:` an area)
 * `map` follows maplibre's zoom/lat/lng[/bearing[/pitch]] form. A key at its default is left out
 * (bearing and pitch 0, the default layers, Chinese), as maplibre and PMTiles do. Decoding validates
 * every key on its own: a bad key falls back to its default and is reported, the rest still works.
 */
export const HASH_VERSION = 1;
// Longer than any link we write; a longer hash is junk or an attack, not a view.
const MAX_HASH_LENGTH = 2000;

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
  | 'match'
  | 'targets'
  | 'm';

export interface DecodedHash {
  /** Only the keys that were present and valid. */
  state: Partial<ShareState>;
  /** Keys that were present but invalid, and so replaced by defaults. */
  rejected: HashKey[];
}

export interface HashContext {
  /** Layer ids a link may name. */
  known: ReadonlySet<string>;
  /** The layers shown when a link names none: left out of the link. */
  defaultLayers: readonly string[];
}

/** What one key decodes to; `charging` is partial, since asof= and cover= each give one half. */
type Decoded = Omit<Partial<ShareState>, 'charging'> & { charging?: Partial<ChargingView> };

/** One key of the link: both directions side by side, so they cannot drift apart. */
interface Codec {
  key: Exclude<HashKey, 'v'>;
  /** The value, or undefined when the state is at this key's default (left out of the link). */
  encode(s: ShareState, ctx: HashContext): string | undefined;
  /** The state the value gives, or null: rejected. */
  decode(value: string, ctx: HashContext): Decoded | null;
  /** What a rejected value still gives (the known layers of a partly bad list, say). */
  salvage?(value: string, ctx: HashContext): Decoded | undefined;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

// Up to 50 ids; only the known ones can be shown.
const layerIds = (value: string, ctx: HashContext) =>
  value === ''
    ? []
    : value
        .split(',')
        .slice(0, 50)
        .filter((id) => ID_RE.test(id) && ctx.known.has(id));

const CODECS: readonly Codec[] = [
  {
    key: 'map',
    encode: (s) => (s.camera ? encodeCamera(s.camera) : undefined),
    decode: (value) => {
      const camera = decodeCamera(value);
      return camera ? { camera } : null;
    },
  },
  {
    key: 'layers',
    encode: (s, ctx) => (same(s.layers, ctx.defaultLayers) ? undefined : s.layers.join(',')),
    decode: (value, ctx) => {
      const all = value === '' ? [] : value.split(',');
      const ids = layerIds(value, ctx);
      return ids.length === all.length ? { layers: [...new Set(ids)] } : null;
    },
    // Only unknown ids: fall back to the default layers rather than show an empty map.
    salvage: (value, ctx) => {
      const ids = [...new Set(layerIds(value, ctx))];
      return ids.length > 0 ? { layers: ids } : undefined;
    },
  },
  {
    key: 'sel',
    encode: (s) => (s.selection ? encodeSelection(s.selection) : undefined),
    decode: (value) => {
      const selection = decodeSelection(value);
      return selection ? { selection } : null;
    },
  },
  {
    key: 'lang',
    encode: (s) => (s.lang === 'zh' ? undefined : s.lang),
    decode: (value) => (isLang(value) ? { lang: value } : null),
  },
  {
    key: 'f',
    encode: (s) => encodeFilters(s.filters) || undefined,
    decode: (value) => {
      const filters = decodeFilters(value);
      return filters ? { filters } : null;
    },
  },
  {
    key: 'panel',
    encode: (s) => s.panel ?? undefined,
    decode: (value) => (isSharedPanel(value) ? { panel: value } : null),
  },
  {
    key: 'asof',
    encode: (s) => (s.charging.asOfYear === null ? undefined : String(s.charging.asOfYear)),
    decode: (value) => {
      const y = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
      return y >= AS_OF_RANGE.min && y <= AS_OF_RANGE.max ? { charging: { asOfYear: y } } : null;
    },
    salvage: () => ({ charging: {} }),
  },
  {
    key: 'cover',
    encode: (s) => (s.charging.coverKm === DEFAULT_CHARGING.coverKm ? undefined : String(s.charging.coverKm)),
    decode: (value) => {
      const km = /^\d{1,2}(\.\d)?$/.test(value) ? Number(value) : Number.NaN;
      return km >= COVER_RANGE.min && km <= COVER_RANGE.max ? { charging: { coverKm: km } } : null;
    },
    salvage: () => ({ charging: {} }),
  },
  {
    key: 'match',
    encode: (s) => (s.match ? encodeMatch(s.match) : undefined),
    decode: (value) => {
      const match = decodeMatch(value);
      return match ? { match } : null;
    },
  },
  {
    key: 'targets',
    encode: (s) => (s.targets ? encodeTargetFilter(s.targets) || undefined : undefined),
    decode: (value) => {
      const targets = decodeTargetFilter(value);
      return targets ? { targets } : null;
    },
  },
  {
    key: 'm',
    encode: (s) => (s.measure && s.measure.points.length > 0 ? encodeMeasure(s.measure) : undefined),
    decode: (value) => {
      const measure = decodeMeasure(value);
      return measure ? { measure } : null;
    },
  },
  {
    key: 'tour',
    encode: (s) => (s.tourStep === undefined || s.tourStep === null ? undefined : String(s.tourStep + 1)),
    decode: (value) => {
      // 1-based in the link; no sign, exponent or leading zero, so one step has one spelling.
      const n = /^[1-9]\d{0,2}$/.test(value) ? Number(value) : Number.NaN;
      return n >= 1 && n <= MAX_TOUR_STEPS ? { tourStep: n - 1 } : null;
    },
  },
];

const DEFAULT_LAYERS = defaultLayerIds(LAYERS);

/** The link of a view; `defaultLayers` (left out of it) are the registry's unless given. */
export function encodeHash(s: ShareState, defaultLayers: readonly string[] = DEFAULT_LAYERS): string {
  const ctx: HashContext = { known: new Set(), defaultLayers };
  const parts = [`v=${HASH_VERSION}`];
  for (const c of CODECS) {
    const value = c.encode(s, ctx);
    if (value !== undefined) parts.push(`${c.key}=${value}`);
  }
  return `#${parts.join('&')}`;
}

function apply(state: Partial<ShareState>, d: Decoded): void {
  const { charging, ...rest } = d;
  Object.assign(state, rest);
  if (charging) state.charging = { ...DEFAULT_CHARGING, ...state.charging, ...charging };
}

/**
 * Parses a location hash. Never throws: malformed, truncated or hostile input yields an empty
 * state plus the list of keys that were rejected. Unknown keys are ignored silently (forward
 * compatibility), since they cannot change what is shown.
 */
export function decodeHash(
  hash: string,
  knownLayers: ReadonlySet<string>,
  defaultLayers: readonly string[] = DEFAULT_LAYERS,
): DecodedHash {
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
  // A link from a newer (or garbled) schema: show defaults rather than guess its meaning.
  if (v !== undefined && v !== String(HASH_VERSION)) return { state, rejected: ['v'] };
  const ctx: HashContext = { known: knownLayers, defaultLayers };
  for (const c of CODECS) {
    const value = params.get(c.key);
    if (value === undefined) continue;
    const d = c.decode(value, ctx);
    if (d) apply(state, d);
    else {
      rejected.push(c.key);
      const kept = c.salvage?.(value, ctx);
      if (kept) apply(state, kept);
    }
  }
  return { state, rejected };
}
