import { filterDiscrepancies, filterTargets, isTargetFilterSet, targetChains } from '../domain/targets';
import { download } from '../export/export-data';
import { targetFilterText } from '../export/target-list';
import { targetsCsv, targetsFileName } from '../export/targets-csv';
import { colon, pick, planSectionLabel, t } from '../i18n/t';
import { chainColour } from '../layers/palette';
import { todayIso } from '../model/dates';
import { selectAnalysis } from '../state/selectors';
import { useAppStore } from '../state/store';
import { AreaChip, describeDiscrepancy, SegmentChip, Sheet, StatusBadge } from './card-parts';
import { areaChoices, Chip } from './filter-section';
import './targets-panel.css';

/**
 * The target list (招商清单): every missing or weak segment, where the plan wants it, in the plan's
 * words; filtered by chain and area for the visit, and downloadable as the CSV of what is shown.
 */
export function TargetsPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const filter = useAppStore((s) => s.targetFilter);
  const toggle = useAppStore((s) => s.toggleTargetFilter);
  const clear = useAppStore((s) => s.clearTargetFilter);
  const setPanel = useAppStore((s) => s.setPanel);
  if (panel !== 'targets' || !data) return null;
  const analysis = selectAnalysis(data);
  const targets = filterTargets(analysis.targets, filter);
  const discrepancies = filterDiscrepancies(data.chain, analysis.discrepancies, filter);
  const chains = targetChains(data.chain, analysis.targets, filter);
  return (
    <Sheet
      className="side-panel targets-panel"
      testId="targets-panel"
      title={t(lang, 'targets.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <p className="small">{t(lang, 'targets.intro')}</p>
      {/* Closed, the filter is one line saying what it keeps: the list itself stays in view on a tablet. */}
      <details className="targets-filter" data-testid="targets-filter">
        <summary data-testid="targets-filter-toggle">
          <span className="targets-filter-label">{t(lang, 'targets.filter')}</span>
          <span className="targets-filter-now" data-testid="targets-filter-now">
            {targetFilterText(filter, data, lang)}
          </span>
        </summary>
        <h3>{t(lang, 'targets.filterChain')}</h3>
        <div className="chip-row">
          {chains.map((id) => {
            const chain = data.chain.chains.find((c) => c.id === id);
            return (
              <Chip
                key={id}
                data={`target-chain:${id}`}
                on={filter.chains.includes(id)}
                onClick={() => toggle('chains', id)}
                label={chain ? pick(lang, chain.name) : id}
                colour={chainColour(id)}
              />
            );
          })}
        </div>
        <h3>{t(lang, 'targets.filterArea')}</h3>
        <div className="chip-row">
          {areaChoices(data, lang).map(({ v, label, colour }) => (
            <Chip
              key={v}
              data={`target-area:${v}`}
              on={filter.areas.includes(v)}
              onClick={() => toggle('areas', v)}
              label={label}
              colour={colour}
            />
          ))}
        </div>
      </details>
      <div className="targets-actions">
        <div className="button-row">
          <p className="small targets-count" data-testid="targets-count">
            {t(lang, 'targets.showing', { n: targets.length, total: analysis.targets.length })}
          </p>
          {isTargetFilterSet(filter) ? (
            <button type="button" className="secondary-btn" data-testid="targets-clear" onClick={clear}>
              {t(lang, 'filter.clear')}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary-btn"
            data-testid="targets-csv"
            disabled={targets.length === 0}
            onClick={() => download(targetsFileName(todayIso()), targetsCsv(targets, data, lang), 'text/csv')}
          >
            {t(lang, 'targets.download')}
          </button>
        </div>
        <p className="small muted">{t(lang, 'targets.downloadHelp')}</p>
      </div>
      {analysis.targets.length === 0 ? (
        <p className="muted">{t(lang, 'targets.none')}</p>
      ) : targets.length === 0 ? (
        <p className="muted" data-testid="targets-no-match">
          {t(lang, 'targets.noMatch')}
        </p>
      ) : null}
      <ol className="target-list">
        {targets.map((target) => {
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
                <span className="plan-section">{planSectionLabel(lang, target.segment.planSection)}</span>
              </blockquote>
            </li>
          );
        })}
      </ol>
      {discrepancies.length ? (
        <section>
          <h3>{t(lang, 'targets.discrepancies')}</h3>
          <ul className="plain-list">
            {discrepancies.map((d) => {
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
