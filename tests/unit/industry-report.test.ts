import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { analyseChain } from '../../src/domain/chain-analysis';
import { industryReport } from '../../src/export/industry-report';
import { withImports } from '../../src/import/merge';
import type { ImportedDataset } from '../../src/import/pipeline';
import { readPublic } from '../fixtures/load';
import { enterprise } from '../fixtures/records';

const bundled = await loadBundled(readPublic);

const imported = (id: string, at: string, names: string[]): ImportedDataset => ({
  id,
  fileName: `${id}.csv`,
  kind: 'enterprises',
  mode: 'join',
  importedAt: at,
  format: 'csv',
  encoding: 'utf-8',
  crs: 'wgs84',
  rowCount: names.length,
  rejectedRows: 0,
  enterprises: names.map((n, i) =>
    enterprise({ id: `${id}.${i}`, name: { zh: n, en: '' }, area: 'hitech', segments: ['battery-box'] }),
  ),
  chargers: [],
  report: [],
  notes: [],
});

describe('industryReport', () => {
  it('counts as the chain analysis does', () => {
    const r = industryReport(bundled, bundled, [], '2026-09-01', '2026-12-01');
    const a = analyseChain(bundled.chain, bundled.enterprises);
    expect(r.firms).toBe(48);
    expect(r.segments).toBe(a.segments.length);
    expect(r.byStatus.strong + r.byStatus.weak + r.byStatus.missing).toBe(a.segments.length);
    expect(r.chains.reduce((n, c) => n + c.segments, 0)).toBe(a.segments.length);
    expect(r.targets.map((x) => x.segment.id)).toEqual(a.targets.map((x) => x.segment.id));
    expect(r.areas.reduce((n, x) => n + x.firms, 0)).toBe(bundled.enterprises.filter((e) => e.area).length);
  });

  it('measures the charging points against the plan’s targets, and says the sites are illustrative', () => {
    const r = industryReport(bundled, bundled, [], '2026-09-01', '2026-12-01');
    expect(r.charging.progress.map((p) => [p.year, p.target])).toEqual([
      [2025, 1900],
      [2027, 3600],
    ]);
    expect(r.charging.illustrative).toBe(bundled.chargers.length);
  });

  it('shows only what the imports since the date changed', () => {
    const early = imported('u1', '2026-03-02T09:00:00.000Z', ['早一家']);
    const late = imported('u2', '2026-10-15T09:00:00.000Z', ['晚一家', '晚二家']);
    const data = withImports(bundled, [early, late]);
    const r = industryReport(bundled, data, [early, late], '2026-09-01', '2026-12-01');
    expect(r.sinceImports).toEqual(['u2.csv']);
    expect(r.changes.added.map((f) => f.name.zh)).toEqual(['晚一家', '晚二家']);
    const all = industryReport(bundled, data, [early, late], '2026-01-01', '2026-12-01');
    expect(all.changes.counts.added).toBe(3);
  });
});
