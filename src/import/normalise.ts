/**
 * Cell normalisers for imported spreadsheets: each turns the wording people use (Chinese or
 * English names, AMap-style dates, "12个") into our format's value, and leaves anything it does not
 * recognise unchanged so that the validator reports it with the user's own text.
 */

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
  return (s) => m.get(key(s)) ?? null;
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

/** A combined "lng,lat" cell (AMap's location field) → the two parts, or null. */
export function splitLonLat(s: string): [string, string] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,，;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(s);
  return m ? [m[1] as string, m[2] as string] : null;
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
