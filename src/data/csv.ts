import Papa from 'papaparse';
import type { Bilingual, DataIssue } from './types';

/** Records one problem of a CSV file: its 1-based line (or none for the whole file), field and reason. */
export type Add = (
  line: number | undefined,
  field: string,
  reason: Bilingual,
  severity?: DataIssue['severity'],
) => void;

export interface CsvRow {
  data: Record<string, string>;
  /** 1-based line the row starts on (the header is line 1). */
  line: number;
}

/** Starts reading a CSV file: strips a BOM, and reports an empty file once. */
export function startCsv(text: string, file: string) {
  const issues: DataIssue[] = [];
  const add: Add = (line, field, reason, severity = 'error') =>
    issues.push({ file, field, reason, severity, ...(line === undefined ? {} : { line }) });
  const body = text.replace(/^\uFEFF/, '');
  const empty = body.trim() === '';
  if (empty) add(undefined, '(file)', { zh: '文件是空的', en: 'the file is empty' });
  return { issues, add, body, empty };
}

/**
 * CSV text → rows with the line each starts on, and the header. Line numbers come from each row's
 * offset in the text, not its index: quoted fields may span lines and blank lines are skipped, and
 * the user looks for the line their editor shows.
 */
export function readCsvRows(body: string, add: Add): { rows: CsvRow[]; header: string[] } {
  const newlines: number[] = [];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const rows: { data: Record<string, string>; line: number }[] = [];
  let fields: string[] = [];
  let cursor = newlines[0] === undefined ? body.length : (newlines[0] as number) + 1;
  Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    transform: (v) => v.trim(),
    step: (r) => {
      let start = cursor;
      while (start < body.length && /\s/.test(body[start] as string)) start += 1;
      const line = lineAt(start);
      cursor = r.meta.cursor;
      fields = r.meta.fields ?? fields;
      for (const e of r.errors)
        add(line, '(csv)', { zh: `CSV 格式错误：${e.message}`, en: `CSV error: ${e.message}` });
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
