import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { AREA_IDS } from '../../src/data/areas';
import type { Charger } from '../../src/data/chargers';
import { loadBundled } from '../../src/data/load-bundled';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights, validateMatchWeights } from '../../src/data/match-weights';
import type { Area, AreaId, ChainModel, Enterprise, Segment, Stage } from '../../src/data/types';
import { buildAreaShapes } from '../../src/domain/area-shapes';
import { analyseChain } from '../../src/domain/chain-analysis';
import {
  areaAnchors,
  type LngLat,
  type Placement,
  placeEnterprises,
} from '../../src/domain/enterprise-positions';
import {
  type ChargingPart,
  type GapPart,
  type MatchFactor,
  type MatchInput,
  type MatchResult,
  type PartnersPart,
  type PlanPart,
  rankAreas,
  relatedSegments,
} from '../../src/domain/match';
import { joinList } from '../../src/i18n/join-list';
import { explainPart, type MatchNames, matchIssueText, matchNamesOf } from '../../src/i18n/match-explain';
import { issueReason } from '../../src/i18n/t';
import type { SupplyRelation } from '../../src/model';
import { publicJson, readPublic } from '../fixtures/load';
import { enterprise, segment } from '../fixtures/records';

const FILE = 'data/match-weights.json';

// ---- Fixture: one chain up → mid → down, a second chain, six areas 50 km apart on a line ----------

const seg = (id: string, chain: string, stage: Stage, areas: AreaId[]) =>
  segment(id, chain, stage, areas, { name: { zh: `环节${id}`, en: `Seg ${id}` }, planSection: '§三.4' });

const MODEL: ChainModel = {
  chains: [
    { id: 'c', name: { zh: '测试', en: 'Test' } },
    { id: 'x', name: { zh: '其他', en: 'Other' } },
  ],
  segments: [
    seg('up', 'c', 'upstream', []),
    seg('mid', 'c', 'midstream', ['hitech']),
    seg('mid2', 'c', 'midstream', ['lieshan']),
    seg('down', 'c', 'downstream', []),
    seg('xup', 'x', 'upstream', ['linhuan']),
    seg('nowhere', 'x', 'midstream', []),
  ],
  statusRules: { strongMin: 3, weakMin: 1, note: { zh: '规则', en: 'rules' } },
};

// The fixture's supply table: within a chain, each stage supplies every later one.
const STAGE_RANK = { upstream: 0, midstream: 1, downstream: 2 } as const;
const SUPPLY: SupplyRelation[] = MODEL.segments.flatMap((a) =>
  MODEL.segments
    .filter((b) => a.chain === b.chain && STAGE_RANK[a.stage] < STAGE_RANK[b.stage])
    .map((b) => ({ from: a.id, to: b.id, reason: { zh: '供应', en: 'supplies' }, source: 'test' })),
);

const AREAS: Area[] = AREA_IDS.map((id) => ({
  id,
  kind: id === 'hitech' || id === 'linhuan' ? 'park' : 'district',
  name: { zh: `区域${id}`, en: `Area ${id}` },
  role: { zh: '', en: '' },
  specialisation: { zh: '', en: '' },
  planSection: '§三.4',
  footprints: [],
  neighbours: [],
}));

const ANCHORS = Object.fromEntries(AREA_IDS.map((id, i) => [id, [116 + i * 0.6, 34] as LngLat])) as Record<
  AreaId,
  LngLat
>;

/** A point `km` east of an area's anchor. */
const east = (area: AreaId, km: number): LngLat =>
  destination(ANCHORS[area], km, 90, { units: 'kilometers' }).geometry.coordinates as LngLat;

const ent = (id: string, area: AreaId | null, segments: string[]) =>
  enterprise({
    id,
    name: { zh: `企业${id}`, en: `Firm ${id}` },
    area,
    segments,
    precision: 'district',
    source: 'http://example.org',
    sourceDate: '',
    checked: '',
  });

function charger(id: string, lngLat: LngLat | null, over: Partial<Charger> = {}): Charger {
  return {
    id,
    key: id,
    line: 2,
    name: id,
    operator: '',
    kind: 'dc_fast',
    connectors: 4,
    powerKw: 60,
    lngLat,
    district: null,
    township: null,
    commissioned: '2024-01-01',
    status: 'operating',
    illustrative: true,
    source: 'test',
    sourceDate: '',
    checked: '',
    ...over,
  };
}

/** Firms with their sites (known, so distances count); `null` position: not on the map. */
function firms(
  rows: [Enterprise, LngLat | null][],
  approximate = false,
): Pick<MatchInput, 'enterprises' | 'placements'> {
  return {
    enterprises: rows.map(([e]) => e),
    placements: rows.map(([, p]): Placement => ({ position: p, approximate })),
  };
}

// Illustrative sites count here, so the counting itself can be tested; the default leaves them out.
const W: MatchWeights = {
  ...DEFAULT_MATCH_WEIGHTS,
  chargingPerSite: 1,
  chargingCap: 5,
  countIllustrative: true,
};

function run(over: Partial<MatchInput> = {}): MatchResult {
  const base = firms([]);
  const enterprises = over.enterprises ?? base.enterprises;
  return rankAreas({
    segments: ['mid'],
    radiusKm: 10,
    weights: W,
    chain: MODEL,
    enterprises,
    placements: base.placements,
    supply: SUPPLY,
    areas: AREAS,
    anchors: ANCHORS,
    analysis: analyseChain(MODEL, enterprises),
    chargers: [],
    ...over,
  });
}

