import { useState } from 'react';
import type { BundledData } from '../data/load-bundled';
import type { Lang, Segment } from '../data/types';
import type { AreaMatch, MatchResult } from '../domain/match';
import {
  explainPart,
  FACTOR_KEY,
  type MatchNames,
  matchIssueText,
  matchNamesOf,
} from '../i18n/match-explain';
import { formatNumber, pick, t } from '../i18n/t';
import { AREA_COLOURS, chainColour } from '../layers/palette';
import { selectEnterpriseByKey, selectMatch } from '../state/selectors';
import { useAppStore } from '../state/store';
import type { MatchView } from '../state/url-hash';
import { joinNames, Sheet } from './card-parts';
import { kmLabel, Partners } from './match-partners';
import { SegmentPicker } from './match-segment-picker';
import './match-panel.css';
import { MAX_MATCH_SEGMENTS } from '../model';

/** One ranked area: a row to tap (shows the area on the map) and, when open, why it scored so. */
function AreaRow({
  area,
  top,
  maxScore,
  open,
  selected,
  result,
  data,
  lang,
  segName,
  names,
}: {
  area: AreaMatch;
  top: boolean;
  maxScore: number;
  open: boolean;
  selected: boolean;
  result: MatchResult;
  data: BundledData;
  lang: Lang;
  segName: (id: string) => string;
  names: MatchNames;
}) {
  const select = useAppStore((s) => s.select);
  const setMatch = useAppStore((s) => s.setMatch);
  const match = useAppStore((s) => s.match);
  const colour = AREA_COLOURS[area.area];
  const show = () => {
    select({ kind: 'area', id: area.area });
    // The same choice as a new value: the map frames the top area and its partners again.
    // Another area is framed clear of this panel by the map, as every selection is.
    if (top && match) setMatch({ ...match });
  };
  const name = pick(lang, area.name);
  const pct = maxScore > 0 ? Math.max(0, Math.min(100, (area.score / maxScore) * 100)) : 0;
  return (
    <li
      className={`match-area${open ? ' open' : ''}${top ? ' top' : ''}`}
      data-area={area.area}
      data-rank={area.rank}
      data-score={area.score}
      data-peers={area.peers.length}
      data-suppliers={area.suppliers.length}
      data-customers={area.customers.length}
      data-fills-gap={area.gapsFilled.length > 0}
    >
      <button
        type="button"
        className="match-area-btn"
        aria-pressed={selected}
        aria-expanded={open}
        onClick={show}
      >
        <span
          className={area.tied ? 'match-rank tied' : 'match-rank'}
          title={t(lang, area.tied ? 'match.tied' : 'match.rank', { n: area.rank })}
          data-tied={area.tied}
        >
          {area.tied ? `=${area.rank}` : area.rank}
        </span>
        <span className="match-area-name">
          <span className="swatch" style={{ background: colour }} aria-hidden="true" />
          <span>{name}</span>
          {area.gapsFilled.length ? <span className="gap-badge">{t(lang, 'match.gapBadge')}</span> : null}
        </span>
        <span className="match-bar" aria-hidden="true">
          <span className="match-bar-fill" style={{ width: `${pct}%`, background: colour }} />
        </span>
        <span className="match-score">
          {t(lang, 'match.score', { score: formatNumber(lang, area.score, 1) })}
        </span>
      </button>
      <div className="match-detail">
        {area.gapsFilled.length ? (
          <p className="match-gap" data-testid={top ? 'match-gap' : undefined}>
            {t(lang, 'match.fillsGap', { segments: joinNames(lang, area.gapsFilled.map(segName)) })}
          </p>
        ) : null}
        <ul className="plain-list match-parts">
          {area.parts.map((p) => (
            <li key={p.factor} data-factor={p.factor} data-points={p.points}>
              <span className="match-factor">{t(lang, FACTOR_KEY[p.factor])}</span>
              <span className="match-points">
                {t(lang, 'match.points', { points: formatNumber(lang, p.points, 2) })}
              </span>
              <p className="match-explanation">{explainPart(lang, p, { area, result, names })}</p>
            </li>
          ))}
        </ul>
        <Partners area={area} radiusKm={result.radiusKm} data={data} lang={lang} segName={segName} />
        {top ? <p className="small muted">{t(lang, 'match.onMap', { area: name })}</p> : null}
      </div>
    </li>
  );
}

/**
 * The firm-to-park match (选址匹配): the officer picks the visiting firm's segment(s) and a
 * distance; the six areas are ranked with each factor explained (rankAreas), the top one opened
 * with its partners, and the map draws lines to them. The choice lives in the link (match=).
 */
