import { describe, expect, it } from 'vitest';
import { AREA_IDS } from '../../src/data/areas';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId, ChainModel, Confidence, Enterprise, Precision, Segment } from '../../src/data/types';
import { analyseChain, type ChainAnalysis, statusOf } from '../../src/domain/chain-analysis';
import { matchesFilters } from '../../src/domain/enterprise-filters';
import type { EnterpriseFilters } from '../../src/model';
import { NO_FILTERS } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';

/**
 * analyseChain as one plain loop over the firms, the way it was first written: every list built
 * as it goes, Map lookups, objects per area. The fast path must give exactly this.
 */
function referenceAnalysis(model: ChainModel, enterprises: readonly Enterprise[]) {
  const index = new Map<string, number>();
  model.segments.forEach((s, i) => {
    index.set(s.id, i);
  });
  const zero = () => Object.fromEntries(AREA_IDS.map((a) => [a, 0])) as Record<AreaId, number>;
  const counts = model.segments.map(() => 0);
  const byArea = model.segments.map(zero);
  const keys: string[][] = model.segments.map(() => []);
  const unclassified: string[] = [];
  const discrepancies: ChainAnalysis['discrepancies'] = [];
  for (const e of enterprises) {
    let known = 0;
    for (const id of e.segments) {
      const i = index.get(id);
      if (i === undefined) continue;
      known += 1;
      counts[i] = (counts[i] ?? 0) + 1;
      keys[i]?.push(e.key);
      const seg = model.segments[i] as Segment;
      if (e.area) {
        (byArea[i] as Record<string, number>)[e.area] =
          ((byArea[i] as Record<string, number>)[e.area] as number) + 1;
        if (seg.areas.length > 0 && !seg.areas.includes(e.area)) {
          discrepancies.push({
            enterpriseKey: e.key,
            segment: seg.id,
            area: e.area,
            assignedAreas: seg.areas,
          });
        }
      }
    }
    if (known === 0) unclassified.push(e.key);
  }
  const segments = model.segments.map((segment, i) => ({
    segment,
    count: counts[i] ?? 0,
    status: statusOf(counts[i] ?? 0, model.statusRules),
    countByArea: byArea[i],
    enterpriseKeys: keys[i],
  }));
  return { segments, unclassified, discrepancies };
}

/** Seeded PRNG: the same firms on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRECISIONS: readonly Precision[] = ['exact', 'park', 'district', 'unknown'];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/** Firms like the bench's: no area for ~12 %, none to three segments, some unknown or repeated. */
function generate(model: ChainModel, n: number, seed: number): Enterprise[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const ids = model.segments.map((s) => s.id);
  const out: Enterprise[] = [];
  for (let i = 0; i < n; i++) {
    const area: AreaId | null = rand() < 0.12 ? null : pick(AREA_IDS);
    const roll = rand();
    const segments: string[] = [];
    if (roll >= 0.1) segments.push(pick(ids));
    if (roll >= 0.7) segments.push(pick(ids)); // sometimes the same one twice
    if (roll >= 0.97) segments.push('not-in-the-model');
    if (roll < 0.02) segments.push('warp-drive');
    const key = `G${i}`;
    out.push({
      id: i % 1000 === 7 ? 'G7' : key,
      key,
      line: i + 2,
      name: { zh: `企业${i}`, en: `Firm ${i}` },
      area,
      segments,
      segmentSource: segments.join('；'),
      products: '',
      productLine: { zh: '', en: '' },
      status: 'unknown',
      sourceDate: '',
      checked: '',
      nameNote: '',
      address: '',
      lngLat: null,
      precision: pick(PRECISIONS),
      locationBasis: '',
      confidence: pick(CONFIDENCES),
      confidenceNote: '',
      source: 'generated',
    });
  }
  return out;
}

describe('analyseChain against a plain loop on 100,000 generated firms', async () => {
  const data = await loadBundled(readPublic);
  const model = data.chain;
  const firms = generate(model, 100_000, 20240601);
  const fast = analyseChain(model, firms);
  const ref = referenceAnalysis(model, firms);

  it('gives the same counts, statuses, areas and keys for every segment', () => {
    expect(fast.segments.map((r) => ({ ...r }))).toEqual(ref.segments);
  });

  it('gives the same unclassified firms and discrepancies, in the same order', () => {
    expect(fast.unclassified).toEqual(ref.unclassified);
    expect(fast.discrepancies.length).toBeGreaterThan(1000);
    expect(fast.discrepancies).toEqual(ref.discrepancies);
    // Made once, then the same list on every read.
    expect(fast.discrepancies).toBe(fast.discrepancies);
    expect(fast.segments[0]?.enterpriseKeys).toBe(fast.segments[0]?.enterpriseKeys);
  });

  it('counts an area value outside the list as the plain loop does', () => {
    const odd = [
      ...firms.slice(0, 50),
      {
        ...(firms[0] as Enterprise),
        key: 'odd',
        area: 'xiaoxian' as AreaId,
        segments: [model.segments[0]?.id ?? ''],
      },
    ];
    const f = analyseChain(model, odd);
    const r = referenceAnalysis(model, odd);
    expect(f.segments.map((x) => ({ ...x }))).toEqual(r.segments);
    expect(f.discrepancies).toEqual(r.discrepancies);
  });
});

/** matchesFilters as first written: the model searched for every segment of every firm. */
function referenceMatches(model: ChainModel, e: Enterprise, f: EnterpriseFilters): boolean {
  if (f.areas.length && !(e.area && f.areas.includes(e.area))) return false;
  if (f.precision.length && !f.precision.includes(e.precision)) return false;
  if (f.confidence.length && !f.confidence.includes(e.confidence)) return false;
  const known = e.segments.filter((s) => model.segments.some((x) => x.id === s));
  const chainOf = (s: string) => model.segments.find((x) => x.id === s)?.chain;
  if (f.segment) {
    if (!known.includes(f.segment)) return false;
    if (f.chains.length && !f.chains.includes(chainOf(f.segment) ?? '')) return false;
    return true;
  }
  if (f.chains.length) return known.some((s) => f.chains.includes(chainOf(s) ?? ''));
  return true;
}

describe('matchesFilters against the plain rule on 100,000 generated firms', async () => {
  const data = await loadBundled(readPublic);
  const model = data.chain;
  const firms = generate(model, 100_000, 7);
  const seg = model.segments[3]?.id ?? '';
  const chain = model.chains[0]?.id ?? '';
  const other = model.chains[1]?.id ?? '';
  const cases: [string, EnterpriseFilters][] = [
    ['none', NO_FILTERS],
    ['segment', { ...NO_FILTERS, segment: seg }],
    ['segment not in the model', { ...NO_FILTERS, segment: 'warp-drive' }],
    ['segment and its chain', { ...NO_FILTERS, segment: seg, chains: [chain, other] }],
    ['chain', { ...NO_FILTERS, chains: [chain] }],
    ['two chains', { ...NO_FILTERS, chains: [chain, other] }],
    ['area', { ...NO_FILTERS, areas: ['lieshan', 'suixi'] }],
    ['precision and confidence', { ...NO_FILTERS, precision: ['district'], confidence: ['high', 'low'] }],
    ['all', { ...NO_FILTERS, areas: ['hitech'], chains: [chain], precision: ['exact', 'park'] }],
  ];
  it.each(cases)('keeps the same firms: %s', (_, f) => {
    const fast = firms.filter((e) => matchesFilters(model, e, f)).map((e) => e.key);
    const ref = firms.filter((e) => referenceMatches(model, e, f)).map((e) => e.key);
    expect(fast).toEqual(ref);
  });
});
