import type { Bilingual, DataIssue, Validated } from './types';

/** atLeast: the plan's 不低于 / 以上 / 达到; atMost: its 低于 (with strict: true). */
export type GoalDirection = 'atLeast' | 'atMost';
/**
 * stock: a level at a date (charging points built, firms in a pool): a figure from before the
 * deadline that already meets the target counts as met.
 * flow: a yearly amount (revenue, exports, trainees per year): only the target year's own figure
 * can meet or miss that year's target.
 */
export type GoalMeasure = 'stock' | 'flow';

export interface GoalTarget {
  year: number;
  /** The threshold progress is measured against (the lower end of a range). */
  value: number;
  /** Upper end of a range the plan gives, as in 力争2-3家: shown, not measured. */
  max?: number;
}

export interface GoalCurrent {
  value: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  /** Free text, web addresses included: shown as text with links, never as markup. */
  source: string;
  note?: Bilingual;
  /** A demonstration figure, not a real one: always labelled so on screen. */
  illustrative: boolean;
}

export interface Goal {
  id: string;
  /** 0-based index in the file's goals array, to match issues to goals. */
  row: number;
  name: Bilingual;
  unit: Bilingual;
  direction: GoalDirection;
  /** The plan says 低于 ("below"): reaching the value exactly does not meet it. */
  strict: boolean;
  measure: GoalMeasure;
  /** The plan sets the same target every year (每年); the listed years are the ones shown. */
  everyYear: boolean;
  /** Sorted by year; only years the plan states. */
  targets: GoalTarget[];
  /** Null when missing or not found word for word in the plan: a misquote is never shown as the plan's. */
  planQuote: Bilingual | null;
  planSection: string | null;
  /** How the goal is read (e.g. 全面 as 100 %), for whoever fills in the current value. */
  note: Bilingual | null;
  current: GoalCurrent | null;
  /** The file gave a current value that could not be used: shown as an error, not as "not provided". */
  currentInvalid: boolean;
}

export const GOALS_VERSION = 1;

const ROOT_KEYS = new Set(['version', 'note', 'plan', 'goals']);
const GOAL_KEYS = new Set([
  'id',
  'name',
  'unit',
  'direction',
  'strict',
  'measure',
  'everyYear',
  'targets',
  'planQuote',
  'planSection',
  'note',
  'current',
]);
const TARGET_KEYS = new Set(['year', 'value', 'max']);
const CURRENT_KEYS = new Set(['value', 'asOf', 'source', 'note', 'illustrative']);
const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const MARKUP_RE = /<\s*[a-z!/?]/i;
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

type Obj = Record<string, unknown>;
type Report = (field: string, zh: string, en: string, severity?: DataIssue['severity']) => void;

function asObj(v: unknown): Obj | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
}

/** A short, safe rendering of the offending value for the message. */
function show(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** "is missing" or "must be X, got Y", in both languages. */
function why(v: unknown, zhType: string, enType: string): [string, string] {
  if (v === undefined) return ['缺少此字段', 'is missing'];
  return [`应为${zhType}，实际为 ${show(v)}`, `must be ${enType}, got ${show(v)}`];
}

function isBilingual(v: unknown): v is Bilingual {
  const o = asObj(v);
  return (
    o !== null &&
    typeof o.zh === 'string' &&
    o.zh.trim() !== '' &&
    typeof o.en === 'string' &&
    o.en.trim() !== ''
  );
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export interface AsOf {
  year: number;
  month?: number;
  day?: number;
}

/** YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; null otherwise. */
export function parseAsOf(s: string): AsOf | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < YEAR_MIN || year > YEAR_MAX) return null;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  // Day 0 of the next month is the last day of this one (UTC: no time-zone surprises).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day };
}

function warnUnknownKeys(o: Obj, known: Set<string>, prefix: string, report: Report): void {
  for (const k of Object.keys(o)) {
    if (!known.has(k))
      report(
        `${prefix}${k}`,
        '未知字段（是否拼写错误？），已忽略',
        'unknown field (a typo?), ignored',
        'warning',
      );
  }
}

function warnMarkup(v: string, field: string, report: Report): void {
  if (MARKUP_RE.test(v))
    report(
      field,
      '含有类似 HTML 的标记，按纯文本显示',
      'contains HTML-like markup; shown as plain text',
      'warning',
    );
}

