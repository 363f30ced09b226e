import type { Charger } from '../data/chargers';
import type { Enterprise } from '../data/types';
import { normaliseFirmName } from '../import/duplicates';
import { freshness } from '../model/dates';
import { excelCsv } from './export-data';

// The data health view's download: one row per record with what the view counts it under, so
// the figures can be checked (or filtered) in a spreadsheet. Column names are the data's own.
export const HEALTH_COLUMNS = [
  'record',
  'id',
  'name_zh',
  'name_en',
  'dataset',
  'area_or_district',
  'source_date',
  'checked',
  'freshness',
  'precision',
  'confidence',
  'placed',
  'possible_duplicate_of',
  'illustrative',
  'source',
] as const;

export function healthCsv(
  enterprises: readonly Enterprise[],
  chargers: readonly Charger[],
  imports: readonly { id: string; fileName: string }[],
  today: string,
  months: number,
): string {
  const files = new Map(imports.map((i) => [i.id, i.fileName]));
  const dataset = (id: string) => {
    const dot = id.indexOf('.');
    return (dot > 0 && files.get(id.slice(0, dot))) || 'bundled';
  };
  const firstOfName = new Map<string, string>();
  const rows: (string | number | null)[][] = [];
  for (const e of enterprises) {
    const n = normaliseFirmName(e.name.zh || e.name.en);
    const k = `${e.area ?? '-'}|${n}`;
    const first = n ? firstOfName.get(k) : undefined;
    if (n && first === undefined) firstOfName.set(k, e.id);
    rows.push([
      'firm',
      e.id,
      e.name.zh,
      e.name.en,
      dataset(e.id),
      e.area ?? '',
      e.sourceDate || 'unknown',
      e.checked || 'unknown',
      freshness(e.sourceDate, today, months),
      e.precision,
      e.confidence,
      e.lngLat ? 'point' : e.area ? 'area' : 'none',
      first ?? '',
      '',
      e.source,
    ]);
  }
  for (const c of chargers) {
    rows.push([
      'charging_site',
      c.id,
      c.name,
      '',
      dataset(c.id),
      c.district ?? '',
      c.sourceDate || 'unknown',
      c.checked || 'unknown',
      freshness(c.sourceDate, today, months),
      '',
      '',
      c.lngLat ? 'point' : c.district ? 'area' : 'none',
      '',
      c.illustrative ? 'true' : 'false',
      c.source,
    ]);
  }
  return excelCsv(HEALTH_COLUMNS, rows);
}
