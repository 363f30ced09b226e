import type { Charger } from '../data/chargers';
import type { Enterprise } from '../data/types';
import { dataHealth, datasetOf } from '../domain/health';
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
    const d = datasetOf(id, files);
    return d.kind === 'bundled' ? 'bundled' : d.fileName;
  };
  // The same groups the health view lists: each later firm of a group points at the first.
  const idOf = new Map(enterprises.map((e) => [e.key, e.id]));
  const duplicateOf = new Map<string, string>();
  for (const g of dataHealth(enterprises, [], imports, today, months).duplicates)
    for (const k of g.keys.slice(1)) duplicateOf.set(k, idOf.get(g.keys[0] as string) ?? '');
  const rows: (string | number | null)[][] = [];
  for (const e of enterprises) {
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
      duplicateOf.get(e.key) ?? '',
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
