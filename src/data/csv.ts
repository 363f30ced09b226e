import Papa from 'papaparse';
import { type DateRead, readDate } from '../model/dates';
import type { DataIssue, IssueCode } from './types';

export type IssueParams = Record<string, string | number>;

/**
 * Records one problem of a CSV file: its 1-based line (or none for the whole file), field, and why
 * (a template code of i18n/zh-issues.ts with its parameters).
 */
export type Add = (
  line: number | undefined,
  field: string,
  code: IssueCode,
  params?: IssueParams,
  severity?: DataIssue['severity'],
) => void;

/** An `add` that collects into `issues`, naming `file`. */
export function issueCollector(issues: DataIssue[], file: string): Add {
  return (line, field, code, params = {}, severity = 'error') =>
    issues.push({ file, field, code, params, severity, ...(line === undefined ? {} : { line }) });
}

export interface CsvRow {
  data: Record<string, string>;
  /** 1-based line the row starts on (the header is line 1). */
  line: number;
}

/** Starts reading a CSV file: strips a BOM, and reports an empty file once. */
export function startCsv(text: string, file: string) {
  const issues: DataIssue[] = [];
  const add = issueCollector(issues, file);
  const body = text.replace(/^\uFEFF/, '');
  const empty = body.trim() === '';
  if (empty) add(undefined, '(file)', 'row.fileEmpty');
  return { issues, add, body, empty };
}

/**
 * Line numbers from character offsets, for a parser that reports each row's end (papaparse's
 * meta.cursor): the row starts at the first non-blank character after the previous row's end.
 */
export function lineLocator(body: string) {
  const newlines: number[] = [];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) newlines.push(i);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return {
    /** The line of the row that begins at or after `offset` (skipping blank lines). */
    lineAt(offset: number): number {
      let start = offset;
      while (start < body.length && /\s/.test(body[start] as string)) start += 1;
      return lineOf(start);
    },
    /** The 1-based line the character at `offset` is on. */
    lineOf,
    /** The offset where a line starts. */
    startOf: (line: number) => (line <= 1 ? 0 : (newlines[line - 2] as number) + 1),
    /** The offset of the line's newline, or the end of the text. */
    endOf: (line: number) => newlines[line - 1] ?? body.length,
    /** Where the first row after the header starts. */
    firstRowStart: newlines[0] === undefined ? body.length : (newlines[0] as number) + 1,
  };
}

/**
 * CSV text → rows with the line each starts on, and the header. Line numbers come from each row's
 * offset in the text, not its index: quoted fields may span lines and blank lines are skipped, and
 * the user looks for the line their editor shows.
 */
export function readCsvRows(body: string, add: Add): { rows: CsvRow[]; header: string[] } {
  const { lineAt, firstRowStart } = lineLocator(body);
  const rows: { data: Record<string, string>; line: number }[] = [];
  let fields: string[] = [];
  let cursor = firstRowStart;
  Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    transform: (v) => v.trim(),
    step: (r) => {
      const line = lineAt(cursor);
      cursor = r.meta.cursor;
      fields = r.meta.fields ?? fields;
      for (const e of r.errors) add(line, '(csv)', 'row.csvError', { message: e.message });
      rows.push({ data: r.data, line });
    },
    complete: (r) => {
      fields = r.meta.fields ?? fields;
    },
  });
  const header = fields.length
    ? fields
    : (Papa.parse<string[]>(body, { preview: 1 }).data[0] ?? []).map((h) => h.trim());
  return { rows, header };
}

// Huaibei's bbox with a margin of ~10 km: a point outside it is a typo or another datum.
export const BBOX = { west: 116.28, east: 117.15, south: 33.18, north: 34.35 };

export function inBbox(lon: number, lat: number): boolean {
  return lon >= BBOX.west && lon <= BBOX.east && lat >= BBOX.south && lat <= BBOX.north;
}
const ID_RE = /^[A-Za-z0-9._-]{1,60}$/;
// Anything that looks like a tag: such text is shown literally, and the user is told.
const MARKUP_RE = /<\s*[a-z!/?]/i;

/** Reports every required column the header lacks (on line 1). */
export function requireColumns(header: readonly string[], required: readonly string[], add: Add): void {
  for (const c of required) {
    if (!header.includes(c)) add(1, c, 'row.missingColumn', { column: c });
  }
}

