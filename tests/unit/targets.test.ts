import { describe, expect, it } from 'vitest';
import type { ChainModel, Enterprise } from '../../src/data/types';
import { analyseChain } from '../../src/domain/chain-analysis';
import {
  filterDiscrepancies,
  filterTargets,
  isTargetFilterSet,
  targetChains,
  toggleTargetFilter,
} from '../../src/domain/targets';
import { NO_TARGET_FILTER, type TargetFilter } from '../../src/model';
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
});
