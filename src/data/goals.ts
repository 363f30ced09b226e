import type * as v from 'valibot';
import {
  type Bilingual,
  BilingualSchema,
  GOAL_FIELDS,
  GOALS_ROOT_KEYS,
  GOALS_VERSION,
  type Goal,
  type GoalCurrent,
  GoalCurrentSchema,
  type GoalDirection,
  GoalsRootSchema,
  type GoalValue,
  GoalValueSchema,
  JsonObject,
} from '../model';
import { type At, isObject, issueAt, markup, parseAt, show, unknownKeys } from './issues';
import { readFileDates } from './ledger';
import type { DataIssue, Validated } from './types';

export {
  type AsOf,
  GOALS_VERSION,
  type Goal,
  type GoalCurrent,
  type GoalDirection,
  type GoalMeasure,
  type GoalValue,
  parseAsOf,
} from '../model';

type Issues = DataIssue[];

/** A quote that is not word for word in the plan is not shown as the plan's. */
export function quoteInPlan(quote: Bilingual, planText: string | undefined, at: At): DataIssue | null {
  return planText === undefined || planText.includes(quote.zh)
    ? null
    : issueAt(at, 'planQuote.zh', 'goal.quoteNotInPlan');
}

/** The top of a range (力争2-3家) only makes sense above an "at least" value. */
function rangeTop(
  max: unknown,
  t: { value: number },
  direction: GoalDirection,
  at: At,
  f: string,
  out: Issues,
) {
  if (max === undefined) return undefined;
  if (direction !== 'atLeast') out.push(issueAt(at, `${f}.max`, 'goal.maxOnlyAtLeast'));
  else if (typeof max !== 'number' || !Number.isFinite(max) || max <= t.value)
    out.push(issueAt(at, `${f}.max`, 'goal.maxAboveValue', { value: t.value, got: show(max) }));
  else return max;
  return undefined;
}

function readValues(raw: unknown[], direction: GoalDirection, at: At, out: Issues): GoalValue[] {
  const values: GoalValue[] = [];
  for (const [j, t] of raw.entries()) {
    const f = `targets[${j}]`;
    const p = parseAt(GoalValueSchema, t, { ...at, field: f }, out);
    unknownKeys(t, Object.keys(GoalValueSchema.entries), { ...at, field: f }, out);
    if (!p) continue;
    if (values.some((x) => x.year === p.year)) {
      out.push(issueAt(at, `${f}.year`, 'dup.year', { year: p.year }));
      continue;
    }
    const max = rangeTop(p.max, p, direction, at, f, out);
    values.push(max === undefined ? { year: p.year, value: p.value } : { year: p.year, value: p.value, max });
  }
  return values.sort((a, b) => a.year - b.year);
}

/** The usable current value, null for "not provided", or 'invalid' when it was given but unusable. */
function readCurrent(raw: unknown, at: At, out: Issues): GoalCurrent | null | 'invalid' {
  if (raw === null) return null;
  if (raw === undefined) {
    out.push(issueAt(at, 'current', 'goal.currentMissing', undefined, 'warning'));
    return null;
  }
  const cat = { ...at, field: 'current' };
  if (isObject(raw)) unknownKeys(raw, Object.keys(GoalCurrentSchema.entries), cat, out);
  const c = parseAt(GoalCurrentSchema, raw, cat, out);
  if (!c) return 'invalid';
  markup(c.source, at, 'current.source', out);
  if (c.note) markup(`${c.note.zh} ${c.note.en}`, at, 'current.note', out);
  // Unclear whether the figure is real: show it as illustrative rather than overclaim.
  let illustrative = true;
  if (c.illustrative === undefined) illustrative = false;
  else if (typeof c.illustrative === 'boolean') illustrative = c.illustrative;
  else
    out.push(
      issueAt(at, 'current.illustrative', 'json.bool', { got: show(c.illustrative) }),
      issueAt(at, 'current.illustrative', 'field.defaultedTo', { value: 'true' }),
    );
  return {
    value: c.value,
    asOf: c.asOf,
    source: c.source,
    ...(c.note ? { note: c.note } : {}),
    illustrative,
  };
}

