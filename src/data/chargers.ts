import {
  type Add,
  type CsvRow,
  flagMarkup,
  num,
  readCsvRows,
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
}

const KINDS: readonly ChargerKind[] = ['dc_fast', 'ac_slow', 'swap', 'hydrogen'];
const STATUSES: readonly ChargerStatus[] = ['operating', 'planned', 'closed'];
const TEXT_FIELDS = ['name', 'operator', 'source'];
const REQUIRED = [
  'id',
  'name',
  'kind',
  'connectors',
  'lon',
  'lat',
  'district',
  'township',
  'commissioned',
  'status',
  'illustrative',
  'source',
];

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
] as const;

/** Rows in the charger format (from a bundled file or an import mapped onto it) → records. */
export function chargersFromRows(rows: readonly CsvRow[], ctx: ChargerContext, add: Add): Charger[] {
  const seen = new Set<string>();
  return rows.map(({ data: row, line }): Charger => {
    const get = (k: string) => row[k] ?? '';

    flagMarkup(row, TEXT_FIELDS, line, add);
    const { id, key } = readRowId(get('id'), line, seen, add);

    let name = get('name');
    if (!name) {
      add(line, 'name', { zh: '缺少名称', en: 'missing name' }, 'warning');
      name = `（第 ${line} 行，无名称）`;
    }

    const kindText = get('kind');
    let kind: Charger['kind'] = 'unknown';
    if ((KINDS as readonly string[]).includes(kindText)) kind = kindText as ChargerKind;
    else {
      add(line, 'kind', {
        zh: `未知站点类型“${kindText}”，按类型不明处理`,
        en: `unknown site kind "${kindText}"; treated as unknown`,
      });
    }

    const conn = num(row.connectors);
    let connectors: number | null = null;
    if (conn === null) {
      add(line, 'connectors', { zh: '没有填写桩（枪）数', en: 'no connector count given' }, 'warning');
    } else if (Number.isNaN(conn) || conn < 0 || !Number.isInteger(conn)) {
      add(line, 'connectors', {
        zh: `桩（枪）数“${get('connectors')}”不是非负整数，按未知处理`,
        en: `connector count "${get('connectors')}" is not a non-negative integer; treated as unknown`,
      });
    } else connectors = conn;

    const pw = num(row.power_kw);
    let powerKw: number | null = null;
    if (pw !== null) {
      if (Number.isNaN(pw) || pw <= 0) {
        add(line, 'power_kw', {
          zh: `功率“${get('power_kw')}”不是正数，按未知处理`,
          en: `power "${get('power_kw')}" is not a positive number; treated as unknown`,
        });
      } else powerKw = pw;
    }

    const { lngLat, absent } = readPoint(row.lon, row.lat, line, add);
    if (absent) {
      add(
        line,
        'lon',
        { zh: '没有坐标，只按所填区县计数', en: 'no point; counted by its district only' },
        'warning',
      );
    }

    let district: string | null = get('district') || null;
    if (district !== null && !ctx.districtCodes.has(district)) {
      add(line, 'district', {
        zh: `未知区县代码“${district}”`,
        en: `unknown district code "${district}"`,
      });
      district = null;
    }
    let township: string | null = get('township') || null;
    if (township !== null && !ctx.townshipCodes.has(township)) {
      add(line, 'township', {
        zh: `未知乡镇（街道）代码“${township}”`,
        en: `unknown township code "${township}"`,
      });
      township = null;
    } else if (township !== null && district !== null && !township.startsWith(district)) {
      add(
        line,
        'township',
        {
          zh: `乡镇（街道）${township} 不属于区县 ${district}`,
          en: `township ${township} is not in district ${district}`,
        },
        'warning',
      );
    }

    const statusText = get('status');
    let status: Charger['status'] = 'unknown';
    if ((STATUSES as readonly string[]).includes(statusText)) status = statusText as ChargerStatus;
    else {
      add(line, 'status', {
        zh: `未知状态“${statusText}”，按状态不明处理（不计入在运营站点）`,
        en: `unknown status "${statusText}"; treated as unknown (not counted as operating)`,
      });
    }

    const dateText = get('commissioned');
    let commissioned: string | null = null;
    if (dateText === '') {
      add(line, 'commissioned', { zh: '没有投运日期', en: 'no commissioning date' }, 'warning');
    } else if (!isIsoDate(dateText)) {
      add(line, 'commissioned', {
        zh: `投运日期“${dateText}”无效（应为 YYYY-MM-DD）`,
        en: `invalid commissioning date "${dateText}" (expected YYYY-MM-DD)`,
      });
    } else {
      commissioned = dateText;
      if (dateText > ctx.today && status !== 'planned') {
        add(
          line,
          'commissioned',
          {
            zh: `投运日期 ${dateText} 在今天（${ctx.today}）之后，但状态不是“规划”`,
            en: `commissioning date ${dateText} is after today (${ctx.today}) but the status is not planned`,
          },
          'warning',
        );
      }
    }

    const illText = get('illustrative');
    let illustrative = true;
    if (illText === 'false') illustrative = false;
    else if (illText !== 'true') {
      add(line, 'illustrative', {
        zh: `“是否示意”应为 true 或 false（“${illText}”），按示意数据处理`,
        en: `illustrative must be true or false ("${illText}"); treated as illustrative`,
      });
    }

    const source = get('source');
    if (!source) add(line, 'source', { zh: '没有注明来源', en: 'no source given' }, 'warning');

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
        add(line, 'district', {
          zh: `未知区县代码“${district}”，此行不用`,
          en: `unknown district code "${district}"; row not used`,
        });
        continue;
      }
      if (found.has(district)) {
        add(
          line,
          'district',
          {
            zh: `区县 ${district} 重复，只用第一行`,
            en: `district ${district} repeated; the first row is used`,
          },
          'warning',
        );
        continue;
      }
      const n = num(row.nev_count);
      let nevCount: number | null = null;
      if (n !== null) {
        if (Number.isNaN(n) || n < 0 || !Number.isInteger(n)) {
          add(line, 'nev_count', {
            zh: `新能源汽车数量“${get('nev_count')}”不是非负整数，按未提供处理`,
            en: `NEV count "${get('nev_count')}" is not a non-negative integer; treated as not provided`,
          });
        } else nevCount = n;
      }
      let asOf: string | null = get('as_of') || null;
      if (asOf !== null && !isIsoDate(asOf)) {
        add(line, 'as_of', {
          zh: `统计日期“${asOf}”无效（应为 YYYY-MM-DD）`,
          en: `invalid as-of date "${asOf}" (expected YYYY-MM-DD)`,
        });
        asOf = null;
      }
      const source = get('source');
      if (nevCount !== null && !source) {
        add(
          line,
          'source',
          { zh: '有数量但没有注明来源', en: 'a count is given without a source' },
          'warning',
        );
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
