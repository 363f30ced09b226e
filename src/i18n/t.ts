import type { Bilingual, Lang } from '../data/types';
import { en } from './en';
import { type MessageKey, zh } from './zh';

const DICTS: Record<Lang, Record<MessageKey, string>> = { zh, en };

const PLURALS: Record<Lang, Intl.PluralRules> = {
  zh: new Intl.PluralRules('zh-CN'),
  en: new Intl.PluralRules('en'),
};

/**
 * Looks up a message and fills {name} placeholders. A message "one|other" (English counts) picks
 * its form by the number in {n}; Chinese needs no plural forms.
 */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  let text: string = DICTS[lang][key];
  if (text.includes('|')) {
    const [one, other] = text.split('|') as [string, string];
    text = typeof params?.n === 'number' && PLURALS[lang].select(params.n) === 'one' ? one : other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Picks the user's language from a bilingual data field. */
export function pick(lang: Lang, b: Bilingual): string {
  return b[lang];
}

export function formatNumber(lang: Lang, n: number, digits = 1): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits }).format(
    n,
  );
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as sources give it (2021, 2021-03, 2021-03-01) read as each language writes it: 2021年3月1日, 1 March 2021. */
export function formatPartialDate(lang: Lang, s: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  if (lang === 'zh') return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  const month = mo ? MONTHS_EN[Number(mo) - 1] : '';
  return [d ? String(Number(d)) : '', month, y].filter(Boolean).join(' ');
}

const CN_ROMAN: Record<string, string> = {
  一: 'I',
  二: 'II',
  三: 'III',
  四: 'IV',
  五: 'V',
  六: 'VI',
  七: 'VII',
  八: 'VIII',
  九: 'IX',
  十: 'X',
};

/** A section of the plan (§三.4): in English its part numbers read as Roman ones (§III.4), as the translations cite it. */
export function planSectionLabel(lang: Lang, section: string): string {
  return lang === 'zh' ? section : section.replace(/[一二三四五六七八九十]/g, (c) => CN_ROMAN[c] ?? c);
}

export type { MessageKey };

/** The label separator: a full-width colon in Chinese, ": " in English. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** The sentence of a data issue (or report row) in the user's language, from its code and parameters. */
export function issueReason(
  lang: Lang,
  issue: { code: MessageKey; params?: Record<string, string | number> },
): string {
  return t(lang, issue.code, issue.params);
}
