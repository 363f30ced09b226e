import { AREA_IDS } from '../data/areas';
import type { AreaId, ChainModel, Enterprise, Segment, StatusRules } from '../data/types';
import { atSliceEnd, runWhole, type Slices } from './slices';

export type SegmentStatus = 'strong' | 'weak' | 'missing';

export interface SegmentResult {
  segment: Segment;
  /** Local enterprises in the segment, wherever in the city (or area unknown). */
  count: number;
  status: SegmentStatus;
  countByArea: Record<AreaId, number>;
  /** Keys of the enterprises, in data order. */
  enterpriseKeys: string[];
}

export interface AreaGaps {
  /** Segments the plan assigns to the area. */
  assigned: string[];
  /** Of those, the ones with at least one enterprise in the area. */
  present: string[];
  /** Of those, the ones with none: the area's gaps. */
  gaps: string[];
}

/** An enterprise of a segment sitting in an area the plan did not assign that segment to. */
export interface Discrepancy {
  enterpriseKey: string;
  segment: string;
  area: AreaId;
  assignedAreas: AreaId[];
}

/** One line of the target list (招商清单): a missing or weak segment and where the plan wants it. */
export interface Target {
  segment: Segment;
  status: Exclude<SegmentStatus, 'strong'>;
  count: number;
  assignedAreas: AreaId[];
}

export interface ChainAnalysis {
  segments: SegmentResult[];
  bySegment: Map<string, SegmentResult>;
  /** Keys of enterprises with no known segment: shown, never forced into one. */
  unclassified: string[];
  areaGaps: Record<AreaId, AreaGaps>;
  discrepancies: Discrepancy[];
  targets: Target[];
}

export function statusOf(count: number, rules: Pick<StatusRules, 'strongMin' | 'weakMin'>): SegmentStatus {
  if (count >= rules.strongMin) return 'strong';
  if (count >= rules.weakMin) return 'weak';
  return 'missing';
}

/** Segments the plan assigns to an area, in chain-model order. */
export function segmentsOfArea(model: ChainModel, area: AreaId): Segment[] {
  return model.segments.filter((s) => s.areas.includes(area));
}

/**
 * Everything the chain view needs, in one pass over the enterprises: counts and status per
 * segment, each area's gaps, plan-versus-data discrepancies and the target list. Segment ids
 * not in the model are ignored here (the loader has already reported them).
 *
 * Runs on every data change, so the pass does only what the counts need: segment and area
 * become small integers, counts go into typed arrays, and each firm's known segments are noted
 * as indices. The lists (each segment's enterprise keys, the discrepancies) are made from those
 * notes when first read, in the same order as one loop over the firms would make them, and kept.
 */
export const analyseChain = (model: ChainModel, enterprises: readonly Enterprise[]): ChainAnalysis =>
  runWhole(analyseChainInSlices(model, enterprises));

