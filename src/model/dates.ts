/**
 * The one definition of "today" in the app: the calendar date where the user is (the browser's time
 * zone), as YYYY-MM-DD. A UTC date would be yesterday in Huaibei (UTC+8) before 08:00.
 */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function todayIso(now: Date = new Date()): string {
  return isoDate(now);
}

// ── Source dates (issue 14): as precise as the source, read from what people type ──────────────

/** Why a date cell could not be used: not a date, or after today. */
export type DateProblem = 'unparsable' | 'future';

/** A read date cell: the date (YYYY, YYYY-MM or YYYY-MM-DD; '' when the cell is empty or bad) and what was wrong. */
export interface DateRead {
  date: string;
  problem: DateProblem | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no time-zone surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel's day numbers (1900 system) that fall in 1950–2100: other five-digit numbers are not dates. */
const EXCEL_SERIAL = { min: 18264, max: 73415 };

function fromExcelSerial(n: number): string {
  // Day 0 is 1899-12-30 once Excel's phantom 1900-02-29 is allowed for (all serials here are past it).
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * A date as people write it in a roster → YYYY, YYYY-MM or YYYY-MM-DD, keeping the precision
 * written: "2024/5/1", "2024年5月", "2024.05", "2024-05-01", "20240501", full-width digits, and an
 * Excel day number (45413 → 2024-05-01). Empty → '' with no problem; "近期" or "2024-13" →
 * unparsable; after `today` (YYYY-MM-DD) → future. Pure.
 */
export function readDate(raw: string, today: string): DateRead {
  const t = raw
    .trim()
    .replace(/(?:[\sT]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/, '')
    .replace(/[０-９．／－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (t === '') return { date: '', problem: null };
  let y: number;
  let m: number | undefined;
  let d: number | undefined;
  const ymd = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?)?年?$/.exec(t);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) {
    y = Number(compact[1]);
    m = Number(compact[2]);
    d = Number(compact[3]);
  } else if (/^\d{5}(?:\.0+)?$/.test(t)) {
    const n = Number(t);
    if (n < EXCEL_SERIAL.min || n > EXCEL_SERIAL.max) return { date: '', problem: 'unparsable' };
    return checkFuture(fromExcelSerial(n), today);
  } else if (ymd) {
    y = Number(ymd[1]);
    m = ymd[2] === undefined ? undefined : Number(ymd[2]);
    d = ymd[3] === undefined ? undefined : Number(ymd[3]);
  } else return { date: '', problem: 'unparsable' };
  if (y < 1900 || y > 2200) return { date: '', problem: 'unparsable' };
  if (m === undefined) return checkFuture(String(y), today);
  if (m < 1 || m > 12) return { date: '', problem: 'unparsable' };
  if (d === undefined) return checkFuture(`${y}-${pad2(m)}`, today);
  if (d < 1 || d > daysIn(y, m)) return { date: '', problem: 'unparsable' };
  return checkFuture(`${y}-${pad2(m)}-${pad2(d)}`, today);
}

function checkFuture(date: string, today: string): DateRead {
  // A year or month is in the future only when all of it is: "2026" is not, on 2026-12-02.
  return date > today.slice(0, date.length) ? { date: '', problem: 'future' } : { date, problem: null };
}

/** The last day a YYYY / YYYY-MM / YYYY-MM-DD date can stand for, as YYYY-MM-DD. */
export function endOfPeriod(date: string): string {
  const [ys, ms, ds] = date.split('-');
  const y = Number(ys);
  const m = ms === undefined ? 12 : Number(ms);
  const d = ds === undefined ? daysIn(y, m) : Number(ds);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** YYYY-MM-DD plus whole months, the day held at the month's end when the month is shorter. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${ny}-${pad2(nm)}-${pad2(Math.min(d, daysIn(ny, nm)))}`;
}

/** How a record's age stands against the threshold: no date, within it, or possibly out of date. */
export type Freshness = 'unknown' | 'current' | 'stale';

/**
 * A source is stale when even the last day it can stand for (31 Dec for a year, the month's last
 * day for a month) is more than `months` months before today. Exactly `months` months is not stale.
 */
export function freshness(sourceDate: string, today: string, months: number): Freshness {
  if (sourceDate === '' || sourceDate === 'unknown') return 'unknown';
  return addMonths(endOfPeriod(sourceDate), months) < today ? 'stale' : 'current';
}
