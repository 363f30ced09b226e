import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Firms per segment straight from the shipped CSV: an independent check of what the chain views show. */
export function segmentFirmCounts(): Map<string, number> {
  const csv = readFileSync(new URL('../../public/data/enterprises.csv', import.meta.url), 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const s of (r.segments ?? '').split(';').filter(Boolean)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}
