import type { BundledData } from '../data/load-bundled';
import type { DataIssue, Enterprise } from '../data/types';
import { type AreaShapes, buildAreaShapes } from '../domain/area-shapes';
import { analyseChain, type ChainAnalysis } from '../domain/chain-analysis';
import { areaAnchors, type Placement, placeEnterprises } from '../domain/enterprise-positions';
import {
  type EnterprisePoint,
  enterprisePoints,
  filterCategories,
  matchesFilters,
} from '../layers/enterprise-points';
import type { EnterpriseFilters } from './url-hash';

/**
 * Derived data is memoised on the identity of its inputs, never stored: the same data object
 * yields the same result object, so the map's style diff and deck.gl see nothing new.
 */
function memo<A extends object, R>(fn: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    let r = cache.get(a);
    if (r === undefined) {
      r = fn(a);
      cache.set(a, r);
    }
    return r;
  };
}

function memo2<A extends object, B extends object, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  const cache = new WeakMap<A, WeakMap<B, R>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) {
      inner = new WeakMap();
      cache.set(a, inner);
    }
    let r = inner.get(b);
    if (r === undefined) {
      r = fn(a, b);
      inner.set(b, r);
    }
    return r;
  };
}

export const selectAreaShapes = memo(
  (d: BundledData): AreaShapes => buildAreaShapes(d.areas.areas, d.districts.features),
);

export const selectAnalysis = memo((d: BundledData): ChainAnalysis => analyseChain(d.chain, d.enterprises));

export const selectPlacements = memo((d: BundledData): Placement[] =>
  placeEnterprises(d.enterprises, areaAnchors(d.areas.areas, selectAreaShapes(d))),
);

export const selectEnterprisePoints = memo((d: BundledData): EnterprisePoint[] =>
  enterprisePoints(d.chain, d.enterprises, selectPlacements(d)),
);

export const selectFilterCategories = memo2((d: BundledData, f: EnterpriseFilters) =>
  filterCategories(d.chain, f),
);

/** Firms passing the filters, in data order. */
export const selectFilteredEnterprises = memo2((d: BundledData, f: EnterpriseFilters): Enterprise[] =>
  d.enterprises.filter((e) => matchesFilters(d.chain, e, f)),
);

export const selectEnterpriseByKey = memo((d: BundledData) => new Map(d.enterprises.map((e) => [e.key, e])));

/** By id: the first record with that id (a duplicate id is reported and reachable by key). */
export const selectEnterpriseById = memo((d: BundledData) => {
  const m = new Map<string, Enterprise>();
  for (const e of d.enterprises) if (!m.has(e.id)) m.set(e.id, e);
  return m;
});

export function selectAllIssues(data: BundledData | null): DataIssue[] {
  if (!data) return [];
  return [...data.issues, ...selectAreaShapes(data).issues];
}
