/**
 * Cell normalisers for imported spreadsheets: each turns the wording people use (Chinese or
 * English names, AMap-style dates, "12个") into our format's value, and leaves anything it does not
 * recognise unchanged so that the validator reports it with the user's own text.
 */

import { remembered } from '../data/csv';

const key = (s: string) => s.toLowerCase().replace(/[\s_\-·・.（）()]/g, '');

/** A lookup from any of an item's names (id, zh, en, extra aliases) to its id. */
export function nameIndex(
  items: readonly { id: string; names: readonly string[] }[],
): (s: string) => string | null {
  const m = new Map<string, string>();
  for (const it of items) {
    for (const n of [it.id, ...it.names]) {
      const k = key(n);
      if (k && !m.has(k)) m.set(k, it.id);
    }
  }
  return remembered((s) => m.get(key(s)) ?? null);
}

/** Chinese place names are often written without their 县/区/市 suffix. */
export function withoutSuffix(name: string): string {
  return name.replace(/(市|县|区|镇|乡|街道|办事处)$/, '');
}

export function splitList(s: string): string[] {
  return s
    .split(/[;,；，、/|]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

const LIST_SEPARATOR = /([;,；，、/|])/;

/**
 * A list cell → its items, each resolved by `lookup` where it can be. A name may itself contain a
 * separator (储氢装备（高压气态、低温液态）, "Test instruments, development tools & …"), so at each
 * place the longest run of parts (up to 8) that is a known name is taken as one item; a part that
 * starts no known name stays as its own text, for the validator to report.
 */
export function resolveList(s: string, lookup: (s: string) => string | null): string[] {
  // Even indexes: the text between separators; odd: the separators themselves.
  const parts = s.split(LIST_SEPARATOR);
  const count = (parts.length + 1) / 2;
  const items: string[] = [];
  let i = 0;
  while (i < count) {
    let taken = 1;
    let item: string | null = null;
    for (let j = Math.min(count, i + 8); j > i && item === null; j -= 1) {
      const hit = lookup(
        parts
          .slice(2 * i, 2 * j - 1)
          .join('')
          .trim(),
      );
      if (hit !== null) {
        item = hit;
        taken = j - i;
      }
    }
    item ??= (parts[2 * i] ?? '').trim();
    if (item !== '') items.push(item);
    i += taken;
  }
  return items;
}

/** Dates as Chinese spreadsheets write them → YYYY-MM-DD; unrecognised text is returned as is. */
export function normaliseDate(s: string): string {
  const t = s.trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}

/** "12 个", "1,200", "60kW", "116.8°" → the bare number text; other text unchanged. */
export function normaliseNumber(s: string): string {
  // Most cells are plain numbers already: skip the clean-up for them.
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  let t = s.trim().replace(/[\s°]|(个|台|枪|根|座|千瓦|kw)$/gi, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  // Full-width digits, as some IMEs type them.
  t = t.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return t;
}

// Degrees with minutes and seconds, as maps and surveys write them: 116°48′30″E, 116度48分, 33°57'N,
// 33°57'30"N (ASCII ' and " too), with the hemisphere letter before or after.
const DMS =
  /^([NSEW])?\s*(-?\d+(?:\.\d+)?)\s*(?:°|度)\s*(?:(\d+(?:\.\d+)?)\s*(?:′|'|’|分)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:″|"|”|''|′′|秒)\s*)?([NSEW])?$/i;

/**
 * A coordinate in degrees, minutes and seconds → decimal degrees as text, or null when the cell is
 * not in that form (a plain number is left to normaliseNumber). Minutes and seconds must be under
 * 60; S and W make the value negative.
 */
export function readDegrees(s: string): string | null {
  const m = DMS.exec(s.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!m) return null;
  const [, before, d, mi, se, after] = m;
  if (before && after) return null;
  const min = mi === undefined ? 0 : Number(mi);
  const sec = se === undefined ? 0 : Number(se);
  if (min >= 60 || sec >= 60 || (mi === undefined && se !== undefined)) return null;
  const deg = Number(d);
  const hemi = (before ?? after ?? '').toUpperCase();
  const value = (Math.abs(deg) + min / 60 + sec / 3600) * (deg < 0 || hemi === 'S' || hemi === 'W' ? -1 : 1);
  return String(Number(value.toFixed(7)));
}

/** One coordinate cell → the number text to read: degrees-minutes-seconds converted, units off. */
export function normaliseCoordinate(s: string): string {
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  return readDegrees(s) ?? normaliseNumber(s);
}

const PLAIN = /^\s*(-?\d+(?:\.\d+)?)\s*[,，;\s]\s*(-?\d+(?:\.\d+)?)\s*$/;

/**
 * A combined "lng,lat" cell (AMap's location field) → the two parts, or null. Plain numbers or
 * degrees-minutes-seconds ("116°48′30″E, 33°57′N"), split at a comma or semicolon, else at the
 * one space that leaves two readable halves.
 */
export function splitLonLat(s: string): [string, string] | null {
  const m = PLAIN.exec(s);
  if (m) return [m[1] as string, m[2] as string];
  if (!/[°度]/.test(s)) return null;
  const parts = s.split(/[,，;；]/);
  if (parts.length === 2) {
    const [a, b] = parts.map((p) => readDegrees(p));
    return a && b ? [a, b] : null;
  }
  if (parts.length > 2) return null;
  const t = s.trim();
  for (let i = t.indexOf(' '); i !== -1; i = t.indexOf(' ', i + 1)) {
    const a = readDegrees(t.slice(0, i));
    const b = readDegrees(t.slice(i + 1));
    if (a && b) return [a, b];
  }
  return null;
}

/** A coordinate-system cell (坐标系 column) → our system, or null when it names none we know. */
export function readCrs(s: string): 'wgs84' | 'gcj02' | 'bd09' | null {
  const t = s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (t === '') return null;
  if (/^(wgs84|wgs|gps|epsg:?4326|4326|天地图|tianditu|cgcs2000|2000)/.test(t)) return 'wgs84';
  if (/^(gcj02|gcj|高德|腾讯|火星|amap|gaode|tencent)/.test(t)) return 'gcj02';
  if (/^(bd09|bd09ll|bd|百度|baidu)/.test(t)) return 'bd09';
  return null;
}

/** An Excel guard the app's own CSV export writes ('=…, '+…, '-…, '@…): one leading ' removed. */
export function withoutExcelGuard(s: string): string {
  return s.length > 1 && s.charCodeAt(0) === 39 && /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

const KIND_WORDS: [RegExp, string][] = [
  [/换电|swap/i, 'swap'],
  [/氢|hydrogen|h2/i, 'hydrogen'],
  [/直流|快充|超充|dc|fast/i, 'dc_fast'],
  [/交流|慢充|ac|slow/i, 'ac_slow'],
];

export function normaliseKind(s: string): string {
  const t = s.trim();
  if (['dc_fast', 'ac_slow', 'swap', 'hydrogen'].includes(t)) return t;
  for (const [re, k] of KIND_WORDS) if (re.test(t)) return k;
  return t;
}

const STATUS_WORDS: [RegExp, string][] = [
  [/规划|在建|拟建|筹建|planned|plan|construction/i, 'planned'],
  [/关闭|停运|停用|撤|closed|inactive/i, 'closed'],
  [/运营|运行|正常|在用|投运|开放|operating|open|active/i, 'operating'],
];

export function normaliseStatus(s: string): string {
  const t = s.trim();
  for (const [re, k] of STATUS_WORDS) if (re.test(t)) return k;
  return t;
}

const YES = new Set(['true', '是', 'yes', 'y', '1', '示意']);
const NO = new Set(['false', '否', 'no', 'n', '0', '']);

export function normaliseBoolean(s: string): string {
  const t = s.trim().toLowerCase();
  if (YES.has(t)) return 'true';
  if (NO.has(t)) return 'false';
  return s.trim();
}

const CONFIDENCE_WORDS: Record<string, string> = { 高: 'high', 中: 'medium', 低: 'low' };
export function normaliseConfidence(s: string): string {
  const t = s.trim();
  return CONFIDENCE_WORDS[t] ?? t.toLowerCase();
}

const PRECISION_WORDS: Record<string, string> = {
  精确: 'exact',
  准确: 'exact',
  园区: 'park',
  区县: 'district',
  未知: 'unknown',
};
export function normalisePrecision(s: string): string {
  const t = s.trim();
  return PRECISION_WORDS[t] ?? t.toLowerCase();
}
