import { describe, expect, it } from 'vitest';
import { AREA_IDS, validateAreas } from '../../src/data/areas';
import { validateChainModel } from '../../src/data/chain';
import { publicJson, readPublic } from '../fixtures/load';

async function bundled() {
  const chain = validateChainModel(await publicJson('data/chain.json'), 'data/chain.json');
  const segIds = new Set(chain.value.segments.map((s) => s.id));
  return {
    chain,
    segIds,
    areasJson: (await publicJson('data/areas.json')) as { areas: Record<string, unknown>[] },
  };
}

describe('the bundled plan areas', () => {
  it('has the six areas of the plan, each with a role, the plan text and known segments', async () => {
    const { chain, segIds, areasJson } = await bundled();
    expect(chain.issues).toEqual([]);
    const r = validateAreas(areasJson, 'data/areas.json', segIds);
    expect(r.issues).toEqual([]);
    expect(r.value.areas.map((a) => a.id).sort()).toEqual([...AREA_IDS].sort());
    for (const a of r.value.areas) {
      expect(a.segments.length).toBeGreaterThan(0);
      expect(a.planSection).toBe('§三.4');
    }
  });

  it('quotes the plan verbatim for each area', async () => {
    const plan = (await readPublic('data/plan.txt')).replace(/\s+/g, '');
    const { segIds, areasJson } = await bundled();
    const r = validateAreas(areasJson, 'data/areas.json', segIds);
    expect(plan.length).toBeGreaterThan(1000);
    for (const a of r.value.areas) expect(plan).toContain(a.specialisation.zh.replace(/\s+/g, ''));
  });

  it('assigns the segments the plan names: battery boxes to the High-tech Zone, electrolyte to Linhuan', async () => {
    const { segIds, areasJson } = await bundled();
    const areas = validateAreas(areasJson, 'data/areas.json', segIds).value.areas;
    const seg = (id: string) => areas.find((a) => a.id === id)?.segments;
    expect(seg('hitech')).toContain('battery-box');
    expect(seg('linhuan')).toEqual(expect.arrayContaining(['electrolyte', 'h2-byproduct', 'fuel-cell']));
    expect(seg('duji')).toContain('special-vehicle');
  });
});

describe('validateAreas on bad input', () => {
  const segIds = new Set(['power-battery']);
  const good = {
    id: 'duji',
    kind: 'district',
    adcode: '340602',
    name: { zh: '杜集区', en: 'Duji' },
    role: { zh: '专用车', en: 'Special vehicles' },
    specialisation: { zh: '文本', en: 'text' },
    segments: ['power-battery'],
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
    ['an unknown segment', { ...good, segments: ['power-battery', 'warp-drive'] }, 'segments'],
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
    const r = validateAreas({ source: { zh: 's', en: 's' }, areas: [entry] }, 'areas.json', segIds);
    const own = r.issues.filter((i) => i.row === 0);
    expect(own.map((i) => i.field)).toContain(field);
  });

  it('reports a duplicate id and every missing area', () => {
    const r = validateAreas({ source: { zh: 's', en: 's' }, areas: [good, good] }, 'areas.json', segIds);
    expect(r.issues.find((i) => i.row === 1)?.field).toBe('id');
    expect(r.issues.filter((i) => i.field === 'areas' && i.row === undefined)).toHaveLength(5);
    expect(r.value.areas).toHaveLength(1);
  });

  it('keeps a valid park', () => {
    const r = validateAreas({ source: { zh: 's', en: 's' }, areas: [park] }, 'areas.json', segIds);
    expect(r.value.areas[0]?.footprints).toHaveLength(1);
    expect(r.issues.filter((i) => i.row !== undefined)).toEqual([]);
  });
});

describe('validateChainModel', () => {
  it('reports a segment of an unknown chain and an unknown stage', () => {
    const r = validateChainModel(
      {
        chains: [{ id: 'battery', name: { zh: '电池', en: 'Battery' } }],
        segments: [
          { id: 'a', chain: 'rocket', stage: 'upstream', name: { zh: '甲', en: 'A' } },
          { id: 'b', chain: 'battery', stage: 'sideways', name: { zh: '乙', en: 'B' } },
          { id: 'c', chain: 'battery', stage: 'midstream', name: { zh: '丙', en: 'C' } },
        ],
      },
      'chain.json',
    );
    expect(r.issues.map((i) => [i.row, i.field])).toEqual([
      [0, 'chain'],
      [1, 'stage'],
    ]);
    expect(r.value.segments.map((s) => s.id)).toEqual(['c']);
  });
});
