import { useEffect, useRef } from 'react';
import { STAGES } from '../data/chain';
import { pick, t } from '../i18n/t';
import { AREA_COLOURS, chainColour } from '../layers/palette';
import { selectAnalysis } from '../state/selectors';
import { useAppStore } from '../state/store';
import { Sheet, StatusBadge } from './card-parts';
import { SegmentCard } from './segment-card';
import { SegmentStale } from './segment-stale';

/**
 * The chain tree (产业链图谱): every chain in upstream → midstream → downstream columns, each
 * segment with its local firm count and status. Tapping a segment filters the map to it.
 */
export function ChainPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const active = useAppStore((s) => s.filters.segment);
  const focusSegment = useAppStore((s) => s.focusSegment);
  const setPanel = useAppStore((s) => s.setPanel);
  const selected = useAppStore((s) => (s.selection?.kind === 'segment' ? s.selection.id : null));
  const detail = useRef<HTMLDivElement>(null);
  // The detail opens under the chain of the segment tapped, where the eye is, and scrolls into view.
  useEffect(() => {
    if (!selected) return;
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    detail.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [selected]);
  if (panel !== 'chain' || !data) return null;
  const selectedChain = data.chain.segments.find((x) => x.id === selected)?.chain;
  const analysis = selectAnalysis(data);
  return (
    <Sheet
      className="side-panel chain-panel"
      testId="chain-panel"
      title={t(lang, 'chain.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <p className="small">{t(lang, 'chain.intro')}</p>
      <p className="small muted">
        {t(lang, 'chain.rules', { rule: pick(lang, data.chain.statusRules.note) })}
      </p>
      {active ? (
        <button type="button" className="text-btn" onClick={() => focusSegment(null)}>
          {t(lang, 'chain.showAll')}
        </button>
      ) : null}
      {data.chain.chains.map((chain) => {
        const results = analysis.segments.filter((r) => r.segment.chain === chain.id);
        const firms = new Set(results.flatMap((r) => r.enterpriseKeys)).size;
        return (
          <section key={chain.id} className="chain-block" data-chain={chain.id}>
            <h3 className="chain-name">
              <span className="chip-dot" style={{ background: chainColour(chain.id) }} aria-hidden="true" />
              {pick(lang, chain.name)}
              <span className="small muted"> · {t(lang, 'chain.firms', { n: firms })}</span>
            </h3>
            <div className="stage-cols">
              {STAGES.map((stage) => (
                <div key={stage} className="stage-col">
                  <h4>{t(lang, `stage.${stage}`)}</h4>
                  {results
                    .filter((r) => r.segment.stage === stage)
                    .map((r) => (
                      <button
                        type="button"
                        key={r.segment.id}
                        className={`seg-node status-${r.status}`}
                        data-seg={r.segment.id}
                        data-count={r.count}
                        aria-pressed={active === r.segment.id}
                        onClick={() => focusSegment(active === r.segment.id ? null : r.segment.id)}
                      >
                        <span className="seg-node-name">{pick(lang, r.segment.name)}</span>
                        <span className="seg-node-meta">
                          <StatusBadge status={r.status} lang={lang} />
                          <span className="seg-node-count">{t(lang, 'chain.firms', { n: r.count })}</span>
                          <SegmentStale keys={r.enterpriseKeys} lang={lang} short />
                          {r.segment.areas.map((a) => (
                            <span
                              key={a}
                              className="area-dot"
                              style={{ background: AREA_COLOURS[a] }}
                              aria-hidden="true"
                            />
                          ))}
                        </span>
                      </button>
                    ))}
                </div>
              ))}
            </div>
            {chain.id === selectedChain ? (
              <div ref={detail} className="segment-detail-slot">
                <SegmentCard embedded />
              </div>
            ) : null}
          </section>
        );
      })}
      {analysis.unclassified.length ? (
        <p className="small muted">{t(lang, 'chain.unclassified', { n: analysis.unclassified.length })}</p>
      ) : null}
    </Sheet>
  );
}
