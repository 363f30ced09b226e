import type { Bilingual, Lang } from '../data/types';
import { en } from './en';
import { type MessageKey, zh } from './zh';

const DICTS: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks up a message and fills {name} placeholders. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTS[lang][key];
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

export type { MessageKey };
