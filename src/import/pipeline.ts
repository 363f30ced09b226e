import gcoord, { type CRSTypes } from 'gcoord';
import type { Feature } from 'geojson';
import Papa from 'papaparse';
import type { Charger } from '../data/chargers';
import { type ChargerContext, chargersFromRows } from '../data/chargers';
import { type CsvRow, type IssueParams, inBbox, issueCollector, lineLocator } from '../data/csv';
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
  type ImportKind,
  requiredFields,
  suggestMapping,
  type TargetField,
} from './columns';
import type { DuplicateAction, DuplicateMatch } from './duplicates';
import { decode, detectEncoding, type Encoding, isNotText } from './encoding';
import { ImportFailure } from './failure';
import {
  nameIndex,
  normaliseBoolean,
  normaliseConfidence,
  normaliseDate,
  normaliseKind,
  normaliseNumber,
  normalisePrecision,
  normaliseStatus,
  resolveList,
  splitLonLat,
  withoutSuffix,
} from './normalise';

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_LIST: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

/** Sizes past which a file is refused with a message, before any of it is read. */
export const LIMITS = {
  maxBytes: 50 * 1024 * 1024,
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
  crs: Crs;
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
  enterprises: Enterprise[];
  chargers: Charger[];
  report: ReportRow[];
  /** Notes on the whole file (e.g. many points outside the city). */
  notes: ImportNote[];
  /** Rows that matched records already there, and what was done with them (absent in older saves). */
  duplicates?: { action: DuplicateAction; matches: DuplicateMatch[] };
  /** What the import changed on the map when it was made (absent in older saves). */
  changes?: ChangeList;
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

const looksLikeJson = (fileName: string, text: string) =>
  /\.(geo)?json$/i.test(fileName) || /^\s*\{/.test(text.slice(0, 100));

/**
 * The first look at a file: encoding, format, delimiter, header, a preview and suggested settings.
 * `sample` is the start of the file (all of it for GeoJSON, which cannot be read in part).
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
  const [header = [], ...preview] = parsed.data;
  return withSuggestions(
    { ...base, format: 'csv', delimiter: parsed.meta.delimiter || ',' },
    header.map((h) => h.trim()),
    preview,
  );
}

function withSuggestions(
  base: Omit<
    Sniffed,
    'header' | 'preview' | 'kind' | 'mapping' | 'lonLatColumn' | 'crs' | 'crsReason' | 'swapLonLat'
  >,
  header: string[],
  preview: string[][],
): Sniffed {
  checkColumns(header.length);
  const kind = detectKind(header);
  const mapping = suggestMapping(header, kind);
  const lonLatColumn = findLonLatColumn(header);
  const { crs, reason } = suggestCrs(header);
  const partial = {
    ...base,
    header,
    preview,
    kind,
    mapping,
    lonLatColumn,
    crs,
    crsReason: reason,
    swapLonLat: false,
  };
  const straight = previewPoints(partial, mapping, lonLatColumn, 'wgs84', false);
  const swapped = previewPoints(partial, mapping, lonLatColumn, 'wgs84', true);
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

const GCOORD: Record<Crs, CRSTypes> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/** A point in the given system → WGS84 (our map's), by gcoord. */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD[crs], gcoord.WGS84) as [number, number];
  return [x, y];
}

function rawLonLat(
  cells: readonly string[],
  mapping: ColumnMapping,
  lonLatColumn: number | null,
  swap: boolean,
): [string, string] {
  let lon = mapping.lon === undefined ? '' : (cells[mapping.lon] ?? '');
  let lat = mapping.lat === undefined ? '' : (cells[mapping.lat] ?? '');
  if (lon.trim() === '' && lat.trim() === '' && lonLatColumn !== null) {
    const both = splitLonLat(cells[lonLatColumn] ?? '');
    if (both) [lon, lat] = both;
  }
  lon = normaliseNumber(lon);
  lat = normaliseNumber(lat);
  return swap ? [lat, lon] : [lon, lat];
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
    const [x, y] = toWgs84(lon, lat, crs);
    if (inBbox(x, y)) inside += 1;
    shift += Math.hypot((x - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (y - lat) * 111_320);
  }
  return { total, inside, meanShiftM: total ? shift / total : null };
}

/**
 * Whole CSV text → table. Line numbers come from character offsets (quoted cells may span lines).
 * `onProgress` gets the share of the text read so far.
 */
