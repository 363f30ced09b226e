import {
  type Add,
  type CsvRow,
  flagMarkup,
  num,
  readCsvRows,
  readDateCell,
  readPoint,
  readRowId,
  requireColumns,
  startCsv,
} from './csv';
import type { Validated } from './types';

export type ChargerKind = 'dc_fast' | 'ac_slow' | 'swap' | 'hydrogen';
export type ChargerStatus = 'operating' | 'planned' | 'closed';

/** One charging site: a DC or AC charging station, a battery-swap station or a hydrogen station. */
export interface Charger {
  id: string;
  /** Unique even when the file repeats an id (the duplicate is reported, and kept). */
  key: string;
  /** 1-based line in the CSV, for messages. */
  line: number;
  name: string;
  operator: string;
  /** 'unknown' when the file's kind is not one of the four (reported). */
  kind: ChargerKind | 'unknown';
  /** Charging points; for swap and hydrogen stations, bays and dispensers. Null: unknown or invalid. */
  connectors: number | null;
  powerKw: number | null;
  lngLat: [number, number] | null;
  /** District adcode. */
  district: string | null;
  /** 9-digit township code. */
  township: string | null;
  /** YYYY-MM-DD. */
  commissioned: string | null;
  /** 'unknown' when the file's status is not one of the three (reported). */
  status: ChargerStatus | 'unknown';
  illustrative: boolean;
  source: string;
  /** The date of the source, YYYY, YYYY-MM or YYYY-MM-DD ('' unknown); for illustrative sites, the generator's. */
  sourceDate: string;
  /** When the record was last checked, same form ('' unknown). */
  checked: string;
}

export interface ChargerContext {
  districtCodes: ReadonlySet<string>;
  townshipCodes: ReadonlySet<string>;
  /** YYYY-MM-DD: dates after it are in the future. */
  today: string;
}

export interface NevCount {
  district: string;
  nevCount: number | null;
  asOf: string | null;
  source: string;
  /** Set when the count was entered in this browser, not read from the file: when (ISO timestamp). */
  enteredAt?: string;
}

const KINDS: readonly ChargerKind[] = ['dc_fast', 'ac_slow', 'swap', 'hydrogen'];
const STATUSES: readonly ChargerStatus[] = ['operating', 'planned', 'closed'];
const TEXT_FIELDS = ['name', 'operator', 'source'];

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * A charger table (CSV text, header row first) → records. Every row becomes a record, even a bad
 * one: what can be used is kept, what cannot is reported with its line, field and reason.
 */
export function parseChargers(text: string, file: string, ctx: ChargerContext): Validated<Charger[]> {
  const { issues, add, body, empty } = startCsv(text, file);
  if (empty) return { value: [], issues };
  const { rows, header } = readCsvRows(body, add);
  requireColumns(header, REQUIRED, add);
  return { value: chargersFromRows(rows, ctx, add), issues };
}

/** The columns of the charger format, in file order: the export writes these, the import maps onto them. */
export const CHARGER_COLUMNS = [
  'id',
  'name',
  'operator',
  'kind',
  'connectors',
  'power_kw',
  'lon',
  'lat',
  'district',
  'township',
  'commissioned',
  'status',
  'illustrative',
  'source',
  'source_date',
  'checked',
] as const;

// Every column but the two a site may lack (its operator and its power are often unknown).
// The dates (issue 14) are newer than the format: a list without them reads, its dates unknown.
const OPTIONAL: ReadonlySet<string> = new Set(['operator', 'power_kw', 'source_date', 'checked']);
const REQUIRED = CHARGER_COLUMNS.filter((c) => !OPTIONAL.has(c));

/**
 * Rows in the charger format (from a bundled file or an import mapped onto it) → records. `seen`:
 * the ids of the rows before these, for a list made records a part at a time.
 */
