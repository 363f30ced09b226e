import { segmentFreshness } from '../domain/staleness';
import { t } from '../i18n/t';
import type { Lang } from '../model';
import { todayIso } from '../model/dates';
import { selectEnterpriseByKey } from '../state/selectors';
import { useAppStore } from '../state/store';

/**
 * Whether a segment's count rests on old sources (issue 14): on the segment card a sentence, in the
 * chain view a short mark on the node. Nothing when none of its firms is stale.
 */
export function SegmentStale({
  keys,
  lang,
  short = false,
}: {
  keys: readonly string[];
  lang: Lang;
  short?: boolean;
}) {
  const data = useAppStore((s) => s.data);
  if (!data) return null;
  const months = data.ledger?.staleAfterMonths ?? 24;
  const f = segmentFreshness(keys, selectEnterpriseByKey(data), todayIso(), months);
  if (f.stale === 0) return null;
  if (short)
    return f.allStale ? (
      <span
        className="stale-mark"
        data-testid="segment-stale"
        title={t(lang, 'ledger.staleOnly', { months })}
      >
        {t(lang, 'ledger.stale')}
      </span>
    ) : null;
  return (
    <p className="small stale-note" data-testid="segment-stale" data-stale={f.allStale ? 'all' : 'some'}>
      {f.allStale ? (
        <span className="stale-mark">{t(lang, 'ledger.staleOnly', { months })}</span>
      ) : (
        t(lang, 'ledger.staleSome', { n: f.stale, months })
      )}
    </p>
  );
}
