// What an import changed (issue 14): firms added, removed, moved or re-classified, segments whose
// status moved, and the charging build-out, between the data before and after. Pure: facts and
// codes only, the panels say them in words.
import type { Charger } from '../data/chargers';
import type { AreaId, ChainModel, Enterprise } from '../data/types';
import { normaliseFirmName } from '../import/duplicates';
import { analyseChain, type SegmentStatus } from './chain-analysis';

/** A firm as the change list names it: enough to list it after the data itself has changed again. */
export interface FirmRef {
  key: string;
  id: string;
  name: { zh: string; en: string };
  area: AreaId | null;
  segments: string[];
}

export interface FirmMove {
  firm: FirmRef;
  from: AreaId | null;
  to: AreaId | null;
}

export interface FirmReclass {
  firm: FirmRef;
  from: string[];
  to: string[];
}

export interface SegmentChange {
  segment: string;
  from: { count: number; status: SegmentStatus };
  to: { count: number; status: SegmentStatus };
}

export interface SiteTotals {
  sites: number;
  connectors: number;
  /** Sites with neither a point nor a district: kept, but on no district's count. */
  unplaced: number;
}

export interface ChangeList {
  /** How many of each there are: the lists below may hold only the first ones (capChanges). */
  counts: { added: number; removed: number; moved: number; reclassified: number };
  added: FirmRef[];
  removed: FirmRef[];
  moved: FirmMove[];
  reclassified: FirmReclass[];
  /** Segments whose firm count changed; `statusChanged` picks those whose status moved too. */
  segments: SegmentChange[];
  charging: {
    before: SiteTotals;
    after: SiteTotals;
    /** Sites per district adcode (by the district the site records), before and after, where they differ. */
    byDistrict: { district: string; before: number; after: number }[];
  };
}

export interface DataSide {
  enterprises: readonly Enterprise[];
  chargers: readonly Charger[];
}

const refOf = (e: Enterprise): FirmRef => ({
  key: e.key,
  id: e.id,
  name: { zh: e.name.zh, en: e.name.en },
  area: e.area,
  segments: [...e.segments],
});

const sameList = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
};

function totals(chargers: readonly Charger[]): SiteTotals {
  let connectors = 0;
  let unplaced = 0;
  for (const c of chargers) {
    connectors += c.connectors ?? 0;
    if (!c.lngLat && c.district === null) unplaced += 1;
  }
  return { sites: chargers.length, connectors, unplaced };
}

function byDistrict(chargers: readonly Charger[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of chargers) if (c.district) m.set(c.district, (m.get(c.district) ?? 0) + 1);
  return m;
}

/**
 * Pairs each firm after with the firm before it stands for: the same key; else the key it updated
 * (`sameAs`, from the import's duplicate matches: new key → old key); else, among the firms left
 * unpaired on both sides, the same normalised name wherever it is (so a firm that changed district
 * reads as moved, not as one removed and one added). A name two firms share pairs nothing.
 */
function pairFirms(
  before: readonly Enterprise[],
  after: readonly Enterprise[],
  sameAs: ReadonlyMap<string, string>,
): { pairs: [Enterprise, Enterprise][]; added: Enterprise[]; removed: Enterprise[] } {
  const oldByKey = new Map(before.map((e) => [e.key, e]));
  const pairs: [Enterprise, Enterprise][] = [];
  const used = new Set<string>();
  const left: Enterprise[] = [];
  for (const e of after) {
    const k = oldByKey.has(e.key) ? e.key : sameAs.get(e.key);
    const old = k === undefined ? undefined : oldByKey.get(k);
    if (old && !used.has(old.key)) {
      used.add(old.key);
      pairs.push([old, e]);
    } else left.push(e);
  }
  const gone = before.filter((e) => !used.has(e.key));
  const nameOf = (e: Enterprise) => normaliseFirmName(e.name.zh || e.name.en);
  const unique = (list: readonly Enterprise[]) => {
    const m = new Map<string, Enterprise | null>();
    for (const e of list) {
      const n = nameOf(e);
      if (n) m.set(n, m.has(n) ? null : e);
    }
    return m;
  };
  const goneByName = unique(gone);
  const leftByName = unique(left);
  const added: Enterprise[] = [];
  for (const e of left) {
    const n = nameOf(e);
    const old = goneByName.get(n);
    if (old && leftByName.get(n) === e && !used.has(old.key)) {
      used.add(old.key);
      pairs.push([old, e]);
    } else added.push(e);
  }
  return { pairs, added, removed: before.filter((e) => !used.has(e.key)) };
}

/** Everything that differs between two states of the data, for the chain model given. */
export function changesBetween(
  model: ChainModel,
  before: DataSide,
  after: DataSide,
  sameAs: ReadonlyMap<string, string> = new Map(),
): ChangeList {
  const { pairs, added, removed } = pairFirms(before.enterprises, after.enterprises, sameAs);
  const moved: FirmMove[] = [];
  const reclassified: FirmReclass[] = [];
  for (const [old, now] of pairs) {
    if (old.area !== now.area) moved.push({ firm: refOf(now), from: old.area, to: now.area });
    if (!sameList(old.segments, now.segments))
      reclassified.push({ firm: refOf(now), from: [...old.segments], to: [...now.segments] });
  }
  const a = analyseChain(model, before.enterprises);
  const b = analyseChain(model, after.enterprises);
  const segments: SegmentChange[] = [];
  for (const r of b.segments) {
    const old = a.bySegment.get(r.segment.id);
    if (!old || old.count === r.count) continue;
    segments.push({
      segment: r.segment.id,
      from: { count: old.count, status: old.status },
      to: { count: r.count, status: r.status },
    });
  }
  const da = byDistrict(before.chargers);
  const db = byDistrict(after.chargers);
  const districts = [...new Set([...da.keys(), ...db.keys()])].sort();
  return {
    counts: {
      added: added.length,
      removed: removed.length,
      moved: moved.length,
      reclassified: reclassified.length,
    },
    added: added.map(refOf),
    removed: removed.map(refOf),
    moved,
    reclassified,
    segments,
    charging: {
      before: totals(before.chargers),
      after: totals(after.chargers),
      byDistrict: districts
        .map((district) => ({ district, before: da.get(district) ?? 0, after: db.get(district) ?? 0 }))
        .filter((d) => d.before !== d.after),
    },
  };
}

/** The segments whose status moved (strong / weak / missing), not only their count. */
export const statusChanged = (c: ChangeList) => c.segments.filter((s) => s.from.status !== s.to.status);

/** Nothing at all changed. */
export function isEmptyChange(c: ChangeList): boolean {
  return (
    c.counts.added + c.counts.removed + c.counts.moved + c.counts.reclassified + c.segments.length === 0 &&
    c.charging.before.sites === c.charging.after.sites &&
    c.charging.before.connectors === c.charging.after.connectors &&
    c.charging.byDistrict.length === 0
  );
}

/** The change list kept with an import: the first `max` firms of each list, the counts whole. */
export function capChanges(c: ChangeList, max = 200): ChangeList {
  return {
    ...c,
    added: c.added.slice(0, max),
    removed: c.removed.slice(0, max),
    moved: c.moved.slice(0, max),
    reclassified: c.reclassified.slice(0, max),
  };
}
