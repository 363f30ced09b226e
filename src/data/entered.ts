import type { EnteredGoal, EnteredKind, EnteredNev, EnteredValue } from '../model';
import { enteredKey, parseAsOf } from '../model';
import { readCsvRows, startCsv } from './csv';
import type { Goal } from './goals';
import type { IssueCode } from './types';

// Figures typed into a form or read from a small CSV → checked entries (model/entered.ts), each
// problem with its field and why. Pure: the caller gives today's date and the entry's timestamp.

export type EnteredField = 'goal' | 'district' | 'value' | 'asOf' | 'source' | 'note';

/** Why a field was refused: a key of the goals dictionary (i18n/zh-goals.ts) with its parameters. */
export type EnteredProblemCode =
  | 'entered.problem.required'
  | 'entered.problem.notNumber'
  | 'entered.problem.negative'
  | 'entered.problem.notInteger'
  | 'entered.problem.overHundred'
  | 'entered.problem.badDate'
  | 'entered.problem.badDay'
  | 'entered.problem.future'
  | 'entered.problem.noSource'
  | 'entered.problem.tooLong'
  | 'entered.problem.unknownGoal'
  | 'entered.problem.unknownDistrict'
  | 'entered.problem.repeated'
  | 'entered.problem.missingColumn'
  | 'entered.problem.unknownColumn'
  | 'entered.problem.notText'
  | 'entered.problem.noRows'
  | 'entered.problem.blankRow'
  | 'entered.problem.tooBig';

export interface FieldProblem {
  field: EnteredField;
  code: EnteredProblemCode;
  params?: Record<string, string | number>;
}

/** What a form holds: the text of each field, as typed. */
export interface GoalForm {
  goal: string;
  value: string;
  asOf: string;
  source: string;
  note: string;
}
export interface NevForm {
  district: string;
  value: string;
  asOf: string;
  source: string;
}

export interface DistrictName {
  adcode: string;
  name_zh: string;
  name_en: string;
}

