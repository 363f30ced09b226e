import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId, ChainModel, Enterprise } from '../../src/data/types';
import { analyseChain } from '../../src/domain/chain-analysis';
import {
  filterDiscrepancies,
  filterTargets,
  isTargetFilterSet,
  targetChains,
  toggleTargetFilter,
} from '../../src/domain/targets';
import { targetFilterText, targetLines } from '../../src/export/target-list';
import { targetsCsv, targetsFileName } from '../../src/export/targets-csv';
import { NO_TARGET_FILTER, type TargetFilter } from '../../src/model';
import { readPublic } from '../fixtures/load';
import { enterprise, segment } from '../fixtures/records';

const MODEL: ChainModel = {
  chains: [
    { id: 'battery', name: { zh: '电池', en: 'Batteries' } },
    { id: 'hydrogen', name: { zh: '氢能', en: 'Hydrogen' } },
    { id: 'lightweight', name: { zh: '轻量化', en: 'Lightweighting' } },
    { id: 'charging', name: { zh: '充换电', en: 'Charging' } },
  ],
  segments: [
    segment('cell', 'battery', 'midstream', ['hitech', 'lieshan']),
    segment('box', 'battery', 'midstream', ['hitech']),
    segment('separator', 'battery', 'upstream', []),
    segment('fuel-cell', 'hydrogen', 'midstream', ['suixi', 'linhuan']),
    segment('h2', 'hydrogen', 'upstream', ['linhuan']),
    segment('wheel', 'lightweight', 'midstream', ['lieshan'], {
      name: { zh: '铝合金轮毂', en: 'Alloy wheels' },
      plan: { zh: '=HYPERLINK("x") 发展轮毂', en: '+wheels, "alloy"' },
    }),
    segment('al', 'lightweight', 'upstream', ['suixi']),
    segment('pile', 'charging', 'downstream', ['suixi']),
  ],
  statusRules: { strongMin: 3, weakMin: 1, note: { zh: '≥3 家为强链', en: '3 or more: strong' } },
};

const AREAS = {
  source: { zh: '', en: '' },
  areas: (['suixi', 'xiangshan', 'lieshan', 'duji', 'hitech', 'linhuan'] as AreaId[]).map((id) => ({
    id,
    name: { zh: `${id}区`, en: `${id[0]?.toUpperCase()}${id.slice(1)}` },
  })),
} as unknown as Parameters<typeof targetLines>[1]['areas'];

const DATA = { chain: MODEL, areas: AREAS };

const FIRMS: Enterprise[] = [
  enterprise({ id: 'e1', area: 'hitech', segments: ['box'] }),
  enterprise({ id: 'e2', area: 'duji', segments: ['wheel'] }),
  ...['e3', 'e4', 'e5'].map((id) => enterprise({ id, area: 'suixi', segments: ['al', 'pile'] })),
];

const analysis = analyseChain(MODEL, FIRMS);
const filter = (over: Partial<TargetFilter>): TargetFilter => ({ ...NO_TARGET_FILTER, ...over });
const ids = (list: readonly { segment: { id: string } }[]) => list.map((t) => t.segment.id);

describe('filterTargets', () => {
  it('keeps the whole list, in its order, when nothing is chosen', () => {
    // Missing first (those the plan places before the rest), then weak.
    expect(ids(analysis.targets)).toEqual(['cell', 'fuel-cell', 'h2', 'separator', 'box', 'wheel']);
    expect(filterTargets(analysis.targets, NO_TARGET_FILTER)).toEqual(analysis.targets);
  });

  it('keeps the segments of the chosen chains', () => {
    expect(ids(filterTargets(analysis.targets, filter({ chains: ['battery'] })))).toEqual([
      'cell',
      'separator',
      'box',
    ]);
    expect(ids(filterTargets(analysis.targets, filter({ chains: ['hydrogen', 'lightweight'] })))).toEqual([
      'fuel-cell',
      'h2',
      'wheel',
    ]);
  });

  it('keeps the segments the plan places in any chosen area, and none the plan places nowhere', () => {
    expect(ids(filterTargets(analysis.targets, filter({ areas: ['hitech'] })))).toEqual(['cell', 'box']);
    expect(ids(filterTargets(analysis.targets, filter({ areas: ['linhuan', 'lieshan'] })))).toEqual([
      'cell',
      'fuel-cell',
      'h2',
      'wheel',
    ]);
    expect(ids(filterTargets(analysis.targets, filter({ areas: ['xiangshan'] })))).toEqual([]);
  });

  it('wants both the chain and the area when both are chosen', () => {
    expect(ids(filterTargets(analysis.targets, filter({ chains: ['battery'], areas: ['lieshan'] })))).toEqual(
      ['cell'],
    );
    expect(ids(filterTargets(analysis.targets, filter({ chains: ['charging'], areas: ['suixi'] })))).toEqual(
      [],
    );
  });
});

describe('filterDiscrepancies', () => {
  // The wheel maker is in Duji, the plan puts wheels in Lieshan.
  it('keeps a discrepancy of a chosen chain, by where the firm is or where the plan wants it', () => {
    expect(analysis.discrepancies.map((d) => d.enterpriseKey)).toEqual(['e2']);
    for (const f of [
      NO_TARGET_FILTER,
      filter({ chains: ['lightweight'] }),
      filter({ areas: ['duji'] }),
      filter({ areas: ['lieshan'] }),
    ])
      expect(filterDiscrepancies(MODEL, analysis.discrepancies, f)).toHaveLength(1);
    for (const f of [filter({ chains: ['battery'] }), filter({ areas: ['hitech'] })])
      expect(filterDiscrepancies(MODEL, analysis.discrepancies, f)).toEqual([]);
  });
});