function readGoal(
  raw: unknown,
  at: At,
  seen: Set<string>,
  planText: string | undefined,
  out: Issues,
): Goal | null {
  const o = parseAt(JsonObject, raw, { ...at, field: '(goal)' }, out);
  if (!o) return null;
  type Fields = typeof GOAL_FIELDS;
  const field = <K extends keyof Fields>(key: K, severity?: DataIssue['severity']) =>
    parseAt(
      GOAL_FIELDS[key] as v.GenericSchema<unknown, v.InferOutput<Fields[K]>>,
      o[key],
      { ...at, field: key, ...(severity ? { severity } : {}) },
      out,
    );
  const id = field('id');
  if (id === undefined) return null;
  if (seen.has(id)) {
    out.push(issueAt(at, 'id', 'dup.id', { id }));
    return null;
  }
  unknownKeys(o, Object.keys(GOAL_FIELDS), at, out);
  const direction = field('direction');
  if (direction === undefined) return null;
  const rawValues = field('targets');
  const targets = rawValues ? readValues(rawValues, direction, at, out) : [];
  if (targets.length === 0) {
    out.push(issueAt(at, 'targets', 'goal.noValue'));
    return null;
  }
  /** An optional field with a default: a bad value is reported, and the default said. */
  const orDefault = <T>(value: T | undefined, key: string, fallback: T, shown: string): T => {
    if (value !== undefined) return value;
    out.push(issueAt(at, key, 'field.defaultedTo', { value: shown }));
    return fallback;
  };
  const name = orDefault(field('name'), 'name', { zh: id, en: id }, id);
  const unit = field('unit') ?? { zh: '', en: '' };
  const strict = o.strict === undefined ? false : orDefault(field('strict'), 'strict', false, 'false');
  const measure =
    o.measure === undefined ? 'stock' : orDefault(field('measure'), 'measure', 'stock', 'stock');
  const everyYear =
    o.everyYear === undefined ? false : orDefault(field('everyYear'), 'everyYear', false, 'false');
  const quote = field('planQuote');
  const misquote = quote && quoteInPlan(quote, planText, at);
  if (misquote) out.push(misquote);
  const current = readCurrent(o.current, at, out);
  seen.add(id);
  return {
    id,
    row: at.row as number,
    name,
    unit,
    direction,
    strict,
    measure,
    everyYear,
    targets,
    planQuote: quote && !misquote ? quote : null,
    planSection: field('planSection') ?? null,
    note: o.note === undefined ? null : (field('note', 'warning') ?? null),
    current: current === 'invalid' ? null : current,
    currentInvalid: current === 'invalid',
  };
}

/**
 * goals.json → the plan's goals with their current values. Every problem is reported with the goal
 * (its index), the field and why; a goal is kept with what is usable, or left out with an issue
 * saying so. Never throws. With `planText`, each planQuote.zh must appear in it.
 */
export function validateGoals(
  json: unknown,
  file: string,
  options?: { planText?: string },
): Validated<Goal[]> {
  const issues: Issues = [];
  const root = parseAt(JsonObject, json, { file }, issues);
  if (!root) return { value: [], issues };
  unknownKeys(root, GOALS_ROOT_KEYS, { file }, issues);
  if (root.version !== GOALS_VERSION)
    issues.push(
      root.version === undefined
        ? issueAt({ file }, 'version', 'version.missing', { expected: GOALS_VERSION })
        : issueAt({ file }, 'version', 'version.readAnyway', {
            expected: GOALS_VERSION,
            got: show(root.version),
          }),
    );
  for (const key of ['note', 'plan'] as const)
    if (root[key] !== undefined)
      parseAt(BilingualSchema, root[key], { file, field: key, severity: 'warning' }, issues);
  const dates = readFileDates(root, file, issues);
  const list = parseAt(GoalsRootSchema.entries.goals, root.goals, { file, field: 'goals' }, issues);
  if (!list) return { value: [], issues };
  const seen = new Set<string>();
  const goals: Goal[] = [];
  for (const [row, raw] of list.entries()) {
    const at = { file, row };
    const g = readGoal(raw, at, seen, options?.planText, issues);
    if (g) goals.push({ ...g, ...dates });
    else issues.push(issueAt(at, '', 'item.notShown'));
  }
  return { value: goals, issues };
}