const byArea = (r: MatchResult, id: AreaId) => {
  const a = r.areas.find((x) => x.area === id);
  if (!a) throw new Error(`no result for ${id}`);
  return a;
};
type PartOf<F extends MatchFactor> = F extends 'plan'
  ? PlanPart
  : F extends 'gap'
    ? GapPart
    : F extends 'charging'
      ? ChargingPart
      : PartnersPart;
const part = <F extends MatchFactor>(r: MatchResult, id: AreaId, factor: F): PartOf<F> => {
  const p = byArea(r, id).parts.find((x) => x.factor === factor);
  if (!p) throw new Error(`no ${factor} part for ${id}`);
  return p as PartOf<F>;
};

/** The fixture's names: firms are named after their key, as ent() names them. */
const FIXTURE_NAMES: MatchNames = {
  ...matchNamesOf({ chain: MODEL, areas: { areas: AREAS }, enterprises: [] }),
  firm: (key) => ({ zh: `企业${key}`, en: `Firm ${key}` }),
};
/** A factor's explanation in both languages, as the panel writes it. */
const say = (r: MatchResult, id: AreaId, factor: MatchFactor, names = FIXTURE_NAMES) => {
  const area = byArea(r, id);
  const p = part(r, id, factor);
  return {
    zh: explainPart('zh', p, { area, result: r, names }),
    en: explainPart('en', p, { area, result: r, names }),
  };
};
const order = (r: MatchResult) => r.areas.map((a) => a.area);

// ---- Weights file -------------------------------------------------------------------------------

describe('validateMatchWeights', () => {
  it('reads the bundled file with no issues', async () => {
    const r = validateMatchWeights(await publicJson(FILE), FILE);
    expect(r.issues).toEqual([]);
    expect(r.value.version).toBe(1);
    expect(r.value.radiusKmOptions).toContain(r.value.defaultRadiusKm);
    expect(r.value.note.zh).toContain('planAssigned');
    expect(r.value.note.en).toContain('planAssigned');
  });

  it.each<[string, Record<string, unknown>, string, Partial<MatchWeights>]>([
    ['a negative weight', { planAssigned: -5 }, 'planAssigned', { planAssigned: 40 }],
    ['a text weight', { clusterPerFirm: '8' }, 'clusterPerFirm', { clusterPerFirm: 8 }],
    ['a missing cap', { supplierCap: undefined }, 'supplierCap', { supplierCap: 12 }],
    ['an infinite weight', { chargingCap: Number.POSITIVE_INFINITY }, 'chargingCap', { chargingCap: 10 }],
    ['empty distances', { radiusKmOptions: [] }, 'radiusKmOptions', { radiusKmOptions: [5, 10, 20, 30] }],
    [
      'a zero distance',
      { radiusKmOptions: [0, 10] },
      'radiusKmOptions',
      { radiusKmOptions: [5, 10, 20, 30] },
    ],
    ['a default not offered', { defaultRadiusKm: 7 }, 'defaultRadiusKm', { defaultRadiusKm: 10 }],
    ['a note without English', { note: { zh: '说明' } }, 'note', { note: DEFAULT_MATCH_WEIGHTS.note }],
    ['another version', { version: 2 }, 'version', {}],
  ])('reports %s by field and falls back for that field only', async (_label, over, field, expected) => {
    const json = { ...((await publicJson(FILE)) as Record<string, unknown>), planAssigned: 33, ...over };
    const r = validateMatchWeights(json, FILE);
    // Every issue is on that field or one of its items (the notices show it): why, then which default is used.
    expect([...new Set(r.issues.map((i) => i.field?.replace(/\[\d+\]$/, '')))]).toEqual([field]);
    const issue = r.issues[0];
    expect(issue?.file).toBe(FILE);
    for (const i of r.issues)
      for (const lang of ['zh', 'en'] as const) expect(issueReason(lang, i)).not.toMatch(/^$|\{\w+\}/);
    if (field !== 'version') expect(r.issues.at(-1)?.code).toMatch(/^field\.defaulted/);
    expect(r.value).toMatchObject(expected);
    // The other fields keep the file's values.
    if (field !== 'planAssigned') expect(r.value.planAssigned).toBe(33);
  });

  it('sorts and deduplicates the distances offered', () => {
    const r = validateMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, radiusKmOptions: [20, 5, 20, 10] }, FILE);
    expect(r.issues).toEqual([]);
    expect(r.value.radiusKmOptions).toEqual([5, 10, 20]);
  });

  it('falls back to the first distance offered when the default one is not among them', () => {
    const r = validateMatchWeights(
      { ...DEFAULT_MATCH_WEIGHTS, radiusKmOptions: [3, 6], defaultRadiusKm: 9 },
      FILE,
    );
    expect(r.value.defaultRadiusKm).toBe(3);
    expect(r.issues.map((i) => [i.field, i.code, i.params])).toEqual([
      ['defaultRadiusKm', 'weights.radiusNotOffered', { got: 9 }],
      ['defaultRadiusKm', 'field.defaultedTo', { value: 3 }],
    ]);
  });

  it('warns about an unknown (probably misspelt) field', () => {
    const r = validateMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, clusterPerFrim: 9 }, FILE);
    expect(r.issues).toEqual([expect.objectContaining({ field: 'clusterPerFrim', severity: 'warning' })]);
  });

  it.each([null, 'text', [1, 2], 42])('never throws on %j, returning the defaults', (json) => {
    const r = validateMatchWeights(json, FILE);
    expect(r.value).toEqual(DEFAULT_MATCH_WEIGHTS);
    expect(r.issues.map((i) => [i.field, i.code])).toEqual([
      ['(root)', 'json.object'],
      ['(root)', 'field.defaulted'],
    ]);
  });
});