function readTargets(raw: unknown, direction: GoalDirection, report: Report): GoalTarget[] {
  if (!Array.isArray(raw)) {
    report('targets', ...why(raw, '数组', 'an array'));
    return [];
  }
  const out: GoalTarget[] = [];
  for (const [j, t] of raw.entries()) {
    const f = `targets[${j}]`;
    const o = asObj(t);
    if (!o) {
      report(f, ...why(t, ' {year, value} 对象', 'a {year, value} object'));
      continue;
    }
    warnUnknownKeys(o, TARGET_KEYS, `${f}.`, report);
    const { year, value, max } = o;
    let ok = true;
    if (!isFiniteNumber(year) || !Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
      report(
        `${f}.year`,
        ...why(year, ` ${YEAR_MIN}–${YEAR_MAX} 之间的整数年份`, `a whole year ${YEAR_MIN}–${YEAR_MAX}`),
      );
      ok = false;
    }
    if (!isFiniteNumber(value) || value < 0) {
      report(`${f}.value`, ...why(value, '不小于 0 的数字', 'a number ≥ 0'));
      ok = false;
    }
    if (!ok || !isFiniteNumber(year) || !isFiniteNumber(value)) continue;
    if (out.some((x) => x.year === year)) {
      report(`${f}.year`, `${year} 年的目标重复，已忽略后者`, `a second target for ${year}, ignored`);
      continue;
    }
    const target: GoalTarget = { year, value };
    if (max !== undefined) {
      if (direction !== 'atLeast')
        report(
          `${f}.max`,
          '只有 atLeast 目标可以给出区间上限，已忽略',
          'only atLeast goals can give a range top; ignored',
        );
      else if (!isFiniteNumber(max) || max <= value)
        report(`${f}.max`, ...why(max, `大于 ${value} 的数字`, `a number greater than ${value}`));
      else target.max = max;
    }
    out.push(target);
  }
  return out.sort((a, b) => a.year - b.year);
}

/** Returns the usable current value, null for "not provided", or 'invalid' when it was given but unusable. */
function readCurrent(raw: unknown, report: Report): GoalCurrent | null | 'invalid' {
  if (raw === null) return null;
  if (raw === undefined) {
    report(
      'current',
      '缺少此字段（没有数据时请写 null）',
      'is missing (write null when there is no figure)',
      'warning',
    );
    return null;
  }
  const o = asObj(raw);
  if (!o) {
    report(
      'current',
      ...why(raw, ' null 或 {value, asOf, source} 对象', 'null or a {value, asOf, source} object'),
    );
    return 'invalid';
  }
  warnUnknownKeys(o, CURRENT_KEYS, 'current.', report);
  const { value, asOf, source, note, illustrative } = o;
  let ok = true;
  if (!isFiniteNumber(value) || value < 0) {
    report('current.value', ...why(value, '不小于 0 的数字', 'a number ≥ 0'));
    ok = false;
  }
  if (typeof asOf !== 'string' || parseAsOf(asOf) === null) {
    report(
      'current.asOf',
      ...why(
        asOf,
        '有效日期 YYYY、YYYY-MM 或 YYYY-MM-DD',
        `a real date as YYYY, YYYY-MM or YYYY-MM-DD (${YEAR_MIN}–${YEAR_MAX})`,
      ),
    );
    ok = false;
  }
  // A figure without a source is never shown: the dashboard shows only what can be checked.
  if (!isNonEmptyString(source)) {
    report('current.source', ...why(source, '非空的出处文字或网址', 'a non-empty source text or URL'));
    ok = false;
  }
  if (!ok || !isFiniteNumber(value) || typeof asOf !== 'string' || !isNonEmptyString(source))
    return 'invalid';
  warnMarkup(source, 'current.source', report);
  // Unclear whether the figure is real: show it as illustrative rather than overclaim.
  let isIllustrative = false;
  if (illustrative !== undefined) {
    if (typeof illustrative === 'boolean') isIllustrative = illustrative;
    else {
      report(
        'current.illustrative',
        `${why(illustrative, ' true 或 false', 'true or false')[0]}；按示意数据显示`,
        `${why(illustrative, ' true 或 false', 'true or false')[1]}; shown as illustrative`,
      );
      isIllustrative = true;
    }
  }
  const current: GoalCurrent = { value, asOf, source, illustrative: isIllustrative };
  if (note !== undefined) {
    if (isNonEmptyString(note)) current.note = { zh: note, en: note };
    else if (isBilingual(note)) current.note = { zh: note.zh, en: note.en };
    else report('current.note', ...why(note, '文字或 {zh, en}', 'text or {zh, en}'));
    if (current.note) warnMarkup(`${current.note.zh} ${current.note.en}`, 'current.note', report);
  }
  return current;
}

