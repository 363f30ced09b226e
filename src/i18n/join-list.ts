import type { Lang } from '../data/types';

/** A list in running text: "甲、乙、丙" in Chinese, "a, b and c" in English. */
export function joinList(lang: Lang, items: readonly string[]): string {
  if (lang === 'zh') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
