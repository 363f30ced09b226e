import { AREA_IDS } from '../data/areas';
import type { AreaId, ChainModel, Enterprise, Segment, StatusRules } from '../data/types';

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

const zeroByArea = (): Record<AreaId, number> =>
  Object.fromEntries(AREA_IDS.map((a) => [a, 0])) as Record<AreaId, number>;

/** Segments the plan assigns to an area, in chain-model order. */
export function segmentsOfArea(model: ChainModel, area: AreaId): Segment[] {
  return model.segments.filter((s) => s.areas.includes(area));
}

/**
 * Everything the chain view needs, in one pass over the enterprises: counts and status per
 * segment, each area's gaps, plan-versus-data discrepancies and the target list. Segment ids
 * not in the model are ignored here (the loader has already reported them).
 */
export function analyseChain(model: ChainModel, enterprises: readonly Enterprise[]): ChainAnalysis {
  const index = new Map<string, number>();
  model.segments.forEach((s, i) => {
    index.set(s.id, i);
  });
  const counts = new Array<number>(model.segments.length).fill(0);
  const byArea = model.segments.map(zeroByArea);
  const keys: string[][] = model.segments.map(() => []);
  const unclassified: string[] = [];
  const discrepancies: Discrepancy[] = [];

  for (const e of enterprises) {
    let known = 0;
    for (const id of e.segments) {
      const i = index.get(id);
      if (i === undefined) continue;
      known += 1;
      counts[i] = (counts[i] ?? 0) + 1;
      (keys[i] as string[]).push(e.key);
      const seg = model.segments[i] as Segment;
      if (e.area) {
        (byArea[i] as Record<AreaId, number>)[e.area] += 1;
        if (seg.areas.length > 0 && !seg.areas.includes(e.area)) {
          discrepancies.push({
            enterpriseKey: e.key,
            segment: seg.id,
            area: e.area,
            assignedAreas: seg.areas,
          });
        }
      }
    }
    if (known === 0) unclassified.push(e.key);
  }

  const segments = model.segments.map(
    (segment, i): SegmentResult => ({
      segment,
      count: counts[i] ?? 0,
      status: statusOf(counts[i] ?? 0, model.statusRules),
      countByArea: byArea[i] as Record<AreaId, number>,
      enterpriseKeys: keys[i] as string[],
    }),
  );
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

  return { segments, bySegment, unclassified, areaGaps, discrepancies, targets };
}

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
