import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { Confidence, Precision } from '../../src/data/types';
import { matchesFilters } from '../../src/domain/enterprise-filters';
import {
  DOT_CHANNELS,
  dotKey,
  dotsShown,
  enterpriseDots,
  filterCategories,
} from '../../src/layers/enterprise-points';
import { CHAIN_COLOURS } from '../../src/layers/palette';
import { selectPlacements } from '../../src/state/selectors';
import { type EnterpriseFilters, NO_FILTERS } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';

/** The filter rule, written plainly: a dot is drawn if every channel allows its value. */
const passes = (cat: readonly number[], allowed: number[][]) =>
  cat.every((v, i) => (allowed[i] ?? []).includes(v));

describe('enterprise dots and their GPU filter', async () => {
  const data = await loadBundled(readPublic);
  const dots = enterpriseDots(data.chain, data.enterprises, selectPlacements(data));
  // The columns read back as one object per dot, for the assertions.
  const points = Array.from({ length: dots.length }, (_, i) => ({
    key: dotKey(dots, i),
    cat: [...dots.cat.subarray(DOT_CHANNELS * i, DOT_CHANNELS * (i + 1))],
  }));
  const f = (over: Partial<EnterpriseFilters>): EnterpriseFilters => ({ ...NO_FILTERS, ...over });

  it('draws one dot per firm and segment, none for firms with no position', () => {
    const onMap = data.enterprises.filter((_, i) => selectPlacements(data)[i]?.position);
    const expected = onMap.reduce((n, e) => n + Math.max(1, e.segments.length), 0);
    expect(dots.length).toBe(expected);
    expect(points).toHaveLength(expected);
    expect(new Set(points.map((p) => p.key)).size).toBe(onMap.length);
    // Each dot at its firm's placement.
    for (let i = 0; i < dots.length; i += 1) {
      const p = selectPlacements(data)[dots.firm[i] as number];
      expect([dots.position[2 * i], dots.position[2 * i + 1]]).toEqual(p?.position);
      expect(dots.approximate[i]).toBe(p?.approximate ? 1 : 0);
    }
  });

  it('uses at most 32 values per channel (one byte each, and the maplibre filter lists stay short)', () => {
    for (let c = 0; c < 4; c++) expect(new Set(points.map((p) => p.cat[c])).size).toBeLessThanOrEqual(32);
    for (const cats of filterCategories(data.chain, NO_FILTERS)) expect(cats.length).toBeLessThanOrEqual(32);
  });

  const table: [string, EnterpriseFilters][] = [
    ['no filter', NO_FILTERS],
    ['one segment', f({ segment: 'al-materials' })],
    ['a segment of another chain than the chosen one', f({ segment: 'al-materials', chains: ['battery'] })],
    ['two chains', f({ chains: ['battery', 'lightweight'] })],
    ['one area', f({ areas: ['duji'] })],
    [
      'precision and confidence',
      f({ precision: ['district'] as Precision[], confidence: ['high', 'low'] as Confidence[] }),
    ],
    ['everything at once', f({ chains: ['lightweight'], areas: ['suixi', 'duji'], confidence: ['medium'] })],
  ];

  it.each(table)('shows on the map exactly the firms the lists count: %s', (_label, filters) => {
    const allowed = filterCategories(data.chain, filters);
    const drawn = new Set(points.filter((p) => passes(p.cat, allowed)).map((p) => p.key));
    // The mask the GPU's range filter reads says the same as the categories, dot by dot.
    const shown = dotsShown(dots, allowed);
    expect([...shown]).toEqual(points.map((p) => (passes(p.cat, allowed) ? 1 : 0)));
    const listed = new Set(
      data.enterprises
        .filter((e, i) => selectPlacements(data)[i]?.position && matchesFilters(data.chain, e, filters))
        .map((e) => e.key),
    );
    expect([...drawn].sort()).toEqual([...listed].sort());
  });

  it('colours every chain of the model, and greys only unclassified firms', () => {
    for (const c of data.chain.chains) expect(CHAIN_COLOURS[c.id], c.id).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(Object.values(CHAIN_COLOURS)).size).toBe(Object.keys(CHAIN_COLOURS).length);
  });
});
