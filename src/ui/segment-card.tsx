import { pick, planSectionLabel, t } from '../i18n/t';
import { chainColour } from '../layers/palette';
import { selectAnalysis, selectEnterpriseByKey } from '../state/selectors';
import { useAppStore } from '../state/store';
import { AreaChip, areaName, describeDiscrepancy, EnterpriseLink, Sheet, StatusBadge } from './card-parts';
import { SegmentStale } from './segment-stale';

/**
 * The selected chain segment: its status and evidence, where the plan wants it, and its firms.
 * Beside the chain view it sits at the top of that panel (`embedded`), so the map stays in sight.
 */
export function SegmentCard({ embedded = false }: { embedded?: boolean }) {
  const lang = useAppStore((s) => s.lang);
  const selection = useAppStore((s) => s.selection);
  const data = useAppStore((s) => s.data);
  const focusSegment = useAppStore((s) => s.focusSegment);
  const chainOpen = useAppStore((s) => s.panel === 'chain');
  if (selection?.kind !== 'segment' || !data || chainOpen !== embedded) return null;
  const analysis = selectAnalysis(data);
  const r = analysis.bySegment.get(selection.id);
  if (!r) return null;
  const seg = r.segment;
  const chain = data.chain.chains.find((c) => c.id === seg.chain);
  const byKey = selectEnterpriseByKey(data);
  const discrepancies = analysis.discrepancies.filter((d) => d.segment === seg.id);
  return (
    <Sheet
      className={embedded ? 'segment-card embedded' : 'card segment-card'}
      testId="segment-card"
      dataAttrs={{ 'data-segment': seg.id }}
      title={pick(lang, seg.name)}
      subtitle={`${chain ? pick(lang, chain.name) : ''} · ${t(lang, `stage.${seg.stage}`)}`}
      colour={chainColour(seg.chain)}
      onClose={() => focusSegment(null)}
      lang={lang}
    >
      <p className="segment-status">
        <StatusBadge status={r.status} lang={lang} />{' '}
        <span data-testid="segment-count">{t(lang, 'segment.count', { n: r.count })}</span>
      </p>
      <SegmentStale keys={r.enterpriseKeys} lang={lang} />
      <section>
        <h3>{t(lang, 'chain.assignedTo')}</h3>
        {seg.areas.length ? (
          <div className="chip-row">
            {seg.areas.map((a) => (
              <AreaChip key={a} id={a} lang={lang} />
            ))}
          </div>
        ) : (
          <p className="muted">{t(lang, 'chain.notAssigned')}</p>
        )}
      </section>
      <section>
        <h3>
          {t(lang, 'segment.plan')}{' '}
          <span className="plan-section">{planSectionLabel(lang, seg.planSection)}</span>
        </h3>
        <blockquote>{pick(lang, seg.plan)}</blockquote>
      </section>
      <section>
        <h3>{t(lang, 'segment.firms')}</h3>
        {r.enterpriseKeys.length ? (
          <ul className="plain-list firm-list">
            {r.enterpriseKeys.map((k) => {
              const e = byKey.get(k);
              if (!e) return null;
              return (
                <li key={k}>
                  <EnterpriseLink firm={e} lang={lang} />
                  <span className="small">
                    {' '}
                    · {e.area ? areaName(data, lang, e.area) : t(lang, 'ent.areaUnknown')}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t(lang, 'segment.noFirms')}</p>
        )}
      </section>
      {discrepancies.length ? (
        <section data-testid="segment-discrepancies">
          <h3>{t(lang, 'area.discrepancies')}</h3>
          <ul className="plain-list">
            {discrepancies.map((d) => (
              <li key={d.enterpriseKey}>{describeDiscrepancy(data, lang, d)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Sheet>
  );
}
