// Records as columns: a string table (one text, the end of each string in it) per text field, a
// typed array per number field. This is how a large import is posted by the worker and kept in
// IndexedDB: the structured clone of a few long strings and typed arrays is a copy of memory,
// where the same 100,000 records as objects take a second of the page's time to write and to
// read back. Records are rebuilt from the columns a slice at a time (`unpackSliced`), so that no
// single task of the page is long.

import type { Charger } from '../data/chargers';
import type { Enterprise } from '../data/types';
import { nextTask, runInSlices, runWhole, type Slices, type Wait } from '../domain/slices';
import type { DuplicateMatch } from './duplicates';
import type { ImportedDataset } from './pipeline';

/** How one field of a record is held. `null` values and absent fields are told apart by `flags`. */
type FieldKind = 'string' | 'number' | 'boolean' | 'point' | 'bilingual' | 'strings';

interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** May be null (flag 1). */
  nullable?: true;
  /** May be absent from the record (flag 2). */
  optional?: true;
}

export interface PackedColumn {
  name: string;
  kind: FieldKind;
  /** String table: every string of the column, one after the other; `ends[i]` is where string i ends. */
  text?: string;
  ends?: Uint32Array;
  /** Numbers (a point: two per record), booleans as 0/1. */
  values?: Float64Array;
  /** Strings per record ('strings' kind). */
  counts?: Uint32Array;
  /** 0: a value, 1: null, 2: absent; left out when every record has a value. */
  flags?: Uint8Array;
  /**
   * A 'string' column with few distinct values (a file name in every source, a status): the string
   * table holds each value once and this says which one each record has.
   */
  index?: Uint32Array;
}

export interface PackedRecords {
  /** Which record type: the field list the columns follow. */
  type: 'enterprise' | 'charger' | 'match';
  length: number;
  columns: PackedColumn[];
}

/** The kind a field of this type is packed as. */
type KindOf<V> = V extends string
  ? 'string'
  : V extends number
    ? 'number'
    : V extends boolean
      ? 'boolean'
      : V extends readonly [number, number]
        ? 'point'
        : V extends readonly string[]
          ? 'strings'
          : V extends { zh: string; en: string }
            ? 'bilingual'
            : never;

/** A field's spec as its record type says it must be: its kind, and nullable or optional exactly when it is. */
type SpecOf<T, K extends keyof T> = { name: K; kind: KindOf<NonNullable<T[K]>> } & (null extends T[K]
  ? { nullable: true }
  : { nullable?: never }) &
  (object extends Pick<T, K> ? { optional: true } : { optional?: never });

/**
 * The field list of a record type, checked by the compiler against it: a field of the type that the
 * list leaves out, or one whose kind does not fit, is a type error here rather than a record that
 * loses the field in storage.
 */
const fieldsOf =
  <T>() =>
  <const L extends readonly { [K in keyof T]-?: SpecOf<T, K> }[keyof T][]>(
    list: L &
      ([Exclude<keyof T, L[number]['name']>] extends [never]
        ? unknown
        : { missing: Exclude<keyof T, L[number]['name']> }),
  ): readonly FieldSpec[] =>
    list as unknown as readonly FieldSpec[];

const ENTERPRISE_FIELDS = fieldsOf<Enterprise>()([
  { name: 'id', kind: 'string' },
  { name: 'key', kind: 'string' },
  { name: 'line', kind: 'number' },
  { name: 'name', kind: 'bilingual' },
  { name: 'area', kind: 'string', nullable: true },
  { name: 'segments', kind: 'strings' },
  { name: 'segmentSource', kind: 'string' },
  { name: 'products', kind: 'string' },
  { name: 'productLine', kind: 'bilingual' },
  { name: 'status', kind: 'string' },
  { name: 'sourceDate', kind: 'string' },
  { name: 'checked', kind: 'string' },
  { name: 'ownId', kind: 'string', optional: true },
  { name: 'nameNote', kind: 'string' },
  { name: 'address', kind: 'string' },
  { name: 'lngLat', kind: 'point', nullable: true },
  { name: 'precision', kind: 'string' },
  { name: 'locationBasis', kind: 'string' },
  { name: 'confidence', kind: 'string' },
  { name: 'confidenceNote', kind: 'string' },
  { name: 'source', kind: 'string' },
]);

