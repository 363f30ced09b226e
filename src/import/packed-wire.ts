// Packed records as they travel between the page and the import worker: each column's text as
// UTF-8 bytes in a transferred buffer, and the import's report as lines of JSON. Strings and
// objects in a message are copied out of it on the receiving side in the one task that reads the
// message (some 300 ms for 500,000 firms); bytes move without a copy, and the receiver turns them
// back into text and rows a part at a time, between other tasks.

import { nextTask, runInSlices, runWhole, type Slices, type Wait } from '../domain/slices';
import {
  PACKED_LISTS,
  type PackedColumn,
  type PackedDataset,
  type PackedLists,
  type PackedRecords,
  READ_BUDGET_MS,
  transferablesOf,
} from './packed-records';
import type { ReportRow } from './pipeline';

/** A packed column on its way: its text as UTF-8 bytes (`utf8`), or as text where bytes would change it. */
export type WireColumn = Omit<PackedColumn, 'text'> & { text?: string; utf8?: Uint8Array };
export type WireRecords = Omit<PackedRecords, 'columns'> & { columns: WireColumn[] };
export type WireLists = Record<keyof PackedLists, WireRecords>;
/**
 * An import as the worker posts it. With `reportLines`, its report rows are there, one JSON text
 * per line in UTF-8 (and `report` is empty): 40,000 rows as objects took the page 40–70 ms to
 * take out of the message, in its one task.
 */
export type WireDataset = Omit<PackedDataset, 'packed'> & { packed: WireLists; reportLines?: Uint8Array };

// A lone surrogate (possible in JSON text) would come back from UTF-8 as U+FFFD: such a column
// travels as text.
const wellFormed = (s: string): boolean =>
  (s as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;

function columnToWire(c: PackedColumn): WireColumn {
  if (c.text === undefined || !wellFormed(c.text)) return c;
  const { text, ...rest } = c;
  return { ...rest, utf8: new TextEncoder().encode(text) };
}

/** Bytes decoded per slice: 4 MiB is some 10 ms here; a 500,000-firm name column is 30 MB. */
export const DECODE_BYTES = 1 << 22;

/** UTF-8 bytes → text, a part per slice; a character cut between two parts is joined again by the stream. */
export function* textOf(utf8: Uint8Array, partBytes = DECODE_BYTES): Slices<string> {
  const decoder = new TextDecoder();
  if (utf8.length <= partBytes) return decoder.decode(utf8);
  const parts: string[] = [];
  for (let at = 0; at < utf8.length; at += partBytes) {
    if (at > 0) yield;
    parts.push(decoder.decode(utf8.subarray(at, at + partBytes), { stream: at + partBytes < utf8.length }));
  }
  return parts.join('');
}

function* columnFromWire(c: WireColumn): Slices<PackedColumn> {
  if (c.utf8 === undefined) return c as PackedColumn;
  const { utf8, ...rest } = c;
  return { ...rest, text: yield* textOf(utf8) };
}

/** One packed set for the wire, a column per slice. */
export function* recordsToWire(p: PackedRecords): Slices<WireRecords> {
  const columns: WireColumn[] = [];
  for (const c of p.columns) {
    if (columns.length > 0) yield;
    columns.push(columnToWire(c));
  }
  return { ...p, columns };
}

/** One packed set back from the wire, a column (or a part of a long one) per slice. */
export function* recordsFromWire(p: WireRecords): Slices<PackedRecords> {
  const columns: PackedColumn[] = [];
  for (const c of p.columns) {
    if (columns.length > 0) yield;
    columns.push(yield* columnFromWire(c));
  }
  return { ...p, columns };
}

/** Every list of an import for the wire. */
export function* listsToWire(lists: PackedLists): Slices<WireLists> {
  const out: Partial<WireLists> = {};
  for (const [list] of PACKED_LISTS) out[list] = yield* recordsToWire(lists[list]);
  return out as WireLists;
}

/** Every list of an import back from the wire. */
export function* listsFromWire(lists: WireLists): Slices<PackedLists> {
  const out: Partial<PackedLists> = {};
  for (const [list] of PACKED_LISTS) out[list] = yield* recordsFromWire(lists[list]);
  return out as PackedLists;
}

/** The worker's side, at once (it has no page to give way to). */
export const fromWireWhole = (p: WireRecords): PackedRecords => runWhole(recordsFromWire(p));

export function datasetToWire(ds: PackedDataset): WireDataset {
  const wire: WireDataset = { ...ds, packed: runWhole(listsToWire(ds.packed)) };
  const lines = reportToLines(ds.report);
  return lines ? { ...wire, report: [], reportLines: lines } : wire;
}

/** Every buffer of a posted import, to transfer. */
export const wireTransferables = (w: WireDataset): ArrayBuffer[] => [
  ...transferablesOf(...Object.values(w.packed)),
  ...(w.reportLines ? [w.reportLines.buffer as ArrayBuffer] : []),
];

/**
 * The report as lines of JSON, or null when JSON would change a row (a number that is not finite
 * becomes null in JSON): such a report goes as it is.
 */
function reportToLines(report: readonly ReportRow[]): Uint8Array | null {
  let exact = true;
  const keep = (_: string, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) exact = false;
    return v;
  };
  // JSON writes a line break inside a text as \n: a line is one row.
  const text = report.map((r) => JSON.stringify(r, keep)).join('\n');
  return exact ? new TextEncoder().encode(text) : null;
}

/** Report rows parsed per slice. */
const REPORT_SLICE = 2000;

function* reportFromLines(utf8: Uint8Array): Slices<ReportRow[]> {
  const text = yield* textOf(utf8);
  if (text === '') return [];
  const lines = text.split('\n');
  const out = new Array<ReportRow>(lines.length);
  for (let i = 0; i < lines.length; i += 1) {
    if (i > 0 && i % REPORT_SLICE === 0) yield;
    out[i] = JSON.parse(lines[i] as string) as ReportRow;
  }
  return out;
}

/** The page's side, a column per slice with a new task whenever a while has passed. */
export const toWireSliced = (p: PackedRecords, wait: Wait = nextTask): Promise<WireRecords> =>
  runInSlices(recordsToWire(p), wait);

export async function datasetFromWire(ds: WireDataset, wait: Wait = nextTask): Promise<PackedDataset> {
  const { reportLines, ...rest } = ds;
  const packed = await runInSlices(listsFromWire(ds.packed), wait, READ_BUDGET_MS);
  const report = reportLines
    ? await runInSlices(reportFromLines(reportLines), wait, READ_BUDGET_MS)
    : ds.report;
  return { ...rest, packed, report };
}
