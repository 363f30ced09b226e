import {
  JsonObject,
  MATCH_WEIGHT_FIELDS,
  MATCH_WEIGHTS_VERSION,
  type MatchWeights,
  MatchWeightsSchema,
} from '../model';
import { type At, issueAt, parseAt, show, unknownKeys } from './issues';
import type { DataIssue, Validated } from './types';

export { MATCH_WEIGHTS_VERSION, type MatchWeights } from '../model';

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
  neighbourShare: 0.5,
  countIllustrative: false,
  radiusKmOptions: [5, 10, 20, 30],
  defaultRadiusKm: 10,
  note: {
    zh: '企业与园区匹配的评分规则（内置默认值）。',
    en: 'Scoring rules for matching a firm to an area (built-in defaults).',
  },
};

/** The preselected distance must be one the user can pick again. */
export function defaultRadiusOffered(w: MatchWeights, at: At): DataIssue | null {
  return w.radiusKmOptions.includes(w.defaultRadiusKm)
    ? null
    : issueAt(at, 'defaultRadiusKm', 'weights.radiusNotOffered', { got: w.defaultRadiusKm });
}

/**
 * match-weights.json → typed weights. Never throws: each bad field is reported with its name and
 * replaced by its default, so one typo cannot switch the whole match off.
 */
export function validateMatchWeights(json: unknown, file: string): Validated<MatchWeights> {
  const issues: DataIssue[] = [];
  const out: MatchWeights = {
    ...DEFAULT_MATCH_WEIGHTS,
    radiusKmOptions: [...DEFAULT_MATCH_WEIGHTS.radiusKmOptions],
  };
  const root = parseAt(JsonObject, json, { file }, issues);
  if (!root) {
    issues.push(issueAt({ file }, '(root)', 'field.defaulted'));
    return { value: out, issues };
  }
  // A newer file most likely keeps the fields, and each one is checked anyway: read on.
  if (root.version !== MATCH_WEIGHTS_VERSION) {
    issues.push(
      issueAt({ file }, 'version', 'version.readAnyway', {
        expected: MATCH_WEIGHTS_VERSION,
        got: show(root.version),
      }),
    );
  }
  const e = MatchWeightsSchema.entries;
  const read = <K extends keyof MatchWeights>(key: K, shown: string | undefined): void => {
    const value = parseAt(e[key], root[key], { file, field: key }, issues);
    if (value !== undefined) out[key] = value as MatchWeights[K];
    else
      issues.push(
        shown === undefined
          ? issueAt({ file }, key, 'field.defaulted')
          : issueAt({ file }, key, 'field.defaultedTo', { value: shown }),
      );
  };
  read('note', undefined);
  for (const key of MATCH_WEIGHT_FIELDS) read(key, String(DEFAULT_MATCH_WEIGHTS[key]));
  read('radiusKmOptions', DEFAULT_MATCH_WEIGHTS.radiusKmOptions.join(' / '));
  out.radiusKmOptions = [...new Set(out.radiusKmOptions)].sort((a, b) => a - b);
  read('defaultRadiusKm', String(DEFAULT_MATCH_WEIGHTS.defaultRadiusKm));
  read('countIllustrative', String(DEFAULT_MATCH_WEIGHTS.countIllustrative));
  const notOffered = defaultRadiusOffered(out, { file });
  if (notOffered) {
    const fallback = out.radiusKmOptions.includes(DEFAULT_MATCH_WEIGHTS.defaultRadiusKm)
      ? DEFAULT_MATCH_WEIGHTS.defaultRadiusKm
      : (out.radiusKmOptions[0] as number);
    out.defaultRadiusKm = fallback;
    issues.push(notOffered, issueAt({ file }, 'defaultRadiusKm', 'field.defaultedTo', { value: fallback }));
  }
  // Most likely a misspelt weight: say so, since its intended value is not being used.
  unknownKeys(root, Object.keys(e), { file }, issues);
  return { value: out, issues };
}
