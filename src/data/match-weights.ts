import { RecordReader } from './records';
import type { Bilingual, DataIssue, Validated } from './types';

/** Weights and thresholds of the firm-to-park match (public/data/match-weights.json, version 1). */
export interface MatchWeights {
  version: 1;
  /** Points when the plan assigns the selected segment(s) to the area (scaled by the share assigned). */
  planAssigned: number;
  clusterPerFirm: number;
  clusterCap: number;
  supplierPerFirm: number;
  supplierCap: number;
  customerPerFirm: number;
  customerCap: number;
  /** Points when the firm would fill one of the area's gaps (scaled by the share of segments that are gaps). */
  fillsGap: number;
  chargingPerSite: number;
  chargingCap: number;
  /** Distances offered to the user, km, ascending. */
  radiusKmOptions: number[];
  defaultRadiusKm: number;
  note: Bilingual;
}

export const MATCH_WEIGHTS_VERSION = 1;

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  version: 1,
  planAssigned: 40,
  clusterPerFirm: 8,
  clusterCap: 24,
  supplierPerFirm: 4,
  supplierCap: 12,
  customerPerFirm: 4,
  customerCap: 12,
  fillsGap: 20,
  chargingPerSite: 0.1,
  chargingCap: 10,
  radiusKmOptions: [5, 10, 20, 30],
  defaultRadiusKm: 10,
  note: {
    zh: '企业与园区匹配的评分规则（内置默认值）。',
    en: 'Scoring rules for matching a firm to an area (built-in defaults).',
  },
};

/** The numeric weights: each must be a finite number ≥ 0 (0 switches the factor off). */
const NUMBER_FIELDS = [
  'planAssigned',
  'clusterPerFirm',
  'clusterCap',
  'supplierPerFirm',
  'supplierCap',
  'customerPerFirm',
  'customerCap',
  'fillsGap',
  'chargingPerSite',
  'chargingCap',
] as const;

const KNOWN_FIELDS = new Set<string>([
  'version',
  'note',
  'radiusKmOptions',
  'defaultRadiusKm',
  ...NUMBER_FIELDS,
]);

const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * match-weights.json → typed weights. Never throws: each bad field is reported with its name and
 * replaced by its default, so one typo cannot switch the whole match off.
 */
export function validateMatchWeights(json: unknown, file: string): Validated<MatchWeights> {
  const issues: DataIssue[] = [];
  const r = new RecordReader(file, issues);
  const out: MatchWeights = {
    ...DEFAULT_MATCH_WEIGHTS,
    radiusKmOptions: [...DEFAULT_MATCH_WEIGHTS.radiusKmOptions],
  };
  const root = r.obj(json);
  if (!root) {
    r.fail(
      undefined,
      '(root)',
      '文件不是 JSON 对象，使用默认权重',
      'file is not a JSON object; default weights used',
    );
    return { value: out, issues };
  }

  if (root.version !== MATCH_WEIGHTS_VERSION) {
    // Still read the fields: a newer file most likely keeps them, and each one is checked anyway.
    r.fail(
      undefined,
      'version',
      `版本 version 应为 ${MATCH_WEIGHTS_VERSION}（实为 ${String(root.version)}），按版本 ${MATCH_WEIGHTS_VERSION} 读取`,
      `version must be ${MATCH_WEIGHTS_VERSION} (found ${String(root.version)}); read as version ${MATCH_WEIGHTS_VERSION}`,
    );
  }

  const note = r.obj(root.note);
  if (
    note &&
    typeof note.zh === 'string' &&
    note.zh.trim() &&
    typeof note.en === 'string' &&
    note.en.trim()
  ) {
    out.note = { zh: note.zh, en: note.en };
  } else {
    r.fail(
      undefined,
      'note',
      '说明 note 需要中文和英文文本，使用默认说明',
      'note needs both zh and en text; default used',
    );
  }

  for (const key of NUMBER_FIELDS) {
    const v = root[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
    else {
      const d = DEFAULT_MATCH_WEIGHTS[key];
      r.fail(
        undefined,
        key,
        `${key} 应为不小于 0 的数字（实为 ${JSON.stringify(v) ?? '缺失'}），使用默认值 ${d}`,
        `${key} must be a number ≥ 0 (found ${JSON.stringify(v) ?? 'nothing'}); default ${d} used`,
      );
    }
  }

  const opts = root.radiusKmOptions;
  if (Array.isArray(opts) && opts.length > 0 && opts.every(isPositive)) {
    out.radiusKmOptions = [...new Set(opts)].sort((a, b) => a - b);
  } else {
    r.fail(
      undefined,
      'radiusKmOptions',
      `可选距离 radiusKmOptions 应为大于 0 的数字组成的非空数组，使用默认值 ${DEFAULT_MATCH_WEIGHTS.radiusKmOptions.join('、')} 公里`,
      `radiusKmOptions must be a non-empty array of numbers > 0; default ${DEFAULT_MATCH_WEIGHTS.radiusKmOptions.join(', ')} km used`,
    );
  }

  const def = root.defaultRadiusKm;
  if (isPositive(def) && out.radiusKmOptions.includes(def)) out.defaultRadiusKm = def;
  else {
    // The preselected distance must be one the user can pick again.
    const fallback = out.radiusKmOptions.includes(DEFAULT_MATCH_WEIGHTS.defaultRadiusKm)
      ? DEFAULT_MATCH_WEIGHTS.defaultRadiusKm
      : (out.radiusKmOptions[0] as number);
    out.defaultRadiusKm = fallback;
    r.fail(
      undefined,
      'defaultRadiusKm',
      `默认距离 defaultRadiusKm 应为可选距离之一（实为 ${JSON.stringify(def) ?? '缺失'}），使用 ${fallback} 公里`,
      `defaultRadiusKm must be one of radiusKmOptions (found ${JSON.stringify(def) ?? 'nothing'}); ${fallback} km used`,
    );
  }

  for (const key of Object.keys(root)) {
    if (KNOWN_FIELDS.has(key)) continue;
    // Most likely a misspelt weight: say so, since its intended value is not being used.
    issues.push({
      file,
      field: key,
      severity: 'warning',
      reason: { zh: `未知字段 ${key}，已忽略`, en: `unknown field "${key}"; ignored` },
    });
  }

  return { value: out, issues };
}
