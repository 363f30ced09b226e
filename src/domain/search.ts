import type { Area, AreaId, Enterprise, Segment } from '../data/types';

/** Where a query was found: the result list says it, so a hit on 隔膜 in a product line is not a mystery. */
export type SearchField = 'name' | 'product' | 'segment' | 'keyword';

export type SearchHit =
  | { kind: 'area'; id: AreaId; field: 'name' }
  | { kind: 'segment'; id: string; field: 'name' | 'keyword' }
  /** `segment`: the firm's segment that matched, when the field is `segment` or `keyword`. */
  | { kind: 'enterprise'; key: string; id: string; field: SearchField; segment?: string };

export interface SearchResult {
  hits: SearchHit[];
  /** Firms that matched, before the list was cut to `limit`. */
  firmCount: number;
}

/** NFKC folds full-width letters (ＧＯＴＩＯＮ), lower case folds the rest. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The query's words: each must be found somewhere in the record (any field, either language). */
function words(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

const has = (texts: readonly string[], w: string) => texts.some((t) => fold(t).includes(w));

/** The first field (in this order) that has a word, or null when some word is found nowhere. */
function firstField<F extends string>(ws: readonly string[], fields: readonly [F, readonly string[]][]) {
  let first: F | null = null;
  for (const w of ws) {
    const f = fields.find(([, texts]) => has(texts, w));
    if (!f) return null;
    first ??= f[0];
  }
  return first;
}

const segmentFields = (s: Segment): ['name' | 'keyword', string[]][] => [
  ['name', [s.name.zh, s.name.en, s.id]],
  ['keyword', [...s.keywords.zh, ...s.keywords.en]],
];

/**
 * Areas, segments and firms whose name, product line or segment has every word of the query, in
 * either language: 隔膜 and "separator" both find the separator makers. Areas first, then
 * segments, then firms (by name, then by what they make, then by segment), at most `limit` firms.
 */
export function search(
  query: string,
  data: { areas: readonly Area[]; segments: readonly Segment[]; enterprises: readonly Enterprise[] },
  limit = 50,
): SearchResult {
  const ws = words(query);
  if (ws.length === 0) return { hits: [], firmCount: 0 };
  const hits: SearchHit[] = [];
  for (const a of data.areas) {
    if (firstField(ws, [['name', [a.name.zh, a.name.en]]]))
      hits.push({ kind: 'area', id: a.id, field: 'name' });
  }
  const segById = new Map(data.segments.map((s) => [s.id, s]));
  for (const s of data.segments) {
    const field = firstField(ws, segmentFields(s));
    if (field) hits.push({ kind: 'segment', id: s.id, field });
  }
  const rank: Record<SearchField, number> = { name: 0, product: 1, segment: 2, keyword: 3 };
  const firms: Extract<SearchHit, { kind: 'enterprise' }>[] = [];
  for (const e of data.enterprises) {
    const segs = e.segments.flatMap((id) => segById.get(id) ?? []);
    const field = firstField<SearchField>(ws, [
      ['name', [e.name.zh, e.name.en]],
      ['product', [e.productLine.zh, e.productLine.en, e.products, e.segmentSource]],
      ['segment', segs.flatMap((s) => [s.name.zh, s.name.en])],
      ['keyword', segs.flatMap((s) => [...s.keywords.zh, ...s.keywords.en])],
    ]);
    if (!field) continue;
    const segment =
      field === 'segment' || field === 'keyword'
        ? segs.find((s) =>
            ws.some((w) =>
              has(field === 'segment' ? [s.name.zh, s.name.en] : [...s.keywords.zh, ...s.keywords.en], w),
            ),
          )?.id
        : undefined;
    firms.push({ kind: 'enterprise', key: e.key, id: e.id, field, ...(segment ? { segment } : {}) });
  }
  // Stable: within a rank, the file's order.
  firms.sort((a, b) => rank[a.field] - rank[b.field]);
  return { hits: [...hits, ...firms.slice(0, limit)], firmCount: firms.length };
}
