import { describe, expect, it } from 'vitest';
import { AREA_IDS, validateAreas } from '../../src/data/areas';
import { validateChainModel } from '../../src/data/chain';
import { issueReason } from '../../src/i18n/t';
import { publicJson, readPublic } from '../fixtures/load';

async function bundled() {
  const chain = validateChainModel(await publicJson('data/chain.json'), 'data/chain.json');
  const areas = validateAreas(await publicJson('data/areas.json'), 'data/areas.json');
  const plan = (await readPublic('data/plan.txt')).replace(/\s+/g, '');
  return { chain, areas, plan };
}

describe('the bundled plan areas', () => {
  it('has the six areas of the plan, each with a role and the plan section', async () => {
    const { areas } = await bundled();
    expect(areas.issues).toEqual([]);
    expect(areas.value.areas.map((a) => a.id).sort()).toEqual([...AREA_IDS].sort());
    for (const a of areas.value.areas) {
      expect(a.role.zh).not.toBe('');
      expect(a.planSection).toBe('§三.4');
    }
  });

  it('quotes the plan verbatim for each area', async () => {
    const { areas, plan } = await bundled();
    expect(plan.length).toBeGreaterThan(1000);
    for (const a of areas.value.areas) expect(plan).toContain(a.specialisation.zh.replace(/\s+/g, ''));
  });
});

describe('the bundled chain model', () => {
  it('validates with no issues, with rules that leave room for a weak status', async () => {
    const { chain } = await bundled();
    expect(chain.issues).toEqual([]);
    expect(chain.value.segments.length).toBeGreaterThan(30);
    const { strongMin, weakMin } = chain.value.statusRules;
    expect(weakMin).toBeGreaterThanOrEqual(1);
    expect(strongMin).toBeGreaterThan(weakMin);
  });

  it.each<[string, string[], 'equal' | 'include']>([
    ['battery-box', ['hitech'], 'equal'],
    ['electrolyte', ['linhuan'], 'include'],
    ['h2-byproduct', ['linhuan'], 'include'],
    ['fuel-cell', ['suixi', 'linhuan'], 'equal'],
    ['power-battery', ['lieshan', 'hitech'], 'equal'],
    ['special-vehicle', ['duji'], 'equal'],
  ])('assigns %s to the areas the plan names (%j)', async (id, areas, how) => {
    const { chain } = await bundled();
    const seg = chain.value.segments.find((s) => s.id === id);
    expect(seg).toBeDefined();
    if (how === 'equal') expect(seg?.areas).toEqual(areas);
    else expect(seg?.areas).toEqual(expect.arrayContaining(areas));
  });

  it('gives every area at least one segment of its own', async () => {
    const { chain } = await bundled();
    for (const id of AREA_IDS) {
      expect(
        chain.value.segments.filter((s) => s.areas.includes(id)).map((s) => s.id),
        id,
      ).not.toEqual([]);
    }
  });

  it('quotes the plan verbatim for each segment', async () => {
    const { chain, plan } = await bundled();
    for (const s of chain.value.segments) {
      expect(plan, `${s.id} (${s.planSection})`).toContain(s.plan.zh.replace(/\s+/g, ''));
    }
  });
});

describe('validateAreas on bad input', () => {
  const good = {
    id: 'duji',
    kind: 'district',
    adcode: '340602',
    name: { zh: '杜集区', en: 'Duji' },
    role: { zh: '专用车', en: 'Special vehicles' },
    specialisation: { zh: '文本', en: 'text' },
    planSection: '§三.4',
  };
  const park = {
    ...good,
    id: 'linhuan',
    kind: 'park',
    adcode: undefined,
    footprints: [
      {
        id: 'p',
        name: { zh: '园', en: 'Park' },
        center: [116.6, 33.67],
        areaKm2: 7,
        areaBasis: { zh: '甲', en: 'a' },
        locationBasis: { zh: '乙', en: 'b' },
        source: 'http://example.org',
      },
    ],
  };

  it.each([
    ['an unknown area id', { ...good, id: 'mars' }, 'id'],
    ['a missing English name', { ...good, name: { zh: '杜集区' } }, 'name'],
    ['a missing role', { ...good, role: undefined }, 'role'],
    ['an unknown kind', { ...good, kind: 'zone' }, 'kind'],
    ['a district with no adcode', { ...good, adcode: undefined }, 'adcode'],
    [
      'a park centred outside Huaibei',
      { ...park, footprints: [{ ...park.footprints[0], center: [0, 0] }] },
      'center',
    ],
    [
      'a park with a negative area',
      { ...park, footprints: [{ ...park.footprints[0], areaKm2: -3 }] },
      'areaKm2',
    ],
  ])('reports %s with its row and field', (_label, entry, field) => {
    const r = validateAreas({ source: { zh: 's', en: 's' }, areas: [entry] }, 'areas.json');
    const own = r.issues.filter((i) => i.row === 0);
    expect(own.map((i) => i.field)).toContain(field);
    expect(r.value.areas).toEqual([]);
  });

  it('reports a duplicate id and every missing area', () => {
    const r = validateAreas({ source: { zh: 's', en: 's' }, areas: [good, good] }, 'areas.json');
    expect(r.issues.find((i) => i.row === 1)?.field).toBe('id');
    expect(r.issues.filter((i) => i.field === 'areas' && i.row === undefined)).toHaveLength(5);
    expect(r.value.areas).toHaveLength(1);
  });

  it('keeps a valid park', () => {
    const r = validateAreas({ source: { zh: 's', en: 's' }, areas: [park] }, 'areas.json');
    expect(r.value.areas[0]?.footprints).toHaveLength(1);
    expect(r.issues.filter((i) => i.row !== undefined)).toEqual([]);
  });
});

