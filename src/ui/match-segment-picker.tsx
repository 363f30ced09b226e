import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import { pick, t } from '../i18n/t';
import { chainColour } from '../layers/palette';
import { MAX_MATCH_SEGMENTS } from '../model';
import { selectAnalysis } from '../state/selectors';
import { StatusBadge } from './card-parts';

/** The chains' segments as chips to pick the firm's segment(s) from, grouped by chain. */
export function SegmentPicker({
  data,
  lang,
  chosen,
  onToggle,
}: {
  data: BundledData;
  lang: Lang;
  chosen: readonly string[];
  onToggle: (id: string) => void;
}) {
  const analysis = selectAnalysis(data);
  const full = chosen.length >= MAX_MATCH_SEGMENTS;
  return (
    <div className="match-picker" data-testid="match-picker">
      {full ? <p className="small muted">{t(lang, 'match.full', { max: MAX_MATCH_SEGMENTS })}</p> : null}
      {data.chain.chains.map((chain) => {
        const colour = chainColour(chain.id);
        const segs = data.chain.segments.filter((s) => s.chain === chain.id);
        if (segs.length === 0) return null;
        return (
          <section key={chain.id} className="match-chain" data-chain={chain.id}>
            <h4>
              <span className="chip-dot" style={{ background: colour }} aria-hidden="true" />
              {pick(lang, chain.name)}
            </h4>
            <div className="chip-row">
              {segs.map((s) => {
                const on = chosen.includes(s.id);
                const status = analysis.bySegment.get(s.id)?.status;
                return (
                  <button
                    type="button"
                    key={s.id}
                    className={`chip match-seg${on ? ' on' : ''}`}
                    data-pick={s.id}
                    aria-pressed={on}
                    disabled={!on && full}
                    style={on ? { borderColor: colour, background: `${colour}1f` } : undefined}
                    onClick={() => onToggle(s.id)}
                  >
                    <span className="chip-dot" style={{ background: colour }} aria-hidden="true" />
                    {pick(lang, s.name)}
                    {status === 'missing' ? <StatusBadge status="missing" lang={lang} /> : null}
                  </button>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
