import { pointOnFeature } from '@turf/turf';
import gcoord, { type CRSTypes } from 'gcoord';
import type { Feature, Geometry } from 'geojson';
import Papa from 'papaparse';
import type { Charger } from '../data/chargers';
import { type ChargerContext, chargersFromRows } from '../data/chargers';
import { type CsvRow, type IssueParams, inBbox, issueCollector, lineLocator, remembered } from '../data/csv';
import { enterprisesFromRows } from '../data/enterprises';
import type {
  AreaId,
  AreaPolygon,
  Bilingual,
  Confidence,
  DataIssue,
  Enterprise,
  IssueCode,
} from '../data/types';
import type { ChangeList } from '../domain/changes';
import { pointLocator } from '../domain/locate';
import { isoDate } from '../model/dates';
import {
  ALL_FIELDS,
  type ColumnMapping,
  detectKind,
  FIELDS,
  findCrsColumn,
  type ImportKind,
  requiredFields,
  suggestMapping,
  type TargetField,
  unmappedColumns,
} from './columns';
import type { DuplicateAction, DuplicateMatch } from './duplicates';
import { decode, detectEncoding, type Encoding, isNotText } from './encoding';
import { ImportFailure } from './failure';
import {
  nameIndex,
  normaliseBoolean,
  normaliseConfidence,
  normaliseCoordinate,
  normaliseDate,
  normaliseKind,
  normaliseNumber,
  normalisePrecision,
  normaliseStatus,
  readCrs,
  resolveList,
  splitLonLat,
  withoutExcelGuard,
  withoutSuffix,
} from './normalise';

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_LIST: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

/** Sizes past which a file is refused with a message, before any of it is read. */
export const LIMITS = {
  maxBytes: 80 * 1024 * 1024,
  maxColumns: 500,
  /** Bytes read to detect encoding, delimiter and columns. */
  sampleBytes: 256 * 1024,
};

/** What the app knows that an import is checked against: names to ids, district shapes, today. */
export interface ImportContext {
  segments: { id: string; names: string[] }[];
  areas: { id: AreaId; names: string[]; adcode?: string }[];
  districts: Feature<AreaPolygon, { adcode: string; name_zh: string; name_en: string }>[];
  townships: { code: string; name_zh: string; district_adcode: string }[];
  today: string;
}

export interface Table {
  header: string[];
  rows: { cells: string[]; line: number }[];
  /** Problems of the file's structure (broken quotes, ragged rows), by line. */
  issues: DataIssue[];
}

export interface Sniffed {
  fileName: string;
  size: number;
  format: 'csv' | 'geojson';
  encoding: Encoding;
  bom: boolean;
  /** Characters the chosen encoding could not decode in the sample: many means a wrong choice. */
  replaced: number;
  delimiter: string;
  header: string[];
  preview: string[][];
  kind: ImportKind;
  mapping: ColumnMapping;
  /** A column that holds "lng,lat" together (AMap's location field), if any. */
  lonLatColumn: number | null;
  crs: Crs;
  /** Why the coordinate system was suggested (a header said so), or null for the default. */
  crsReason: string | null;
  /** A column that states each row's coordinate system (坐标系), if any: it wins over `crs` for its rows. */
  crsColumn: number | null;
  swapLonLat: boolean;
}

/** Choices the user corrected in the mapping step; the rest is detected again. */
export interface SniffOverrides {
  encoding?: Encoding;
  delimiter?: string;
}

export interface ImportOptions {
  fileName: string;
  datasetId: string;
  format: 'csv' | 'geojson';
  encoding: Encoding;
  delimiter: string;
  kind: ImportKind;
  mapping: ColumnMapping;
  lonLatColumn: number | null;
  /** The coordinate system for rows whose 坐标系 cell (crsColumn) is empty or absent. */
  crs: Crs;
  /** A column that states each row's coordinate system; absent or null: none. */
  crsColumn?: number | null;
  swapLonLat: boolean;
  mode: 'join' | 'replace';
  /** Confidence for rows whose file has no confidence column. */
  confidence: Confidence;
  /** What to do with rows that match records already on the map (issue 14); default update. */
  duplicates?: DuplicateAction;
}

export interface ReportRow {
  /** 1-based line in a CSV, or feature number in a GeoJSON file; none for the whole file. */
  line?: number;
  /** The file's own column name, or a field of ours when no column was mapped. */
  column: string;
  /** Why: an issue template code and its parameters, rendered in the user's language where shown. */
  code: IssueCode;
  params: IssueParams;
  severity: 'error' | 'warning';
  /** The row was not imported. */
  rejected: boolean;
}

export interface ImportedDataset {
  id: string;
  fileName: string;
  kind: ImportKind;
  mode: 'join' | 'replace';
  importedAt: string;
  format: 'csv' | 'geojson';
  encoding: Encoding;
  crs: Crs;
  rowCount: number;
  rejectedRows: number;
  /** Records placed on the map: a usable point, or an area (firms) or a district (sites) to count them in. */
  enterprises: Enterprise[];
  chargers: Charger[];
  /**
   * Rows kept but not placed: no usable point and no area or district. Listed in the report and
   * exportable; never joined to the map's data, so never counted (absent in older saves).
   */
  unplaced?: Unplaced;
  report: ReportRow[];
  /** Notes on the whole file (e.g. many points outside the city). */
  notes: ImportNote[];
  /** Rows that matched records already there, and what was done with them (absent in older saves). */
  duplicates?: { action: DuplicateAction; matches: DuplicateMatch[] };
  /** What the import changed on the map when it was made (absent in older saves). */
  changes?: ChangeList;
}

export interface Unplaced {
  enterprises: Enterprise[];
  chargers: Charger[];
}