const CHARGER_FIELDS = fieldsOf<Charger>()([
  { name: 'id', kind: 'string' },
  { name: 'key', kind: 'string' },
  { name: 'line', kind: 'number' },
  { name: 'name', kind: 'string' },
  { name: 'operator', kind: 'string' },
  { name: 'kind', kind: 'string' },
  { name: 'connectors', kind: 'number', nullable: true },
  { name: 'powerKw', kind: 'number', nullable: true },
  { name: 'lngLat', kind: 'point', nullable: true },
  { name: 'district', kind: 'string', nullable: true },
  { name: 'township', kind: 'string', nullable: true },
  { name: 'commissioned', kind: 'string', nullable: true },
  { name: 'status', kind: 'string' },
  { name: 'illustrative', kind: 'boolean' },
  { name: 'source', kind: 'string' },
  { name: 'sourceDate', kind: 'string' },
  { name: 'checked', kind: 'string' },
]);

const MATCH_FIELDS = fieldsOf<DuplicateMatch>()([
  { name: 'line', kind: 'number' },
  { name: 'key', kind: 'string' },
  { name: 'name', kind: 'string' },
  { name: 'existingKey', kind: 'string' },
  { name: 'existingId', kind: 'string' },
  { name: 'existingName', kind: 'string' },
  { name: 'by', kind: 'string' },
]);

const FIELDS = { enterprise: ENTERPRISE_FIELDS, charger: CHARGER_FIELDS, match: MATCH_FIELDS } as const;

/** How many columns a packed set of this type has. */
export const columnCount = (type: PackedRecords['type']): number =>
  (FIELDS as Partial<typeof FIELDS>)[type]?.length ?? 0;

type Row = Record<string, unknown>;

/** Records per slice: rebuilding this many takes a few milliseconds. */
export const SLICE = 2000;

/**
 * How long the page rebuilds records before it gives way. The garbage of the rebuild is collected
 * inside these tasks: at 20 ms the import bench saw tasks of 77 ms in three runs of five, at 8 ms
 * one of 67 ms in five.
 */
export const READ_BUDGET_MS = 8;

/** The work with a new task whenever it has run for a while; with no wait (the worker), at once. */
const inSlices = <R>(work: Slices<R>, wait: Wait | null): Promise<R> =>
  wait ? runInSlices(work, wait) : Promise.resolve(runWhole(work));

/**
 * One column of the records. A loop per kind: one loop for every kind was re-optimised by the
 * engine at each change of kind, and cost five times as much over 100,000 records.
 */
function packColumn(spec: FieldSpec, rows: readonly Row[]): PackedColumn {
  const n = rows.length;
  const name = spec.name;
  const col: PackedColumn = { name, kind: spec.kind };
  // 0: a value, 1: null, 2: absent.
  const flags = new Uint8Array(n);
  let flagged = false;
  const flagOf = (row: Row, v: unknown): number => {
    if (v === undefined && spec.optional && !(name in row)) return 2;
    if (v === null && spec.nullable) return 1;
    return 0;
  };
  if (spec.kind === 'number' || spec.kind === 'boolean' || spec.kind === 'point') {
    const values = new Float64Array(spec.kind === 'point' ? 2 * n : n);
    for (let i = 0; i < n; i += 1) {
      const row = rows[i] as Row;
      const v = row[name];
      const f = v === undefined || v === null ? flagOf(row, v) : 0;
      if (f !== 0) {
        flags[i] = f;
        flagged = true;
      } else if (spec.kind === 'point') {
        const p = v as [number, number];
        values[2 * i] = p[0];
        values[2 * i + 1] = p[1];
      } else values[i] = spec.kind === 'boolean' ? (v ? 1 : 0) : (v as number);
    }
    col.values = values;
  } else if (spec.kind === 'string') {
    const strings = new Array<string>(n);
    for (let i = 0; i < n; i += 1) {
      const row = rows[i] as Row;
      const v = row[name];
      if (typeof v === 'string') {
        strings[i] = v;
        continue;
      }
      const f = flagOf(row, v);
      strings[i] = '';
      if (f !== 0) {
        flags[i] = f;
        flagged = true;
      } else strings[i] = v as string;
    }
    const shared = dictionaryOf(strings);
    if (shared) {
      col.index = shared.index;
      setText(col, shared.values);
    } else setText(col, strings);
  } else if (spec.kind === 'bilingual') {
    const strings = new Array<string>(2 * n);
    for (let i = 0; i < n; i += 1) {
      const row = rows[i] as Row;
      const v = row[name] as { zh: string; en: string } | null | undefined;
      const f = v === undefined || v === null ? flagOf(row, v) : 0;
      if (f !== 0) {
        flags[i] = f;
        flagged = true;
      }
      strings[2 * i] = f === 0 ? (v as { zh: string }).zh : '';
      strings[2 * i + 1] = f === 0 ? (v as { en: string }).en : '';
    }
    setText(col, strings);
  } else {
    const counts = new Uint32Array(n);
    const strings: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const row = rows[i] as Row;
      const xs = row[name] as string[] | null | undefined;
      const f = xs === undefined || xs === null ? flagOf(row, xs) : 0;
      if (f !== 0) {
        flags[i] = f;
        flagged = true;
        continue;
      }
      const list = xs as string[];
      counts[i] = list.length;
      for (let j = 0; j < list.length; j += 1) strings.push(list[j] as string);
    }
    col.counts = counts;
    setText(col, strings);
  }
  if (flagged) col.flags = flags;
  return col;
}

