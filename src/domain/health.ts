// The data's health (数据状况, issue 14): where the records come from, how old they are, how
// precisely they are placed and how sure the sources are; which are stale, unplaced or doubled.
// Pure: counts and keys, the panel and the report say them in words.
import type { Charger } from '../data/chargers';
import type { AreaId, Enterprise } from '../data/types';
import { normaliseFirmName } from '../import/duplicates';
import { CONFIDENCES, type Confidence, PRECISIONS, type Precision } from '../model';
import { freshness } from '../model/dates';

/** Where a record came from: the bundled files, or one import (by its id). */
export type DatasetRef = { kind: 'bundled' } | { kind: 'import'; id: string; fileName: string };

export interface SourceCount {
  dataset: DatasetRef;
  firms: number;
  sites: number;
  /** Of the sites, how many are illustrative (never evidence). */
  illustrative: number;
}

export interface YearCount {
  /** The source's year; null when the source gives no date. */
  year: number | null;
  firms: number;
  sites: number;
}

export interface DuplicateGroup {
  /** The firms that read as one (same normalised name, same area), in data order. */
  keys: string[];
  area: AreaId | null;
}

export interface DataHealth {
  firms: number;
  sites: number;
  bySource: SourceCount[];
  /** Oldest year first, the undated last. */
  byYear: YearCount[];
  byPrecision: Record<Precision, number>;
  byConfidence: Record<Confidence, number>;
  /** Firms and sites whose source is older than the ledger's threshold. */
  staleFirms: string[];
  staleSites: string[];
  /** Firms with no point on the map (known to their district at best). */
  unplacedFirms: string[];
  /** Sites with neither a point nor a district: on no count. */
  unplacedSites: string[];
  duplicates: DuplicateGroup[];
  /** The earliest and latest source dates among the records ('' when none is dated). */
  dateRange: { from: string; to: string };
}

/** The import a record came from, by the id prefix every imported record carries ("u2.…"). */
export function datasetOf(id: string, imports: ReadonlyMap<string, string>): DatasetRef {
  const dot = id.indexOf('.');
  if (dot > 0) {
    const prefix = id.slice(0, dot);
    const fileName = imports.get(prefix);
    if (fileName !== undefined) return { kind: 'import', id: prefix, fileName };
  }
  return { kind: 'bundled' };
}

const yearOf = (date: string): number | null => (/^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null);
const dated = (d: string) => d !== '' && d !== 'unknown';

export function dataHealth(
  enterprises: readonly Enterprise[],
  chargers: readonly Charger[],
  imports: readonly { id: string; fileName: string }[],
  today: string,
  staleAfterMonths: number,
): DataHealth {
  const importName = new Map(imports.map((i) => [i.id, i.fileName]));
  const sources = new Map<string, SourceCount>();
  const source = (id: string) => {
    const ref = datasetOf(id, importName);
    const k = ref.kind === 'bundled' ? '' : ref.id;
    let s = sources.get(k);
    if (!s) {
      s = { dataset: ref, firms: 0, sites: 0, illustrative: 0 };
      sources.set(k, s);
    }
    return s;
  };
  const years = new Map<number | null, YearCount>();
  const year = (date: string) => {
    const y = yearOf(date);
    let c = years.get(y);
    if (!c) {
      c = { year: y, firms: 0, sites: 0 };
      years.set(y, c);
    }
    return c;
  };
  const byPrecision = Object.fromEntries(PRECISIONS.map((p) => [p, 0])) as Record<Precision, number>;
  const byConfidence = Object.fromEntries(CONFIDENCES.map((c) => [c, 0])) as Record<Confidence, number>;
  const staleFirms: string[] = [];
  const staleSites: string[] = [];
  const unplacedFirms: string[] = [];
  const unplacedSites: string[] = [];
  let from = '';
  let to = '';
  const range = (d: string) => {
    if (!dated(d)) return;
    if (from === '' || d < from) from = d;
    if (to === '' || d > to) to = d;
  };
  const groups = new Map<string, DuplicateGroup>();

  for (const e of enterprises) {
    source(e.id).firms += 1;
    year(e.sourceDate).firms += 1;
    range(e.sourceDate);
    byPrecision[e.precision] += 1;
    byConfidence[e.confidence] += 1;
    if (freshness(e.sourceDate, today, staleAfterMonths) === 'stale') staleFirms.push(e.key);
    if (!e.lngLat) unplacedFirms.push(e.key);
    const n = normaliseFirmName(e.name.zh || e.name.en);
    if (n) {
      const k = `${e.area ?? '-'}|${n}`;
      const g = groups.get(k);
      if (g) g.keys.push(e.key);
      else groups.set(k, { keys: [e.key], area: e.area });
    }
  }
  for (const c of chargers) {
    const s = source(c.id);
    s.sites += 1;
    if (c.illustrative) s.illustrative += 1;
    year(c.sourceDate).sites += 1;
    range(c.sourceDate);
    if (freshness(c.sourceDate, today, staleAfterMonths) === 'stale') staleSites.push(c.key);
    if (!c.lngLat && c.district === null) unplacedSites.push(c.key);
  }
  const byYear = [...years.values()].sort((a, b) =>
    a.year === null ? 1 : b.year === null ? -1 : a.year - b.year,
  );
  // Bundled first, then the imports in the order they were made.
  const order = ['', ...imports.map((i) => i.id)];
  const bySource = [...sources.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([, s]) => s);
  return {
    firms: enterprises.length,
    sites: chargers.length,
    bySource,
    byYear,
    byPrecision,
    byConfidence,
    staleFirms,
    staleSites,
    unplacedFirms,
    unplacedSites,
    duplicates: [...groups.values()].filter((g) => g.keys.length > 1),
    dateRange: { from, to },
  };
}

/** Years from the first to the last dated one, with zeros between: a histogram has no gaps. */
export function yearBins(byYear: readonly YearCount[]): YearCount[] {
  const known = byYear.filter((y) => y.year !== null);
  const first = known[0]?.year;
  const last = known[known.length - 1]?.year;
  if (first == null || last == null) return [];
  const at = new Map(known.map((y) => [y.year, y]));
  const out: YearCount[] = [];
  for (let y = first; y <= last; y += 1) out.push(at.get(y) ?? { year: y, firms: 0, sites: 0 });
  return out;
}