/** A firm is placed by a point or an area: without either it is on no map and in no area's count. */
export const isPlacedEnterprise = (e: Pick<Enterprise, 'lngLat' | 'area'>) =>
  e.lngLat !== null || e.area !== null;
/** A site is placed by a point or a district (counted there when it has no point). */
export const isPlacedCharger = (c: Pick<Charger, 'lngLat' | 'district'>) =>
  c.lngLat !== null || c.district !== null;

/** A dataset's records placed and kept apart, each list in file order. */
export function placeApart<D extends Pick<ImportedDataset, 'enterprises' | 'chargers' | 'unplaced'>>(
  ds: D,
): D & { unplaced: Unplaced } {
  const enterprises = [...ds.enterprises, ...(ds.unplaced?.enterprises ?? [])];
  const chargers = [...ds.chargers, ...(ds.unplaced?.chargers ?? [])];
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  if (ds.unplaced) {
    enterprises.sort(byLine);
    chargers.sort(byLine);
  }
  return {
    ...ds,
    enterprises: enterprises.filter(isPlacedEnterprise),
    chargers: chargers.filter(isPlacedCharger),
    unplaced: {
      enterprises: enterprises.filter((e) => !isPlacedEnterprise(e)),
      chargers: chargers.filter((c) => !isPlacedCharger(c)),
    },
  };
}

/** A note on the whole file, as an issue template code and its parameters. */
export interface ImportNote {
  code: IssueCode;
  params: IssueParams;
}

export const DELIMITERS = [',', ';', '\t', '|'];