describe('validateChainModel on bad input', () => {
  const RULES = { strongMin: 3, weakMin: 1, note: { zh: '规则', en: 'rules' } };
  const battery = { id: 'battery', name: { zh: '电池', en: 'Battery' } };
  const seg = (over: Record<string, unknown> = {}) => ({
    id: 'cell',
    chain: 'battery',
    stage: 'midstream',
    name: { zh: '电芯', en: 'Cells' },
    areas: ['hitech'],
    planSection: '§三.4',
    plan: { zh: '动力电池', en: 'power batteries' },
    ...over,
  });
  const model = (over: Record<string, unknown> = {}) => ({
    statusRules: RULES,
    chains: [battery],
    segments: [seg()],
    ...over,
  });

  it('accepts the fixture model as it is', () => {
    const r = validateChainModel(model(), 'chain.json');
    expect(r.issues).toEqual([]);
    expect(r.value.statusRules).toEqual(RULES);
    expect(r.value.segments).toEqual([{ ...seg(), keywords: { zh: [], en: [] } }]);
  });

  it.each<[string, Record<string, unknown>, [number | undefined, string][], string[]]>([
    [
      'status rules with weakMin equal to strongMin',
      { statusRules: { ...RULES, strongMin: 2, weakMin: 2 } },
      [[undefined, 'statusRules']],
      ['cell'],
    ],
    [
      'status rules with weakMin above strongMin',
      { statusRules: { ...RULES, strongMin: 1, weakMin: 3 } },
      [[undefined, 'statusRules']],
      ['cell'],
    ],
    ['missing status rules', { statusRules: undefined }, [[undefined, 'statusRules']], ['cell']],
    [
      'an unknown area in a segment',
      { segments: [seg(), seg({ id: 'box', areas: ['hitech', 'mars'] })] },
      [[1, 'areas']],
      ['cell', 'box'],
    ],
    [
      'a segment of an unknown chain',
      { segments: [seg({ chain: 'rocket' }), seg({ id: 'box' })] },
      [[0, 'chain']],
      ['box'],
    ],
    [
      'an unknown stage',
      { segments: [seg(), seg({ id: 'box', stage: 'sideways' })] },
      [[1, 'stage']],
      ['cell'],
    ],
    [
      'a duplicate segment id',
      { segments: [seg(), seg({ name: { zh: '乙', en: 'B' } })] },
      [[1, 'id']],
      ['cell'],
    ],
    ['a duplicate chain id', { chains: [battery, battery] }, [[1, 'id']], ['cell']],
    [
      'a segment without the plan text in English',
      { segments: [seg(), seg({ id: 'box', plan: { zh: '电池箱体' } })] },
      [[1, 'plan']],
      ['cell'],
    ],
  ])('reports %s with its row and field', (_label, over, issues, kept) => {
    const r = validateChainModel(model(over), 'chain.json');
    expect(r.issues.map((i) => [i.row, i.field])).toEqual(issues);
    expect(r.issues.every((i) => i.file === 'chain.json' && issueReason('en', i) !== '')).toBe(true);
    expect(r.value.segments.map((s) => s.id)).toEqual(kept);
  });

  it('falls back to the default rules when the given ones are unusable', () => {
    const r = validateChainModel(
      model({ statusRules: { ...RULES, strongMin: 2, weakMin: 2 } }),
      'chain.json',
    );
    expect(r.value.statusRules.weakMin).toBeGreaterThanOrEqual(1);
    expect(r.value.statusRules.strongMin).toBeGreaterThan(r.value.statusRules.weakMin);
  });

  it('keeps a segment with an unknown area, without that area', () => {
    const r = validateChainModel(model({ segments: [seg({ areas: ['mars', 'suixi'] })] }), 'chain.json');
    expect(r.value.segments[0]?.areas).toEqual(['suixi']);
  });
});