export function chargersFromRows(
  rows: readonly CsvRow[],
  ctx: ChargerContext,
  add: Add,
  seen = new Set<string>(),
): Charger[] {
  return rows.map(({ data: row, line }): Charger => {
    const get = (k: string) => row[k] ?? '';

    flagMarkup(row, TEXT_FIELDS, line, add);
    const { id, key } = readRowId(get('id'), line, seen, add);

    let name = get('name');
    if (!name) {
      add(line, 'name', 'row.noName', {}, 'warning');
      // A placeholder that needs no language: the issue list says what is missing.
      name = `#${line}`;
    }

    const kindText = get('kind');
    let kind: Charger['kind'] = 'unknown';
    if ((KINDS as readonly string[]).includes(kindText)) kind = kindText as ChargerKind;
    else {
      add(line, 'kind', 'row.unknownKind', { kind: kindText });
    }

    const conn = num(row.connectors);
    let connectors: number | null = null;
    if (conn === null) {
      add(line, 'connectors', 'row.noConnectors', {}, 'warning');
    } else if (Number.isNaN(conn) || conn < 0 || !Number.isInteger(conn)) {
      add(line, 'connectors', 'row.badConnectors', { connectors: get('connectors') });
    } else connectors = conn;

    const pw = num(row.power_kw);
    let powerKw: number | null = null;
    if (pw !== null) {
      if (Number.isNaN(pw) || pw <= 0) {
        add(line, 'power_kw', 'row.badPower', { power: get('power_kw') });
      } else powerKw = pw;
    }

    const { lngLat, absent } = readPoint(row.lon, row.lat, line, add);
    if (absent) add(line, 'lon', 'row.noPoint', {}, 'warning');

    let district: string | null = get('district') || null;
    if (district !== null && !ctx.districtCodes.has(district)) {
      add(line, 'district', 'row.unknownDistrict', { district });
      district = null;
    }
    let township: string | null = get('township') || null;
    if (township !== null && !ctx.townshipCodes.has(township)) {
      add(line, 'township', 'row.unknownTownship', { township });
      township = null;
    } else if (township !== null && district !== null && !township.startsWith(district)) {
      add(line, 'township', 'row.townshipOutsideDistrict', { township, district }, 'warning');
    }

    const statusText = get('status');
    let status: Charger['status'] = 'unknown';
    if ((STATUSES as readonly string[]).includes(statusText)) status = statusText as ChargerStatus;
    else {
      add(line, 'status', 'row.unknownStatus', { status: statusText });
    }

    const dateText = get('commissioned');
    let commissioned: string | null = null;
    if (dateText === '') {
      add(line, 'commissioned', 'row.noCommissioned', {}, 'warning');
    } else if (!isIsoDate(dateText)) {
      add(line, 'commissioned', 'row.badCommissioned', { date: dateText });
    } else {
      commissioned = dateText;
      if (dateText > ctx.today && status !== 'planned') {
        add(line, 'commissioned', 'row.futureCommissioned', { date: dateText, today: ctx.today }, 'warning');
      }
    }

    const illText = get('illustrative');
    let illustrative = true;
    if (illText === 'false') illustrative = false;
    else if (illText !== 'true') {
      add(line, 'illustrative', 'row.badIllustrative', { value: illText });
    }

    const source = get('source');
    if (!source) add(line, 'source', 'row.noSource', {}, 'warning');
    const sourceDate = readDateCell(row, 'source_date', line, ctx.today, add);
    const checked = readDateCell(row, 'checked', line, ctx.today, add);

    return {
      id,
      key,
      line,
      name,
      operator: get('operator'),
      kind,
      connectors,
      powerKw,
      lngLat,
      district,
      township,
      commissioned,
      status,
      illustrative,
      source,
      sourceDate,
      checked,
    };
  });
}

/**
 * NEV numbers per district (CSV: district,name_zh,nev_count,as_of,source) → one entry per known
 * district, in the order of `districtCodes`. An empty count stays null ("not provided"): it is never
 * read as zero. Rows of unknown districts are reported and left out; a repeated district is
 * reported and its first row kept.
 */
export function parseNevByDistrict(
  text: string,
  file: string,
  districtCodes: ReadonlySet<string>,
): Validated<NevCount[]> {
  const { issues, add, body, empty } = startCsv(text, file);
  const found = new Map<string, NevCount>();
  if (!empty) {
    const { rows, header } = readCsvRows(body, add);
    requireColumns(header, ['district', 'nev_count', 'as_of', 'source'], add);
    for (const { data: row, line } of rows) {
      const get = (k: string) => row[k] ?? '';
      const district = get('district');
      if (!districtCodes.has(district)) {
        add(line, 'district', 'row.unknownDistrictUnused', { district });
        continue;
      }
      if (found.has(district)) {
        add(line, 'district', 'row.repeatedDistrict', { district }, 'warning');
        continue;
      }
      const n = num(row.nev_count);
      let nevCount: number | null = null;
      if (n !== null) {
        if (Number.isNaN(n) || n < 0 || !Number.isInteger(n)) {
          add(line, 'nev_count', 'row.badNevCount', { count: get('nev_count') });
        } else nevCount = n;
      }
      let asOf: string | null = get('as_of') || null;
      if (asOf !== null && !isIsoDate(asOf)) {
        add(line, 'as_of', 'row.badAsOf', { date: asOf });
        asOf = null;
      }
      const source = get('source');
      if (nevCount !== null && !source) {
        add(line, 'source', 'row.countWithoutSource', {}, 'warning');
      }
      flagMarkup(row, ['source'], line, add);
      found.set(district, { district, nevCount, asOf, source });
    }
  }
  const value = [...districtCodes].map(
    (district) => found.get(district) ?? { district, nevCount: null, asOf: null, source: '' },
  );
  return { value, issues };
}
