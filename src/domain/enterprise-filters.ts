import type { ChainModel, Enterprise, Segment } from '../data/types';
import type { EnterpriseFilters } from '../model';

/** Each segment id of a model and its chain (the first segment of an id, as a search in model order finds). */
const chainsOf = (() => {
  const cache = new WeakMap<readonly Segment[], Map<string, string>>();
  return (model: ChainModel): Map<string, string> => {
    let m = cache.get(model.segments);
    if (!m) {
      m = new Map();
      for (const s of model.segments) if (!m.has(s.id)) m.set(s.id, s.chain);
      cache.set(model.segments, m);
    }
    return m;
  };
})();

/**
 * Whether a firm passes the filters: for counts, lists, export and search (the map applies the
 * same rule as category filters, layers/enterprise-points.ts). Segment ids the model does not
 * have count for nothing. Called once per firm on every filter change: the model is looked up in
 * a table made once per model, not searched per firm.
 */
export function matchesFilters(model: ChainModel, e: Enterprise, f: EnterpriseFilters): boolean {
  if (f.areas.length && !(e.area && f.areas.includes(e.area))) return false;
  if (f.precision.length && !f.precision.includes(e.precision)) return false;
  if (f.confidence.length && !f.confidence.includes(e.confidence)) return false;
  if (f.segment) {
    const chain = chainsOf(model).get(f.segment);
    if (chain === undefined || !e.segments.includes(f.segment)) return false;
    if (f.chains.length && !f.chains.includes(chain)) return false;
    return true;
  }
  if (f.chains.length) {
    const chains = chainsOf(model);
    for (const s of e.segments) {
      const chain = chains.get(s);
      if (chain !== undefined && f.chains.includes(chain)) return true;
    }
    return false;
  }
  return true;
}