describe('the filter itself', () => {
  it('toggles a value on and off, keeping the other values in order', () => {
    let f = NO_TARGET_FILTER;
    for (const c of ['battery', 'hydrogen', 'charging']) f = toggleTargetFilter(f, 'chains', c);
    f = toggleTargetFilter(f, 'areas', 'hitech');
    expect(f).toEqual({ chains: ['battery', 'hydrogen', 'charging'], areas: ['hitech'] });
    expect(isTargetFilterSet(f)).toBe(true);
    f = toggleTargetFilter(f, 'chains', 'hydrogen');
    expect(f.chains).toEqual(['battery', 'charging']);
    f = toggleTargetFilter(toggleTargetFilter(f, 'chains', 'battery'), 'chains', 'charging');
    f = toggleTargetFilter(f, 'areas', 'hitech');
    expect(f).toEqual(NO_TARGET_FILTER);
    expect(isTargetFilterSet(f)).toBe(false);
    // The input is never changed.
    expect(NO_TARGET_FILTER).toEqual({ chains: [], areas: [] });
  });

  it('offers the chains that have targets, in model order, and any chain already chosen', () => {
    expect(targetChains(MODEL, analysis.targets, NO_TARGET_FILTER)).toEqual([
      'battery',
      'hydrogen',
      'lightweight',
    ]);
    expect(targetChains(MODEL, analysis.targets, filter({ chains: ['charging'] }))).toEqual([
      'battery',
      'hydrogen',
      'lightweight',
      'charging',
    ]);
  });

  it('says what it keeps in words, with no "and" between values either of which passes', () => {
    expect(targetFilterText(NO_TARGET_FILTER, DATA, 'zh')).toBe('全部缺链、弱链环节');
    expect(targetFilterText(filter({ chains: ['battery', 'hydrogen'], areas: ['hitech'] }), DATA, 'zh')).toBe(
      '产业链：电池、氢能；规划落位区域：hitech区',
    );
    // In the data's order, as the chips are, not in the order they were tapped.
    expect(targetFilterText(filter({ chains: ['hydrogen', 'battery'] }), DATA, 'zh')).toBe(
      '产业链：电池、氢能',
    );
    expect(targetFilterText(filter({ areas: ['hitech', 'suixi'] }), DATA, 'en')).toBe(
      'Area the plan assigns: Suixi, Hitech',
    );
  });
});

/** The cells of an exported CSV, as Excel splits them (the BOM removed first). */
function cells(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.endsWith('\r\n')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('the target list as CSV', () => {
  const shown = filterTargets(analysis.targets, filter({ chains: ['battery', 'lightweight'] }));

  it('has one row per listed segment, headed in Chinese, with names, counts, areas, section and quote', () => {
    const rows = cells(targetsCsv(shown, DATA, 'zh'));
    expect(rows[0]).toEqual([
      '环节',
      '产业链',
      '上中下游',
      '状态',
      '本地企业数',
      '规划落位',
      '规划条款',
      '规划原文',
    ]);
    expect(rows.slice(1)).toEqual([
      ['cell', '电池', '中游', '缺链', '0', 'hitech区、lieshan区', '§三.4', '发展cell'],
      ['separator', '电池', '上游', '缺链', '0', '规划未指定区域', '§三.5', '发展separator'],
      ['box', '电池', '中游', '弱链', '1', 'hitech区', '§三.4', '发展box'],
      // A quote that starts like a formula is neutralised, as in every export.
      ['铝合金轮毂', '轻量化', '中游', '弱链', '1', 'lieshan区', '§三.4', `'=HYPERLINK("x") 发展轮毂`],
    ]);
  });

  it('is headed and written in English when the app is', () => {
    const rows = cells(targetsCsv(shown, DATA, 'en'));
    expect(rows[0]).toEqual([
      'Segment',
      'Chain',
      'Stage',
      'Status',
      'Local firms',
      'Areas in the plan',
      'Plan section',
      "The plan's wording",
    ]);
    expect(rows[1]).toEqual([
      'cell',
      'Batteries',
      'Midstream',
      'Missing',
      '0',
      'Hitech and Lieshan',
      '§III.4',
      'develop cell',
    ]);
    expect(rows[4]).toEqual([
      'Alloy wheels',
      'Lightweighting',
      'Midstream',
      'Weak',
      '1',
      'Lieshan',
      '§III.4',
      `'+wheels, "alloy"`,
    ]);
  });

  it('writes the firm count as a number, and only the header for an empty list', () => {
    expect(targetLines(shown, DATA, 'zh').map((l) => l.firms)).toEqual([0, 0, 1, 1]);
    expect(cells(targetsCsv([], DATA, 'zh'))).toHaveLength(1);
    expect(targetsFileName('2026-12-01')).toBe('huaibei-targets-2026-12-01.csv');
  });
});

describe('the bundled target list', async () => {
  const data = await loadBundled(readPublic);
  const all = analyseChain(data.chain, data.enterprises).targets;

  it('filtered to hydrogen in Linhuan: the by-product hydrogen and the fuel cells', () => {
    const shown = filterTargets(all, filter({ chains: ['hydrogen'], areas: ['linhuan'] }));
    expect(ids(shown)).toEqual(['h2-byproduct', 'fuel-cell']);
    const rows = cells(targetsCsv(shown, data, 'zh'));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6]])).toEqual([
      ['焦炉气副产制氢', '氢能与燃料电池', '缺链', '0', '临涣化工园区', '§三.4'],
      ['氢燃料电池', '氢能与燃料电池', '缺链', '0', '濉溪县、临涣化工园区', '§三.4'],
    ]);
  });
});
