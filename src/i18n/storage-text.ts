import type { Lang } from '../data/types';
import type { StorageProblem } from '../import/storage';
import { t } from './t';

/** Whose data a storage notice is about. */
export type StoredData = 'imports' | 'entered' | 'briefings';

/** A storage problem in words: why, then what it means for that data. */
export function storageText(lang: Lang, p: StorageProblem, about: StoredData): string {
  const why = t(lang, `storage.why.${p.reason}`);
  const what = t(lang, `storage.${about}.${p.op}`);
  return lang === 'zh' ? `${why}${what}` : `${why} ${what}`;
}
