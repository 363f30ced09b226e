import { isAreaId } from './areas';
import { RecordReader } from './records';
import type { AreaId, Chain, ChainModel, DataIssue, Segment, Stage, StatusRules, Validated } from './types';

export const STAGES: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

const DEFAULT_RULES: StatusRules = {
  strongMin: 3,
  weakMin: 1,
  note: { zh: '强链 ≥ 3 家，弱链 1–2 家，缺链 0 家', en: 'strong ≥ 3 firms, weak 1–2, missing 0' },
};

function readRules(r: RecordReader, raw: unknown): StatusRules {
  const o = r.obj(raw);
  if (!o) {
    r.fail(undefined, 'statusRules', '缺少强弱链判定规则，使用默认值', 'missing status rules; defaults used');
    return DEFAULT_RULES;
  }
  const strongMin = r.num(o, 'strongMin');
  const weakMin = r.num(o, 'weakMin');
  const note = r.bilingual(o, 'note') ?? DEFAULT_RULES.note;
  if (strongMin === null || weakMin === null) return { ...DEFAULT_RULES, note };
  if (!(weakMin >= 1 && strongMin > weakMin)) {
    r.fail(
      undefined,
      'statusRules',
      '规则需满足 1 ≤ weakMin < strongMin',
      'rules need 1 ≤ weakMin < strongMin',
    );
    return DEFAULT_RULES;
  }
  return { strongMin, weakMin, note };
}

/** chain.json → chains, segments and status rules; every bad entry is reported with its index and field. */
export function validateChainModel(json: unknown, file: string): Validated<ChainModel> {
  const issues: DataIssue[] = [];
  const r = new RecordReader(file, issues);
  const root = r.obj(json);
  const model: ChainModel = { chains: [], segments: [], statusRules: DEFAULT_RULES };
  if (!root) {
    r.fail(undefined, '(root)', '文件不是 JSON 对象', 'file is not a JSON object');
    return { value: model, issues };
  }
  model.statusRules = readRules(r, root.statusRules);
  const chainIds = new Set<string>();
  for (const [i, raw] of (r.array(root, 'chains') ?? []).entries()) {
    const o = r.obj(raw);
    if (!o) {
      r.fail(i, 'chains', '条目不是对象', 'entry is not an object');
      continue;
    }
    const id = r.str(o, 'id', i);
    const name = r.bilingual(o, 'name', i);
    if (!id || !name) continue;
    if (chainIds.has(id)) {
      r.fail(i, 'id', `重复的产业链 id：${id}`, `duplicate chain id: ${id}`);
      continue;
    }
    chainIds.add(id);
    model.chains.push({ id, name } satisfies Chain);
  }
  const segIds = new Set<string>();
  for (const [i, raw] of (r.array(root, 'segments') ?? []).entries()) {
    const o = r.obj(raw);
    if (!o) {
      r.fail(i, 'segments', '条目不是对象', 'entry is not an object');
      continue;
    }
    const id = r.str(o, 'id', i);
    const chain = r.str(o, 'chain', i);
    const name = r.bilingual(o, 'name', i);
    const planSection = r.str(o, 'planSection', i);
    const plan = r.bilingual(o, 'plan', i);
    const stage = o.stage as Stage;
    if (!STAGES.includes(stage)) {
      r.fail(i, 'stage', `环节阶段未知：${String(o.stage)}`, `unknown stage: ${String(o.stage)}`);
      continue;
    }
    const areas: AreaId[] = [];
    for (const a of r.array(o, 'areas', i) ?? []) {
      if (isAreaId(a)) areas.push(a);
      else r.fail(i, 'areas', `未知区域：${String(a)}`, `unknown area: ${String(a)}`);
    }
    if (!id || !chain || !name || !planSection || !plan) continue;
    if (!chainIds.has(chain)) {
      r.fail(i, 'chain', `未知产业链：${chain}`, `unknown chain: ${chain}`);
      continue;
    }
    if (segIds.has(id)) {
      r.fail(i, 'id', `重复的环节 id：${id}`, `duplicate segment id: ${id}`);
      continue;
    }
    segIds.add(id);
    model.segments.push({ id, chain, stage, name, areas, planSection, plan } satisfies Segment);
  }
  return { value: model, issues };
}
