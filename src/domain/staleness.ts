import type { Enterprise } from '../data/types';
import { type Freshness, freshness } from '../model/dates';

/** How old a segment's evidence is: how many of its firms are known only from stale sources. */
export interface SegmentFreshness {
  total: number;
  stale: number;
  /** Every firm of the segment is stale (and there is at least one): its status rests on old sources. */
  allStale: boolean;
}

/** Each firm's freshness against the ledger's threshold. Pure. */
export function firmFreshness(e: Pick<Enterprise, 'sourceDate'>, today: string, months: number): Freshness {
  return freshness(e.sourceDate, today, months);
}

/** A segment's firms (by key) → how many are stale. Firms with no date are not counted as stale. Pure. */
export function segmentFreshness(
  keys: readonly string[],
  byKey: ReadonlyMap<string, Pick<Enterprise, 'sourceDate'>>,
  today: string,
  months: number,
): SegmentFreshness {
  let stale = 0;
  for (const k of keys) {
    const e = byKey.get(k);
    if (e && firmFreshness(e, today, months) === 'stale') stale += 1;
  }
  return { total: keys.length, stale, allStale: keys.length > 0 && stale === keys.length };
}
