import { AREA_IDS } from '../data/areas';
import type { ChainModel, Enterprise } from '../data/types';
import type { Placement } from '../domain/enterprise-positions';
import { atSliceEnd, runWhole, type Slices } from '../domain/slices';
import { CONFIDENCES, type EnterpriseFilters, PRECISIONS } from '../model';
import { chainColour, hexToRgb } from './palette';

export type Rgb = [number, number, number];

const PRECISION_ORDER = PRECISIONS;
const CONFIDENCE_ORDER = CONFIDENCES;

/** Filter channels per dot, in this order: what `filterCategories` allows, channel by channel. */
export const DOT_CHANNELS = 4;

/**
 * The drawn dots, as columns: one dot per enterprise and segment (a firm in two segments is two
 * dots at the same place, so filtering by segment needs no per-firm logic). Typed arrays rather
 * than an object per dot: 100,000 firms are built in one pass without boxing, and deck.gl reads
 * the columns as they are.
 */
export interface EnterpriseDots {
  length: number;
  /** The firms the dots belong to (the data's enterprises, in data order). */
  firms: readonly Enterprise[];
  /** Each dot's firm, as an index into `firms`. */
  firm: Uint32Array;
  /** Longitude and latitude of each dot. */
  position: Float64Array;
  /** 1 where the dot is a stand-in near its area's anchor, not the firm's own site. */
  approximate: Uint8Array;
  /** The dot's chain colour, red, green, blue. */
  colour: Uint8Array;
  /**
   * DOT_CHANNELS filter categories per dot: chain (chains.length: unclassified), segment within
   * its chain, area (AREA_IDS.length: none), precision × 3 + confidence.
   */
  cat: Uint8Array;
}

interface SegmentSlot {
  chain: number;
  local: number;
}

/** Chain index and index within the chain for every segment; the extra chain index means "unclassified". */
function segmentSlots(model: ChainModel): Map<string, SegmentSlot> {
  const slots = new Map<string, SegmentSlot>();
  model.chains.forEach((c, ci) => {
    model.segments
      .filter((s) => s.chain === c.id)
      .forEach((s, local) => {
        slots.set(s.id, { chain: ci, local });
      });
  });
  return slots;
}

const indexOf = <T extends string>(order: readonly T[]) =>
  new Map<string, number>(order.map((v, i) => [v, i]));
const AREA_INDEX = indexOf(AREA_IDS);
const PRECISION_INDEX = indexOf(PRECISION_ORDER);
const CONFIDENCE_INDEX = indexOf(CONFIDENCE_ORDER);

/** Pure: enterprises and their placements → the dots to draw. Off-map firms are left out. */
export function enterpriseDots(
  model: ChainModel,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
): EnterpriseDots {
  return runWhole(enterpriseDotsInSlices(model, enterprises, placements));
}

/** The same, yielding between slices (domain/slices.ts). */
export function* enterpriseDotsInSlices(
  model: ChainModel,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
): Slices<EnterpriseDots> {
  const slots = segmentSlots(model);
  const unclassified: SegmentSlot = { chain: model.chains.length, local: 0 };
  const colours = [...model.chains.map((c) => c.id), null].map((id) => hexToRgb(chainColour(id)));
  // Room for the most dots there can be (one per known segment, at least one per firm), cut to
  // what was filled: one pass, no lookups to count first.
  let cap = 0;
  for (const e of enterprises) cap += Math.max(1, e.segments.length);
  const dots: EnterpriseDots = {
    length: 0,
    firms: enterprises,
    firm: new Uint32Array(cap),
    position: new Float64Array(2 * cap),
    approximate: new Uint8Array(cap),
    colour: new Uint8Array(3 * cap),
    cat: new Uint8Array(DOT_CHANNELS * cap),
  };
  // Locals, not properties of `dots`: this loop runs once per dot of a 100,000-firm import.
  const { firm, position, approximate, colour, cat } = dots;
  let d = 0;
  const put = (
    i: number,
    lng: number,
    lat: number,
    approx: number,
    slot: SegmentSlot,
    area: number,
    pc: number,
  ) => {
    const rgb = colours[slot.chain] as Rgb;
    firm[d] = i;
    position[2 * d] = lng;
    position[2 * d + 1] = lat;
    approximate[d] = approx;
    colour[3 * d] = rgb[0];
    colour[3 * d + 1] = rgb[1];
    colour[3 * d + 2] = rgb[2];
    const o = DOT_CHANNELS * d;
    cat[o] = slot.chain;
    cat[o + 1] = slot.local;
    cat[o + 2] = area;
    cat[o + 3] = pc;
    d += 1;
  };
  for (let i = 0; i < enterprises.length; i += 1) {
    if (atSliceEnd(i)) yield;
    const p = placements[i];
    const at = p?.position;
    if (!at) continue;
    const approx = p.approximate ? 1 : 0;
    const e = enterprises[i] as Enterprise;
    const area = e.area ? (AREA_INDEX.get(e.area) ?? AREA_IDS.length) : AREA_IDS.length;
    const pc = (PRECISION_INDEX.get(e.precision) ?? 0) * 3 + (CONFIDENCE_INDEX.get(e.confidence) ?? 0);
    const before = d;
    const segments = e.segments;
    for (let k = 0; k < segments.length; k += 1) {
      const slot = slots.get(segments[k] as string);
      if (slot) put(i, at[0], at[1], approx, slot, area, pc);
    }
    if (d === before) put(i, at[0], at[1], approx, unclassified, area, pc);
  }
  if (d === cap) return { ...dots, length: d };
  return {
    length: d,
    firms: enterprises,
    firm: firm.slice(0, d),
    position: position.slice(0, 2 * d),
    approximate: approximate.slice(0, d),
    colour: colour.slice(0, 3 * d),
    cat: cat.slice(0, DOT_CHANNELS * d),
  };
}

