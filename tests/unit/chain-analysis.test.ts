import { describe, expect, it } from 'vitest';
import { AREA_IDS } from '../../src/data/areas';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId, ChainModel, Enterprise, Segment, Stage } from '../../src/data/types';
import {
  analyseChain,
  firmsElsewhere,
  type SegmentStatus,
  segmentsOfArea,
  statusOf,
} from '../../src/domain/chain-analysis';
import { readPublic } from '../fixtures/load';
import { enterprise, segment } from '../fixtures/records';

const seg = (id: string, chain: string, stage: Stage, areas: AreaId[]) => segment(id, chain, stage, areas);

/** Three chains, eight segments; `separator` comes first so model order and plan order differ. */
const MODEL: ChainModel = {
  chains: [
    { id: 'battery', name: { zh: '电池', en: 'Battery' } },
    { id: 'hydrogen', name: { zh: '氢能', en: 'Hydrogen' } },
    { id: 'lightweight', name: { zh: '轻量化', en: 'Lightweight' } },
  ],
  segments: [
    seg('separator', 'battery', 'upstream', []),
    seg('cell', 'battery', 'midstream', ['hitech', 'lieshan']),
    seg('box', 'battery', 'midstream', ['hitech']),
    seg('cathode', 'battery', 'upstream', []),
    seg('fuel-cell', 'hydrogen', 'midstream', ['suixi', 'linhuan']),
    seg('h2', 'hydrogen', 'upstream', ['linhuan']),
    seg('wheel', 'lightweight', 'midstream', ['lieshan']),
    seg('al', 'lightweight', 'upstream', ['suixi']),
  ],
  statusRules: { strongMin: 3, weakMin: 1, note: { zh: '规则', en: 'rules' } },
};

const ent = (over: Partial<Enterprise> & { id: string }) =>
  enterprise({ source: 'http://example.org', ...over });

const FIRMS: Enterprise[] = [
  ent({ id: 'e1', area: 'hitech', segments: ['cell', 'box'] }),
  ent({ id: 'e2', area: 'lieshan', segments: ['cell'] }),
  ent({ id: 'e3', area: null, segments: ['cell'] }),
  ent({ id: 'e4', area: 'suixi', segments: ['al'] }),
  ent({ id: 'e5', area: 'suixi', segments: ['al'] }),
  ent({ id: 'e6', area: 'duji', segments: ['al'] }),
  ent({ id: 'e7', area: 'hitech', segments: ['cathode'] }),
  ent({ id: 'e8', area: 'linhuan', segments: ['warp-drive'] }),
  ent({ id: 'e9', area: 'xiangshan', segments: [] }),
  ent({ id: 'e10', area: 'duji', segments: ['wheel', 'warp-drive'] }),
];

const ids = (segs: readonly { segment: Segment }[]) => segs.map((r) => r.segment.id);
const byArea = (counts: Partial<Record<AreaId, number>>) => ({
  ...(Object.fromEntries(AREA_IDS.map((a) => [a, 0])) as Record<AreaId, number>),
  ...counts,
});

describe('statusOf', () => {
  it.each<[number, number, number, SegmentStatus]>([
    [0, 3, 1, 'missing'],
    [1, 3, 1, 'weak'],
    [2, 3, 1, 'weak'],
    [3, 3, 1, 'strong'],
    [40, 3, 1, 'strong'],
    [1, 5, 2, 'missing'],
    [2, 5, 2, 'weak'],
    [4, 5, 2, 'weak'],
    [5, 5, 2, 'strong'],
  ])('rates %i firms as %s when strong needs %i and weak %i', (count, strongMin, weakMin, status) => {
    expect(statusOf(count, { strongMin, weakMin })).toBe(status);
  });
});

describe('segmentsOfArea', () => {
  it.each<[AreaId, string[]]>([
    ['hitech', ['cell', 'box']],
    ['lieshan', ['cell', 'wheel']],
    ['suixi', ['fuel-cell', 'al']],
    ['linhuan', ['fuel-cell', 'h2']],
    ['duji', []],
  ])('lists the segments the plan gives %s, in model order', (area, expected) => {
    expect(segmentsOfArea(MODEL, area).map((s) => s.id)).toEqual(expected);
  });
});