export function MatchPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const match = useAppStore((s) => s.match);
  const selection = useAppStore((s) => s.selection);
  const setMatch = useAppStore((s) => s.setMatch);
  const setPanel = useAppStore((s) => s.setPanel);
  // Closed by default once a segment is chosen, so the first pick shows the ranking at once.
  const [pickerOpen, setPickerOpen] = useState(false);
  // The distance chosen before any segment: kept until there is a match to hold it.
  const [radiusDraft, setRadiusDraft] = useState<number | null>(null);
  if (panel !== 'match' || !data) return null;

  const weights = data.matchWeights;
  const chosen = match?.segments ?? [];
  const radiusKm = match?.radiusKm ?? radiusDraft ?? weights.defaultRadiusKm;
  // Memoised on (data, match): a re-render with the same choice computes nothing.
  const result = match ? selectMatch(data, match) : null;
  const segById = new Map<string, Segment>(data.chain.segments.map((s) => [s.id, s]));
  const segName = (id: string) => {
    const s = segById.get(id);
    return s ? pick(lang, s.name) : id;
  };
  const names = matchNamesOf(data);
  const radii = [...new Set([...weights.radiusKmOptions, radiusKm])].sort((a, b) => a - b);
  // With nothing chosen there is nothing else to show: the picker is open.
  const open = chosen.length === 0 || pickerOpen;

  const update = (segments: string[], km: number) => {
    if (segments.length === 0) {
      setRadiusDraft(km);
      setMatch(null);
    } else {
      const next: MatchView = { segments, radiusKm: km };
      setMatch(next);
    }
  };
  const toggle = (id: string) => {
    if (chosen.includes(id))
      update(
        chosen.filter((x) => x !== id),
        radiusKm,
      );
    else if (chosen.length < MAX_MATCH_SEGMENTS) update([...chosen, id], radiusKm);
  };
  const chooseRadius = (km: number) => {
    if (match) update(chosen, km);
    else setRadiusDraft(km);
  };

  const toggleBtn = (
    <button
      type="button"
      className="text-btn"
      data-testid="match-toggle-picker"
      aria-expanded={open}
      onClick={() => setPickerOpen(!open)}
    >
      {t(lang, open ? 'match.done' : 'match.change')}
    </button>
  );
  const top = result?.areas[0];
  const maxScore = top?.score ?? 0;

  return (
    <Sheet
      className="side-panel match-panel"
      testId="match-panel"
      title={t(lang, 'match.title')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      {chosen.length === 0 ? (
        <p className="small match-intro">{t(lang, 'match.intro', { max: MAX_MATCH_SEGMENTS })}</p>
      ) : null}

      <section className="match-choice">
        <h3>
          {t(lang, 'match.segments')}{' '}
          <span className="match-count">
            {t(lang, 'match.picked', { n: chosen.length, max: MAX_MATCH_SEGMENTS })}
          </span>
        </h3>
        {chosen.length ? (
          <div className="chip-row match-chosen" data-testid="match-chosen">
            {chosen.map((id) => {
              const seg = segById.get(id);
              const colour = chainColour(seg?.chain);
              return (
                <button
                  type="button"
                  key={id}
                  className="chip match-chosen-chip"
                  data-chosen={id}
                  style={{ borderColor: colour, background: `${colour}1f` }}
                  aria-label={t(lang, 'match.remove', { name: segName(id) })}
                  onClick={() => toggle(id)}
                >
                  <span className="chip-dot" style={{ background: colour }} aria-hidden="true" />
                  {segName(id)}
                  <svg className="chip-x" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M7 7l10 10M17 7L7 17" />
                  </svg>
                </button>
              );
            })}
            {toggleBtn}
            <button type="button" className="text-btn" onClick={() => update([], radiusKm)}>
              {t(lang, 'match.clear')}
            </button>
          </div>
        ) : (
          <p className="small muted">{t(lang, 'match.none')}</p>
        )}
        {open ? <SegmentPicker data={data} lang={lang} chosen={chosen} onToggle={toggle} /> : null}
        {open && chosen.length > 0 ? (
          // After scrolling through every chain, the way back to the ranking is right here.
          <button
            type="button"
            className="text-btn match-done"
            data-testid="match-done"
            onClick={() => setPickerOpen(false)}
          >
            {t(lang, 'match.done')}
          </button>
        ) : null}
      </section>

      <section className="match-radius-row">
        <h3 id="match-radius-label">{t(lang, 'match.radius')}</h3>
        <fieldset className="match-radius" aria-labelledby="match-radius-label">
          {radii.map((r) => (
            <button
              type="button"
              key={r}
              className="chip match-radius-btn"
              data-radius={r}
              aria-pressed={r === radiusKm}
              onClick={() => chooseRadius(r)}
            >
              {kmLabel(lang, r)}
            </button>
          ))}
        </fieldset>
      </section>

      <section className="match-result" data-testid="match-result">
        <h3>{t(lang, 'match.ranking')}</h3>
        {result && top ? (
          <>
            {result.issues.map((i) => (
              <p key={i.code} className="small match-issue">
                {matchIssueText(lang, i)}
              </p>
            ))}
            <p className="small muted match-hint">{t(lang, 'match.rankHint')}</p>
            <ol className="plain-list match-areas">
              {result.areas.map((a) => {
                const selected = selection?.kind === 'area' && selection.id === a.area;
                return (
                  <AreaRow
                    key={a.area}
                    area={a}
                    top={a.rank === 1}
                    maxScore={maxScore}
                    open={a.rank === 1 || selected}
                    selected={selected}
                    result={result}
                    data={data}
                    lang={lang}
                    segName={segName}
                    names={names}
                  />
                );
              })}
            </ol>
            {result.unplaced.length ? (
              <p className="small muted" data-testid="match-unplaced">
                {t(lang, 'match.unplaced', {
                  names: joinNames(
                    lang,
                    result.unplaced.map((u) => {
                      const e = selectEnterpriseByKey(data).get(u.enterpriseKey);
                      return e ? pick(lang, e.name) : u.enterpriseKey;
                    }),
                  ),
                })}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t(lang, 'match.empty')}</p>
        )}
        <details className="match-how">
          <summary>{t(lang, 'match.how')}</summary>
          <p className="small">{pick(lang, weights.note)}</p>
        </details>
      </section>
    </Sheet>
  );
}