/** The key of the firm a dot belongs to. */
export const dotKey = (dots: EnterpriseDots, i: number): string =>
  (dots.firms[dots.firm[i] as number] as Enterprise).key;

/** The index of the first dot of the firm at `firmIndex` in `dots.firms`, or -1 (not on the map). */
export const firstDotOf = (dots: EnterpriseDots, firmIndex: number): number =>
  firmIndex < 0 ? -1 : dots.firm.indexOf(firmIndex);

/**
 * 1 for each dot the filter categories allow on every channel, else 0: what the GPU's range filter
 * keeps. Made on the CPU in one pass with a lookup table per channel (a millisecond for 100,000
 * dots), so the GPU gets one number per dot instead of deck.gl mapping four categories per dot in
 * JavaScript whenever the data changes.
 */
export const dotsShown = (dots: EnterpriseDots, allowed: readonly (readonly number[])[]): Float32Array =>
  runWhole(dotsShownInSlices(dots, allowed));

export function* dotsShownInSlices(
  dots: EnterpriseDots,
  allowed: readonly (readonly number[])[],
): Slices<Float32Array> {
  const tables = Array.from({ length: DOT_CHANNELS }, (_, c) => {
    const t = new Uint8Array(256);
    for (const v of allowed[c] ?? []) if (v >= 0 && v < 256) t[v] = 1;
    return t;
  });
  const [t0, t1, t2, t3] = tables as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const out = new Float32Array(dots.length);
  const cat = dots.cat;
  for (let i = 0; i < dots.length; i += 1) {
    if (atSliceEnd(i)) yield;
    const o = DOT_CHANNELS * i;
    out[i] =
      t0[cat[o] as number] && t1[cat[o + 1] as number] && t2[cat[o + 2] as number] && t3[cat[o + 3] as number]
        ? 1
        : 0;
  }
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The allowed categories per channel for a set of filters: what the GPU keeps. An empty filter
 * list allows every value of its channel.
 */
export function filterCategories(model: ChainModel, f: EnterpriseFilters): number[][] {
  const slots = segmentSlots(model);
  const maxLocal = Math.max(
    1,
    ...model.chains.map((c) => model.segments.filter((s) => s.chain === c.id).length),
  );
  let chains = f.chains.length
    ? f.chains.map((id) => model.chains.findIndex((c) => c.id === id)).filter((i) => i >= 0)
    : range(model.chains.length + 1);
  let locals = range(maxLocal);
  if (f.segment) {
    const slot = slots.get(f.segment);
    chains = slot && chains.includes(slot.chain) ? [slot.chain] : [];
    locals = slot ? [slot.local] : [];
  }
  const areas = f.areas.length ? f.areas.map((a) => AREA_IDS.indexOf(a)) : range(AREA_IDS.length + 1);
  const precs = f.precision.length ? f.precision.map((p) => PRECISION_ORDER.indexOf(p)) : range(4);
  const confs = f.confidence.length ? f.confidence.map((c) => CONFIDENCE_ORDER.indexOf(c)) : range(3);
  const pcs = precs.flatMap((p) => confs.map((c) => p * 3 + c));
  return [chains, locals, areas, pcs];
}
