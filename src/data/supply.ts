import {
  type SupplyRelation,
  SupplyRelationSchema,
  SupplyRootSchema,
  SupplySourceSchema,
  type SupplyTable,
} from '../model';
import { issueAt, parseAt } from './issues';
import type { DataIssue, Validated } from './types';

/**
 * supply.json → the table of "segment A supplies segment B". A relation naming an unknown segment
 * or source, a self-relation or a repeated pair is reported with its index and left out; the rest loads.
 */
export function validateSupply(
  json: unknown,
  file: string,
  segmentIds: ReadonlySet<string>,
): Validated<SupplyTable> {
  const issues: DataIssue[] = [];
  const table: SupplyTable = { relations: [], sources: {} };
  const root = parseAt(SupplyRootSchema.entries.root, json, { file }, issues);
  if (!root) return { value: table, issues };
  const rawSources =
    parseAt(SupplyRootSchema.entries.sources, root.sources, { file, field: 'sources' }, issues) ?? {};
  for (const [id, raw] of Object.entries(rawSources)) {
    const s = parseAt(SupplySourceSchema, raw, { file, field: `sources.${id}` }, issues);
    if (s) table.sources[id] = s;
  }
  const rawRelations =
    parseAt(SupplyRootSchema.entries.relations, root.relations, { file, field: 'relations' }, issues) ?? [];
  const seen = new Set<string>();
  for (const [row, raw] of rawRelations.entries()) {
    const at = { file, row };
    const r = parseAt(SupplyRelationSchema, raw, at, issues);
    if (!r) continue;
    const bad = relationProblem(r, segmentIds, table.sources, seen);
    if (bad) {
      issues.push(issueAt(at, bad.field, bad.code, bad.params));
      continue;
    }
    seen.add(`${r.from}>${r.to}`);
    table.relations.push(r);
  }
  return { value: table, issues };
}

/** What is wrong with one relation, if anything: the first problem found. */
function relationProblem(
  r: SupplyRelation,
  segmentIds: ReadonlySet<string>,
  sources: Readonly<Record<string, unknown>>,
  seen: ReadonlySet<string>,
): { field: string; code: DataIssue['code']; params: Record<string, string> } | null {
  for (const field of ['from', 'to'] as const) {
    if (!segmentIds.has(r[field])) return { field, code: 'ref.unknownSegment', params: { id: r[field] } };
  }
  if (r.from === r.to) return { field: 'to', code: 'supply.self', params: { id: r.to } };
  if (seen.has(`${r.from}>${r.to}`))
    return { field: 'to', code: 'supply.repeated', params: { from: r.from, to: r.to } };
  if (!(r.source in sources))
    return { field: 'source', code: 'supply.unknownSource', params: { id: r.source } };
  return null;
}
