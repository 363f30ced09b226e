import { t } from '../i18n/t';
import type { Lang } from '../model';
import { freshness, todayIso } from '../model/dates';
import { useAppStore } from '../state/store';

/**
 * One line under a record: "资料日期 2022-08 · 核实 不详", and a "may be out of date" mark when the
 * source is older than the ledger's threshold (data/ledger.json). Dates as the source gives them.
 */
export function RecordDates({
  sourceDate,
  checked,
  lang,
  testId,
  policy = false,
}: {
  sourceDate: string;
  checked: string;
  lang: Lang;
  testId?: string;
  /** The plan's own text: it is the policy in force until replaced, not a fact that ages. */
  policy?: boolean;
}) {
  const months = useAppStore((s) => s.data?.ledger.staleAfterMonths ?? 24);
  const state = freshness(sourceDate, todayIso(), months);
  const unknown = t(lang, 'ledger.unknown');
  return (
    <p className="record-dates small" data-testid={testId ?? 'record-dates'} data-freshness={state}>
      <span data-date="source">
        {t(lang, 'ledger.sourceDate')} {sourceDate || unknown}
      </span>
      {' · '}
      <span data-date="checked">
        {t(lang, 'ledger.checked')} {checked || unknown}
      </span>
      {state === 'stale' && !policy ? (
        <span className="stale-mark" title={t(lang, 'ledger.staleWhy', { months })}>
          {t(lang, 'ledger.stale')}
        </span>
      ) : null}
    </p>
  );
}