/** The string table of a column: its strings end to end, and where each ends. */
function setText(col: PackedColumn, strings: readonly string[]): void {
  const ends = new Uint32Array(strings.length);
  let at = 0;
  for (let k = 0; k < strings.length; k += 1) {
    at += (strings[k] as string).length;
    ends[k] = at;
  }
  col.text = strings.join('');
  col.ends = ends;
}

/**
 * A column whose values repeat (a file name in every source, a status) as each value once and
 * which one each record has: less to copy into storage and back, and one string shared by every
 * record that has it. Null when more than a quarter of the values are distinct; the first rows
 * say so early for a column of names or ids, without hashing a quarter of it first.
 */
function dictionaryOf(strings: readonly string[]): { values: string[]; index: Uint32Array } | null {
  const n = strings.length;
  const limit = n / 4;
  const seen = new Map<string, number>();
  const index = new Uint32Array(n);
  for (let k = 0; k < n; k += 1) {
    const v = strings[k] as string;
    let at = seen.get(v);
    if (at === undefined) {
      at = seen.size;
      if (at + 1 > limit) return null;
      seen.set(v, at);
    }
    index[k] = at;
    // Past the first 1,000 rows, a column that has been mostly distinct so far is not tried further.
    if (k === 1023 && seen.size > 512 && seen.size > limit / 8) return null;
  }
  return { values: [...seen.keys()], index };
}

function packAs(type: PackedRecords['type'], rows: readonly Row[]): PackedRecords {
  return { type, length: rows.length, columns: FIELDS[type].map((f) => packColumn(f, rows)) };
}

export const packEnterprises = (rows: readonly Enterprise[]) =>
  packAs('enterprise', rows as unknown as readonly Row[]);
export const packChargers = (rows: readonly Charger[]) =>
  packAs('charger', rows as unknown as readonly Row[]);
export const packMatches = (rows: readonly DuplicateMatch[]) =>
  packAs('match', rows as unknown as readonly Row[]);

type Packable = Enterprise | Charger | DuplicateMatch;

function* packInSlices(type: PackedRecords['type'], rows: readonly Packable[]): Slices<PackedRecords> {
  const columns: PackedColumn[] = [];
  for (const f of FIELDS[type]) {
    if (columns.length > 0) yield;
    columns.push(packColumn(f, rows as unknown as readonly Row[]));
  }
  return { type, length: rows.length, columns };
}

/** The same as the pack functions, a column per slice, so the page draws and answers in between. */
export const packSliced = (
  type: PackedRecords['type'],
  rows: readonly Packable[],
  wait: Wait | null = nextTask,
): Promise<PackedRecords> => inSlices(packInSlices(type, rows), wait);

/** The typed arrays of a column, its text's bytes too when it travels as bytes (packed-wire.ts). */
type ColumnBuffers = Pick<PackedColumn, 'ends' | 'values' | 'counts' | 'flags' | 'index'> & {
  utf8?: Uint8Array;
};

/** The buffers of packed records, to hand to postMessage as transferables. */
export function transferablesOf(...packs: readonly { columns: readonly ColumnBuffers[] }[]): ArrayBuffer[] {
  // Distinct buffers only: postMessage refuses a list that names one twice.
  const out = new Set<ArrayBuffer>();
  for (const p of packs)
    for (const c of p.columns)
      for (const a of [c.ends, c.values, c.counts, c.flags, c.index, c.utf8])
        if (a) out.add(a.buffer as ArrayBuffer);
  return [...out];
}

