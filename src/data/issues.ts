import * as v from 'valibot';
import { zhIssues } from '../i18n/zh-issues';
import { MAX_STEP_TEXT } from '../model';
import type { DataIssue, IssueCode } from './types';

// The one mapper from valibot issues to our DataIssue: the path gives the field, the schema's
// message gives the code (see model/common.ts), the input gives what was found.

type Params = Record<string, string | number>;
type Issue = v.BaseIssue<unknown>;

/** Where issues go: the file, the item (0-based row) and the field prefix they are under. */
export interface At {
  file: string;
  row?: number;
  /** The field the parsed value sits at ("" or undefined: the item itself). */
  field?: string;
  severity?: DataIssue['severity'];
}

/** A short, safe rendering of the offending value. */
export function show(x: unknown): string {
  let s: string;
  try {
    s = typeof x === 'string' ? JSON.stringify(x) : (JSON.stringify(x) ?? String(x));
  } catch {
    s = String(x);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const isCode = (s: string): s is IssueCode => Object.hasOwn(zhIssues, s);

// When a schema carries no code of ours (e.g. the view schemas), its kind says enough.
const BY_TYPE: Record<string, IssueCode> = {
  string: 'json.text',
  number: 'json.number',
  boolean: 'json.bool',
  array: 'json.array',
  object: 'json.object',
  loose_object: 'json.object',
  picklist: 'json.oneOf',
  literal: 'json.oneOf',
  integer: 'json.integer',
  min_value: 'json.min',
  max_value: 'json.max',
  regex: 'json.id',
};

// Limits a check action cannot carry in its issue.
const LIMITS: Partial<Record<IssueCode, number>> = { 'json.tooLong': MAX_STEP_TEXT };

export function fieldOf(base: string | undefined, path: Issue['path']): string {
  let f = base ?? '';
  for (const p of path ?? []) {
    const key = (p as { key: unknown }).key;
    f = typeof key === 'number' ? `${f}[${key}]` : f ? `${f}.${String(key)}` : String(key);
  }
  return f;
}

export function toIssue(i: Issue, at: At): DataIssue {
  const missing = i.input === undefined && i.received === 'undefined';
  const code: IssueCode = missing
    ? 'json.missing'
    : isCode(i.message)
      ? i.message
      : (BY_TYPE[i.type] ?? 'json.invalid');
  const params: Params = {};
  if (!missing) params.got = show(i.input);
  if (code === 'json.oneOf')
    params.options = i.expected?.replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ' / ') ?? '';
  const requirement = (i as { requirement?: unknown }).requirement;
  if (typeof requirement === 'number') params.limit = requirement;
  const limit = LIMITS[code];
  if (limit !== undefined) params.limit = limit;
  // A file that is not even an object: "(root)", as the notices have always said.
  return issueAt(at, fieldOf(at.field, i.path) || (at.row === undefined ? '(root)' : ''), code, params);
}

/** One issue at a place; field "" stands for the whole item (or file). */
export function issueAt(
  at: At,
  field: string,
  code: IssueCode,
  params?: Params,
  severity?: DataIssue['severity'],
): DataIssue {
  return {
    file: at.file,
    ...(at.row === undefined ? {} : { row: at.row }),
    ...(field ? { field } : {}),
    code,
    ...(params && Object.keys(params).length > 0 ? { params } : {}),
    severity: severity ?? at.severity ?? 'error',
  };
}

export function toIssues(issues: readonly Issue[] | undefined, at: At): DataIssue[] {
  return (issues ?? []).map((i) => toIssue(i, at));
}

/**
 * Parses one value with its schema: the output, or undefined with the issues pushed. The fallback
 * pattern of every validator here ("this field is bad: say so, use the default, read on").
 */
export function parseAt<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  at: At,
  out: DataIssue[],
): v.InferOutput<S> | undefined {
  const r = v.safeParse(schema, input);
  if (r.success) return r.output;
  out.push(...toIssues(r.issues, at));
  return undefined;
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keys the format does not know, most likely typos ("pannel"): a warning each, since they change nothing. */
export function unknownKeys(o: unknown, known: readonly string[], at: At, out: DataIssue[]): void {
  if (!isObject(o)) return;
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) {
      const field = at.field ? `${at.field}.${k}` : k;
      out.push(issueAt(at, field, 'json.unknownKey', undefined, 'warning'));
    }
  }
}

// Anything that looks like a tag: such text is shown literally, and the editor is told.
const MARKUP_RE = /<\s*[a-z!/?]/i;
export function markup(text: string, at: At, field: string, out: DataIssue[]): void {
  if (MARKUP_RE.test(text)) out.push(issueAt(at, field, 'json.markup', undefined, 'warning'));
}
