// The periodic industry report (产业发展报告, plan §三.23) as facts: counts by chain and area,
// statuses and gaps, what changed since a date, the charging build-out against the plan, the
// goals, the data's health. Pure; ui/industry-report.tsx says it in words and prints it.

import { AREA_IDS } from '../data/areas';
import type { BundledData } from '../data/load-bundled';
import type { AreaId } from '../data/types';
import { analyseChain, type ChainAnalysis, type SegmentStatus, type Target } from '../domain/chain-analysis';
import { type ChangeList, changesBetween } from '../domain/changes';
import { chargingGoalsOf, chargingPoints, type PointsProgress, progress } from '../domain/charging';
import { type DataHealth, dataHealth } from '../domain/health';
import { withImports } from '../import/merge';
import type { ImportedDataset } from '../import/pipeline';

export interface ChainRow {
  chain: string;
  segments: number;
  /** Firms with at least one segment in the chain, each counted once. */
  firms: number;
  byStatus: Record<SegmentStatus, number>;
}

export interface AreaRow {
  area: AreaId;
  firms: number;
  assigned: string[];
  gaps: string[];
}

export interface IndustryReport {
  firms: number;
  segments: number;
  byStatus: Record<SegmentStatus, number>;
  chains: ChainRow[];
  areas: AreaRow[];
  targets: Target[];
  since: string;
  /** The imports made on or after `since` (their file names), and what they changed together. */
  sinceImports: string[];
  changes: ChangeList;
  charging: {
    sites: number;
    points: number;
    /** DC and AC sites whose number of charging points is unknown: not in `points`. */
    unknownSites: number;
    illustrative: number;
    progress: PointsProgress[];
  };
  health: DataHealth;
}

const zeroStatus = (): Record<SegmentStatus, number> => ({ strong: 0, weak: 0, missing: 0 });

function chainRows(data: BundledData, a: ChainAnalysis): ChainRow[] {
  return data.chain.chains.map((chain) => {
    const byStatus = zeroStatus();
    const firms = new Set<string>();
    let segments = 0;
    for (const r of a.segments) {
      if (r.segment.chain !== chain.id) continue;
      segments += 1;
      byStatus[r.status] += 1;
      for (const k of r.enterpriseKeys) firms.add(k);
    }
    return { chain: chain.id, segments, firms: firms.size, byStatus };
  });
}

/**
 * The report on the data shown (`data`: bundled files with every import), with changes since
 * `since` (YYYY-MM-DD): the data as it was made of the imports before that day, against today's.
 */
export function industryReport(
  bundled: BundledData,
  data: BundledData,
  imports: readonly ImportedDataset[],
  since: string,
  today: string,
): IndustryReport {
  const a = analyseChain(data.chain, data.enterprises);
  const byStatus = zeroStatus();
  for (const r of a.segments) byStatus[r.status] += 1;
  const areas = AREA_IDS.map(
    (area): AreaRow => ({
      area,
      firms: data.enterprises.filter((e) => e.area === area).length,
      assigned: a.areaGaps[area].assigned,
      gaps: a.areaGaps[area].gaps,
    }),
  );
  const later = imports.filter((i) => i.importedAt.slice(0, 10) >= since);
  const earlier = imports.filter((i) => i.importedAt.slice(0, 10) < since);
  const sameAs = new Map(
    later.flatMap((i) => (i.duplicates?.matches ?? []).map((m) => [m.key, m.existingKey])),
  );
  const changes = changesBetween(data.chain, withImports(bundled, earlier), data, sameAs);
  const { points, unknownSites } = chargingPoints(data.chargers);
  return {
    firms: data.enterprises.length,
    segments: a.segments.length,
    byStatus,
    chains: chainRows(data, a),
    areas,
    targets: a.targets,
    since,
    sinceImports: later.map((i) => i.fileName),
    changes,
    charging: {
      sites: data.chargers.length,
      points,
      unknownSites,
      illustrative: data.chargers.filter((c) => c.illustrative).length,
      progress: progress(points, chargingGoalsOf(data.goals).points),
    },
    health: dataHealth(data.enterprises, data.chargers, imports, today, data.ledger.staleAfterMonths),
  };
}