// ---- Supply relations ---------------------------------------------------------------------------

describe('relatedSegments', () => {
  const ids = (s: Segment[]) => s.map((x) => x.id);

  it('takes suppliers and customers from the supply table', () => {
    const r = relatedSegments(MODEL, ['mid'], SUPPLY);
    expect(ids(r.suppliers)).toEqual(['up']);
    expect(ids(r.customers)).toEqual(['down']);
  });

  it('has no supplier for an upstream segment and no customer for a downstream one', () => {
    expect(ids(relatedSegments(MODEL, ['up'], SUPPLY).suppliers)).toEqual([]);
    expect(ids(relatedSegments(MODEL, ['up'], SUPPLY).customers)).toEqual(['mid', 'mid2', 'down']);
    expect(ids(relatedSegments(MODEL, ['down'], SUPPLY).customers)).toEqual([]);
  });

  it('leaves selected segments out and never crosses chains', () => {
    const r = relatedSegments(MODEL, ['up', 'mid'], SUPPLY);
    expect(ids(r.suppliers)).toEqual([]);
    expect(ids(r.customers)).toEqual(['mid2', 'down']);
    expect(ids(relatedSegments(MODEL, ['xup'], SUPPLY).customers)).toEqual(['nowhere']);
  });
});

// ---- Ranking on the fixture ---------------------------------------------------------------------

