import { isConfidence, isFirmStatus, isPrecision, todayIso } from '../model';
import { isAreaId } from './areas';
import {
  type Add,
  type CsvRow,
  flagMarkup,
  readCsvRows,
  readDateCell,
  readPoint,
  readRowId,
  requireColumns,
  startCsv,
} from './csv';
import type { Enterprise, Validated } from './types';

const TEXT_FIELDS = [
  'name_zh',
  'name_en',
  'products',
  'products_zh',
  'products_en',
  'name_note',
  'address',
  'location_basis',
  'source',
  'segment_source',
];

// How Chinese rosters and project lists write a firm's status.
const FIRM_STATUS_WORDS: Record<string, Enterprise['status']> = {
  投产: 'producing',
  已投产: 'producing',
  在产: 'producing',
  生产: 'producing',
  运营: 'producing',
  运营中: 'producing',
  在建: 'construction',
  建设中: 'construction',
  开工: 'construction',
  签约: 'signed',
  已签约: 'signed',
  未知: 'unknown',
  不详: 'unknown',
};

export interface EnterpriseContext {
  segmentIds: ReadonlySet<string>;
  /** Today (YYYY-MM-DD): dates after it are refused. Default: the browser's today. */
  today?: string;
}

function splitList(s: string): string[] {
  return s
    .split(/[;,；，、]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/**
 * An enterprise table (CSV text, header row first) → records. Every row becomes a record, even a
 * bad one: what can be used is kept, what cannot is reported with its line, field and reason.
 */
export function parseEnterprises(
  text: string,
  file: string,
  ctx: EnterpriseContext,
): Validated<Enterprise[]> {
  const { issues, add, body, empty } = startCsv(text, file);
  if (empty) return { value: [], issues };
  const { rows, header } = readCsvRows(body, add);
  requireColumns(header, ENTERPRISE_REQUIRED, add);
  return { value: enterprisesFromRows(rows, ctx, add), issues };
}

export const ENTERPRISE_REQUIRED = [
  'id',
  'name_zh',
  'area',
  'segments',
  'lon',
  'lat',
  'precision',
  'confidence',
  'source',
] as const;

/** The columns of the enterprise format, in file order: the export writes these, the import maps onto them. */
export const ENTERPRISE_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'area',
  'segments',
  'segment_source',
  'products',
  'products_zh',
  'products_en',
  'status',
  'source_date',
  'checked',
  'name_note',
  'address',
  'lon',
  'lat',
  'precision',
  'location_basis',
  'confidence',
  'confidence_note',
  'source',
] as const;

/**
 * Rows in the enterprise format (from a bundled file or an import mapped onto it) → records. `seen`:
 * the ids of the rows before these, for a list made records a part at a time.
 */
export function enterprisesFromRows(
  rows: readonly CsvRow[],
  ctx: EnterpriseContext,
  add: Add,
  seen = new Set<string>(),
): Enterprise[] {
  const today = ctx.today ?? todayIso();
  return rows.map(({ data: row, line }): Enterprise => {
    const get = (k: string) => row[k] ?? '';

    flagMarkup(row, TEXT_FIELDS, line, add);
    const { id, key } = readRowId(get('id'), line, seen, add);

    let nameZh = get('name_zh');
    const nameEn = get('name_en');
    if (!nameZh) {
      add(line, 'name_zh', 'row.noNameZh');
      // A placeholder that needs no language: the issue list says what is missing.
      nameZh = nameEn || `#${line}`;
    }

    const areaText = get('area');
    let area: Enterprise['area'] = null;
    if (isAreaId(areaText)) area = areaText;
    else if (areaText !== '') {
      add(line, 'area', 'row.unknownArea', { area: areaText });
    }

    const segments: string[] = [];
    for (const s of splitList(get('segments'))) {
      if (ctx.segmentIds.has(s)) {
        if (!segments.includes(s)) segments.push(s);
      } else add(line, 'segments', 'row.unknownSegment', { segment: s });
    }

    // No point at all is fine: the area, if any, anchors the firm.
    const { lngLat } = readPoint(row.lon, row.lat, line, add);

    const precisionText = get('precision');
    let precision: Enterprise['precision'] = 'unknown';
    if (isPrecision(precisionText)) precision = precisionText;
    else add(line, 'precision', 'row.badPrecision', { precision: precisionText });
    if (precision === 'exact' && !lngLat) {
      add(line, 'precision', 'row.exactWithoutPoint');
      precision = area ? (area === 'hitech' || area === 'linhuan' ? 'park' : 'district') : 'unknown';
    }

    const confidenceText = get('confidence');
    let confidence: Enterprise['confidence'] = 'low';
    if (isConfidence(confidenceText)) confidence = confidenceText;
    else add(line, 'confidence', 'row.badConfidence', { confidence: confidenceText });

    // A firm's status is optional: not said is 'unknown', never a guess.
    const statusText = get('status');
    let status: Enterprise['status'] = 'unknown';
    const statusWord = FIRM_STATUS_WORDS[statusText];
    if (isFirmStatus(statusText)) status = statusText;
    else if (statusWord) status = statusWord;
    else if (statusText !== '') add(line, 'status', 'row.badFirmStatus', { status: statusText }, 'warning');

    const sourceDate = readDateCell(row, 'source_date', line, today, add);
    const checked = readDateCell(row, 'checked', line, today, add);
    if (!get('source')) add(line, 'source', 'row.noSource', {}, 'warning');

    return {
      id,
      key,
      line,
      name: { zh: nameZh, en: nameEn || nameZh },
      area,
      // A copy of its own size: the pushed-to list keeps room for 16 (100,000 firms, 12 MB).
      segments: segments.slice(),
      segmentSource: get('segment_source'),
      products: get('products'),
      productLine: { zh: get('products_zh'), en: get('products_en') },
      status,
      sourceDate,
      checked,
      nameNote: get('name_note'),
      address: get('address'),
      lngLat,
      precision,
      locationBasis: get('location_basis'),
      confidence,
      confidenceNote: get('confidence_note'),
      source: get('source'),
    };
  });
}