function readGoal(
  raw: unknown,
  row: number,
  reporter: (row: number, id: string | null) => Report,
  seen: Set<string>,
  planText: string | undefined,
): Goal | null {
  const o = asObj(raw);
  if (!o) {
    reporter(row, null)('(goal)', ...why(raw, '对象（本项未显示）', 'an object (goal not shown)'));
    return null;
  }
  const rawId = o.id;
  const report = reporter(row, isNonEmptyString(rawId) ? rawId : null);
  if (typeof rawId !== 'string' || !ID_RE.test(rawId)) {
    report(
      'id',
      ...why(
        rawId,
        '由小写字母、数字和连字符组成的 id（本项未显示）',
        'an id of lower-case letters, digits and hyphens (goal not shown)',
      ),
    );
    return null;
  }
  const id = rawId;
  if (seen.has(id)) {
    report('id', 'id 重复，本项未显示', 'duplicate id, goal not shown');
    return null;
  }
  warnUnknownKeys(o, GOAL_KEYS, '', report);

  const direction = o.direction;
  if (direction !== 'atLeast' && direction !== 'atMost') {
    report(
      'direction',
      ...why(direction, ' "atLeast" 或 "atMost"（本项未显示）', '"atLeast" or "atMost" (goal not shown)'),
    );
    return null;
  }
  const targets = readTargets(o.targets, direction, report);
  if (targets.length === 0) {
    report('targets', '没有可用的目标值，本项未显示', 'no usable target, goal not shown');
    return null;
  }

  let name: Bilingual = { zh: id, en: id };
  if (isBilingual(o.name)) name = { zh: o.name.zh, en: o.name.en };
  else
    report(
      'name',
      ...why(o.name, '含中英文的 {zh, en}（暂以 id 代替）', 'a {zh, en} pair (the id is shown instead)'),
    );

  let unit: Bilingual = { zh: '', en: '' };
  if (isBilingual(o.unit)) unit = { zh: o.unit.zh, en: o.unit.en };
  else report('unit', ...why(o.unit, '含中英文的 {zh, en}', 'a {zh, en} pair'));

  let strict = false;
  if (o.strict !== undefined) {
    if (typeof o.strict === 'boolean') strict = o.strict;
    else
      report('strict', ...why(o.strict, ' true 或 false（按 false 处理）', 'true or false (read as false)'));
  }

  let measure: GoalMeasure = 'stock';
  if (o.measure !== undefined) {
    if (o.measure === 'stock' || o.measure === 'flow') measure = o.measure;
    else
      report(
        'measure',
        ...why(o.measure, ' "stock" 或 "flow"（按 stock 处理）', '"stock" or "flow" (read as stock)'),
      );
  }

  let everyYear = false;
  if (o.everyYear !== undefined) {
    if (typeof o.everyYear === 'boolean') everyYear = o.everyYear;
    else
      report(
        'everyYear',
        ...why(o.everyYear, ' true 或 false（按 false 处理）', 'true or false (read as false)'),
      );
  }

  let planQuote: Bilingual | null = null;
  if (!isBilingual(o.planQuote)) {
    report('planQuote', ...why(o.planQuote, '含中英文的 {zh, en}', 'a {zh, en} pair'));
  } else if (planText !== undefined && !planText.includes(o.planQuote.zh)) {
    // A quote that is not word for word in the plan is not shown as the plan's.
    report(
      'planQuote.zh',
      '在规划原文中找不到这段文字，未显示',
      'not found word for word in the plan; not shown',
    );
  } else planQuote = { zh: o.planQuote.zh, en: o.planQuote.en };

  let planSection: string | null = null;
  if (isNonEmptyString(o.planSection)) planSection = o.planSection;
  else
    report('planSection', ...why(o.planSection, '非空文字，如 “§三.14”', 'non-empty text such as "§三.14"'));

  let note: Bilingual | null = null;
  if (o.note !== undefined) {
    if (isBilingual(o.note)) note = { zh: o.note.zh, en: o.note.en };
    else report('note', ...why(o.note, '含中英文的 {zh, en}', 'a {zh, en} pair'), 'warning');
  }

  const current = readCurrent(o.current, report);
  seen.add(id);
  return {
    id,
    row,
    name,
    unit,
    direction,
    strict,
    measure,
    everyYear,
    targets,
    planQuote,
    planSection,
    note,
    current: current === 'invalid' ? null : current,
    currentInvalid: current === 'invalid',
  };
}

