import type { Lang } from '../data/types';
import type { Target } from '../domain/chain-analysis';
import { t } from '../i18n/t';
import { excelCsv } from './export-data';
import { type ListData, TARGET_COLUMNS, targetLines } from './target-list';

/** The target list as an Excel-safe CSV, headed in the user's language like the import report. */
export function targetsCsv(targets: readonly Target[], data: ListData, lang: Lang): string {
  return excelCsv(
    TARGET_COLUMNS.map(([, key]) => t(lang, key)),
    targetLines(targets, data, lang).map((l) => TARGET_COLUMNS.map(([col]) => l[col])),
  );
}

export const targetsFileName = (date: string) => `huaibei-targets-${date}.csv`;