export interface EntryContext {
  goals: readonly Goal[];
  districts: readonly DistrictName[];
  /** YYYY-MM-DD (model/dates.ts todayIso): a later date is refused. */
  today: string;
  /** The timestamp a new entry gets (ISO). */
  now: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** The longest source or note kept: a sentence with a web address, not a document. */
export const MAX_TEXT = 500;

/** Full-width digits and signs (a Chinese input method's １２３．５) as ASCII. */
function halfWidth(s: string): string {
  return s.replace(/[０-９．，－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A typed figure → a number: empty → null, anything but a plain decimal → NaN. Thousands
 * separators (1,900) are allowed where they group by three; 1e3, 0x10 and "12 辆" are not numbers.
 */
export function parseFigure(text: string): number | null {
  let s = halfWidth(text).trim();
  if (s === '') return null;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(',', '');
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * A date as people write it (2025, 2025-06, 2025/6/30, 2025.6.30, 2025年6月30日) → YYYY, YYYY-MM or
 * YYYY-MM-DD, or null when it is not a real date of one of those forms.
 */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/.exec(
    halfWidth(text).trim(),
  );
  if (!m) return null;
  const p = (x: string) => x.padStart(2, '0');
  const s = [m[1], m[2] && p(m[2]), m[3] && p(m[3])].filter(Boolean).join('-');
  return parseAsOf(s) ? s : null;
}

/** A date after today, at the date's own precision (2026 is not after 2026-03-01). */
export function isFuture(date: string, today: string): boolean {
  return date > today.slice(0, date.length);
}

function readValue(text: string, out: FieldProblem[], extra?: (n: number) => FieldProblem | null) {
  const n = parseFigure(text);
  if (n === null) out.push({ field: 'value', code: 'entered.problem.required' });
  else if (Number.isNaN(n))
    out.push({ field: 'value', code: 'entered.problem.notNumber', params: { got: text.trim() } });
  else if (n < 0) out.push({ field: 'value', code: 'entered.problem.negative' });
  else {
    const p = extra?.(n);
    if (p) out.push(p);
    else return n;
  }
  return null;
}

function readDate(text: string, today: string, dayOnly: boolean, out: FieldProblem[]): string | null {
  const got = text.trim();
  if (got === '') {
    out.push({ field: 'asOf', code: 'entered.problem.required' });
    return null;
  }
  const d = normaliseDate(got);
  if (d === null || (dayOnly && d.length !== 10)) {
    out.push({
      field: 'asOf',
      code: dayOnly ? 'entered.problem.badDay' : 'entered.problem.badDate',
      params: { got },
    });
    return null;
  }
  if (isFuture(d, today)) {
    out.push({ field: 'asOf', code: 'entered.problem.future', params: { got: d, today } });
    return null;
  }
  return d;
}

function readText(text: string, field: 'source' | 'note', out: FieldProblem[]): string {
  const s = text.trim();
  if (field === 'source' && s === '') out.push({ field, code: 'entered.problem.noSource' });
  else if (s.length > MAX_TEXT)
    out.push({ field, code: 'entered.problem.tooLong', params: { limit: MAX_TEXT } });
  return s;
}

/** A goal by its id, or by its name in either language (a CSV may name it). */
export function findGoal(goals: readonly Goal[], text: string): Goal | undefined {
  const s = text.trim();
  return (
    goals.find((g) => g.id === s) ??
    goals.find((g) => g.name.zh === s || g.name.en.toLowerCase() === s.toLowerCase())
  );
}

/** A district by adcode or name: 相山区, 相山, Xiangshan District, Xiangshan. */
export function findDistrict(districts: readonly DistrictName[], text: string): DistrictName | undefined {
  const s = text.trim();
  const lower = s.toLowerCase();
  const short = (zh: string) => zh.replace(/[区县]$/, '');
  const enShort = (en: string) => en.toLowerCase().replace(/ (district|county)$/, '');
  return districts.find(
    (d) =>
      d.adcode === s ||
      d.name_zh === s ||
      (s.length >= 2 && short(d.name_zh) === s) ||
      d.name_en.toLowerCase() === lower ||
      enShort(d.name_en) === lower,
  );
}

/** What a field names (a goal, a district), or its problem: empty, or naming nothing known. */
function readRef<T>(
  text: string,
  field: 'goal' | 'district',
  find: (text: string) => T | undefined,
  unknown: EnteredProblemCode,
  out: FieldProblem[],
): T | undefined {
  const got = text.trim();
  const found = got === '' ? undefined : find(got);
  if (found === undefined)
    out.push(
      got === '' ? { field, code: 'entered.problem.required' } : { field, code: unknown, params: { got } },
    );
  return found;
}

/** A goal's current value as typed → an entry, or every problem with its field. Nothing is kept on a problem. */
export function checkGoalEntry(form: GoalForm, ctx: EntryContext): Checked<EnteredGoal> {
  const problems: FieldProblem[] = [];
  const goal = readRef(
    form.goal,
    'goal',
    (x) => findGoal(ctx.goals, x),
    'entered.problem.unknownGoal',
    problems,
  );
  const percent = goal?.unit.zh === '%';
  const value = readValue(form.value, problems, (n) =>
    percent && n > 100 ? { field: 'value', code: 'entered.problem.overHundred' } : null,
  );
  const asOf = readDate(form.asOf, ctx.today, false, problems);
  const source = readText(form.source, 'source', problems);
  const note = readText(form.note, 'note', problems);
  if (problems.length > 0 || !goal || value === null || asOf === null) return { ok: false, problems };
  return { ok: true, value: { kind: 'goal', goal: goal.id, value, asOf, source, note, enteredAt: ctx.now } };
}

/** A district's NEV count as typed → an entry, or every problem with its field. */
export function checkNevEntry(form: NevForm, ctx: EntryContext): Checked<EnteredNev> {
  const problems: FieldProblem[] = [];
  const district = readRef(
    form.district,
    'district',
    (x) => findDistrict(ctx.districts, x),
    'entered.problem.unknownDistrict',
    problems,
  );
  const value = readValue(form.value, problems, (n) =>
    Number.isInteger(n) ? null : { field: 'value', code: 'entered.problem.notInteger' },
  );
  const asOf = readDate(form.asOf, ctx.today, true, problems);
  const source = readText(form.source, 'source', problems);
  if (problems.length > 0 || !district || value === null || asOf === null) return { ok: false, problems };
  return {
    ok: true,
    value: { kind: 'nev', district: district.adcode, value, asOf, source, enteredAt: ctx.now },
  };
}

// ---- CSV -------------------------------------------------------------------------------------

/** Each field's accepted headers (case and spaces ignored), the first one the canonical name. */
const COLUMNS: Record<EnteredKind, Partial<Record<EnteredField | 'name', readonly string[]>>> = {
  goal: {
    goal: ['goal', 'id', '目标', '目标编号'],
    value: ['value', '数值', '现状值'],
    asOf: ['as_of', 'asof', 'date', '截至', '截至日期', '日期'],
    source: ['source', '来源', '出处'],
    note: ['note', '说明', '备注'],
    name: ['name', '名称', '目标名称'],
  },
  nev: {
    district: ['area', 'district', '县区', '区县', '地区'],
    value: ['nev_count', 'value', 'count', '新能源汽车', '新能源汽车数量', '数量'],
    asOf: ['as_of', 'asof', 'date', '截至', '截至日期', '日期'],
    source: ['source', '来源', '出处'],
    name: ['name', 'name_zh', '名称'],
  },
};
const OPTIONAL: ReadonlySet<string> = new Set(['note', 'name']);

/** One problem of a CSV file: its 1-based line (null: the whole file), the file's column, and why. */
export interface CsvProblem {
  line: number | null;
  column: string;
  code: EnteredProblemCode | IssueCode;
  params?: Record<string, string | number>;
  /** A warning keeps the row (an ignored extra column); an error keeps the row out. */
  severity: 'error' | 'warning';
}

export interface EnteredCsv {
  /** The rows without an error, as entries (a later row never replaces an earlier one of the file). */
  values: EnteredValue[];
  problems: CsvProblem[];
  /** Data rows read. */
  rows: number;
  /** Lines not imported (each has at least one error in `problems`). */
  rejected: number;
  /** Lines that give no figure at all (a template's unfilled rows): each has a warning in `problems`. */
  blank: number;
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '');

/**
 * A small CSV of goal values (goal,value,as_of,source,note) or NEV counts (area,nev_count,as_of,
 * source) → entries for the rows without an error, and every problem by line, column and why.
 * A row with a problem is not imported, and says so; a missing column refuses the whole file.
 */
export function parseEnteredCsv(text: string, kind: EnteredKind, ctx: EntryContext): EnteredCsv {
  const problems: CsvProblem[] = [];
  const none = { values: [], problems, rows: 0, rejected: 0, blank: 0 };
  const { issues, add, body, empty } = startCsv(text, '');
  const fromIssues = () => {
    for (const i of issues)
      problems.push({
        line: i.line ?? null,
        column: i.field ?? '',
        code: i.code,
        params: i.params ?? {},
        severity: i.severity,
      });
  };
  if (empty) {
    fromIssues();
    return none;
  }
  const { rows, header } = readCsvRows(body, add);
  const columnOf = new Map<string, string>();
  for (const h of header) {
    const field = Object.entries(COLUMNS[kind]).find(([, names]) =>
      names.some((n) => norm(n) === norm(h)),
    )?.[0];
    if (field && !columnOf.has(field)) columnOf.set(field, h);
    else if (h.trim() !== '')
      problems.push({ line: 1, column: h, code: 'entered.problem.unknownColumn', severity: 'warning' });
  }
  const missing = Object.entries(COLUMNS[kind]).filter(([f]) => !OPTIONAL.has(f) && !columnOf.has(f));
  for (const [, names] of missing)
    problems.push({
      line: 1,
      column: names[0] as string,
      code: 'entered.problem.missingColumn',
      severity: 'error',
    });
  if (missing.length > 0) return none;
  if (rows.length === 0) {
    problems.push({ line: null, column: '', code: 'entered.problem.noRows', severity: 'error' });
    return none;
  }
  const rowErrors = new Map<number, number>();
  for (const i of issues) if (i.line !== undefined && i.severity === 'error') rowErrors.set(i.line, 1);
  fromIssues();
  const cell = (row: Record<string, string>, f: EnteredField) => row[columnOf.get(f) ?? ''] ?? '';
  const firstLine = new Map<string, number>();
  const values: EnteredValue[] = [];
  let rejected = 0;
  let blank = 0;
  for (const { data: row, line } of rows) {
    if ((['value', 'asOf', 'source', 'note'] as const).every((f) => cell(row, f) === '')) {
      problems.push({
        line,
        column: columnOf.get('value') ?? '',
        code: 'entered.problem.blankRow',
        severity: 'warning',
      });
      blank += 1;
      continue;
    }
    const checked =
      kind === 'goal'
        ? checkGoalEntry(
            {
              goal: cell(row, 'goal'),
              value: cell(row, 'value'),
              asOf: cell(row, 'asOf'),
              source: cell(row, 'source'),
              note: cell(row, 'note'),
            },
            ctx,
          )
        : checkNevEntry(
            {
              district: cell(row, 'district'),
              value: cell(row, 'value'),
              asOf: cell(row, 'asOf'),
              source: cell(row, 'source'),
            },
            ctx,
          );
    const at = (f: EnteredField) => columnOf.get(f) ?? f;
    if (!checked.ok) {
      for (const p of checked.problems)
        problems.push({ line, column: at(p.field), code: p.code, params: p.params ?? {}, severity: 'error' });
      rejected += 1;
      continue;
    }
    const key = enteredKey(checked.value);
    const first = firstLine.get(key);
    if (first !== undefined) {
      const field = kind === 'goal' ? 'goal' : 'district';
      problems.push({
        line,
        column: at(field),
        code: 'entered.problem.repeated',
        params: { first },
        severity: 'error',
      });
      rejected += 1;
      continue;
    }
    if (rowErrors.has(line)) {
      rejected += 1;
      continue;
    }
    firstLine.set(key, line);
    values.push(checked.value);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { values, problems, rows: rows.length, rejected, blank };
}

/** What the import of a CSV of entered values did: the file, what it held, what was kept. */
export interface EnteredImportReport extends EnteredCsv {
  kind: EnteredKind;
  fileName: string;
}

/** The header of each kind's CSV, in the order a template lists it. */
export function csvColumns(kind: EnteredKind): string[] {
  return kind === 'goal'
    ? ['goal', 'name', 'value', 'as_of', 'source', 'note']
    : ['area', 'nev_count', 'as_of', 'source'];
}
