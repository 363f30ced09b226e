import * as v from 'valibot';
import { BilingualSchema, JsonObject, RecordDateSchema } from '../model';
import { issueAt, parseAt, unknownKeys } from './issues';
import type { DataIssue, Validated } from './types';

/** The ledger's rules (public/data/ledger.json): when a source counts as possibly out of date. */
export interface LedgerRules {
  staleAfterMonths: number;
}

export const DEFAULT_LEDGER: LedgerRules = { staleAfterMonths: 24 };

const MonthsSchema = v.pipe(
  v.number('json.number'),
  v.integer('json.integer'),
  v.minValue(1, 'json.min'),
  v.maxValue(240, 'json.max'),
);

/** ledger.json → the rules; a bad or missing value is reported and the default used. */
export function validateLedger(json: unknown, file: string): Validated<LedgerRules> {
  const issues: DataIssue[] = [];
  const out = { ...DEFAULT_LEDGER };
  const root = parseAt(JsonObject, json, { file }, issues);
  if (!root) return { value: out, issues };
  unknownKeys(root, ['version', 'staleAfterMonths', 'note'], { file }, issues);
  if (root.version !== 1)
    issues.push(
      issueAt({ file }, 'version', 'json.oneOf', { got: String(root.version), options: '1' }, 'warning'),
    );
  const months = parseAt(MonthsSchema, root.staleAfterMonths, { file, field: 'staleAfterMonths' }, issues);
  if (months !== undefined) out.staleAfterMonths = months;
  if (root.note !== undefined) parseAt(BilingualSchema, root.note, { file, field: 'note' }, issues);
  return { value: out, issues };
}

/** The dates a whole file's records share (areas.json, goals.json: the plan's); '' unknown. */
export interface RecordDates {
  sourceDate: string;
  checked: string;
}

/** A file's sourceDate / checked / dateNote: a bad date is reported (a warning) and taken as unknown. */
export function readFileDates(root: Record<string, unknown>, file: string, issues: DataIssue[]): RecordDates {
  const one = (field: 'sourceDate' | 'checked') => {
    if (root[field] === undefined) return '';
    const d = parseAt(RecordDateSchema, root[field], { file, field, severity: 'warning' }, issues);
    return d === undefined || d === 'unknown' ? '' : d;
  };
  if (root.dateNote !== undefined)
    parseAt(BilingualSchema, root.dateNote, { file, field: 'dateNote', severity: 'warning' }, issues);
  return { sourceDate: one('sourceDate'), checked: one('checked') };
}
