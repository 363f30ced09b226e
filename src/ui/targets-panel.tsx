import { colon, pick, t } from '../i18n/t';
import { selectAnalysis } from '../state/selectors';
import { useAppStore } from '../state/store';
import { AreaChip, describeDiscrepancy, SegmentChip, Sheet, StatusBadge } from './card-parts';

/** The target list (招商清单): every missing or weak segment, where the plan wants it, in the plan's words. */
export function TargetsPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const setPanel = useAppStore((s) => s.setPanel);
  if (panel !== 'targets' || !data) return null;
  const analysis = selectAnalysis(data);
  return (
    <Sheet
      className="side-panel targets-panel"
      testId="targets-panel"
      title={t(lang, 'targets.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <p className="small">{t(lang, 'targets.intro')}</p>
      {analysis.targets.length === 0 ? <p className="muted">{t(lang, 'targets.none')}</p> : null}
      <ol className="target-list">
        {analysis.targets.map((target) => {
          const chain = data.chain.chains.find((c) => c.id === target.segment.chain);
          return (
            <li key={target.segment.id} data-target={target.segment.id} data-status={target.status}>
              <div className="target-head">
                <StatusBadge status={target.status} lang={lang} />
                <SegmentChip id={target.segment.id} lang={lang} />
              </div>
              <p className="small muted">
                {chain ? pick(lang, chain.name) : ''} · {t(lang, `stage.${target.segment.stage}`)} ·{' '}
                {t(lang, 'chain.firms', { n: target.count })}
              </p>
              <div className="target-where">
                <span className="small">
                  {t(lang, 'targets.where')}
                  {colon(lang)}
                </span>
                {target.assignedAreas.length ? (
                  target.assignedAreas.map((a) => <AreaChip key={a} id={a} lang={lang} />)
                ) : (
                  <span className="small muted">{t(lang, 'chain.notAssigned')}</span>
                )}
              </div>
              <blockquote className="small">
                {pick(lang, target.segment.plan)}{' '}
                <span className="plan-section">{target.segment.planSection}</span>
              </blockquote>
            </li>
          );
        })}
      </ol>
      {analysis.discrepancies.length ? (
        <section>
          <h3>{t(lang, 'targets.discrepancies')}</h3>
          <ul className="plain-list">
            {analysis.discrepancies.map((d) => {
              const seg = data.chain.segments.find((s) => s.id === d.segment);
              return (
                <li key={`${d.enterpriseKey}-${d.segment}`}>
                  {seg ? `${pick(lang, seg.name)}${colon(lang)}` : ''}
                  {describeDiscrepancy(data, lang, d)}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </Sheet>
  );
}
