import {
  type AreaId,
  type Chain,
  type ChainModel,
  ChainRootSchema,
  ChainSchema,
  isAreaId,
  SegmentEntrySchema,
  type StatusRules,
  StatusRulesSchema,
} from '../model';
import { type At, issueAt, parseAt } from './issues';
import type { DataIssue, Validated } from './types';

export { STAGES } from '../model';

const DEFAULT_RULES: StatusRules = {
  strongMin: 3,
  weakMin: 1,
  note: { zh: '强链 ≥ 3 家，弱链 1–2 家，缺链 0 家', en: 'strong ≥ 3 firms, weak 1–2, missing 0' },
};

/** strong, weak and missing must be three distinct bands. */
export function rulesInOrder(r: StatusRules, at: At): DataIssue | null {
  return r.weakMin >= 1 && r.strongMin > r.weakMin
    ? null
    : issueAt(at, 'statusRules', 'rules.order', { weakMin: r.weakMin, strongMin: r.strongMin });
}

function readRules(raw: unknown, file: string, issues: DataIssue[]): StatusRules {
  const at = { file, field: 'statusRules' };
  const o = parseAt(ChainRootSchema.entries.statusRules, raw, at, issues);
  if (!o) return DEFAULT_RULES;
  const e = StatusRulesSchema.entries;
  const strongMin = parseAt(e.strongMin, o.strongMin, { file, field: 'strongMin' }, issues);
  const weakMin = parseAt(e.weakMin, o.weakMin, { file, field: 'weakMin' }, issues);
  const note = parseAt(e.note, o.note, { file, field: 'note' }, issues) ?? DEFAULT_RULES.note;
  if (strongMin === undefined || weakMin === undefined) return { ...DEFAULT_RULES, note };
  const rules = { strongMin, weakMin, note };
  const bad = rulesInOrder(rules, { file });
  if (bad) issues.push(bad);
  return bad ? DEFAULT_RULES : rules;
}

/** The segment's areas that exist; each unknown one is reported on the segment's `areas`. */
function knownAreas(areas: unknown[], at: At, issues: DataIssue[]): AreaId[] {
  for (const a of areas)
    if (!isAreaId(a)) issues.push(issueAt(at, 'areas', 'ref.unknownArea', { id: String(a) }));
  return areas.filter(isAreaId);
}

/** chain.json → chains, segments and status rules; every bad entry is reported with its index and field. */
export function validateChainModel(json: unknown, file: string): Validated<ChainModel> {
  const issues: DataIssue[] = [];
  const model: ChainModel = { chains: [], segments: [], statusRules: DEFAULT_RULES };
  const root = parseAt(ChainRootSchema.entries.root, json, { file }, issues);
  if (!root) return { value: model, issues };
  model.statusRules = readRules(root.statusRules, file, issues);
  const e = ChainRootSchema.entries;
  const chainIds = new Set<string>();
  for (const [row, raw] of (
    parseAt(e.chains, root.chains, { file, field: 'chains' }, issues) ?? []
  ).entries()) {
    const at = { file, row };
    const c: Chain | undefined = parseAt(ChainSchema, raw, at, issues);
    if (!c) continue;
    if (chainIds.has(c.id)) issues.push(issueAt(at, 'id', 'dup.id', { id: c.id }));
    else {
      chainIds.add(c.id);
      model.chains.push(c);
    }
  }
  const segIds = new Set<string>();
  for (const [row, raw] of (
    parseAt(e.segments, root.segments, { file, field: 'segments' }, issues) ?? []
  ).entries()) {
    const at = { file, row };
    const s = parseAt(SegmentEntrySchema, raw, at, issues);
    if (!s) continue;
    const areas = knownAreas(s.areas, at, issues);
    if (!chainIds.has(s.chain)) issues.push(issueAt(at, 'chain', 'ref.unknownChain', { id: s.chain }));
    else if (segIds.has(s.id)) issues.push(issueAt(at, 'id', 'dup.id', { id: s.id }));
    else {
      segIds.add(s.id);
      model.segments.push({ ...s, areas });
    }
  }
  return { value: model, issues };
}