/**
 * goals.json → the plan's goals with their current values. Every problem is reported with the goal
 * (index and id), the field and why, in both languages; a goal is kept with what is usable, or left
 * out with an issue saying so. Never throws. With `planText`, each planQuote.zh must appear in it.
 */
export function validateGoals(
  json: unknown,
  file: string,
  options?: { planText?: string },
): Validated<Goal[]> {
  const issues: DataIssue[] = [];
  const push = (
    row: number | undefined,
    field: string,
    zh: string,
    en: string,
    severity: DataIssue['severity'],
  ) => issues.push({ file, field, reason: { zh, en }, severity, ...(row === undefined ? {} : { row }) });
  const rootReport: Report = (field, zh, en, severity = 'error') =>
    push(undefined, field, `字段 ${field}：${zh}`, `field ${field}: ${en}`, severity);
  const reporter =
    (row: number, id: string | null): Report =>
    (field, zh, en, severity = 'error') => {
      const zhGoal = id ? `目标“${id}”（第 ${row + 1} 项）` : `第 ${row + 1} 项目标`;
      const enGoal = id ? `goal "${id}" (item ${row + 1})` : `goal item ${row + 1}`;
      push(row, field, `${zhGoal}，字段 ${field}：${zh}`, `${enGoal}, field ${field}: ${en}`, severity);
    };

  const root = asObj(json);
  if (!root) {
    rootReport('(root)', ...why(json, ' JSON 对象', 'a JSON object'));
    return { value: [], issues };
  }
  warnUnknownKeys(root, ROOT_KEYS, '', rootReport);
  if (root.version !== GOALS_VERSION)
    rootReport(
      'version',
      ...why(root.version, ` ${GOALS_VERSION}（仍尽量读取）`, `${GOALS_VERSION} (read as far as possible)`),
    );
  for (const key of ['note', 'plan'] as const)
    if (root[key] !== undefined && !isBilingual(root[key]))
      rootReport(key, ...why(root[key], '含中英文的 {zh, en}', 'a {zh, en} pair'), 'warning');
  if (!Array.isArray(root.goals)) {
    rootReport('goals', ...why(root.goals, '数组', 'an array'));
    return { value: [], issues };
  }
  const seen = new Set<string>();
  const goals: Goal[] = [];
  for (const [row, raw] of root.goals.entries()) {
    const g = readGoal(raw, row, reporter, seen, options?.planText);
    if (g) goals.push(g);
  }
  return { value: goals, issues };
}

export type TargetStatus = 'met' | 'on-track-unknown' | 'not-met' | 'no-data';

export interface TargetProgress {
  year: number;
  target: GoalTarget;
  status: TargetStatus;
  /** current / target for atLeast goals (0..1); null where a share means nothing (atMost, no data). */
  share: number | null;
}

function meets(goal: Goal, current: number, target: number): boolean {
  if (goal.direction === 'atLeast') return goal.strict ? current > target : current >= target;
  return goal.strict ? current < target : current <= target;
}

/**
 * Whether a figure dated `asOf` speaks for the end of `year` (the plan's 到2025年 = by the end of
 * 2025). A bare year is a whole-year figure for a flow, but an unknown day of that year for a stock.
 */
function coversYearEnd(asOf: AsOf, year: number, measure: GoalMeasure): boolean {
  if (asOf.year !== year) return asOf.year > year;
  if (asOf.month === undefined) return measure === 'flow';
  return asOf.month === 12 && (asOf.day === undefined || asOf.day === 31);
}

/** Each target's status against the current value, respecting direction and strictness. Pure. */
export function goalProgress(goal: Goal): TargetProgress[] {
  return goal.targets.map((target) => {
    const none: TargetProgress = { year: target.year, target, status: 'no-data', share: null };
    const c = goal.current;
    if (!c) return none;
    const asOf = parseAsOf(c.asOf);
    if (!asOf) return none;
    // A flow figure for a later year says nothing about this year's amount.
    if (goal.measure === 'flow' && asOf.year > target.year) return none;
    const share =
      goal.direction === 'atLeast' && target.value > 0
        ? Math.min(1, Math.max(0, c.value / target.value))
        : null;
    const ok = meets(goal, c.value, target.value);
    let status: TargetStatus;
    // An earlier year's flow, even one above the target, does not settle this year's.
    if (goal.measure === 'flow' && asOf.year < target.year) status = 'on-track-unknown';
    else if (ok) status = 'met';
    else status = coversYearEnd(asOf, target.year, goal.measure) ? 'not-met' : 'on-track-unknown';
    return { year: target.year, target, status, share };
  });
}
