// Duplicates (issue 14): an import's rows matched against the records already on the map, by id,
// else by normalised name within the same area. Pure: the workflow applies the user's choice.
import type { AreaId, Enterprise } from '../data/types';

/** What to do with a row that matches a record already there. */
export const DUPLICATE_ACTIONS = ['update', 'keep', 'skip'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

// Legal-form endings, longest first, so that 股份有限公司 is not read as …股份 + 有限公司.
const LEGAL_FORMS_ZH = ['股份有限公司', '有限责任公司', '有限公司'];
const LEGAL_FORMS_EN = /(?:co\.?,?)?(?:ltd\.?|limited|inc\.?|corp\.?|corporation|company)$/;
const BRACKETS = /[()[\]{}（）【】〔〕［］「」『』《》<>〈〉]/g;
const PUNCTUATION = /[\s\u3000·•・.,，、;；:：'"“”‘’`\-–—_/\\|!！?？&＆]/g;

/**
 * A firm's name reduced to what tells firms apart: full-width forms made half-width (NFKC), case,
 * spaces, brackets and punctuation dropped, and one legal-form ending taken off (有限公司,
 * 有限责任公司, 股份有限公司; Co., Ltd.). "萃星（安徽）循环科技有限公司" and "萃星(安徽)循环科技股份有限公司"
 * read the same; "相邦复合材料" and "相邦新材料" do not.
 */
export function normaliseFirmName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(BRACKETS, '').replace(PUNCTUATION, '');
  for (const f of LEGAL_FORMS_ZH) {
    if (s.endsWith(f) && s.length > f.length) {
      s = s.slice(0, -f.length);
      break;
    }
  }
  const en = s.replace(LEGAL_FORMS_EN, '');
  return en === '' ? s : en;
}

/** The part of a record a match needs: what it is called, where, and the id the file gave it. */
export interface MatchCandidate {
  key: string;
  /** The id as its file wrote it (for an import: without the dataset prefix), or '' when none was given. */
  ownId: string;
  name: { zh: string; en: string };
  area: AreaId | null;
}

export interface DuplicateMatch {
  /** The incoming row: its line in the file and its key in the dataset. */
  line: number;
  key: string;
  name: string;
  /** The record already there. */
  existingKey: string;
  existingId: string;
  existingName: string;
  by: 'id' | 'name';
}

/** An imported id without its dataset prefix ("u2.ent-001" → "ent-001"); '' for one the import made up. */
export function ownIdOf(e: Pick<Enterprise, 'id'>, datasetId?: string, idGiven = true): string {
  if (!idGiven) return '';
  if (datasetId && e.id.startsWith(`${datasetId}.`)) return e.id.slice(datasetId.length + 1);
  return e.id;
}

/**
 * Each incoming record that stands for one already there: the same id, or else the same normalised
 * Chinese (or, without one, English) name in the same area. A name match needs both areas known
 * and equal, or both unknown. Each existing record is matched at most once, first row first.
 */
export function findDuplicates(
  incoming: readonly (MatchCandidate & { line: number })[],
  existing: readonly (MatchCandidate & { id: string })[],
): DuplicateMatch[] {
  const byId = new Map<string, (typeof existing)[number]>();
  const byName = new Map<string, (typeof existing)[number]>();
  const nameKey = (c: MatchCandidate) => {
    const n = normaliseFirmName(c.name.zh || c.name.en);
    return n === '' ? '' : `${c.area ?? '-'}|${n}`;
  };
  for (const e of existing) {
    if (e.ownId && !byId.has(e.ownId)) byId.set(e.ownId, e);
    const k = nameKey(e);
    if (k && !byName.has(k)) byName.set(k, e);
  }
  const taken = new Set<string>();
  const out: DuplicateMatch[] = [];
  for (const r of incoming) {
    let hit: (typeof existing)[number] | undefined;
    let by: DuplicateMatch['by'] = 'id';
    const idHit = r.ownId ? byId.get(r.ownId) : undefined;
    if (idHit && !taken.has(idHit.key)) hit = idHit;
    else {
      const k = nameKey(r);
      const nameHit = k ? byName.get(k) : undefined;
      if (nameHit && !taken.has(nameHit.key)) {
        hit = nameHit;
        by = 'name';
      }
    }
    if (!hit) continue;
    taken.add(hit.key);
    out.push({
      line: r.line,
      key: r.key,
      name: r.name.zh || r.name.en,
      existingKey: hit.key,
      existingId: hit.id,
      existingName: hit.name.zh || hit.name.en,
      by,
    });
  }
  return out;
}

/** A record as a match candidate: a bundled id is its own; an import's is the file's (ownId). */
export function candidateOf(e: Enterprise): MatchCandidate & { id: string; line: number } {
  return { key: e.key, id: e.id, line: e.line, ownId: e.ownId ?? e.id, name: e.name, area: e.area };
}

/**
 * An update of a record from a roster row: what the file's mapped columns say wins, and what it
 * does not say (an unmapped column, an empty cell) is kept, so a list of names and dates does not
 * wipe a firm's segments or products. Both sources are kept; the date is the newer source's.
 * `mapped`: the target fields the file fed (absent: all of them).
 */
export function updatedRecord(old: Enterprise, row: Enterprise, mapped?: ReadonlySet<string>): Enterprise {
  const said = (field: string, empty: boolean) => !empty && (!mapped || mapped.has(field));
  const hasPoint = row.lngLat !== null && said('lon', false);
  return {
    ...old,
    line: row.line,
    ownId: row.ownId ?? '',
    name: said('name_zh', row.name.zh === '') ? row.name : old.name,
    area: said('area', row.area === null) ? row.area : old.area,
    segments: said('segments', row.segments.length === 0) ? row.segments : old.segments,
    segmentSource: said('segment_source', row.segmentSource === '') ? row.segmentSource : old.segmentSource,
    products: said('products', row.products === '') ? row.products : old.products,
    productLine: {
      zh: said('products_zh', row.productLine.zh === '') ? row.productLine.zh : old.productLine.zh,
      en: said('products_en', row.productLine.en === '') ? row.productLine.en : old.productLine.en,
    },
    status: said('status', row.status === 'unknown') ? row.status : old.status,
    // The newer of the two sources' dates (the later one sorts last, at any precision).
    sourceDate: row.sourceDate > old.sourceDate ? row.sourceDate : old.sourceDate,
    checked: said('checked', row.checked === '') ? row.checked : old.checked,
    nameNote: said('name_note', row.nameNote === '') ? row.nameNote : old.nameNote,
    address: said('address', row.address === '') ? row.address : old.address,
    lngLat: hasPoint ? row.lngLat : old.lngLat,
    precision: hasPoint || said('precision', false) ? row.precision : old.precision,
    locationBasis: hasPoint ? row.locationBasis : old.locationBasis,
    confidence: said('confidence', false) ? row.confidence : old.confidence,
    confidenceNote: said('confidence_note', row.confidenceNote === '')
      ? row.confidenceNote
      : old.confidenceNote,
    source: joinSources(old.source, row.source),
  };
}

/**
 * An imported dataset's firms against the firms already shown, and the user's choice applied:
 * update — the row takes the matched record's id and key and stands in its place (merge.ts drops
 * the old one), with what the row does not say kept from the old record; keep — both stay;
 * skip — the row is left out. The matches are kept for the report.
 */
export function applyDuplicates<
  D extends {
    enterprises: Enterprise[];
    duplicates?: { action: DuplicateAction; matches: DuplicateMatch[] };
  },
>(dataset: D, existing: readonly Enterprise[], action: DuplicateAction, mapped?: ReadonlySet<string>): D {
  const matches = findDuplicates(dataset.enterprises.map(candidateOf), existing.map(candidateOf));
  const byKey = new Map(matches.map((m) => [m.key, m]));
  let enterprises = dataset.enterprises;
  if (action === 'skip') enterprises = enterprises.filter((e) => !byKey.has(e.key));
  else if (action === 'update') {
    const old = new Map(existing.map((e) => [e.key, e]));
    enterprises = enterprises.map((e) => {
      const m = byKey.get(e.key);
      const was = m ? old.get(m.existingKey) : undefined;
      return was ? updatedRecord(was, e, mapped) : e;
    });
  }
  return { ...dataset, enterprises, duplicates: { action, matches } };
}

/** The keys of records an import stands in place of (its "update" matches). */
export function replacedKeys(dataset: {
  duplicates?: { action: DuplicateAction; matches: DuplicateMatch[] };
}): Set<string> {
  const d = dataset.duplicates;
  return new Set(d && d.action === 'update' ? d.matches.map((m) => m.existingKey) : []);
}

/** Two source lists as one (" ; " between sources, as in the bundled data), each source once. */
function joinSources(a: string, b: string): string {
  const parts = a.split(' ; ').filter(Boolean);
  for (const p of b.split(' ; ')) if (p && !parts.includes(p)) parts.push(p);
  return parts.join(' ; ');
}
