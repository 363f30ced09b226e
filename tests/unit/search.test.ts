import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/data/types';
import { search } from '../../src/domain/search';
import { enterprise, segment } from '../fixtures/records';

const AREAS = [
  { id: 'suixi', name: { zh: '濉溪县', en: 'Suixi County' } },
  { id: 'hitech', name: { zh: '市高新区', en: 'High-tech Zone' } },
] as Area[];

const SEGMENTS = [
  segment('separator', 'battery', 'upstream', [], {
    name: { zh: '隔膜', en: 'Separators' },
    keywords: { zh: ['锂电隔膜'], en: ['lithium', 'membrane'] },
  }),
  segment('battery-box', 'battery', 'midstream', ['hitech'], {
    name: { zh: '动力电池箱体', en: 'Battery boxes' },
    keywords: { zh: ['电池箱体', '电池托盘'], en: ['battery tray'] },
  }),
  segment('al-materials', 'lightweight', 'upstream', ['suixi'], {
    name: { zh: '铝基金属材料', en: 'Aluminium-based materials' },
    keywords: { zh: ['铝'], en: ['aluminium'] },
  }),
];

const FIRMS = [
  enterprise({ id: 'e-name', name: { zh: '甲隔膜有限公司', en: 'Jia Separator Co.' } }),
  enterprise({
    id: 'e-product',
    name: { zh: '乙公司', en: 'Yi Co.' },
    productLine: { zh: '锂电池隔膜', en: 'Lithium-battery separators' },
  }),
  enterprise({ id: 'e-segment', name: { zh: '丙公司', en: 'Bing Co.' }, segments: ['separator'] }),
  enterprise({ id: 'e-box', name: { zh: '丁公司', en: 'Ding Co.' }, segments: ['battery-box'] }),
  enterprise({ id: 'e-al', name: { zh: '戊铝业', en: 'Wu Aluminium' }, segments: ['al-materials'] }),
];

const DATA = { areas: AREAS, segments: SEGMENTS, enterprises: FIRMS };
const firms = (q: string) =>
  search(q, DATA).hits.flatMap((h) => (h.kind === 'enterprise' ? [[h.id, h.field, h.segment ?? null]] : []));

describe('search', () => {
  it.each(['隔膜', 'separator', 'SEPARATOR', 'ｓｅｐａｒａｔｏｒ'])(
    'finds the separator makers for %j, each with why',
    (q) => {
      expect(firms(q)).toEqual([
        ['e-name', 'name', null],
        ['e-product', 'product', null],
        ['e-segment', 'segment', 'separator'],
      ]);
    },
  );

  it('finds a segment by name and by a related word, before the firms', () => {
    expect(search('电池箱体', DATA).hits[0]).toEqual({ kind: 'segment', id: 'battery-box', field: 'name' });
    expect(firms('电池箱体')).toEqual([['e-box', 'segment', 'battery-box']]);
    expect(search('电池托盘', DATA).hits[0]).toEqual({
      kind: 'segment',
      id: 'battery-box',
      field: 'keyword',
    });
    expect(firms('电池托盘')).toEqual([['e-box', 'keyword', 'battery-box']]);
    expect(search('Battery boxes', DATA).hits[0]).toEqual({
      kind: 'segment',
      id: 'battery-box',
      field: 'name',
    });
  });

  it('finds firms by a related word of their segment: lithium, 铝', () => {
    expect(firms('lithium').map(([id]) => id)).toEqual(['e-product', 'e-segment']);
    expect(firms('铝').map(([id]) => id)).toEqual(['e-al']);
  });

  it('finds areas by name in either language', () => {
    expect(search('高新', DATA).hits).toEqual([{ kind: 'area', id: 'hitech', field: 'name' }]);
    expect(search('suixi', DATA).hits[0]).toEqual({ kind: 'area', id: 'suixi', field: 'name' });
  });

  it('needs every word: "battery tray" finds the box segment, "battery rocket" nothing', () => {
    expect(search('battery tray', DATA).hits.map((h) => h.kind)).toEqual(['segment', 'enterprise']);
    expect(search('battery rocket', DATA).hits).toEqual([]);
  });

  it('answers markup, blanks and 10,000 characters with nothing, without throwing', () => {
    expect(search('<img src=x onerror=alert(1)>', DATA).hits).toEqual([]);
    expect(search('   ', DATA).hits).toEqual([]);
    expect(search('隔'.repeat(10_000), DATA).hits).toEqual([]);
  });

  it('cuts the firms to the limit and says how many matched', () => {
    const r = search('公司', DATA, 2);
    expect(r.hits).toHaveLength(2);
    expect(r.firmCount).toBe(4);
  });

  it('matches names across width and case: ＪＩＡ finds Jia', () => {
    expect(firms('ＪＩＡ')).toEqual([['e-name', 'name', null]]);
  });
});