export function parseCsvTable(text: string, delimiter: string, onProgress?: (share: number) => void): Table {
  const body = text.replace(/^\uFEFF/, '');
  const { lineAt } = lineLocator(body);
  const rows: Table['rows'] = [];
  const issues: DataIssue[] = [];
  const add = issueCollector(issues, '');
  let header: string[] | null = null;
  let cursor = 0;
  let next = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    // Blank rows (Excel writes ",,,," for an empty row) are skipped here, not by papaparse: its
    // step is not called for a row it skips, so the cursor would stay before it and the next row
    // would be reported on the blank row's line.
    skipEmptyLines: false,
    step: (r) => {
      const line = lineAt(cursor);
      cursor = r.meta.cursor;
      if (r.data.every((c) => c.trim() === '') && r.errors.length === 0) return;
      if (header === null) {
        header = r.data.map((h) => h.trim());
        checkColumns(header.length);
      } else rows.push({ cells: r.data, line });
      for (const e of r.errors) add(line, '(csv)', 'row.csvError', { message: e.message });
      if (onProgress && cursor >= next) {
        onProgress(cursor / body.length);
        next = cursor + body.length / 50;
      }
    },
  });
  if (header === null) fail('import.fail.noHeader');
  return { header, rows, issues };
}

/** A GeoJSON FeatureCollection of points → a table of its properties plus lon and lat. */
export function parseGeoJsonTable(text: string): Table {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail('import.fail.badJson', { message: (e as Error).message });
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
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown>;
    } | null;
    const props = feat?.properties ?? {};
    const cells = header.map((k) => {
      const v = props[k];
      return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
    const g = feat?.geometry;
    const c = g?.coordinates;
    if (g?.type === 'Point' && Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      cells[header.length - 2] = String(c[0]);
      cells[header.length - 1] = String(c[1]);
    } else if (g) add(i + 1, 'geometry', 'import.row.notPoint', {}, 'warning');
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
  return { segmentOf, areaOf, districtOf, townshipOf, districtAt, areaOfDistrict };
}

const COLUMN_FIELDS_OF_POINT = new Set(['lon', 'lat']);

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

/**
 * A table and the user's settings → a dataset of records in our formats, and a report of every
 * row that was refused or questioned, naming the file's own column. Rows are refused only when
 * nothing useful is left (no name; for a charger also no place at all); every other problem is
 * reported and the row kept. Ids and keys are prefixed with the dataset id so that imports never
 * collide with the bundled data or with each other.
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
  const columnOf = ALL_FIELDS.map((f) => [f, fields.includes(f) ? o.mapping[f] : undefined] as const);
  // Language-neutral: a record's source is data, shown as it is in both languages.
  const defaultSource = `${o.fileName} (${isoDate(new Date(importedAt))})`;
  const rows: CsvRow[] = [];
  // A record's date: the file's date column, else the day of the import (issue 14).
  const importDate = isoDate(new Date(importedAt));
  // Lines whose id the import made up: such an id names no record, so it never matches one.
  const madeUpId = new Set<number>();
  // The file's own values of a converted point, so a report about it quotes what the user typed.
  const fileLonLat = new Map<number, string>();
  let rejectedRows = 0;
  const reject = (line: number, column: string, code: IssueCode) => {
    rejectedRows += 1;
    report.push({ line, column, code, params: {}, severity: 'error', rejected: true });
  };
  const warn = (line: number, column: string, code: IssueCode, params: IssueParams = {}) =>
    report.push({ line, column, code, params, severity: 'warning', rejected: false });

  for (const { cells, line } of table.rows) {
    if (cells.length !== table.header.length && o.format === 'csv') {
      warn(line, '(csv)', 'import.row.ragged', { cells: cells.length, columns: table.header.length });
    }
    const data = {} as Record<TargetField, string>;
    for (const [f, i] of columnOf) data[f] = i === undefined ? '' : (cells[i] ?? '').trim();
    // Coordinates: unit suffixes off, swapped columns put right, then converted to WGS84.
    const [lonText, latText] = rawLonLat(cells, o.mapping, o.lonLatColumn, o.swapLonLat);
    const lon = Number(lonText);
    const lat = Number(latText);
    let point: [number, number] | null = null;
    if (lonText !== '' && latText !== '' && Number.isFinite(lon) && Number.isFinite(lat)) {
      point = toWgs84(lon, lat, o.crs);
      if (o.crs !== 'wgs84') fileLonLat.set(line, `${lonText}, ${latText}`);
      data.lon = point[0].toFixed(6);
      data.lat = point[1].toFixed(6);
    } else {
      data.lon = lonText;
      data.lat = latText;
    }
    const inCity = point !== null && inBbox(point[0], point[1]);
    // Point-in-polygon is the costly part of a row: only for rows that name no area or district.
    const districtAt = () => (inCity && point ? n.districtAt(point) : null);

    if (o.mapping.id === undefined || data.id === '') {
      data.id = `r${line}`;
      madeUpId.add(line);
    }
    if (o.mapping.source_date === undefined) data.source_date = importDate;
    else if (data.source_date === '') warn(line, columnName('source_date'), 'row.noDate');
    if (o.kind === 'enterprises') {
      if (data.name_zh === '' && data.name_en === '') {
        reject(line, columnName('name_zh'), 'import.row.noNameRejected');
        continue;
      }
      if (data.area !== '') data.area = n.areaOf(data.area) ?? data.area;
      else {
        const districtFeature = districtAt();
        data.area = districtFeature ? (n.areaOfDistrict.get(districtFeature.properties.adcode) ?? '') : '';
        if (data.area) warn(line, columnName('area'), 'import.row.areaFromPoint');
      }
      data.segments = resolveList(data.segments, n.segmentOf).join(';');
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
      if (o.mapping.location_basis === undefined && inCity) {
        data.location_basis = `${o.fileName}: ${columnName('lon')}/${columnName('lat')} (${o.crs.toUpperCase()})`;
      }
    } else {
      if (!point && data.district === '') {
        reject(line, columnName('lon'), 'import.row.noPlaceRejected');
        continue;
      }
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
    rows.push({ data, line });
  }

  const issues: DataIssue[] = [];
  const add = issueCollector(issues, o.fileName);
  const segmentIds = new Set(ctx.segments.map((s) => s.id));
  const chargerCtx: ChargerContext = {
    districtCodes: new Set(ctx.districts.map((d) => d.properties.adcode)),
    townshipCodes: new Set(ctx.townships.map((t) => t.code)),
    today: ctx.today,
  };
  const prefix = <T extends { id: string; key: string }>(r: T): T => ({
    ...r,
    id: `${o.datasetId}.${r.id}`,
    key: `${o.datasetId}.${r.key}`,
  });
  const enterprises =
    o.kind === 'enterprises'
      ? enterprisesFromRows(rows, { segmentIds, today: ctx.today }, add).map((e) => ({
          ...prefix(e),
          ownId: madeUpId.has(e.line) ? '' : e.id,
        }))
      : [];
  const chargers = o.kind === 'chargers' ? chargersFromRows(rows, chargerCtx, add).map(prefix) : [];
  const crsName = o.crs.toUpperCase().replace('GCJ02', 'GCJ-02').replace('BD09', 'BD-09');
  for (const i of issues) {
    const row = reportRowOf(i, columnName(i.field ?? ''));
    // A converted point outside the city also quotes what the file says, so the user finds the row.
    const typed = i.field === 'lon' && i.line !== undefined ? fileLonLat.get(i.line) : undefined;
    const converted = i.code ? CONVERTED[i.code] : undefined;
    if (typed !== undefined && converted) {
      row.code = converted;
      row.params = { ...row.params, typed, crs: crsName };
    }
    report.push(row);
  }
  report.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const notes: ImportNote[] = [];
  const withPoint = rows.filter((r) => r.data.lon !== '' && r.data.lat !== '').length;
  const outside = rows.filter((r) => {
    const x = Number(r.data.lon);
    const y = Number(r.data.lat);
    return r.data.lon !== '' && Number.isFinite(x) && Number.isFinite(y) && !inBbox(x, y);
  }).length;
  if (withPoint > 0 && outside / withPoint > 0.2) {
    notes.push({ code: 'import.note.manyOutside', params: { outside, total: withPoint } });
  }
  if (rows.length === 0 && table.rows.length > 0) {
    notes.push({ code: 'import.note.nothingImported', params: {} });
  }
  return {
    id: o.datasetId,
    fileName: o.fileName,
    kind: o.kind,
    mode: o.mode,
    importedAt,
    format: o.format,
    encoding: o.encoding,
    crs: o.crs,
    rowCount: table.rows.length,
    rejectedRows,
    enterprises,
    chargers,
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