describe('analyseChain on a fixture', () => {
  const a = analyseChain(MODEL, FIRMS);

  it('returns one result per segment, in model order', () => {
    expect(ids(a.segments)).toEqual(MODEL.segments.map((s) => s.id));
    expect([...a.bySegment.keys()]).toEqual(MODEL.segments.map((s) => s.id));
  });

  it.each<[string, number, SegmentStatus, string[]]>([
    ['separator', 0, 'missing', []],
    ['cell', 3, 'strong', ['e1', 'e2', 'e3']],
    ['box', 1, 'weak', ['e1']],
    ['cathode', 1, 'weak', ['e7']],
    ['fuel-cell', 0, 'missing', []],
    ['h2', 0, 'missing', []],
    ['wheel', 1, 'weak', ['e10']],
    ['al', 3, 'strong', ['e4', 'e5', 'e6']],
  ])('counts %s: %i firms, %s', (id, count, status, keys) => {
    const r = a.bySegment.get(id);
    expect(r?.count).toBe(count);
    expect(r?.status).toBe(status);
    expect(r?.enterpriseKeys).toEqual(keys);
  });

  it('counts a firm with two segments in both', () => {
    expect(a.bySegment.get('cell')?.enterpriseKeys).toContain('e1');
    expect(a.bySegment.get('box')?.enterpriseKeys).toContain('e1');
  });

  it('counts by area, leaving out firms whose area is unknown', () => {
    expect(a.bySegment.get('cell')?.countByArea).toEqual(byArea({ hitech: 1, lieshan: 1 }));
    expect(a.bySegment.get('al')?.countByArea).toEqual(byArea({ suixi: 2, duji: 1 }));
    expect(a.bySegment.get('h2')?.countByArea).toEqual(byArea({}));
  });

  it('ignores segment ids the model does not have', () => {
    expect(a.bySegment.has('warp-drive')).toBe(false);
    const total = a.segments.reduce((n, r) => n + r.count, 0);
    // e1 twice, e2–e7 and e10 once each; e8 and e9 not at all.
    expect(total).toBe(9);
  });

  it('lists firms with no known segment as unclassified, in data order', () => {
    expect(a.unclassified).toEqual(['e8', 'e9']);
  });

  it('keys firms by key, not id, so a repeated id counts twice', () => {
    const twice = analyseChain(MODEL, [
      ent({ id: 'x', area: 'linhuan', segments: ['h2'] }),
      ent({ id: 'x', key: 'x~3', area: 'linhuan', segments: ['h2'] }),
    ]);
    expect(twice.bySegment.get('h2')?.enterpriseKeys).toEqual(['x', 'x~3']);
    expect(twice.bySegment.get('h2')?.status).toBe('weak');
  });

  it('uses the model\u2019s own status rules', () => {
    const strict = analyseChain(
      { ...MODEL, statusRules: { ...MODEL.statusRules, strongMin: 4, weakMin: 2 } },
      FIRMS,
    );
    expect(strict.bySegment.get('cell')?.status).toBe('weak');
    expect(strict.bySegment.get('box')?.status).toBe('missing');
  });

  it.each<[AreaId, string[], string[], string[]]>([
    ['hitech', ['cell', 'box'], ['cell', 'box'], []],
    ['lieshan', ['cell', 'wheel'], ['cell'], ['wheel']],
    ['suixi', ['fuel-cell', 'al'], ['al'], ['fuel-cell']],
    ['linhuan', ['fuel-cell', 'h2'], [], ['fuel-cell', 'h2']],
    ['duji', [], [], []],
    ['xiangshan', [], [], []],
  ])('finds the gaps of %s', (area, assigned, present, gaps) => {
    expect(a.areaGaps[area]).toEqual({ assigned, present, gaps });
  });

  it('lists firms in areas the plan did not give their segment, and only those', () => {
    expect(a.discrepancies).toEqual([
      { enterpriseKey: 'e6', segment: 'al', area: 'duji', assignedAreas: ['suixi'] },
      { enterpriseKey: 'e10', segment: 'wheel', area: 'duji', assignedAreas: ['lieshan'] },
    ]);
  });

  it('never calls a firm misplaced when the plan gives its segment no area, or its area is unknown', () => {
    const keys = a.discrepancies.map((d) => d.enterpriseKey);
    expect(keys).not.toContain('e7'); // cathode: no assigned area
    expect(keys).not.toContain('e3'); // area unknown
  });

  it('targets missing segments before weak ones, those with a planned area first, then model order', () => {
    expect(a.targets.map((t) => [t.segment.id, t.status, t.count])).toEqual([
      ['fuel-cell', 'missing', 0],
      ['h2', 'missing', 0],
      ['separator', 'missing', 0],
      ['box', 'weak', 1],
      ['wheel', 'weak', 1],
      ['cathode', 'weak', 1],
    ]);
    expect(a.targets[0]?.assignedAreas).toEqual(['suixi', 'linhuan']);
    expect(a.targets[2]?.assignedAreas).toEqual([]);
  });
});

