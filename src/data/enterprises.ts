import { isAreaId } from './areas';
import { readCsvRows, startCsv } from './csv';
import type { Bilingual, Confidence, DataIssue, Enterprise, Precision, Validated } from './types';

const PRECISIONS: readonly Precision[] = ['exact', 'park', 'district', 'unknown'];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
// Huaibei's bbox with a margin of ~10 km: a point outside it is a typo or another datum.
const BBOX = { west: 116.28, east: 117.15, south: 33.18, north: 34.35 };
const ID_RE = /^[A-Za-z0-9._-]{1,60}$/;
// Anything that looks like a tag: such text is shown literally, and the user is told.
const MARKUP_RE = /<\s*[a-z!/?]/i;
const TEXT_FIELDS = [
  'name_zh',
  'name_en',
  'products',
  'address',
  'location_basis',
  'source',
  'segment_source',
];

export interface EnterpriseContext {
  segmentIds: ReadonlySet<string>;
}

function splitList(s: string): string[] {
  return s
    .split(/[;,；，、]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s.trim());
  return Number.isFinite(n) ? n : Number.NaN;
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
  for (const required of [
    'id',
    'name_zh',
    'area',
    'segments',
    'lon',
    'lat',
    'precision',
    'confidence',
    'source',
  ]) {
    if (!header.includes(required)) {
      add(1, required, { zh: `缺少列 ${required}`, en: `missing column "${required}"` });
    }
  }
  const seen = new Set<string>();
  const records = rows.map(({ data: row, line }): Enterprise => {
    const get = (k: string) => row[k] ?? '';

    for (const f of TEXT_FIELDS) {
      if (MARKUP_RE.test(get(f))) {
        add(
          line,
          f,
          { zh: '含有类似 HTML 的标记，按纯文本显示', en: 'contains HTML-like markup; shown as plain text' },
          'warning',
        );
      }
    }

    let id = get('id');
    if (!ID_RE.test(id)) {
      add(line, 'id', {
        zh: `编号缺失或无效（“${id}”），暂用行号`,
        en: `missing or invalid id ("${id}"); the line number is used`,
      });
      id = `line-${line}`;
    }
    let key = id;
    if (seen.has(id)) {
      add(
        line,
        'id',
        { zh: `编号 ${id} 重复；此行仍保留并计数`, en: `duplicate id ${id}; this row is kept and counted` },
        'warning',
      );
      key = `${id}~${line}`;
    }
    seen.add(id);

    let nameZh = get('name_zh');
    const nameEn = get('name_en');
    if (!nameZh) {
      add(line, 'name_zh', { zh: '缺少中文名称', en: 'missing Chinese name' });
      nameZh = nameEn || `（第 ${line} 行，无名称）`;
    }

    const areaText = get('area');
    let area: Enterprise['area'] = null;
    if (isAreaId(areaText)) area = areaText;
    else if (areaText !== '') {
      add(line, 'area', {
        zh: `未知区域“${areaText}”，按区域不明处理`,
        en: `unknown area "${areaText}"; treated as unknown`,
      });
    }

    const segments: string[] = [];
    for (const s of splitList(get('segments'))) {
      if (ctx.segmentIds.has(s)) {
        if (!segments.includes(s)) segments.push(s);
      } else add(line, 'segments', { zh: `未知产业链环节“${s}”`, en: `unknown chain segment "${s}"` });
    }

    const lon = num(row.lon);
    const lat = num(row.lat);
    let lngLat: Enterprise['lngLat'] = null;
    if (lon === null && lat === null) {
      // No point: fine, the area (if any) anchors it.
    } else if (lon === null || lat === null || Number.isNaN(lon) || Number.isNaN(lat)) {
      add(line, lon === null || Number.isNaN(lon) ? 'lon' : 'lat', {
        zh: `经纬度不完整或不是数字（${get('lon')}, ${get('lat')}）`,
        en: `longitude/latitude incomplete or not a number (${get('lon')}, ${get('lat')})`,
      });
    } else if (lon < BBOX.west || lon > BBOX.east || lat < BBOX.south || lat > BBOX.north) {
      const swapped = lat >= BBOX.west && lat <= BBOX.east && lon >= BBOX.south && lon <= BBOX.north;
      add(line, 'lon', {
        zh: `坐标（${lon}, ${lat}）不在淮北范围内${swapped ? '；经度和纬度可能填反了' : ''}`,
        en: `point (${lon}, ${lat}) is outside Huaibei${swapped ? '; longitude and latitude may be swapped' : ''}`,
      });
    } else {
      lngLat = [lon, lat];
    }

    let precision = get('precision') as Precision;
    if (!PRECISIONS.includes(precision)) {
      add(line, 'precision', {
        zh: `位置精度“${get('precision')}”无效`,
        en: `invalid location precision "${get('precision')}"`,
      });
      precision = 'unknown';
    }
    if (precision === 'exact' && !lngLat) {
      add(line, 'precision', { zh: '标为精确位置但没有有效坐标', en: 'marked exact but has no valid point' });
      precision = area ? (area === 'hitech' || area === 'linhuan' ? 'park' : 'district') : 'unknown';
    }

    let confidence = get('confidence') as Confidence;
    if (!CONFIDENCES.includes(confidence)) {
      add(line, 'confidence', {
        zh: `可信度“${get('confidence')}”无效，按低处理`,
        en: `invalid confidence "${get('confidence')}"; treated as low`,
      });
      confidence = 'low';
    }
    if (!get('source')) add(line, 'source', { zh: '没有注明来源', en: 'no source given' }, 'warning');

    return {
      id,
      key,
      line,
      name: { zh: nameZh, en: nameEn || nameZh },
      area,
      segments,
      segmentSource: get('segment_source'),
      products: get('products'),
      address: get('address'),
      lngLat,
      precision,
      locationBasis: get('location_basis'),
      confidence,
      confidenceNote: get('confidence_note'),
      source: get('source'),
    };
  });
  return { value: records, issues };
}
