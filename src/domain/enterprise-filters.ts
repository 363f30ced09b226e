import type { ChainModel, Enterprise } from '../data/types';
import type { EnterpriseFilters } from '../model';

/**
 * Whether a firm passes the filters: for counts, lists, export and search (the map applies the
 * same rule as category filters, layers/enterprise-points.ts).
 */
export function matchesFilters(model: ChainModel, e: Enterprise, f: EnterpriseFilters): boolean {
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