/** How many strings the string table of a column without an index holds for n records. */
function stringCount(col: PackedColumn, n: number): number {
  if (col.kind === 'string') return n;
  if (col.kind === 'bilingual') return 2 * n;
  let sum = 0;
  const counts = col.counts;
  if (counts) for (let i = 0; i < n; i += 1) sum += counts[i] as number;
  return sum;
}

/**
 * Where each record's strings start in a column's string table: record i's at i (one string each)
 * or 2i (two), else from the counts. Only a list column needs the running sum.
 */
function firstStrings(col: PackedColumn, n: number): (i: number) => number {
  if (col.kind === 'string') return (i) => i;
  if (col.kind === 'bilingual') return (i) => 2 * i;
  if (col.kind !== 'strings') return () => 0;
  const first = new Uint32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i += 1) {
    first[i] = at;
    at += col.counts?.[i] ?? 0;
  }
  first[n] = at;
  return (i) => first[i] as number;
}

/** A dictionary column's values, each read once. */
function sharedOf(c: PackedColumn): string[] | null {
  if (!c.index || !c.ends || c.text === undefined) return null;
  const out: string[] = [];
  for (let k = 0; k < c.ends.length; k += 1)
    out.push(c.text.slice(k === 0 ? 0 : (c.ends[k - 1] as number), c.ends[k]));
  return out;
}

/**
 * A reader of one packed set: `rows(from, to)` rebuilds records [from, to). A column at a time over
 * the slice, so each loop sets one field of every record: the engine sees one shape change per
 * loop instead of every field of every record through one generic store.
 */
function reader(p: PackedRecords) {
  const cols = p.columns.map((c) => ({ c, first: firstStrings(c, p.length), shared: sharedOf(c) }));
  // Each record starts as a copy of a blank one with every field it will have: a copy takes the
  // blank's shape at once, where fields added one by one regrow the record's storage as they come.
  const optional = p.columns.filter((c) => c.flags?.includes(2));
  const blanks = new Map<number, Row>();
  const blankFor = (i: number): Row => {
    let mask = 0;
    optional.forEach((c, j) => {
      if (c.flags?.[i] === 2) mask |= 1 << j;
    });
    let blank = blanks.get(mask);
    if (!blank) {
      const absent = new Set(optional.filter((_, j) => mask & (1 << j)).map((c) => c.name));
      blank = Object.fromEntries(p.columns.filter((c) => !absent.has(c.name)).map((c) => [c.name, null]));
      blanks.set(mask, blank);
    }
    return blank;
  };
  return (from: number, to: number): Row[] => {
    const out: Row[] = new Array(to - from);
    for (let i = from; i < to; i += 1) out[i - from] = { ...blankFor(i) };
    for (const { c, first, shared } of cols) {
      const name = c.name;
      const flags = c.flags;
      const values = c.values as Float64Array;
      const text = c.text as string;
      const ends = c.ends as Uint32Array;
      const str = (k: number) => text.slice(k === 0 ? 0 : (ends[k - 1] as number), ends[k]);
      for (let i = from; i < to; i += 1) {
        const row = out[i - from] as Row;
        const flag = flags ? (flags[i] as number) : 0;
        if (flag === 2) continue;
        if (flag === 1) {
          row[name] = null;
          continue;
        }
        switch (c.kind) {
          case 'string':
            row[name] = shared ? shared[(c.index as Uint32Array)[i] as number] : str(i);
            break;
          case 'number':
            row[name] = values[i];
            break;
          case 'boolean':
            row[name] = values[i] === 1;
            break;
          case 'point':
            row[name] = [values[2 * i], values[2 * i + 1]];
            break;
          case 'bilingual': {
            // A name with no English of its own shows the Chinese: one string for both, not two.
            const zh = str(2 * i);
            const enAt = ends[2 * i] as number;
            const same = (ends[2 * i + 1] as number) - enAt === zh.length && text.startsWith(zh, enAt);
            row[name] = { zh, en: same ? zh : str(2 * i + 1) };
            break;
          }
          case 'strings': {
            // Literals for the usual one or two (a firm's segments): an array grown by push holds
            // room for 16 or more, and one made at its length has holes to the engine.
            const a = first(i);
            const k = first(i + 1) - a;
            if (k === 0) row[name] = [];
            else if (k === 1) row[name] = [str(a)];
            else if (k === 2) row[name] = [str(a), str(a + 1)];
            else {
              const xs: string[] = [];
              for (let j = a; j < a + k; j += 1) xs.push(str(j));
              row[name] = xs.slice();
            }
            break;
          }
        }
      }
    }
    return out;
  };
}

