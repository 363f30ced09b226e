import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { dataHealth, yearBins } from '../../src/domain/health';
import { readPublic } from '../fixtures/load';
import { enterprise } from '../fixtures/records';

const data = await loadBundled(readPublic);

describe('dataHealth on the bundled data', () => {
  const h = dataHealth(data.enterprises, data.chargers, [], '2026-12-01', 24);

  it('counts every record once in each breakdown', () => {
    expect(h.firms).toBe(48);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(h.byPrecision)).toBe(48);
    expect(sum(h.byConfidence)).toBe(48);
    expect(h.byYear.reduce((n, y) => n + y.firms, 0)).toBe(48);
    expect(h.byYear.reduce((n, y) => n + y.sites, 0)).toBe(data.chargers.length);
    expect(h.bySource).toEqual([
      {
        dataset: { kind: 'bundled' },
        firms: 48,
        sites: data.chargers.length,
        illustrative: data.chargers.length,
      },
    ]);
  });

  it('lists the firms with no point, the six with no district among them', () => {
    expect(h.unplacedFirms).toHaveLength(data.enterprises.filter((e) => !e.lngLat).length);
    const noArea = h.unplacedFirms.filter((k) => data.enterprises.find((e) => e.key === k)?.area === null);
    expect(noArea).toHaveLength(6);
  });

  it('puts the undated last and the years in order', () => {
    const years = h.byYear.map((y) => y.year);
    expect(years[years.length - 1]).toBeNull();
    const known = years.filter((y): y is number => y !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
  });

  it('finds no duplicate among the bundled firms', () => {
    expect(h.duplicates).toEqual([]);
  });
});

describe('dataHealth rules', () => {
  const firms = [
    enterprise({
      id: 'ent-1',
      name: { zh: '甲科技(淮北)有限公司', en: '' },
      area: 'duji',
      sourceDate: '2024-11',
    }),
    enterprise({
      id: 'u1.a',
      name: { zh: '甲科技（淮北）股份有限公司', en: '' },
      area: 'duji',
      sourceDate: '2024-12-01',
    }),
    enterprise({ id: 'u1.b', name: { zh: '甲科技', en: '' }, area: 'suixi', sourceDate: '' }),
  ];

  it('marks stale at the threshold, as the card does', () => {
    // 2024-11 ends on 30 November 2024: 24 months later is 30 November 2026, before 1 December.
    const h = dataHealth(firms, [], [{ id: 'u1', fileName: 'roster.csv' }], '2026-12-01', 24);
    expect(h.staleFirms).toEqual(['ent-1']);
    expect(h.dateRange).toEqual({ from: '2024-11', to: '2024-12-01' });
  });

  it('tells the bundled records from each import', () => {
    const h = dataHealth(firms, [], [{ id: 'u1', fileName: 'roster.csv' }], '2026-12-01', 24);
    expect(h.bySource.map((s) => [s.dataset.kind, s.firms])).toEqual([
      ['bundled', 1],
      ['import', 2],
    ]);
  });

  it('groups firms of one name in one area, not across areas', () => {
    const h = dataHealth(firms, [], [], '2026-12-01', 24);
    expect(h.duplicates).toEqual([{ keys: ['ent-1', 'u1.a'], area: 'duji' }]);
  });
});

describe('yearBins', () => {
  it('fills the years between with zeros and leaves the undated out', () => {
    const bins = yearBins([
      { year: 2019, firms: 1, sites: 0 },
      { year: 2022, firms: 2, sites: 3 },
      { year: null, firms: 5, sites: 0 },
    ]);
    expect(bins.map((b) => [b.year, b.firms])).toEqual([
      [2019, 1],
      [2020, 0],
      [2021, 0],
      [2022, 2],
    ]);
  });
});
