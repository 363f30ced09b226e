import { RecordReader } from './records';
import type { Chain, ChainModel, DataIssue, Segment, Stage, Validated } from './types';

const STAGES: readonly Stage[] = ['upstream', 'midstream', 'downstream'];

/** chain.json → chains and segments; every bad entry is reported with its index and field. */
export function validateChainModel(json: unknown, file: string): Validated<ChainModel> {
  const issues: DataIssue[] = [];
  const r = new RecordReader(file, issues);
  const root = r.obj(json);
  const model: ChainModel = { chains: [], segments: [] };
  if (!root) {
    r.fail(undefined, '(root)', '文件不是 JSON 对象', 'file is not a JSON object');
    return { value: model, issues };
  }
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
    const stage = o.stage as Stage;
    if (!STAGES.includes(stage)) {
      r.fail(i, 'stage', `环节阶段未知：${String(o.stage)}`, `unknown stage: ${String(o.stage)}`);
      continue;
    }
    if (!id || !chain || !name) continue;
    if (!chainIds.has(chain)) {
      r.fail(i, 'chain', `未知产业链：${chain}`, `unknown chain: ${chain}`);
      continue;
    }
    if (segIds.has(id)) {
      r.fail(i, 'id', `重复的环节 id：${id}`, `duplicate segment id: ${id}`);
      continue;
    }
    segIds.add(id);
    model.segments.push({ id, chain, stage, name } satisfies Segment);
  }
  return { value: model, issues };
}
