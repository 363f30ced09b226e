import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { validateSupply } from '../../src/data/supply';
import { relatedSegments } from '../../src/domain/match';
import { readPublic } from '../fixtures/load';
import { bundledMatch } from '../fixtures/match';

const IDS = new Set(['al-materials', 'battery-box', 'power-battery', 'separator']);
const rel = (from: string, to: string, source = 'engineering') => ({
  from,
  to,
  reason: { zh: '供应', en: 'supplies' },
  source,
});
const file = (relations: unknown[]) => ({
  version: 1,
  sources: { engineering: { title: 'standard' } },
  relations,
});

describe('validateSupply', () => {
  it('reads good relations with their sources', () => {
    const r = validateSupply(file([rel('al-materials', 'battery-box')]), 'supply.json', IDS);
    expect(r.issues).toEqual([]);
    expect(r.value.relations).toEqual([rel('al-materials', 'battery-box')]);
    expect(r.value.sources.engineering?.title).toBe('standard');
  });

  it('reports a relation naming an unknown segment or source, a loop or a repeat, with its item, and keeps the rest', () => {
    const r = validateSupply(
      file([
        rel('al-materials', 'battery-box'),
        rel('al-materials', 'warp-drive'),
        rel('separator', 'separator'),
        rel('al-materials', 'battery-box'),
        rel('separator', 'power-battery', 'rumour'),
        { from: 'separator' },
        rel('separator', 'power-battery'),
      ]),
      'supply.json',
      IDS,
    );
    expect(r.value.relations.map((x) => `${x.from}>${x.to}`)).toEqual([
      'al-materials>battery-box',
      'separator>power-battery',
    ]);
    expect(r.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [1, 'to', 'ref.unknownSegment'],
      [2, 'to', 'supply.self'],
      [3, 'to', 'supply.repeated'],
      [4, 'source', 'supply.unknownSource'],
      [5, 'to', 'json.missing'],
      [5, 'reason', 'json.missing'],
      [5, 'source', 'json.missing'],
    ]);
    for (const i of r.issues) expect(i.file).toBe('supply.json');
  });

  it('answers a file that is not an object with one issue and no relations', () => {
    const r = validateSupply([], 'supply.json', IDS);
    expect(r.value.relations).toEqual([]);
    expect(r.issues).toHaveLength(1);
  });
});

describe('the bundled supply table', async () => {
  const data = await loadBundled(readPublic);
  const ids = (list: { id: string }[]) => list.map((s) => s.id);
  const related = (segment: string) => relatedSegments(data.chain, [segment], data.supply.relations);

  it('loads without issues', () => {
    expect(data.issues).toEqual([]);
    expect(data.supply.relations.length).toBeGreaterThan(40);
  });

  it('follows how the chains work', () => {
    expect(ids(related('battery-box').suppliers)).toContain('al-materials');
    expect(ids(related('battery-box').suppliers)).not.toContain('separator');
    for (const m of ['cathode', 'anode', 'separator', 'electrolyte', 'al-foil'])
      expect(ids(related(m).customers)).toContain('power-battery');
    expect(ids(related('separator').customers)).not.toContain('battery-box');
    expect(ids(related('h2-byproduct').suppliers)).toContain('h2-feedstock');
    expect(ids(related('battery-recycling').suppliers)).toContain('power-battery');
    expect(ids(related('battery-recycling').customers)).toContain('cathode');
  });
});

/**
 * The ranking for every segment: the first area (or the tied first areas). Reviewed by hand, one
 * line of reason each in the note of issue 11; a change to the data or the weights that moves one
 * of these must be looked at again.
 */
const FIRST: Record<string, string> = {
  cathode: 'linhuan',
  anode: '=lieshan,hitech,suixi,xiangshan,duji,linhuan',
  separator: '=lieshan,hitech,suixi,xiangshan,duji,linhuan',
  electrolyte: 'linhuan',
  'al-foil': 'suixi',
  'next-gen-battery': '=linhuan,suixi',
  'power-battery': 'hitech',
  'battery-components': 'suixi',
  'battery-box': 'hitech',
  'h2-feedstock': 'linhuan',
  'h2-electrolysis': '=suixi,xiangshan,lieshan,duji,hitech,linhuan',
  'h2-byproduct': 'linhuan',
  'h2-purification': '=linhuan,suixi,xiangshan,lieshan,duji,hitech',
  'h2-storage': 'duji',
  'h2-transport': '=suixi,xiangshan,lieshan,duji,hitech,linhuan',
  'fuel-cell': '=suixi,linhuan',
  'h2-refuelling': 'duji',
  'al-materials': 'suixi',
  'ceramic-al-material': 'hitech',
  'ceramic-al-parts': 'hitech',
  'nev-body': 'suixi',
  'al-auto-parts': 'suixi',
  'al-wheel': 'lieshan',
  'charger-housing': 'suixi',
  'charging-equipment': '=suixi,xiangshan,lieshan,duji,hitech,linhuan',
  'charging-network': '=lieshan,duji,hitech',
  'oled-panel': 'xiangshan',
  'oled-lamp': 'xiangshan',
  'auto-glass': 'xiangshan',
  'vehicle-electronics': 'xiangshan',
  'special-vehicle-parts': 'duji',
  'special-vehicle': 'duji',
  'smart-vehicles': '=suixi,xiangshan,duji',
  'auto-parts': 'duji',
  'auto-trade': 'xiangshan',
  'used-cars': '=lieshan,duji',
  'parts-distribution': '=xiangshan,suixi,duji',
  maintenance: '=suixi,lieshan,hitech',
  'aftermarket-services': 'lieshan',
  'battery-recycling': 'suixi',
  'vehicle-dismantling': 'suixi',
  'production-equipment': '=suixi,xiangshan,lieshan,duji,hitech,linhuan',
  'test-equipment': '=suixi,lieshan,hitech',
};

describe('the ranking table', async () => {
  const data = await loadBundled(readPublic);
  const { rank } = bundledMatch(data);

  it('covers every segment of the chain', () => {
    expect(Object.keys(FIRST).sort()).toEqual(data.chain.segments.map((s) => s.id).sort());
  });

  it.each(Object.entries(FIRST))('ranks %s first in %s', (segment, expected) => {
    const r = rank([segment]);
    const top = r.areas.filter((a) => a.rank === 1);
    const got = top.length > 1 ? `=${top.map((a) => a.area).join(',')}` : (top[0]?.area ?? '');
    expect(got).toBe(expected);
  });

  it('puts an area the plan assigns the segment to first whenever there is one', () => {
    for (const s of data.chain.segments) {
      if (s.areas.length === 0) continue;
      const first = rank([s.id]).areas[0];
      expect(s.areas, s.id).toContain(first?.area);
    }
  });
});
