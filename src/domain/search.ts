import type { Enterprise } from '../data/types';

/** Case- and width-insensitive match on either name: 国轩, gotion and ＧＯＴＩＯＮ all find 国轩. */
export function matchesName(e: Pick<Enterprise, 'name'>, query: string): boolean {
  const q = query.normalize('NFKC').trim().toLowerCase();
  if (!q) return false;
  return `${e.name.zh}\n${e.name.en}`.normalize('NFKC').toLowerCase().includes(q);
}