/** analyseChain, yielding every SLICE_ITEMS firms (slices.ts): 500,000 firms take some 60 ms. */
export function* analyseChainInSlices(
  model: ChainModel,
  enterprises: readonly Enterprise[],
): Slices<ChainAnalysis> {
  const segs = model.segments;
  const nSeg = segs.length;
  const nArea = AREA_IDS.length;
  const index = new Map<string, number>();
  segs.forEach((s, i) => {
    index.set(s.id, i);
  });
  const areaIndex = new Map<string, number>();
  AREA_IDS.forEach((a, i) => {
    areaIndex.set(a, i);
  });
  // outside[i * nArea + a]: a firm of segment i in area a differs from the plan.
  const outside = new Uint8Array(nSeg * nArea);
  segs.forEach((s, i) => {
    if (s.areas.length === 0) return;
    AREA_IDS.forEach((a, k) => {
      if (!s.areas.includes(a)) outside[i * nArea + k] = 1;
    });
  });

  const n = enterprises.length;
  const counts = new Int32Array(nSeg);
  const byArea = new Int32Array(nSeg * nArea);
  /** Counts for area values outside AREA_IDS (never in valid data), applied as the plain loop would. */
  const otherAreas: [number, string][] = [];
  const unclassified: string[] = [];
  for (let k = 0; k < n; k++) {
    if (atSliceEnd(k)) yield;
    const e = enterprises[k] as Enterprise;
    const ids = e.segments;
    const area = e.area;
    const a = area ? (areaIndex.get(area) ?? OTHER_AREA) : NO_AREA;
    let known = 0;
    for (let j = 0; j < ids.length; j++) {
      const i = index.get(ids[j] as string);
      if (i === undefined) continue;
      known += 1;
      counts[i] = (counts[i] as number) + 1;
      if (a >= 0) byArea[i * nArea + a] = (byArea[i * nArea + a] as number) + 1;
      else if (a === OTHER_AREA) otherAreas.push([i, area as string]);
    }
    if (known === 0) unclassified.push(e.key);
  }

  const records = segs.map((_, i) => {
    const r = {} as Record<AreaId, number>;
    AREA_IDS.forEach((a, k) => {
      r[a] = byArea[i * nArea + k] as number;
    });
    return r;
  });
  for (const [i, area] of otherAreas) {
    const r = records[i] as Record<string, number>;
    r[area] = (r[area] as number) + 1;
  }

  // Each segment's keys in data order, all segments in one pass over the firms, made when one
  // is first read (the data never changes under an analysis: a new data object is a new analysis).
  let keys: string[][] | null = null;
  const keysOf = (i: number): string[] => {
    if (!keys) {
      const lists = Array.from({ length: nSeg }, (_, j) => new Array<string>(counts[j] as number));
      const fill = new Int32Array(nSeg);
      for (let k = 0; k < n; k++) {
        const e = enterprises[k] as Enterprise;
        const ids = e.segments;
        for (let x = 0; x < ids.length; x++) {
          const j = index.get(ids[x] as string);
          if (j === undefined) continue;
          (lists[j] as string[])[fill[j] as number] = e.key;
          fill[j] = (fill[j] as number) + 1;
        }
      }
      keys = lists;
    }
    return keys[i] as string[];
  };

  let discrepancies: Discrepancy[] | null = null;
  const discrepanciesOf = (): Discrepancy[] => {
    if (discrepancies) return discrepancies;
    const out: Discrepancy[] = [];
    for (let k = 0; k < n; k++) {
      const e = enterprises[k] as Enterprise;
      const area = e.area;
      if (!area) continue;
      const a = areaIndex.get(area) ?? OTHER_AREA;
      const ids = e.segments;
      for (let x = 0; x < ids.length; x++) {
        const i = index.get(ids[x] as string);
        if (i === undefined) continue;
        const s = segs[i] as Segment;
        const differs = a >= 0 ? outside[i * nArea + a] === 1 : s.areas.length > 0 && !s.areas.includes(area);
        if (differs) out.push({ enterpriseKey: e.key, segment: s.id, area, assignedAreas: s.areas });
      }
    }
    discrepancies = out;
    return out;
  };

  const segments = segs.map((segment, i): SegmentResult => {
    const count = counts[i] as number;
    const r = {
      segment,
      count,
      status: statusOf(count, model.statusRules),
      countByArea: records[i] as Record<AreaId, number>,
    } as SegmentResult;
    Object.defineProperty(r, 'enterpriseKeys', { enumerable: true, get: () => keysOf(i) });
    return r;
  });
  const bySegment = new Map(segments.map((r) => [r.segment.id, r]));

  const areaGaps = Object.fromEntries(
    AREA_IDS.map((area) => {
      const assigned = segmentsOfArea(model, area).map((s) => s.id);
      const present = assigned.filter((id) => (bySegment.get(id)?.countByArea[area] ?? 0) > 0);
      return [area, { assigned, present, gaps: assigned.filter((id) => !present.includes(id)) }];
    }),
  ) as Record<AreaId, AreaGaps>;

  const targets = segments
    .filter((r): r is SegmentResult & { status: Target['status'] } => r.status !== 'strong')
    // Missing before weak; within each, segments the plan places in an area first: they have a park to offer.
    .sort(
      (a, b) =>
        Number(a.status === 'weak') - Number(b.status === 'weak') ||
        Number(b.segment.areas.length > 0) - Number(a.segment.areas.length > 0),
    )
    .map((r) => ({ segment: r.segment, status: r.status, count: r.count, assignedAreas: r.segment.areas }));

  const result = { segments, bySegment, unclassified, areaGaps } as ChainAnalysis;
  Object.defineProperty(result, 'discrepancies', { enumerable: true, get: discrepanciesOf });
  result.targets = targets;
  return result;
}

const NO_AREA = -1;
const OTHER_AREA = -2;

/** The firms of a segment outside one area, grouped by where they are (areas in plan order, unknown last). */
export function firmsElsewhere(
  result: Pick<SegmentResult, 'enterpriseKeys'>,
  areaOf: (key: string) => AreaId | null | undefined,
  here: AreaId,
): { area: AreaId | null; keys: string[] }[] {
  const groups = new Map<AreaId | null, string[]>();
  for (const key of result.enterpriseKeys) {
    const a = areaOf(key) ?? null;
    if (a === here) continue;
    groups.set(a, [...(groups.get(a) ?? []), key]);
  }
  return [...AREA_IDS, null].flatMap((area) => {
    const keys = groups.get(area);
    return keys ? [{ area, keys }] : [];
  });
}