describe('analyseChain with no enterprises', () => {
  const a = analyseChain(MODEL, []);

  it('finds every segment missing and nothing misplaced or unclassified', () => {
    expect(a.segments.every((r) => r.status === 'missing' && r.count === 0)).toBe(true);
    expect(a.discrepancies).toEqual([]);
    expect(a.unclassified).toEqual([]);
  });

  it('makes every segment a target, planned ones first', () => {
    expect(a.targets.map((t) => t.segment.id)).toEqual([
      'cell',
      'box',
      'fuel-cell',
      'h2',
      'wheel',
      'al',
      'separator',
      'cathode',
    ]);
  });

  it('makes every assigned segment a gap', () => {
    for (const area of AREA_IDS) expect(a.areaGaps[area].gaps).toEqual(a.areaGaps[area].assigned);
  });
});

describe('analyseChain on the bundled data', async () => {
  const data = await loadBundled(readPublic);
  const a = analyseChain(data.chain, data.enterprises);

  it('loads the data without issues', () => {
    expect(data.issues).toEqual([]);
    expect(data.enterprises).toHaveLength(48);
  });

  it('finds one battery-box maker (Gotion Xianglv), so a weak segment', () => {
    const r = a.bySegment.get('battery-box');
    expect(r?.enterpriseKeys).toEqual(['ent-003']);
    expect(r?.status).toBe('weak');
  });

  it('finds aluminium materials strong', () => {
    expect(a.bySegment.get('al-materials')?.status).toBe('strong');
  });

  it('finds by-product hydrogen missing, a gap of Linhuan', () => {
    expect(a.bySegment.get('h2-byproduct')?.status).toBe('missing');
    expect(a.areaGaps.linhuan.gaps).toContain('h2-byproduct');
  });

  it('tells the Lieshan card where the wheel maker is: none here, one in Duji', () => {
    const areaOf = (k: string) => data.enterprises.find((e) => e.key === k)?.area;
    const wheels = a.bySegment.get('al-wheel');
    if (!wheels) throw new Error('no al-wheel');
    expect(wheels.countByArea.lieshan).toBe(0);
    expect(firmsElsewhere(wheels, areaOf, 'lieshan')).toEqual([{ area: 'duji', keys: ['ent-024'] }]);
    expect(firmsElsewhere(wheels, areaOf, 'duji')).toEqual([]);
  });

  it('notes the wheel maker in Duji, where the plan puts wheels in Lieshan', () => {
    expect(a.bySegment.get('al-wheel')?.enterpriseKeys).toEqual(['ent-024']);
    expect(a.discrepancies).toContainEqual({
      enterpriseKey: 'ent-024',
      segment: 'al-wheel',
      area: 'duji',
      assignedAreas: ['lieshan'],
    });
  });

  it('puts auto glass, OLED lamps and by-product hydrogen on the target list, and no strong segment', () => {
    const targets = a.targets.map((t) => t.segment.id);
    expect(targets).toEqual(expect.arrayContaining(['auto-glass', 'oled-lamp', 'h2-byproduct']));
    expect(targets).not.toContain('al-materials');
  });

  it('lists the firms with no segment as unclassified', () => {
    const none = data.enterprises.filter((e) => e.segments.length === 0).map((e) => e.key);
    expect(none.length).toBeGreaterThan(0);
    expect(a.unclassified).toEqual(none);
  });
});
