import { AREA_IDS } from '../data/areas';
import type { ChainModel, Enterprise } from '../data/types';
import type { Placement } from '../domain/enterprise-positions';
import { CONFIDENCES, type EnterpriseFilters, PRECISIONS } from '../model';
import { chainColour, hexToRgb } from './palette';

export type Rgb = [number, number, number];

const PRECISION_ORDER = PRECISIONS;
const CONFIDENCE_ORDER = CONFIDENCES;

/**
 * One drawn dot: an enterprise in one of its segments (a firm in two segments is two dots at the
 * same place, so filtering by segment needs no per-firm logic on the GPU).
 */
export interface EnterprisePoint {
  key: string;
  position: [number, number];
  approximate: boolean;
  colour: Rgb;
  /** GPU filter categories: [chain, segment within chain, area, precision × 3 + confidence]. */
  cat: [number, number, number, number];
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

/** Pure: enterprises and their placements → the dots to draw. Off-map firms are left out. */
export function enterprisePoints(
  model: ChainModel,
  enterprises: readonly Enterprise[],
  placements: readonly Placement[],
): EnterprisePoint[] {
  const slots = segmentSlots(model);
  const unclassified: SegmentSlot = { chain: model.chains.length, local: 0 };
  const colours = new Map<number, Rgb>();
  const colourOf = (ci: number): Rgb => {
    let c = colours.get(ci);
    if (!c) {
      c = hexToRgb(chainColour(model.chains[ci]?.id));
      colours.set(ci, c);
    }
    return c;
  };
  const out: EnterprisePoint[] = [];
  enterprises.forEach((e, i) => {
    const position = placements[i]?.position;
    if (!position) return;
    const approximate = placements[i]?.approximate ?? true;
    const area = e.area ? AREA_IDS.indexOf(e.area) : AREA_IDS.length;
    const pc = PRECISION_ORDER.indexOf(e.precision) * 3 + CONFIDENCE_ORDER.indexOf(e.confidence);
    const own = e.segments.map((s) => slots.get(s)).filter((s): s is SegmentSlot => s !== undefined);
    for (const slot of own.length ? own : [unclassified]) {
      out.push({
        key: e.key,
        position,
        approximate,
        colour: colourOf(slot.chain),
        cat: [slot.chain, slot.local, area, pc],
      });
    }
  });
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