describe('rankAreas on a fixture', () => {
  it('returns every area once, ranked, equal scores sharing a rank, with six parts each', () => {
    const r = run();
    expect([...order(r)].sort()).toEqual([...AREA_IDS].sort());
    // The High-tech Zone alone has the plan's points; the other five tie, and say so.
    expect(r.areas.map((a) => [a.rank, a.tied])).toEqual([
      [1, false],
      [2, true],
      [2, true],
      [2, true],
      [2, true],
      [2, true],
    ]);
    for (let i = 1; i < r.areas.length; i++) {
      expect(r.areas[i]?.score).toBeLessThanOrEqual(r.areas[i - 1]?.score ?? 0);
    }
    for (const a of r.areas) {
      expect(a.parts.map((p) => p.factor)).toEqual([
        'plan',
        'cluster',
        'suppliers',
        'customers',
        'gap',
        'charging',
      ]);
      expect(a.score).toBeCloseTo(
        a.parts.reduce((s, p) => s + p.points, 0),
        6,
      );
    }
  });

  it('puts the planned area first and names it and the segment in words', () => {
    const r = run();
    expect(order(r)[0]).toBe('hitech');
    const plan = part(r, 'hitech', 'plan');
    expect(plan.points).toBe(40);
    expect(plan).toMatchObject({ reason: 'scored', max: 40, assigned: ['mid'], notAssigned: [] });
    expect(part(r, 'suixi', 'plan')).toMatchObject({
      points: 0,
      assigned: [],
      notAssigned: [{ segment: 'mid', areas: ['hitech'] }],
    });
    // No firm of an assigned segment anywhere: a gap of the High-tech Zone only.
    expect(part(r, 'hitech', 'gap').points).toBe(20);
    expect(byArea(r, 'hitech').gapsFilled).toEqual(['mid']);
    expect(part(r, 'suixi', 'gap').points).toBe(0);
  });

  it('counts peers, suppliers and customers within the distance, with their distance, nearest first', () => {
    const f = firms([
      [ent('p8', null, ['mid']), east('suixi', 8)],
      [ent('p3', 'suixi', ['mid']), east('suixi', 3)],
      [ent('s4', 'suixi', ['up']), east('suixi', 4)],
      [ent('c6', null, ['down']), east('suixi', 6)],
      [ent('o1', 'suixi', ['xup']), east('suixi', 1)],
    ]);
    const near = run({ ...f, radiusKm: 5 });
    const far = run({ ...f, radiusKm: 10 });
    const keys = (ps: { enterpriseKey: string }[]) => ps.map((p) => p.enterpriseKey);

    expect(keys(byArea(near, 'suixi').peers)).toEqual(['p3']);
    expect(keys(byArea(far, 'suixi').peers)).toEqual(['p3', 'p8']);
    expect(keys(byArea(near, 'suixi').suppliers)).toEqual(['s4']);
    expect(keys(byArea(near, 'suixi').customers)).toEqual([]);
    expect(keys(byArea(far, 'suixi').customers)).toEqual(['c6']);
    expect(part(near, 'suixi', 'cluster').points).toBe(8);
    expect(part(far, 'suixi', 'cluster').points).toBe(16);

    const p3 = byArea(far, 'suixi').peers[0];
    expect(p3).toMatchObject({
      segment: 'mid',
      relatedTo: 'mid',
      role: 'peer',
      area: 'suixi',
      where: 'inArea',
      approximate: false,
    });
    expect(p3?.distanceKm).toBeCloseTo(3, 1);
    expect(byArea(far, 'suixi').peers[1]).toMatchObject({ enterpriseKey: 'p8', where: 'near' });
    expect(byArea(far, 'suixi').suppliers[0]).toMatchObject({ segment: 'up', relatedTo: 'mid' });
    // Another chain's firm is neither supplier nor customer.
    expect(JSON.stringify(byArea(far, 'suixi'))).not.toContain('"o1"');

    expect(part(far, 'suixi', 'cluster')).toMatchObject({
      reason: 'found',
      count: 2,
      ids: ['p3', 'p8'],
      inArea: 1,
      capped: false,
      unplacedCount: 0,
    });
    expect(part(near, 'suixi', 'customers')).toMatchObject({
      reason: 'none',
      count: 0,
      ids: [],
      segments: ['down'],
      unplacedCount: 0,
    });
  });

  it('counts a firm recorded in the area whatever its distance, but not a far firm of another area', () => {
    const f = firms([
      [ent('own', 'suixi', ['mid']), east('suixi', 30)],
      [ent('other', 'xiangshan', ['mid']), east('suixi', 30)],
    ]);
    const a = byArea(run(f), 'suixi');
    expect(a.peers.map((p) => p.enterpriseKey)).toEqual(['own']);
    expect(a.peers[0]?.distanceKm).toBeCloseTo(30, 1);
  });

  it('caps a factor and says so', () => {
    const f = firms(
      Array.from({ length: 5 }, (_, i): [Enterprise, LngLat] => [
        ent(`p${i}`, 'duji', ['mid']),
        east('duji', i + 1),
      ]),
    );
    const r = run(f);
    expect(part(r, 'duji', 'cluster').points).toBe(24);
    expect(part(r, 'duji', 'cluster')).toMatchObject({ count: 5, capped: true, max: 24 });
    expect(part(r, 'duji', 'cluster').ids).toHaveLength(5);
  });

  it('counts a firm in one role only: a peer that also makes an upstream part is a peer', () => {
    const f = firms([[ent('both', 'suixi', ['up', 'mid']), east('suixi', 2)]]);
    const a = byArea(run(f), 'suixi');
    expect(a.peers.map((p) => p.enterpriseKey)).toEqual(['both']);
    expect(a.suppliers).toEqual([]);
  });

  it('lists firms with no map position and says they are not counted', () => {
    const f = firms([
      [ent('lost', null, ['mid']), null],
      [ent('lost-up', null, ['up']), null],
    ]);
    const r = run(f);
    expect(r.unplaced).toEqual([
      { enterpriseKey: 'lost', role: 'peer', segment: 'mid', relatedTo: 'mid' },
      { enterpriseKey: 'lost-up', role: 'supplier', segment: 'up', relatedTo: 'mid' },
    ]);
    expect(part(r, 'suixi', 'cluster')).toMatchObject({ reason: 'none', count: 0, unplacedCount: 1 });
    expect(part(r, 'suixi', 'suppliers')).toMatchObject({ reason: 'none', count: 0, unplacedCount: 1 });
    expect(part(r, 'suixi', 'customers').unplacedCount).toBe(0);
  });

  it('says why there is no supplier when the supply table names none', () => {
    const r = run({ segments: ['up'] });
    expect(part(r, 'suixi', 'suppliers')).toMatchObject({ reason: 'noRelation', segments: [] });
    expect(part(r, 'suixi', 'customers').reason).toBe('none');
  });

  it('scores several segments in proportion and names each', () => {
    const r = run({ segments: ['mid', 'mid2'] });
    const hitech = byArea(r, 'hitech');
    const lieshan = byArea(r, 'lieshan');
    expect(part(r, 'hitech', 'plan').points).toBe(20);
    expect(part(r, 'lieshan', 'plan').points).toBe(20);
    expect(hitech.planAssigned).toEqual(['mid']);
    expect(lieshan.planAssigned).toEqual(['mid2']);
    expect(part(r, 'hitech', 'gap').points).toBe(10);
    expect(part(r, 'hitech', 'plan')).toMatchObject({
      assigned: ['mid'],
      notAssigned: [{ segment: 'mid2', areas: ['lieshan'] }],
    });
    // Equal scores and one assigned segment each: area order decides (Lieshan before the High-tech Zone).
    expect(order(r).slice(0, 2)).toEqual(['lieshan', 'hitech']);
    expect(r.segments).toEqual(['mid', 'mid2']);
  });

  it('reports an unknown segment id and ranks by the known ones as if it were absent', () => {
    const r = run({ segments: ['warp-drive', 'mid', 'mid'] });
    expect(r.unknownSegments).toEqual(['warp-drive']);
    expect(r.segments).toEqual(['mid']);
    expect(r.issues).toEqual([{ code: 'unknownSegments', ids: ['warp-drive'] }]);
    const clean = run();
    expect(r.areas.map((a) => [a.area, a.score])).toEqual(clean.areas.map((a) => [a.area, a.score]));
  });

  it('ranks without crashing when only unknown segments are selected', () => {
    const r = run({ segments: ['warp-drive'], chargers: [charger('k1', east('duji', 1))] });
    expect(r.areas).toHaveLength(6);
    expect(r.segments).toEqual([]);
    expect(r.issues).toEqual([{ code: 'unknownSegments', ids: ['warp-drive'] }, { code: 'noSegment' }]);
    expect(order(r)[0]).toBe('duji');
    expect(part(r, 'duji', 'cluster').reason).toBe('noSegment');
    expect(part(r, 'duji', 'plan').reason).toBe('noSegment');
    for (const a of r.areas)
      expect(a.parts.filter((p) => p.factor !== 'charging').every((p) => p.points === 0)).toBe(true);
  });

  it('breaks ties by plan assignment, then area order, whatever the input order', () => {
    const w: MatchWeights = { ...W, planAssigned: 0 };
    const r = run({
      segments: ['xup'],
      weights: w,
      analysis: { areaGaps: analyseChain(MODEL, []).areaGaps },
    });
    expect(r.areas.every((a) => a.score === 20 || a.score === 0)).toBe(true);
    // xup is a gap of Linhuan (20 points); every other area ties at 0 in area order.
    expect(order(r)).toEqual(['linhuan', 'suixi', 'xiangshan', 'lieshan', 'duji', 'hitech']);

    const noGap: MatchWeights = { ...w, fillsGap: 0 };
    const tied = run({ segments: ['xup'], weights: noGap });
    expect(order(tied)).toEqual(['linhuan', 'suixi', 'xiangshan', 'lieshan', 'duji', 'hitech']);
    const reversed = run({ segments: ['xup'], weights: noGap, areas: [...AREAS].reverse() });
    expect(order(reversed)).toEqual(order(tied));
    // 'nowhere' has no area of its own: the area the plan gives its supplier (xup) comes first.
    const none = run({ segments: ['nowhere'], weights: noGap, areas: [...AREAS].reverse() });
    expect(order(none)).toEqual(['linhuan', 'suixi', 'xiangshan', 'lieshan', 'duji', 'hitech']);
    expect(none.areas.every((a) => a.tied && a.rank === 1)).toBe(true);
  });

  it('uses the weights given: zero plan weight lets a cluster win', () => {
    const f = firms([
      [ent('a', 'duji', ['mid']), east('duji', 1)],
      [ent('b', 'duji', ['mid']), east('duji', 2)],
      [ent('c', 'duji', ['mid']), east('duji', 3)],
    ]);
    expect(order(run(f))[0]).toBe('hitech');
    const r = run({ ...f, weights: { ...W, planAssigned: 0 } });
    expect(order(r)[0]).toBe('duji');
    expect(part(r, 'hitech', 'plan').points).toBe(0);
  });

  it('falls back to the default distance when the one given is not positive', () => {
    for (const radiusKm of [0, -3, Number.NaN]) {
      const r = run({ radiusKm });
      expect(r.radiusKm).toBe(W.defaultRadiusKm);
      expect(r.issues).toEqual([{ code: 'badRadius', given: radiusKm, used: W.defaultRadiusKm }]);
    }
  });

  it('counts operating charging sites within the distance, not hydrogen, planned or far ones', () => {
    const chargers = [
      charger('k1', east('suixi', 1)),
      charger('k2', east('suixi', 2), { kind: 'swap' }),
      charger('k3', east('suixi', 3), { kind: 'hydrogen' }),
      charger('k4', east('suixi', 4), { status: 'planned' }),
      charger('k5', east('suixi', 40)),
      charger('k6', null),
    ];
    const r = run({ chargers });
    expect(byArea(r, 'suixi').chargingSites).toBe(2);
    expect(part(r, 'suixi', 'charging').points).toBe(2);
    expect(part(r, 'suixi', 'charging')).toMatchObject({
      reason: 'counted',
      count: 2,
      ids: ['k1', 'k2'],
      capped: false,
      illustrative: 'all',
    });
  });

  it('says the charging data is illustrative only when every counted site is', () => {
    const real = run({ chargers: [charger('k1', east('suixi', 1), { illustrative: false })] });
    expect(byArea(real, 'suixi').chargingIllustrative).toBe(false);
    expect(part(real, 'suixi', 'charging')).toMatchObject({ illustrative: 'none', illustrativeCount: 0 });

    const mixed = run({
      chargers: [charger('k1', east('suixi', 1), { illustrative: false }), charger('k2', east('suixi', 2))],
    });
    expect(byArea(mixed, 'suixi').chargingIllustrative).toBe(false);
    expect(part(mixed, 'suixi', 'charging')).toMatchObject({ illustrative: 'some', illustrativeCount: 1 });
  });

  it('caps the charging points', () => {
    const chargers = Array.from({ length: 8 }, (_, i) => charger(`k${i}`, east('lieshan', 1 + i / 2)));
    const r = run({ chargers });
    expect(part(r, 'lieshan', 'charging').points).toBe(5);
    expect(part(r, 'lieshan', 'charging')).toMatchObject({ count: 8, capped: true, max: 5 });
  });

  it('scores no distance factor for an area without an anchor, and says why', () => {
    const { suixi: _gone, ...anchors } = ANCHORS;
    const f = firms([[ent('p', 'suixi', ['mid']), east('suixi', 1)]]);
    const r = run({ ...f, anchors, chargers: [charger('k', east('suixi', 1))] });
    const a = byArea(r, 'suixi');
    expect(a.anchor).toBeNull();
    expect(a.peers).toEqual([]);
    expect(part(r, 'suixi', 'cluster')).toMatchObject({ reason: 'noAnchor', count: 0 });
    expect(part(r, 'suixi', 'charging')).toMatchObject({ reason: 'noAnchor', count: 0, points: 0 });
  });
});