/** Every record at once: for tests and small sets. */
export function unpack<T extends Packable>(p: PackedRecords): T[] {
  return reader(p)(0, p.length) as unknown as T[];
}

function* unpackInSlices<T extends Packable>(p: PackedRecords): Slices<T[]> {
  const read = reader(p);
  const out: T[] = [];
  for (let i = 0; i < p.length; i += SLICE) {
    if (i > 0) yield;
    for (const r of read(i, Math.min(p.length, i + SLICE))) out.push(r as unknown as T);
  }
  return out;
}

/** Every record, slices at a time with a new task between, so the page draws and answers in between. */
export const unpackSliced = <T extends Packable>(p: PackedRecords, wait: Wait = nextTask): Promise<T[]> =>
  runInSlices(unpackInSlices<T>(p), wait, READ_BUDGET_MS);

/**
 * Whether a value read back from storage is a packed set the reader can rebuild: every column the
 * field list names, of the right kind and with arrays of the right lengths, string ends in order
 * within the text. A damaged one is refused as a whole rather than rebuilt into wrong records.
 */
export const isPacked = (x: unknown): x is PackedRecords => runWhole(packedCheck(x));

/** isPacked, a column per slice: a 500,000-record set is some ten million values to look at. */
function* packedCheck(x: unknown): Slices<boolean> {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Partial<PackedRecords>;
  if (!(p.type === 'enterprise' || p.type === 'charger' || p.type === 'match')) return false;
  if (!Array.isArray(p.columns)) return false;
  const n = p.length;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return false;
  const specs = FIELDS[p.type];
  if (p.columns.length !== specs.length) return false;
  for (let j = 0; j < specs.length; j += 1) {
    if (j > 0) yield;
    if (!columnFits(specs[j] as FieldSpec, p.columns[j] as PackedColumn | undefined, n)) return false;
  }
  return true;
}

function columnFits(s: FieldSpec, c: PackedColumn | undefined, n: number): boolean {
  if (!c || c.name !== s.name || c.kind !== s.kind) return false;
  if (c.flags !== undefined && !(c.flags instanceof Uint8Array && c.flags.length === n)) return false;
  if (s.kind === 'number' || s.kind === 'boolean' || s.kind === 'point') {
    const want = s.kind === 'point' ? 2 * n : n;
    return c.values instanceof Float64Array && c.values.length === want;
  }
  if (s.kind === 'strings' && !(c.counts instanceof Uint32Array && c.counts.length === n)) return false;
  if (typeof c.text !== 'string' || !(c.ends instanceof Uint32Array)) return false;
  const ends = c.ends;
  const size = ends.length;
  // Indexed loops: a damaged set is rare, but every set read back is checked, and `some` or
  // `for…of` over 100,000 values cost the page tens of milliseconds.
  if (c.index !== undefined) {
    const index = c.index;
    if (s.kind !== 'string' || !(index instanceof Uint32Array) || index.length !== n) return false;
    for (let i = 0; i < n; i += 1) if ((index[i] as number) >= size) return false;
  } else if (size !== stringCount(c, n)) return false;
  let last = 0;
  for (let i = 0; i < size; i += 1) {
    const e = ends[i] as number;
    if (e < last) return false;
    last = e;
  }
  return last === c.text.length;
}

/** An import's records as columns: what the worker posts and storage holds in place of the lists. */
export interface PackedLists {
  enterprises: PackedRecords;
  chargers: PackedRecords;
  unplacedEnterprises: PackedRecords;
  unplacedChargers: PackedRecords;
  matches: PackedRecords;
}

/** An import with its record lists empty and the records in `packed`. */
export type PackedDataset<D extends ImportedDataset = ImportedDataset> = D & { packed: PackedLists };

