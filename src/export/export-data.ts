import type { Feature, FeatureCollection, Point } from 'geojson';
import Papa from 'papaparse';
import { CHARGER_COLUMNS, type Charger } from '../data/chargers';
import { ENTERPRISE_COLUMNS } from '../data/enterprises';
import type { Enterprise, Lang } from '../data/types';
import { issueReason } from '../i18n/t';
import type { ReportRow } from '../import/pipeline';

// papaparse's own pattern for `escapeFormulae: true` is /^[=+\-@\t\r].*$/, which misses a cell
// that also holds a line break ("=cmd…\n…"): only the first character matters.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV for Excel: UTF-8 with a BOM (without one, Chinese Excel reads the bytes as GBK and shows
 * garbage), and text cells that begin with = + - @ tab or CR prefixed with ' by papaparse, so a
 * cell from an imported file can never run as a formula. Numbers are written as they are.
 */
export function excelCsv(fields: readonly string[], rows: readonly (string | number | null)[][]): string {
  return `\uFEFF${Papa.unparse(
    { fields: [...fields], data: rows.map((r) => r.map((v) => (v === null ? '' : v))) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  )}\r\n`;
}

/** Enterprises in the bundled file's format, so an export can be imported again. */
export function enterprisesCsv(list: readonly Enterprise[]): string {
  return excelCsv(ENTERPRISE_COLUMNS, list.map(enterpriseRow));
}

function enterpriseRow(e: Enterprise): (string | number | null)[] {
  const cols: Record<(typeof ENTERPRISE_COLUMNS)[number], string | number | null> = {
    id: e.id,
    name_zh: e.name.zh,
    name_en: e.name.en === e.name.zh ? '' : e.name.en,
    area: e.area,
    segments: e.segments.join(';'),
    segment_source: e.segmentSource,
    products: e.products,
    products_zh: e.productLine.zh,
    products_en: e.productLine.en,
    status: e.status === 'unknown' ? '' : e.status,
    source_date: e.sourceDate,
    checked: e.checked,
    name_note: e.nameNote,
    address: e.address,
    lon: e.lngLat ? e.lngLat[0] : null,
    lat: e.lngLat ? e.lngLat[1] : null,
    precision: e.precision,
    location_basis: e.locationBasis,
    confidence: e.confidence,
    confidence_note: e.confidenceNote,
    source: e.source,
  };
  return ENTERPRISE_COLUMNS.map((c) => cols[c]);
}

export function chargersCsv(list: readonly Charger[]): string {
  return excelCsv(CHARGER_COLUMNS, list.map(chargerRow));
}

function chargerRow(c: Charger): (string | number | null)[] {
  const cols: Record<(typeof CHARGER_COLUMNS)[number], string | number | null> = {
    id: c.id,
    name: c.name,
    operator: c.operator,
    kind: c.kind,
    connectors: c.connectors,
    power_kw: c.powerKw,
    lon: c.lngLat ? c.lngLat[0] : null,
    lat: c.lngLat ? c.lngLat[1] : null,
    district: c.district,
    township: c.township,
    commissioned: c.commissioned,
    status: c.status,
    illustrative: String(c.illustrative),
    source_date: c.sourceDate,
    checked: c.checked,
    source: c.source,
  };
  return CHARGER_COLUMNS.map((k) => cols[k]);
}

/** Records with a point as GeoJSON points (WGS84); those without one are listed as null geometry. */
function toGeoJson<T>(
  list: readonly T[],
  point: (r: T) => [number, number] | null,
  props: (r: T) => Record<string, string | number | null>,
): FeatureCollection<Point | null> {
  return {
    type: 'FeatureCollection',
    features: list.map((r): Feature<Point | null> => {
      const p = point(r);
      return {
        type: 'Feature',
        geometry: p ? { type: 'Point', coordinates: p } : null,
        properties: props(r),
      };
    }),
  };
}

const withoutLonLat = (fields: readonly string[], row: (string | number | null)[]) =>
  Object.fromEntries(fields.map((f, i) => [f, row[i] ?? null]).filter(([f]) => f !== 'lon' && f !== 'lat'));

export function enterprisesGeoJson(list: readonly Enterprise[]): string {
  return JSON.stringify(
    toGeoJson(
      list,
      (e) => e.lngLat,
      (e) => withoutLonLat(ENTERPRISE_COLUMNS, enterpriseRow(e)),
    ),
  );
}

export function chargersGeoJson(list: readonly Charger[]): string {
  return JSON.stringify(
    toGeoJson(
      list,
      (c) => c.lngLat,
      (c) => withoutLonLat(CHARGER_COLUMNS, chargerRow(c)),
    ),
  );
}

/** An import report as a CSV the user can open in Excel and fix their file from. */
export function reportCsv(rows: readonly ReportRow[], lang: Lang): string {
  const head =
    lang === 'zh'
      ? ['行号', '列', '级别', '是否导入', '原因']
      : ['line', 'column', 'severity', 'imported', 'reason'];
  return excelCsv(
    head,
    rows.map((r) => [
      r.line ?? '',
      r.column,
      lang === 'zh' ? (r.severity === 'error' ? '错误' : '提示') : r.severity,
      lang === 'zh' ? (r.rejected ? '否' : '是') : r.rejected ? 'no' : 'yes',
      issueReason(lang, r),
    ]),
  );
}

/** Hands a text file to the browser's download. */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