// ---- The facts in words (i18n/match-explain.ts), on the same fixture -----------------------------

describe('explanations in words', () => {
  it('names the planned area and the segment', () => {
    const r = run();
    expect(say(r, 'hitech', 'plan')).toEqual({
      zh: '规划将环节mid布局在区域hitech',
      en: 'The plan assigns seg mid to the Area hitech',
    });
    expect(say(r, 'suixi', 'plan').zh).toBe('规划将环节mid布局在区域hitech，不在区域suixi');
    expect(say(r, 'suixi', 'plan').en).toBe('The plan assigns seg mid to the Area hitech, not to Area suixi');
    expect(say(r, 'hitech', 'gap').en).toBe(
      'The plan assigns seg mid to the Area hitech but no firm there makes them yet: the firm would fill a gap',
    );
    expect(say(r, 'suixi', 'gap').zh).toBe('规划没有把环节mid布局在区域suixi，谈不上填补空白');
  });

  it('lists the partners with their distance, and says when none is found', () => {
    const f = firms([
      [ent('p8', null, ['mid']), east('suixi', 8)],
      [ent('p3', 'suixi', ['mid']), east('suixi', 3)],
      [ent('s4', 'suixi', ['up']), east('suixi', 4)],
      [ent('c6', null, ['down']), east('suixi', 6)],
    ]);
    const near = run({ ...f, radiusKm: 5 });
    const far = run({ ...f, radiusKm: 10 });
    expect(say(far, 'suixi', 'cluster')).toEqual({
      zh: '区域suixi及相邻区域有 2 家同环节企业：企业p3（在本区域）、企业p8（8 公里）；其中 1 家已在区域suixi',
      en: '2 firms in the same segment in or next to Area suixi: Firm p3 (in this area); Firm p8 (8 km); 1 already in Area suixi',
    });
    expect(say(near, 'suixi', 'customers').en).toBe(
      'No downstream customer in or next to Area suixi (downstream segments: seg down)',
    );
    expect(say(near, 'suixi', 'suppliers').en).toBe(
      '1 upstream supplier in or next to Area suixi: Firm s4 (seg up, in this area)',
    );
  });

  it('says when a factor is capped, and how many firms are not listed', () => {
    const f = firms(
      Array.from({ length: 5 }, (_, i): [Enterprise, LngLat] => [
        ent(`p${i}`, 'duji', ['mid']),
        east('duji', i + 1),
      ]),
    );
    const e = say(run(f), 'duji', 'cluster');
    expect(e.zh).toContain('按上限计 24 分');
    expect(e.zh).toContain('等，另有 2 家');
    expect(e.en).toContain('capped at 24 points');
    expect(e.en).toContain('; and 2 more');
  });

  it('says how many firms with no map position are not counted', () => {
    const r = run(
      firms([
        [ent('lost', null, ['mid']), null],
        [ent('lost-up', null, ['up']), null],
      ]),
    );
    expect(say(r, 'suixi', 'cluster').zh).toContain('另有 1 家位置不明，未计入');
    expect(say(r, 'suixi', 'suppliers').en).toContain('1 more with no known location, not counted');
  });

  it('says why there is no supplier when the supply table names none', () => {
    expect(say(run({ segments: ['up'] }), 'suixi', 'suppliers')).toEqual({
      zh: '供需关系表中没有为环节up供货的环节',
      en: 'The supply table names no segment that supplies seg up',
    });
  });

  it('names each of several segments', () => {
    expect(say(run({ segments: ['mid', 'mid2'] }), 'hitech', 'plan')).toEqual({
      zh: '规划将环节mid布局在区域hitech；规划将环节mid2布局在区域lieshan，不在区域hitech',
      en: 'The plan assigns seg mid to the Area hitech. The plan assigns seg mid2 to Area lieshan, not to the Area hitech',
    });
  });

  it('says how many charging sites count and whether they are illustrative', () => {
    const two = run({ chargers: [charger('k1', east('suixi', 1)), charger('k2', east('suixi', 2))] });
    expect(say(two, 'suixi', 'charging')).toEqual({
      zh: '10 公里内有 2 个在运营的充换电站点（均为示意数据，并非真实站点）',
      en: '2 operating charging or swap sites within 10 km (all illustrative data, not real sites)',
    });
    expect(say(two, 'duji', 'charging').en).toBe(
      '0 operating charging or swap sites within 10 km (based on illustrative data)',
    );
    const real = run({ chargers: [charger('k1', east('suixi', 1), { illustrative: false })] });
    expect(say(real, 'suixi', 'charging').zh).not.toContain('示意');
    expect(say(real, 'suixi', 'charging').en).not.toContain('illustrative');
    const mixed = run({
      chargers: [charger('k1', east('suixi', 1), { illustrative: false }), charger('k2', east('suixi', 2))],
    });
    expect(say(mixed, 'suixi', 'charging').en).toContain('(1 of them illustrative)');
    const many = run({
      chargers: Array.from({ length: 8 }, (_, i) => charger(`k${i}`, east('lieshan', 1 + i / 2))),
    });
    expect(say(many, 'lieshan', 'charging').en).toContain('capped at 5 points');
  });

  it('says why an area without an anchor scores no distance factor', () => {
    const { suixi: _gone, ...anchors } = ANCHORS;
    const r = run({ anchors });
    expect(say(r, 'suixi', 'cluster').en).toBe(
      'Area suixi has no usable location, so distances cannot be measured',
    );
    expect(say(r, 'suixi', 'charging').zh).toBe('区域suixi没有可用的位置，无法计算距离');
  });

  it('says what was wrong with the input', () => {
    const r = run({ segments: ['warp-drive', 'nope'], radiusKm: -3 });
    const texts = (lang: 'zh' | 'en') => r.issues.map((i) => matchIssueText(lang, i));
    expect(texts('zh')).toEqual([
      '产业链模型中没有这些环节，已忽略：warp-drive、nope',
      '没有选择已知的产业链环节：只有充电条件参与排序',
      `距离 -3 无效，改用 ${W.defaultRadiusKm} 公里`,
    ]);
    expect(texts('en')[0]).toBe('not segments of the chain model, ignored: warp-drive and nope');
    expect(texts('en')[2]).toBe(`distance -3 is not valid; ${W.defaultRadiusKm} km used`);
  });
});