function fail(code: IssueCode, params: IssueParams = {}): never {
  throw new ImportFailure(code, params);
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

export function checkSize(size: number): void {
  if (size === 0) fail('row.fileEmpty');
  if (size > LIMITS.maxBytes) fail('import.fail.tooBig', { size: mb(size), limit: mb(LIMITS.maxBytes) });
}

function checkColumns(n: number): void {
  if (n > LIMITS.maxColumns) fail('import.fail.tooManyColumns', { n, limit: LIMITS.maxColumns });
}

/** JSON by its content (an object first), whatever the file is called, or by a .json/.geojson name. */
const looksLikeJson = (fileName: string, text: string) =>
  /\.(geo)?json$/i.test(fileName) || /^\s*\{/.test(text.slice(0, 1000));

/**
 * Whether a first look at this file needs all of it: JSON cannot be read in part, so a file that
 * is JSON by its name or by its first characters is read whole.
 */
export function wantsWholeFile(sample: Uint8Array, fileName: string): boolean {
  if (/\.(geo)?json$/i.test(fileName)) return true;
  const guess = detectEncoding(sample.subarray(0, 4096));
  if (isNotText(guess)) return false;
  return looksLikeJson(fileName, decode(sample.subarray(0, 4096), guess.encoding, true).text);
}

/**
 * The first look at a file: encoding, format, delimiter, header, a preview and suggested settings.
 * `sample` is the start of the file; `full` all of it when wantsWholeFile (JSON cannot be read in part).
 */
export function sniff(
  sample: Uint8Array,
  fileName: string,
  size: number,
  full?: Uint8Array,
  overrides: SniffOverrides = {},
): Sniffed {
  checkSize(size);
  const guess = detectEncoding(sample);
  if (isNotText(guess)) throw new ImportFailure(guess.notText);
  const encoding = overrides.encoding ?? guess.encoding;
  // A sample cut mid-character must not count as an undecodable one.
  const { text, replaced } = decode(sample, encoding, sample.length < size);
  const base = { fileName, size, encoding, bom: guess.bom, replaced };
  if (looksLikeJson(fileName, text)) {
    // Parsed whole (the caller passes `full` when wantsWholeFile): a cut JSON text is no JSON.
    const table = parseGeoJsonTable(full ? decode(full, encoding).text : text);
    return withSuggestions(
      { ...base, format: 'geojson', delimiter: ',' },
      table.header,
      table.rows.slice(0, 20).map((r) => r.cells),
    );
  }
  // The sample may end mid-row: drop the last partial line unless the sample is the whole file.
  const body = sample.length < size ? text.slice(0, Math.max(text.lastIndexOf('\n'), 0)) : text;
  if (body.trim() === '') fail('import.fail.noContent');
  const parsed = Papa.parse<string[]>(body, {
    preview: 21,
    skipEmptyLines: 'greedy',
    ...(overrides.delimiter ? { delimiter: overrides.delimiter } : { delimitersToGuess: DELIMITERS }),
  });
  const delimiter = parsed.meta.delimiter || ',';
  // The preview is read as the import reads the file, so a broken quote does not swallow it.
  const table = parseCsvTable(cutAfterRows(body, 40), delimiter);
  return withSuggestions(
    { ...base, format: 'csv', delimiter },
    table.header,
    table.rows.slice(0, 20).map((r) => r.cells),
  );
}

/** The text up to the end of its n-th line (enough for a preview of the first rows). */
function cutAfterRows(text: string, n: number): string {
  let at = -1;
  for (let i = 0; i < n; i += 1) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text;
  }
  return text.slice(0, at + 1);
}

function withSuggestions(
  base: Omit<
    Sniffed,
    | 'header'
    | 'preview'
    | 'kind'
    | 'mapping'
    | 'lonLatColumn'
    | 'crs'
    | 'crsReason'
    | 'crsColumn'
    | 'swapLonLat'
  >,
  header: string[],
  preview: string[][],
): Sniffed {
  checkColumns(header.length);
  const kind = detectKind(header);
  const mapping = suggestMapping(header, kind);
  const lonLatColumn = findLonLatColumn(header);
  const crsColumn = findCrsColumn(header);
  let { crs, reason } = suggestCrs(header);
  // The file's own word: the system its 坐标系 column states most often in the preview.
  const stated = crsColumn === null ? null : statedCrs(preview, crsColumn).top;
  if (crsColumn !== null && stated) {
    crs = stated;
    reason = header[crsColumn] ?? reason;
  }
  const partial = {
    ...base,
    header,
    preview,
    kind,
    mapping,
    lonLatColumn,
    crs,
    crsReason: reason,
    crsColumn,
    swapLonLat: false,
  };
  const straight = previewPoints(partial, mapping, lonLatColumn, 'wgs84', false, crsColumn);
  const swapped = previewPoints(partial, mapping, lonLatColumn, 'wgs84', true, crsColumn);
  return { ...partial, swapLonLat: swapped.inside > straight.inside };
}

const LONLAT_HEADERS = /^(经纬度|坐标|location|lnglat|lonlat|坐标经纬度|经纬度坐标)$/i;

function findLonLatColumn(header: readonly string[]): number | null {
  const i = header.findIndex((h) => LONLAT_HEADERS.test(h.replace(/[\s()（）]/g, '')));
  return i === -1 ? null : i;
}

/** AMap (高德) and Baidu (百度) coordinates say where they come from in their headers, often. */
export function suggestCrs(header: readonly string[]): { crs: Crs; reason: string | null } {
  for (const h of header) {
    if (/高德|gcj|火星|腾讯|amap/i.test(h)) return { crs: 'gcj02', reason: h };
    if (/百度|bd09|bd_|baidu/i.test(h)) return { crs: 'bd09', reason: h };
  }
  return { crs: 'wgs84', reason: null };
}

/** What a 坐标系 column says in these rows: rows per system, rows it names none we know, the commonest. */
export function statedCrs(
  rows: readonly (readonly string[])[],
  crsColumn: number,
): { counts: Record<Crs, number>; unknown: number; top: Crs | null } {
  const counts: Record<Crs, number> = { wgs84: 0, gcj02: 0, bd09: 0 };
  let unknown = 0;
  for (const cells of rows) {
    const said = (cells[crsColumn] ?? '').trim();
    if (said === '') continue;
    const c = readCrs(said);
    if (c) counts[c] += 1;
    else unknown += 1;
  }
  let top: Crs | null = null;
  for (const c of CRS_LIST) if (counts[c] > 0 && (top === null || counts[c] > counts[top])) top = c;
  return { counts, unknown, top };
}

/** A system's name as maps write it, the same in both languages. */
export const crsLabel = (crs: Crs) => ({ wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' })[crs];

const GCOORD: Record<Crs, CRSTypes> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/**
 * Points in the given system → WGS84 (our map's), in place, by gcoord in one call: per call gcoord
 * checks its arguments and builds their messages, which cost more than the conversion over
 * 100,000 rows one at a time.
 */
function toWgs84InPlace(points: [number, number][], crs: Crs): void {
  if (crs === 'wgs84' || points.length === 0) return;
  gcoord.transform({ type: 'MultiPoint', coordinates: points }, GCOORD[crs], gcoord.WGS84);
}

/** A point in the given system → WGS84. */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  const p: [number, number] = [lon, lat];
  toWgs84InPlace([p], crs);
  return p;
}

function rawLonLat(
  cells: readonly string[],
  mapping: ColumnMapping,
  lonLatColumn: number | null,
  swap: boolean,
): [lon: string, lat: string, fileLon: string, fileLat: string] {
  let lon = mapping.lon === undefined ? '' : (cells[mapping.lon] ?? '');
  let lat = mapping.lat === undefined ? '' : (cells[mapping.lat] ?? '');
  if (lon.trim() === '' && lat.trim() === '' && lonLatColumn !== null) {
    const both = splitLonLat(cells[lonLatColumn] ?? '');
    if (both) [lon, lat] = both;
  }
  const [a, b] = [normaliseCoordinate(lon), normaliseCoordinate(lat)];
  return swap ? [b, a, lat.trim(), lon.trim()] : [a, b, lon.trim(), lat.trim()];
}

/**
 * How the preview's points land with these settings: how many inside Huaibei, and how far the
 * conversion moves them on average (GCJ-02 is ~0.5 km off WGS84 here, BD-09 ~1 km).
 */
export function previewPoints(
  s: Pick<Sniffed, 'preview'>,
  mapping: ColumnMapping,
  lonLatColumn: number | null,
  crs: Crs,
  swap: boolean,
  crsColumn: number | null = null,
): { total: number; inside: number; meanShiftM: number | null } {
  let total = 0;
  let inside = 0;
  let shift = 0;
  for (const cells of s.preview) {
    const [a, b] = rawLonLat(cells, mapping, lonLatColumn, swap);
    const lon = Number(a);
    const lat = Number(b);
    if (a === '' || b === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    total += 1;
    const rowCrs = crsColumn === null ? crs : (readCrs(cells[crsColumn] ?? '') ?? crs);
    const [x, y] = toWgs84(lon, lat, rowCrs);
    if (inBbox(x, y)) inside += 1;
    shift += Math.hypot((x - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (y - lat) * 111_320);
  }
  return { total, inside, meanShiftM: total ? shift / total : null };
}

const QUOTE_ERRORS: ReadonlySet<string> = new Set(['MissingQuotes', 'InvalidQuotes']);

/**
 * A row that swallowed the lines after it without a parser error: a quote opened in one cell and
 * closed, by chance, in a later line. A cell holds a line break and, after it, either a delimiter
 * while the row has the wrong number of cells, or a whole line that reads as a row of its own.
 */
function swallowed(cells: readonly string[], columns: number, delimiter: string): boolean {
  return cells.some((c) => {
    const br = lineBreakIn(c);
    if (br === -1) return false;
    if (cells.length !== columns && c.indexOf(delimiter, br) !== -1) return true;
    if (columns < 2) return false;
    const inner = c.split(/\r?\n|\r/).slice(1, -1);
    return inner.some((l) => l.split(delimiter).length >= columns);
  });
}

/** Where a cell's first line break is, or -1: two plain searches, on every cell of every row. */
function lineBreakIn(c: string): number {
  const n = c.indexOf('\n');
  const r = c.indexOf('\r');
  return n === -1 ? r : r === -1 ? n : Math.min(n, r);
}

/**
 * One line whose quotes are broken, read on its own: as CSV if it is well-formed alone, else split
 * at every delimiter, a cell quoted whole unquoted and a lone opening quote dropped.
 */
function readLineAlone(text: string, delimiter: string): string[] {
  const alone = Papa.parse<string[]>(text, { delimiter });
  const [only] = alone.data;
  if (alone.errors.length === 0 && alone.data.length === 1 && only) return only;
  return text.split(delimiter).map((c) => {
    if (c.length >= 2 && c.startsWith('"') && c.endsWith('"')) return c.slice(1, -1).replace(/""/g, '"');
    return c.startsWith('"') ? c.slice(1) : c;
  });
}

/**
 * Whole CSV text → table. Line numbers come from character offsets (quoted cells may span lines).
 * A quote that is never closed would swallow the rest of the file into one cell: the row is read
 * again from its own line, reported with the lines it spanned, and parsing goes on after that line.
 * `onProgress` gets the share of the text read so far.
 */
export function parseCsvTable(text: string, delimiter: string, onProgress?: (share: number) => void): Table {
  const body = text.replace(/^\uFEFF/, '');
  const at = lineLocator(body);
  const rows: Table['rows'] = [];
  const issues: DataIssue[] = [];
  const add = issueCollector(issues, '');
  let header: string[] | null = null;
  let next = 0;
  for (let from = 0; from < body.length; ) {
    const base = from;
    let cursor = from;
    let resume = -1;
    Papa.parse<string[]>(base === 0 ? body : body.slice(base), {
      delimiter,
      // Blank rows (Excel writes ",,,," for an empty row) are skipped here, not by papaparse: its
      // step is not called for a row it skips, so the cursor would stay before it and the next row
      // would be reported on the blank row's line.
      skipEmptyLines: false,
      step: (r, parser) => {
        const line = at.lineAt(cursor);
        const end = base + r.meta.cursor;
        cursor = end;
        if (r.data.every((c) => c.trim() === '') && r.errors.length === 0) return;
        let cells = r.data;
        const quoteBroken =
          r.errors.some((e) => QUOTE_ERRORS.has(e.code)) ||
          (header !== null && swallowed(cells, header.length, delimiter));
        if (quoteBroken) {
          const lineEnd = at.endOf(line);
          const last = at.lineOf(Math.max(end - 1, lineEnd));
          cells = readLineAlone(body.slice(at.startOf(line), lineEnd).replace(/\r$/, ''), delimiter);
          if (last > line) add(line, '(csv)', 'import.row.unclosedQuote', { span: `${line}–${last}` });
          else add(line, '(csv)', 'import.row.badQuote');
          // The lines it swallowed are read again, as rows of their own.
          if (lineEnd + 1 < end) {
            resume = lineEnd + 1;
            parser.abort();
          }
        } else if (r.errors.length > 0) add(line, '(csv)', 'import.row.csvFormat');
        if (header === null) {
          header = cells.map((h) => h.trim());
          checkColumns(header.length);
        } else rows.push({ cells, line });
        if (onProgress && cursor >= next) {
          onProgress(cursor / body.length);
          next = cursor + body.length / 50;
        }
      },
    });
    if (resume === -1) break;
    from = resume;
  }
  if (header === null) fail('import.fail.noHeader');
  return { header, rows, issues };
}

type Located = { point: [number, number] } | { point: null; code: IssueCode | null };

/**
 * A feature's geometry → the point that stands for it: a point as it is, the first of several, a
 * point on an area or a line (turf's pointOnFeature, inside the shape, not its centroid), with the
 * report code saying which; none for a missing geometry or one that cannot be read.
 */
function pointOfGeometry(g: Geometry | null | undefined): Located & { note?: IssueCode } {
  if (!g) return { point: null, code: null };
  const isPair = (c: unknown): c is [number, number] =>
    Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number';
  if (g.type === 'Point') return isPair(g.coordinates) ? { point: g.coordinates } : bad;
  if (g.type === 'MultiPoint') {
    const [first] = g.coordinates;
    if (!isPair(first)) return bad;
    return g.coordinates.length > 1 ? { point: first, note: 'import.row.multiPointFirst' } : { point: first };
  }
  const note: IssueCode | null =
    g.type === 'Polygon' || g.type === 'MultiPolygon'
      ? 'import.row.polygonPoint'
      : g.type === 'LineString' || g.type === 'MultiLineString'
        ? 'import.row.linePoint'
        : null;
  if (!note) return bad;
  try {
    const c = pointOnFeature(g).geometry.coordinates;
    return isPair(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]) ? { point: c, note } : bad;
  } catch {
    return bad;
  }
}
const bad: Located = { point: null, code: 'import.row.notPoint' };

/** JSON.parse's complaint → a failure of ours, with the character it stopped at when the engine says. */
function badJson(e: unknown): never {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (m) fail('import.fail.badJsonAt', { position: Number(m[1]) + 1 });
  fail('import.fail.badJson');
}

/** A GeoJSON FeatureCollection → a table of its properties plus lon and lat (a point for each feature). */
export function parseGeoJsonTable(text: string): Table {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    badJson(e);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    fail('import.fail.notFeatureCollection');
  }
  const features = fc.features as unknown[];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    const props = (f as { properties?: unknown })?.properties;
    if (props && typeof props === 'object') {
      for (const k of Object.keys(props)) {
        if (!seen.has(k)) {
          seen.add(k);
          keys.push(k);
          if (keys.length > LIMITS.maxColumns) checkColumns(keys.length);
        }
      }
    }
  }
  const header = [...keys.filter((k) => k !== 'lon' && k !== 'lat'), 'lon', 'lat'];
  const issues: DataIssue[] = [];
  const add = issueCollector(issues, '');
  const rows = features.map((f, i) => {
    const feat = f as {
      geometry?: unknown;
      properties?: Record<string, unknown>;
    } | null;
    const props = feat?.properties ?? {};
    const cells = header.map((k) => {
      const v = props[k];
      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
    const at = pointOfGeometry(feat?.geometry as Geometry | null | undefined);
    if (at.point) {
      cells[header.length - 2] = String(at.point[0]);
      cells[header.length - 1] = String(at.point[1]);
      if (at.note) add(i + 1, 'geometry', at.note, {}, 'warning');
    } else if (at.code) add(i + 1, 'geometry', at.code, {}, 'warning');
    return { cells, line: i + 1 };
  });
  return { header, rows, issues };
}

/** Reads a whole file's bytes into a table, with the chosen encoding and delimiter. */
export function readTable(
  bytes: Uint8Array,
  o: Pick<ImportOptions, 'format' | 'encoding' | 'delimiter'>,
  onProgress?: (share: number) => void,
): Table {
  checkSize(bytes.length);
  const guess = detectEncoding(bytes.subarray(0, LIMITS.sampleBytes));
  if (isNotText(guess)) throw new ImportFailure(guess.notText);
  const { text } = decode(bytes, o.encoding);
  return o.format === 'geojson' ? parseGeoJsonTable(text) : parseCsvTable(text, o.delimiter, onProgress);
}

/** Everything the row builder needs, made once per import. */
function makeNormalisers(ctx: ImportContext) {
  const segmentOf = nameIndex(ctx.segments);
  const areaOf = nameIndex(
    ctx.areas.map((a) => ({
      id: a.id,
      names: [...a.names, ...a.names.map(withoutSuffix), ...(a.adcode ? [a.adcode] : [])],
    })),
  );
  const districtOf = nameIndex(
    ctx.districts.map((d) => ({
      id: d.properties.adcode,
      names: [d.properties.name_zh, withoutSuffix(d.properties.name_zh), d.properties.name_en],
    })),
  );
  const townshipOf = nameIndex(
    ctx.townships.map((t) => ({ id: t.code, names: [t.name_zh, withoutSuffix(t.name_zh)] })),
  );
  const districtAt = pointLocator(ctx.districts);
  const areaOfDistrict = new Map(ctx.areas.flatMap((a) => (a.adcode ? [[a.adcode, a.id] as const] : [])));
  const segmentsOf = remembered((cell) => resolveList(cell, segmentOf).join(';'));
  return { segmentsOf, areaOf, districtOf, townshipOf, districtAt, areaOfDistrict };
}

const COLUMN_FIELDS_OF_POINT = new Set(['lon', 'lat']);

/** What a table row holds once buildDataset has read it. */
const NO_CELLS: string[] = [];

/** Rows made records at a time (buildDataset). */
const RECORDS_PER_PART = 4096;

// The point checks whose report also quotes the file's own (pre-conversion) values.
const CONVERTED: Partial<Record<IssueCode, IssueCode>> = {
  'row.pointOutside': 'import.row.outsideConverted',
  'row.pointOutsideSwapped': 'import.row.outsideSwappedConverted',
};

/** A checker's issue as a row of the import report, under the given column name. */
function reportRowOf(i: DataIssue, column: string): ReportRow {
  return {
    ...(i.line === undefined ? {} : { line: i.line }),
    column,
    // Every producer in data/ and import/ sets a code; the fallback only satisfies the type.
    code: i.code ?? 'import.fail.other',
    params: i.params ?? {},
    severity: i.severity,
    rejected: false,
  };
}

// A charger column that may be missing altogether: without it every row would carry the same
// complaint, so the file gets one note instead (the field, the issue it would raise, the note).
const ABSENT_CHARGER_COLUMNS: readonly [TargetField, IssueCode, IssueCode][] = [
  ['kind', 'row.unknownKind', 'import.note.noKindColumn'],
  ['connectors', 'row.noConnectors', 'import.note.noConnectorsColumn'],
  ['commissioned', 'row.noCommissioned', 'import.note.noCommissionedColumn'],
];

/**
 * A table and the user's settings → a dataset of records in our formats, and a report of every
 * row that was refused or questioned, naming the file's own column. A row is refused only when it
 * has no name; every other problem is reported and the row kept. A row with no usable point and
 * no area (or district) is kept apart as not placed: listed, never counted. Ids and keys are
 * prefixed with the dataset id so that imports never collide with the bundled data or with each other.
 * The table is read once: each row's cells are let go once read, so a large file is not held twice.
 */
export function buildDataset(
  table: Table,
  o: ImportOptions,
  ctx: ImportContext,
  importedAt: string,
): ImportedDataset {
  const n = makeNormalisers(ctx);
  const report: ReportRow[] = table.issues.map((i) => reportRowOf(i, i.field ?? ''));
  const columnName = (field: string) => {
    if (COLUMN_FIELDS_OF_POINT.has(field) && o.mapping.lon === undefined && o.lonLatColumn !== null) {
      return table.header[o.lonLatColumn] ?? field;
    }
    const i = o.mapping[field as TargetField];
    return i === undefined ? field : (table.header[i] ?? field);
  };
  const missing = requiredFields(o.kind).filter((f) => o.mapping[f] === undefined);
  if (missing.length) fail('import.fail.noNameColumn', { fields: missing.join(', ') });
  const fields = FIELDS[o.kind];
  // Which cell feeds each field, worked out once rather than per row.
  const columnOf = ALL_FIELDS.flatMap((f) => {
    const i = fields.includes(f) ? o.mapping[f] : undefined;
    return i === undefined ? [] : [[f, i] as const];
  });
  // Every field of the kind empty: each row's data starts as a copy, which takes its shape at once.
  const blankRow = Object.fromEntries(fields.map((f) => [f, ''])) as Record<TargetField, string>;
  // The app's own CSV export guards = + - @ with a ': taken off again, so an export imports unchanged.
  const unguard = o.format === 'csv' ? withoutExcelGuard : (s: string) => s;
  const crsColumn = o.crsColumn ?? null;
  const crsColumnName = crsColumn === null ? '' : (table.header[crsColumn] ?? '');
  // Cells of columns no field reads, counted so the report can say what was left out.
  const unread = unmappedColumns(table.header, o.kind, o.mapping, o.lonLatColumn, crsColumn);
  const unreadCells = new Array<number>(unread.length).fill(0);
  // Rows per system a 坐标系 column stated.
  const stated: Record<Crs, number> = { wgs84: 0, gcj02: 0, bd09: 0 };
  // Language-neutral: a record's source is data, shown as it is in both languages.
  const defaultSource = `${o.fileName} (${isoDate(new Date(importedAt))})`;
  // One text per system, shared by every row (not a new string per row).
  const basisOf = Object.fromEntries(
    CRS_LIST.map((c) => [c, `${o.fileName}: ${columnName('lon')}/${columnName('lat')} (${c.toUpperCase()})`]),
  ) as Record<Crs, string>;
  // A record's date: the file's date column, else the day of the import (issue 14).
  const importDate = isoDate(new Date(importedAt));
  // Lines whose id the import made up: such an id names no record, so it never matches one.
  const madeUpId = new Set<number>();
  // The lines whose 坐标系 cell chose another system than the user's: a report on a converted
  // point names the system it was converted from.
  const crsOfLine = new Map<number, Crs>();
  const convertedAt = (line: number) => {
    const c = crsOfLine.get(line) ?? o.crs;
    return c === 'wgs84' ? undefined : c;
  };
  // The point as the file typed it, for the converted points outside the city (the few reported).
  const typedAt = new Map<number, string>();
  const rowCount = table.rows.length;
  // Each row's system as its 坐标系 cell states it (null: it states none), and its point in WGS84
  // (null: no number pair), converted a system at a time.
  const rowStated: (Crs | null)[] = new Array(rowCount);
  const rowPoint: ([number, number] | null)[] = new Array(rowCount);
  const toConvert: Record<Crs, [number, number][]> = { wgs84: [], gcj02: [], bd09: [] };
  table.rows.forEach(({ cells }, r) => {
    const said = crsColumn === null ? '' : (cells[crsColumn] ?? '').trim();
    const stated = said === '' ? null : readCrs(said);
    rowStated[r] = stated;
    const crs = stated ?? o.crs;
    const [lonText, latText] = rawLonLat(cells, o.mapping, o.lonLatColumn, o.swapLonLat);
    const lon = Number(lonText);
    const lat = Number(latText);
    const point: [number, number] | null =
      lonText !== '' && latText !== '' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
    rowPoint[r] = point;
    if (point) toConvert[crs].push(point);
  });
  for (const c of CRS_LIST) toWgs84InPlace(toConvert[c], c);
  // Shares of the kept rows with a point, and outside the city, for the "many outside" note.
  let withPoint = 0;
  let outside = 0;
  // Which cell feeds each field, as two lists: the row loop reads them by index.
  const copyFields = columnOf.map(([f]) => f);
  const copyCells = columnOf.map(([, i]) => i);
  let rejectedRows = 0;
  const reject = (line: number, column: string, code: IssueCode) => {
    rejectedRows += 1;
    report.push({ line, column, code, params: {}, severity: 'error', rejected: true });
  };
  const flag = (
    line: number,
    column: string,
    code: IssueCode,
    params: IssueParams = {},
    severity: ReportRow['severity'] = 'warning',
  ) => report.push({ line, column, code, params, severity, rejected: false });

  let issues: DataIssue[] = [];
  const add = issueCollector(issues, o.fileName);
  const segmentIds = new Set(ctx.segments.map((s) => s.id));
  const chargerCtx: ChargerContext = {
    districtCodes: new Set(ctx.districts.map((d) => d.properties.adcode)),
    townshipCodes: new Set(ctx.townships.map((t) => t.code)),
    today: ctx.today,
  };
  // The records are new and ours: prefixed in place rather than copied (two copies of 100,000).
  const prefix = <T extends { id: string; key: string }>(r: T): T => {
    const own = r.id;
    r.id = `${o.datasetId}.${own}`;
    // Most keys are the id itself: one string for both.
    r.key = r.key === own ? r.id : `${o.datasetId}.${r.key}`;
    return r;
  };
  const enterprises: Enterprise[] = [];
  const chargers: Charger[] = [];
  // The rows become records a few thousand at a time, so that a row's fields as text are let go
  // once it is a record, rather than every row held twice at the end; the ids seen run on across.
  const seenIds = new Set<string>();
  let rows: CsvRow[] = [];
  let keptRows = 0;
  const makeRecords = () => {
    if (o.kind === 'enterprises') {
      for (const e of enterprisesFromRows(rows, { segmentIds, today: ctx.today }, add, seenIds)) {
        const ownId = madeUpId.has(e.line) ? '' : e.id;
        const r: Enterprise = prefix(e);
        r.ownId = ownId;
        enterprises.push(r);
      }
    } else for (const c of chargersFromRows(rows, chargerCtx, add, seenIds)) chargers.push(prefix(c));
    rows = [];
  };
  for (let r = 0; r < rowCount; r += 1) {
    const row = table.rows[r] as Table['rows'][number];
    const { cells, line } = row;
    // Read once: let go, so a large file's cells need not all be held until its records are made.
    row.cells = NO_CELLS;
    if (cells.length !== table.header.length && o.format === 'csv') {
      flag(line, '(csv)', 'import.row.ragged', { cells: cells.length, columns: table.header.length });
    }
    for (let k = 0; k < unread.length; k += 1) {
      if ((cells[unread[k] as number] ?? '').trim() !== '') unreadCells[k] = (unreadCells[k] ?? 0) + 1;
    }
    const data = { ...blankRow };
    for (let k = 0; k < copyFields.length; k += 1) {
      data[copyFields[k] as TargetField] = unguard((cells[copyCells[k] as number] ?? '').trim());
    }
    // The row's coordinate system: its 坐标系 cell when it names one, else the user's choice.
    const said = rowStated[r] ?? null;
    const crs = said ?? o.crs;
    if (said) {
      stated[said] += 1;
      if (said !== o.crs) crsOfLine.set(line, said);
    } else if (crsColumn !== null) {
      const text = (cells[crsColumn] ?? '').trim();
      if (text !== '')
        flag(line, crsColumnName, 'import.row.unknownCrs', { crs: text, chosen: crsLabel(o.crs) });
    }
    // Coordinates: unit suffixes off, degrees-minutes-seconds read, swapped columns put right, then
    // converted to WGS84 (above, a system at a time).
    const point = rowPoint[r] ?? null;
    if (point) {
      data.lon = point[0].toFixed(6);
      data.lat = point[1].toFixed(6);
      // Converted and outside the city: its report quotes the point as the file has it.
      if (crs !== 'wgs84' && !inBbox(Number(data.lon), Number(data.lat))) {
        const [lonText, latText] = rawLonLat(cells, o.mapping, o.lonLatColumn, o.swapLonLat);
        typedAt.set(line, `${lonText}, ${latText}`);
      }
    } else {
      // What cannot be read is reported as the file writes it, not as half cleaned up.
      const [lonText, latText, fileLon, fileLat] = rawLonLat(cells, o.mapping, o.lonLatColumn, o.swapLonLat);
      data.lon = lonText !== '' && !Number.isFinite(Number(lonText)) ? fileLon : lonText;
      data.lat = latText !== '' && !Number.isFinite(Number(latText)) ? fileLat : latText;
      // A combined "lng,lat" cell that could not be split says nothing to the checks below.
      const both = lonText === '' && latText === '' && o.lonLatColumn !== null;
      const text = both ? (cells[o.lonLatColumn as number] ?? '').trim() : '';
      if (text !== '') {
        flag(line, table.header[o.lonLatColumn as number] ?? '', 'import.row.badLonLat', { text }, 'error');
      }
    }
    const inCity = point !== null && inBbox(point[0], point[1]);
    // Point-in-polygon is the costly part of a row: only for rows that name no area or district.
    const districtAt = () => (inCity && point ? n.districtAt(point) : null);

    if (o.mapping.id === undefined || data.id === '') {
      data.id = `r${line}`;
      madeUpId.add(line);
    }
    if (o.mapping.source_date === undefined) data.source_date = importDate;
    else if (data.source_date === '') flag(line, columnName('source_date'), 'row.noDate');
    if (o.kind === 'enterprises') {
      if (data.name_zh === '' && data.name_en === '') {
        reject(line, columnName('name_zh'), 'import.row.noNameRejected');
        continue;
      }
      if (data.area !== '') data.area = n.areaOf(data.area) ?? data.area;
      else {
        const districtFeature = districtAt();
        data.area = districtFeature ? (n.areaOfDistrict.get(districtFeature.properties.adcode) ?? '') : '';
        if (data.area) flag(line, columnName('area'), 'import.row.areaFromPoint');
      }
      data.segments = n.segmentsOf(data.segments);
      data.confidence =
        o.mapping.confidence === undefined ? o.confidence : normaliseConfidence(data.confidence);
      data.precision =
        o.mapping.precision === undefined
          ? inCity
            ? 'exact'
            : data.area === 'hitech' || data.area === 'linhuan'
              ? 'park'
              : data.area
                ? 'district'
                : 'unknown'
          : normalisePrecision(data.precision);
      if (o.mapping.location_basis === undefined && inCity) data.location_basis = basisOf[crs];
    } else {
      data.kind = normaliseKind(data.kind);
      data.connectors = normaliseNumber(data.connectors);
      data.power_kw = normaliseNumber(data.power_kw);
      if (data.district !== '') data.district = n.districtOf(data.district) ?? data.district;
      else data.district = districtAt()?.properties.adcode ?? '';
      if (data.township !== '') data.township = n.townshipOf(data.township) ?? data.township;
      data.commissioned = normaliseDate(data.commissioned);
      data.status = o.mapping.status === undefined ? 'operating' : normaliseStatus(data.status);
      // A list the user brings is their real data unless it says otherwise.
      data.illustrative =
        o.mapping.illustrative === undefined ? 'false' : normaliseBoolean(data.illustrative);
    }
    if (o.mapping.source === undefined || data.source === '') data.source = defaultSource;
    if (data.lon !== '' && data.lat !== '') withPoint += 1;
    if (data.lon !== '') {
      const x = Number(data.lon);
      const y = Number(data.lat);
      if (Number.isFinite(x) && Number.isFinite(y) && !inBbox(x, y)) outside += 1;
    }
    rows.push({ data, line });
    keptRows += 1;
    if (rows.length === RECORDS_PER_PART) makeRecords();
  }
  makeRecords();

  const notes: ImportNote[] = [];
  if (rowCount === 0) notes.push({ code: 'import.note.noRows', params: {} });
  // A column the file does not have: one note, not the same complaint on every row.
  if (o.kind === 'chargers' && keptRows > 0) {
    const absent = ABSENT_CHARGER_COLUMNS.filter(([f]) => o.mapping[f] === undefined);
    const quiet = new Set<string>(absent.map(([f, code]) => `${f} ${code}`));
    if (quiet.size) issues = issues.filter((i) => !quiet.has(`${i.field} ${i.code}`));
    for (const [, , note] of absent) notes.push({ code: note, params: {} });
  }
  const placed = placeApart({ enterprises, chargers });
  const { unplaced } = placed;
  const unplacedLines = new Set([...unplaced.enterprises, ...unplaced.chargers].map((r) => r.line));
  // "Counted by its district only" is not true of a site that has no district either.
  if (unplacedLines.size)
    issues = issues.filter((i) => !(i.code === 'row.noPoint' && unplacedLines.has(i.line ?? 0)));
  for (const i of issues) {
    const row = reportRowOf(i, columnName(i.field ?? ''));
    // A converted point outside the city also quotes what the file says, so the user finds the row.
    const crs = i.field === 'lon' && i.line !== undefined ? convertedAt(i.line) : undefined;
    const converted = i.code ? CONVERTED[i.code] : undefined;
    if (crs !== undefined && converted) {
      row.code = converted;
      row.params = { ...row.params, typed: typedAt.get(i.line as number) ?? '', crs: crsLabel(crs) };
    }
    report.push(row);
  }
  const placeColumn = columnName(
    o.mapping.lon !== undefined || o.lonLatColumn !== null
      ? 'lon'
      : o.kind === 'enterprises'
        ? 'area'
        : 'district',
  );
  for (const line of [...unplacedLines].sort((a, b) => a - b)) flag(line, placeColumn, 'import.row.unplaced');
  report.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  if (withPoint > 0 && outside / withPoint > 0.2) {
    notes.push({ code: 'import.note.manyOutside', params: { outside, total: withPoint } });
  }
  if (keptRows === 0 && rowCount > 0) {
    notes.push({ code: 'import.note.nothingImported', params: {} });
  } else if (keptRows > 0 && placed.enterprises.length + placed.chargers.length === 0) {
    notes.push({ code: 'import.note.nothingPlaced', params: {} });
  }
  for (const c of CRS_LIST) {
    if (stated[c] > 0 && c !== o.crs) {
      notes.push({
        code: 'import.note.crsFromColumn',
        params: { column: crsColumnName, crs: crsLabel(c), n: stated[c] },
      });
    }
  }
  unread.forEach((col, k) => {
    const cellsLeft = unreadCells[k] ?? 0;
    if (cellsLeft > 0) {
      notes.push({
        code: 'import.note.unmappedColumn',
        params: { column: table.header[col] || `#${col + 1}`, n: cellsLeft },
      });
    }
  });
  return {
    id: o.datasetId,
    fileName: o.fileName,
    kind: o.kind,
    mode: o.mode,
    importedAt,
    format: o.format,
    encoding: o.encoding,
    crs: o.crs,
    rowCount,
    rejectedRows,
    enterprises: placed.enterprises,
    chargers: placed.chargers,
    unplaced,
    report,
    notes,
  };
}

/** The whole import, for the worker and the benchmark: bytes → dataset. */
export function runImport(
  bytes: Uint8Array,
  o: ImportOptions,
  ctx: ImportContext,
  importedAt: string,
  onProgress?: (stage: 'read' | 'check', share: number) => void,
): ImportedDataset {
  const table = readTable(bytes, o, (s) => onProgress?.('read', s));
  onProgress?.('check', 0);
  const ds = buildDataset(table, o, ctx, importedAt);
  onProgress?.('check', 1);
  return ds;
}

/** The whole import context from the loaded data, in a form a worker can receive. */
export function importContextOf(
  d: {
    chain: { segments: { id: string; name: Bilingual }[] };
    areas: { areas: { id: AreaId; name: Bilingual; adcode?: string }[] };
    districts: { features: ImportContext['districts'] };
    townshipUnits: { code: string; name_zh: string; district_adcode: string }[];
  },
  today: string,
): ImportContext {
  const HITECH = ['高新区', '市高新区', '淮北高新区', '高新技术产业开发区', 'hi-tech zone', 'high-tech zone'];
  const LINHUAN = ['临涣', '临涣化工园', '临涣工业园', '临涣化工园区', 'linhuan'];
  return {
    segments: d.chain.segments.map((s) => ({ id: s.id, names: [s.name.zh, s.name.en] })),
    areas: d.areas.areas.map((a) => ({
      id: a.id,
      names: [a.name.zh, a.name.en, ...(a.id === 'hitech' ? HITECH : a.id === 'linhuan' ? LINHUAN : [])],
      ...(a.adcode ? { adcode: a.adcode } : {}),
    })),
    districts: d.districts.features,
    townships: d.townshipUnits.map((t) => ({
      code: t.code,
      name_zh: t.name_zh,
      district_adcode: t.district_adcode,
    })),
    today,
  };
}
