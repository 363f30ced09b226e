import type { ChainModel } from '../data/types';
import type { TargetFilter } from '../model';
import type { Discrepancy, Target } from './chain-analysis';

/**
 * The target list (招商清单) as filtered for a visit: by chain, and by the areas the plan assigns.
 * Within a list any value passes (battery or hydrogen), across lists all must (and in the
 * High-tech Zone); an empty list passes everything. A segment the plan places nowhere passes
 * no area filter: the list then says where each target would go.
 */
export function filterTargets(targets: readonly Target[], f: TargetFilter): Target[] {
  return targets.filter(
    (t) =>
      (f.chains.length === 0 || f.chains.includes(t.segment.chain)) &&
      (f.areas.length === 0 || t.assignedAreas.some((a) => f.areas.includes(a))),
  );
}

/**
 * The plan-versus-data discrepancies that concern the filtered list: of a chosen chain, and with
 * the firm or the plan's placement in a chosen area.
 */
export function filterDiscrepancies(
  model: ChainModel,
  discrepancies: readonly Discrepancy[],
  f: TargetFilter,
): Discrepancy[] {
  const chainOf = new Map(model.segments.map((s) => [s.id, s.chain]));
  return discrepancies.filter(
    (d) =>
      (f.chains.length === 0 || f.chains.includes(chainOf.get(d.segment) ?? '')) &&
      (f.areas.length === 0 || [d.area, ...d.assignedAreas].some((a) => f.areas.includes(a))),
  );
}

export type TargetFilterList = keyof TargetFilter;

/** The filter with one value of one list switched on or off (the others keep their order). */
export function toggleTargetFilter<K extends TargetFilterList>(
  f: TargetFilter,
  list: K,
  value: TargetFilter[K][number],
): TargetFilter {
  const cur: readonly string[] = f[list];
  const next = cur.includes(value) ? cur.filter((x) => x !== value) : [...cur, value];
  return { ...f, [list]: next };
}

/** Whether the filter leaves anything out. */
export function isTargetFilterSet(f: TargetFilter): boolean {
  return f.chains.length > 0 || f.areas.length > 0;
}

/**
 * The chains worth offering as filter chips: those with at least one target, in model order,
 * plus any the filter already names (so a chip from a link can always be switched off).
 */
export function targetChains(model: ChainModel, targets: readonly Target[], f: TargetFilter): string[] {
  const used = new Set([...targets.map((t) => t.segment.chain), ...f.chains]);
  return model.chains.map((c) => c.id).filter((id) => used.has(id));
}