describe('joinList', () => {
  it('joins with 、 in Chinese and with commas and "and" in English', () => {
    expect(joinList('zh', ['甲', '乙', '丙'])).toBe('甲、乙、丙');
    expect(joinList('en', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinList('en', ['a', 'b'])).toBe('a and b');
    expect(joinList('en', ['a'])).toBe('a');
    expect(joinList('en', [])).toBe('');
  });
});

// ---- Ranking on the bundled data ----------------------------------------------------------------

describe('rankAreas on the bundled data', async () => {
  const data = await loadBundled(readPublic);
  const weights = validateMatchWeights(await publicJson(FILE), FILE).value;
  const shapes = buildAreaShapes(data.areas.areas, data.districts.features);
  const anchors = areaAnchors(data.areas.areas, shapes);
  const placements = placeEnterprises(data.enterprises, anchors);
  const analysis = analyseChain(data.chain, data.enterprises);
  const rank = (segments: string[], over: Partial<MatchInput> = {}) =>
    rankAreas({
      segments,
      radiusKm: weights.defaultRadiusKm,
      weights,
      chain: data.chain,
      enterprises: data.enterprises,
      placements,
      supply: data.supply.relations,
      areas: data.areas.areas,
      anchors,
      analysis,
      chargers: data.chargers,
      ...over,
    });

  const names = matchNamesOf(data);
  const box = data.chain.segments.find((s) => s.name.zh.includes('电池箱体'));
  const hitech = data.areas.areas.find((a) => a.id === 'hitech');
  const boxMakers = data.enterprises.filter((e) => box && e.segments.includes(box.id));

  it('has a battery-box segment assigned to the High-tech Zone, and a battery-box maker there', () => {
    expect(box?.id).toBe('battery-box');
    expect(box?.areas).toEqual(['hitech']);
    expect(hitech?.name.zh).toBe('市高新区');
    expect(boxMakers.map((e) => [e.key, e.area])).toEqual([['ent-003', 'hitech']]);
  });

  it('ranks the High-tech Zone first for a battery-box maker, because of the plan and the firm already there', () => {
    if (!box || !hitech) throw new Error('fixture data missing');
    const r = rank([box.id]);
    expect(r.issues).toEqual([]);
    expect(r.areas).toHaveLength(6);
    expect(order(r)[0]).toBe('hitech');
    const first = byArea(r, 'hitech');
    expect(first.score).toBeGreaterThan(r.areas[1]?.score ?? Number.POSITIVE_INFINITY);

    const plan = part(r, 'hitech', 'plan');
    expect(plan.points).toBe(weights.planAssigned);
    expect(plan).toMatchObject({ assigned: [box.id], notAssigned: [] });

    const maker = boxMakers[0] as Enterprise;
    const cluster = part(r, 'hitech', 'cluster');
    expect(cluster.points).toBe(weights.clusterPerFirm);
    expect(cluster).toMatchObject({ reason: 'found', ids: [maker.key], inArea: 1 });
    // Its position is a stand-in in the park: "in the area", with no distance.
    expect(first.peers).toEqual([
      expect.objectContaining({
        enterpriseKey: maker.key,
        segment: box.id,
        where: 'inArea',
        distanceKm: null,
      }),
    ]);

    expect(part(r, 'hitech', 'gap').points).toBe(0);
    expect(part(r, 'hitech', 'gap')).toMatchObject({ filled: [], present: [box.id], notAssigned: [] });
  });

  it('gives the illustrative bundled chargers no points, and says so', () => {
    const r = rank(['battery-box']);
    expect(data.chargers.every((c) => c.illustrative)).toBe(true);
    expect(weights.countIllustrative).toBe(false);
    for (const a of r.areas) expect(part(r, a.area, 'charging')).toMatchObject({ points: 0, count: 0 });
    const excluded = r.areas.filter((a) => part(r, a.area, 'charging').excluded > 0);
    expect(excluded.length).toBeGreaterThan(0);
    for (const a of excluded) {
      expect(say(r, a.area, 'charging', names).zh).toContain('示意站点（并非真实数据），不计分');
      expect(say(r, a.area, 'charging', names).en).toContain('score nothing');
    }
  });

  it('takes the suppliers of a box maker from the supply table: the aluminium firms, not cell materials', () => {
    const r = rank(['battery-box']);
    const suixi = byArea(r, 'suixi');
    const al = data.enterprises.filter((e) => e.area === 'suixi' && e.segments.includes('al-materials'));
    expect(al.length).toBeGreaterThan(3);
    for (const e of al) expect(suixi.suppliers.map((p) => p.enterpriseKey)).toContain(e.key);
    for (const a of r.areas)
      for (const p of a.suppliers)
        expect(['cathode', 'anode', 'separator', 'electrolyte']).not.toContain(p.segment);
  });

  it('makes cell makers, not box makers, the customers of a separator maker', () => {
    const { customers } = relatedSegments(data.chain, ['separator'], data.supply.relations);
    expect(customers.map((s) => s.id)).toContain('power-battery');
    expect(customers.map((s) => s.id)).not.toContain('battery-box');
    // No firm scores: the battery districts the plan names come first, tied.
    const r = rank(['separator']);
    expect(order(r).slice(0, 2)).toEqual(['lieshan', 'hitech']);
    expect(r.areas.every((a) => a.tied)).toBe(true);
  });

  it('explains the High-tech Zone first for a battery-box maker, in words, in both languages', () => {
    if (!box || !hitech) throw new Error('fixture data missing');
    const r = rank([box.id]);
    const maker = boxMakers[0] as Enterprise;
    expect(say(r, 'hitech', 'plan', names).zh).toBe(`规划将${box.name.zh}布局在${hitech.name.zh}`);
    expect(say(r, 'hitech', 'plan', names).en).toContain(
      `assigns battery boxes (enclosures) to the ${hitech.name.en}`,
    );
    const cluster = say(r, 'hitech', 'cluster', names);
    expect(cluster.zh).toContain(maker.name.zh);
    expect(cluster.zh).toContain(`其中 1 家已在${hitech.name.zh}`);
    expect(cluster.en).toContain(`1 already in the ${hitech.name.en}`);
    expect(say(r, 'hitech', 'gap', names).zh).toBe(`${hitech.name.zh}已有${box.name.zh}企业，不是空白`);
  });

  it('writes explanations in names from the data, never ids', () => {
    const r = rank(['battery-box', 'cathode', 'special-vehicle']);
    for (const a of r.areas) {
      for (const p of a.parts) {
        for (const text of [say(r, a.area, p.factor, names).zh, say(r, a.area, p.factor, names).en]) {
          expect(text.length).toBeGreaterThan(0);
          expect(text).not.toMatch(/battery-box|\bhitech\b|\blinhuan\b|\bduji\b|ent-\d/);
        }
      }
    }
  });

  it('gives a distance only to a firm whose site is known, and none to a stand-in', () => {
    const r = rank(['al-materials'], { radiusKm: 30 });
    for (const a of r.areas)
      for (const p of [...a.peers, ...a.suppliers, ...a.customers]) {
        expect(p.distanceKm === null).toBe(p.approximate);
        if (p.where === 'neighbour') expect(a.area).not.toBe(p.area);
      }
    // Suixi's aluminium firms count for Lieshan next door, at half the points and half the cap.
    const lieshan = part(r, 'lieshan', 'cluster');
    expect(lieshan.neighbours).toBeGreaterThan(3);
    expect(lieshan.points).toBe(weights.clusterCap * weights.neighbourShare);
  });

  it('follows the weights: with plan and gap weights at zero, the wheel maker pulls wheels to Duji', () => {
    // The plan puts wheels in Lieshan, the one wheel maker is in Duji.
    expect(order(rank(['al-wheel'], { radiusKm: 5 }))[0]).toBe('lieshan');
    const r = rank(['al-wheel'], { radiusKm: 5, weights: { ...weights, planAssigned: 0, fillsGap: 0 } });
    expect(order(r)[0]).toBe('duji');
    expect(byArea(r, 'duji').peers.map((p) => p.enterpriseKey)).toEqual(['ent-024']);
  });

  it('counts the firms of a district even when its label point is far from them', () => {
    // Suixi's aluminium firms sit at the county seat, about 30 km from Suixi's label point.
    const r = rank(['al-materials'], { radiusKm: 5 });
    const suixi = byArea(r, 'suixi');
    const own = data.enterprises.filter((e) => e.area === 'suixi' && e.segments.includes('al-materials'));
    expect(own.length).toBeGreaterThan(3);
    expect(suixi.peers.filter((p) => p.area === 'suixi')).toHaveLength(own.length);
    // Their positions are stand-ins: no distance is given for any of them.
    expect(suixi.peers.every((p) => p.distanceKm === null && p.where === 'inArea')).toBe(true);
    expect(order(r)[0]).toBe('suixi');
  });

  it('lists the special-vehicle makers with no known site as unplaced', () => {
    const r = rank(['special-vehicle']);
    expect(order(r)[0]).toBe('duji');
    const lost = data.enterprises.filter(
      (e) => e.segments.includes('special-vehicle') && e.precision === 'unknown',
    );
    expect(r.unplaced.map((u) => u.enterpriseKey)).toEqual(lost.map((e) => e.key));
  });
});