/** Warns about text fields that look like markup: they are kept, and shown as plain text. */
export function flagMarkup(
  row: Record<string, string>,
  fields: readonly string[],
  line: number,
  add: Add,
): void {
  for (const f of fields) {
    const v = row[f];
    // No '<', no tag: the plain search spares the pattern on almost every cell.
    if (v !== undefined && v.indexOf('<') !== -1 && MARKUP_RE.test(v))
      add(line, f, 'row.markup', {}, 'warning');
  }
}

/**
 * A row's id and a key unique within the file: an invalid id becomes `line-N`, a repeated one is
 * reported and keeps the row under `id~line`, so nothing is dropped.
 */
export function readRowId(
  raw: string,
  line: number,
  seen: Set<string>,
  add: Add,
): { id: string; key: string } {
  let id = raw;
  if (!ID_RE.test(id)) {
    add(line, 'id', 'row.badId', { id });
    id = `line-${line}`;
  }
  let key = id;
  // One look-up: the set did not grow, so the id was there already.
  const before = seen.size;
  seen.add(id);
  if (seen.size === before) {
    add(line, 'id', 'row.duplicateId', { id }, 'warning');
    key = `${id}~${line}`;
  }
  return { id, key };
}

/** A cell as a number: null when empty, NaN when not a number. */
export function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s.trim());
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * lon/lat cells → a WGS84 point inside Huaibei, or null. Both empty is `absent` (the caller decides
 * whether that matters); half a pair, text, or a point outside the city is reported, with a hint
 * when the two look swapped.
 */
export function readPoint(
  lonText: string | undefined,
  latText: string | undefined,
  line: number,
  add: Add,
): { lngLat: [number, number] | null; absent: boolean } {
  const lon = num(lonText);
  const lat = num(latText);
  if (lon === null && lat === null) return { lngLat: null, absent: true };
  if (lon === null || lat === null || Number.isNaN(lon) || Number.isNaN(lat)) {
    add(line, lon === null || Number.isNaN(lon) ? 'lon' : 'lat', 'row.pointIncomplete', {
      lon: lonText ?? '',
      lat: latText ?? '',
    });
    return { lngLat: null, absent: false };
  }
  if (!inBbox(lon, lat)) {
    add(line, 'lon', inBbox(lat, lon) ? 'row.pointOutsideSwapped' : 'row.pointOutside', { lon, lat });
    return { lngLat: null, absent: false };
  }
  return { lngLat: [lon, lat], absent: false };
}

/**
 * A date cell (source_date, checked): read as people write dates (see model/dates.ts readDate).
 * "unknown" (or 不详/未知) is a date said to be unknown; a bad or future date is reported for
 * its row and field, and the record kept with its date unknown (''). An absent column says nothing.
 */
export function readDateCell(
  row: Record<string, string | undefined>,
  field: string,
  line: number,
  today: string,
  add: Add,
): string {
  const raw = row[field];
  if (raw === undefined) return '';
  const r = readDateOnce(raw, today);
  if (r.problem === 'future') add(line, field, 'row.futureDate', { date: raw }, 'warning');
  else if (r.problem === 'unparsable') add(line, field, 'row.badDate', { date: raw }, 'warning');
  return r.date;
}

const UNKNOWN_DATE = new Set(['unknown', '不详', '未知']);
const KNOWN_UNKNOWN: DateRead = { date: '', problem: null };

// A column repeats the same few texts (the import's own date on every row): each is read once,
// for one today; another today starts anew.
let datesOf: { today: string; read: (raw: string) => DateRead } | null = null;

function readDateOnce(raw: string, today: string): DateRead {
  if (datesOf?.today !== today) {
    const read = (t: string) =>
      UNKNOWN_DATE.has(t.trim().toLowerCase()) ? KNOWN_UNKNOWN : readDate(t, today);
    datesOf = { today, read: remembered(read, 4096) };
  }
  return datesOf.read(raw);
}

/**
 * A function of a cell's text that answers each text once: a column repeats the same few names
 * (a district, a segment) down 100,000 rows. Up to `max` texts are held, then it starts anew.
 */
export function remembered<T>(fn: (s: string) => T, max = 10_000): (s: string) => T {
  const answers = new Map<string, T>();
  return (s) => {
    if (answers.has(s)) return answers.get(s) as T;
    if (answers.size >= max) answers.clear();
    const r = fn(s);
    answers.set(s, r);
    return r;
  };
}