function* packDatasetInSlices<D extends ImportedDataset>(
  ds: D,
  lists: PackedLists | undefined,
): Slices<PackedDataset<D>> {
  const packed: PackedLists = lists ?? {
    enterprises: yield* packInSlices('enterprise', ds.enterprises),
    chargers: yield* packInSlices('charger', ds.chargers),
    unplacedEnterprises: yield* packInSlices('enterprise', ds.unplaced?.enterprises ?? []),
    unplacedChargers: yield* packInSlices('charger', ds.unplaced?.chargers ?? []),
    matches: yield* packInSlices('match', ds.duplicates?.matches ?? []),
  };
  return {
    ...ds,
    enterprises: [],
    chargers: [],
    // An import saved before rows were kept apart has no `unplaced`: merge.ts filters it then.
    ...(ds.unplaced ? { unplaced: { enterprises: [], chargers: [] } } : {}),
    ...(ds.duplicates ? { duplicates: { action: ds.duplicates.action, matches: [] } } : {}),
    packed,
  };
}

/**
 * An import's records packed, a column per slice (`wait` between; null: at once, in the worker);
 * `lists`: the columns they are already in.
 */
export const packDataset = <D extends ImportedDataset>(
  ds: D,
  lists: PackedLists | undefined = packedListsOf(ds),
  wait: Wait | null = nextTask,
): Promise<PackedDataset<D>> => inSlices(packDatasetInSlices(ds, lists), wait);

/** The lists of a packed import, in order, with the record type of each. */
export const PACKED_LISTS: readonly (readonly [keyof PackedLists, PackedRecords['type']])[] = [
  ['enterprises', 'enterprise'],
  ['chargers', 'charger'],
  ['unplacedEnterprises', 'enterprise'],
  ['unplacedChargers', 'charger'],
  ['matches', 'match'],
];

// The packed form a new import came from, until it is saved: storage keeps it as it is instead of
// packing the records again. An import changed afterwards is a new object (records are never
// edited in place), so it has no entry and is packed anew. Once saved, the columns are let go: the
// page holds the records, and 500,000 of them have tens of megabytes of columns besides.
const packedForms = new WeakMap<ImportedDataset, PackedLists>();

/** The columns an import was rebuilt from, if it is unchanged since and not saved yet. */
export const packedListsOf = (ds: ImportedDataset): PackedLists | undefined => packedForms.get(ds);

/** Lets go of the columns an import was rebuilt from (it is saved). */
export const forgetPackedLists = (ds: ImportedDataset): void => {
  packedForms.delete(ds);
};

/**
 * An import back from its packed form, checked a column and rebuilt a slice at a time, a new task
 * whenever a while has passed; one with no `packed` (an earlier version's save) as it is; null
 * when the columns are damaged. `keep`: the columns stay with it for its save (a new import).
 */
export const unpackDataset = <D extends ImportedDataset>(
  x: D & { packed?: unknown },
  { wait = nextTask, keep = false }: { wait?: Wait; keep?: boolean } = {},
): Promise<D | null> => runInSlices(unpackDatasetInSlices(x, keep), wait, READ_BUDGET_MS);

function* unpackDatasetInSlices<D extends ImportedDataset>(
  x: D & { packed?: unknown },
  keep: boolean,
): Slices<D | null> {
  if (x.packed === undefined) return x;
  const p = (x.packed ?? {}) as Partial<Record<keyof PackedLists, unknown>>;
  const { packed: _, ...rest } = x;
  const lists = PACKED_LISTS.map(([list]) => p[list]);
  for (const [i, l] of lists.entries()) {
    yield;
    if (!((yield* packedCheck(l)) && (l as PackedRecords).type === PACKED_LISTS[i]?.[1])) return null;
  }
  const [e, c, ue, uc, m] = lists as PackedRecords[];
  const matches = yield* unpackInSlices<DuplicateMatch>(m as PackedRecords);
  yield;
  const enterprises = yield* unpackInSlices<Enterprise>(e as PackedRecords);
  yield;
  const chargers = yield* unpackInSlices<Charger>(c as PackedRecords);
  let unplaced: ImportedDataset['unplaced'];
  if (x.unplaced) {
    yield;
    const unplacedEnterprises = yield* unpackInSlices<Enterprise>(ue as PackedRecords);
    yield;
    unplaced = {
      enterprises: unplacedEnterprises,
      chargers: yield* unpackInSlices<Charger>(uc as PackedRecords),
    };
  }
  const out: D = {
    ...(rest as unknown as D),
    enterprises,
    chargers,
    ...(unplaced ? { unplaced } : {}),
    ...(x.duplicates ? { duplicates: { action: x.duplicates.action, matches } } : {}),
  };
  if (keep) packedForms.set(out, x.packed as PackedLists);
  return out;
}
