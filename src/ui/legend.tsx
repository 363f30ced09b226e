import { type CSSProperties, useEffect, useState } from 'react';
import { t } from '../i18n/t';
import type { LegendEntry } from '../layers/types';
import { selectLegend } from '../state/selectors';
import { cardShown, useAppStore } from '../state/store';

const NONE: LegendEntry[] = [];

/** A small coloured chip for a dot, ring or pale-square entry. */
function chipStyle(e: LegendEntry): CSSProperties {
  if (e.mark === 'ring') return { background: '#fff', boxShadow: `0 0 0 3px ${e.colour}` };
  if (e.mark === 'faded') return { background: e.colour, opacity: 0.5, borderRadius: 2 };
  if (e.mark === 'swatch') return { background: e.colour, borderRadius: 2 };
  return { background: e.colour };
}

/** Consecutive entries of one group, in the order the layers give them. */
function groupsOf(entries: readonly LegendEntry[]): LegendEntry[][] {
  const out: LegendEntry[][] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (last && last[0]?.group === e.group) last.push(e);
    else out.push([e]);
  }
  return out;
}

/**
 * Explains every colour and symbol on the map, from the layers' own legend entries (the same the
 * PNG and the handout draw). An area's entry is also a shortcut to that area's card.
 */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const legendOpen = useAppStore((s) => s.legendOpen);
  const toggleLegend = useAppStore((s) => s.toggleLegend);
  // A card or the layer list takes the map's other side: the legend folds to its title meanwhile,
  // so the map keeps half the screen, and opens again (if it was open) when they close.
  const yields = useAppStore((s) => cardShown(s) || s.panel === 'layers');
  const [openAnyway, setOpenAnyway] = useState(false);
  useEffect(() => {
    if (!yields) setOpenAnyway(false);
  }, [yields]);
  const open = yields ? openAnyway : legendOpen;
  const toggle = () => (yields ? setOpenAnyway(!openAnyway) : toggleLegend());
  const entries = useAppStore((s) => (s.data ? selectLegend(s) : NONE));
  const select = useAppStore((s) => s.select);
  return (
    <section className={`legend ${open ? 'open' : 'closed'}`} aria-label={t(lang, 'legend.title')}>
      <button
        type="button"
        className="legend-toggle"
        aria-expanded={open}
        onClick={toggle}
        title={t(lang, 'legend.toggle')}
      >
        {t(lang, 'legend.title')}
        <svg viewBox="0 0 24 24" aria-hidden="true" className="chev">
          <path d="M6 15l6-6 6 6" />
        </svg>
      </button>
      {open ? (
        <ul className="legend-list">
          {groupsOf(entries).map((g) => {
            const first = g[0];
            if (!first) return null;
            const key = `${first.group}-${first.label}`;
            if (first.group === 'areas')
              return g.map((e) => (
                <li key={e.label}>
                  <button
                    type="button"
                    className="legend-area"
                    data-legend-area={e.ref}
                    onClick={() => (e.selects ? select(e.selects) : undefined)}
                  >
                    <span
                      className={`swatch ${e.mark === 'dashed' ? 'dashed' : ''}`}
                      style={{ background: e.colour, borderColor: e.colour }}
                      aria-hidden="true"
                    />
                    <span className="legend-name">{e.label}</span>
                    <span className="legend-role">{e.detail}</span>
                  </button>
                </li>
              ));
            if (first.group === 'other')
              return g.map((e) => (
                <li key={e.label} className="legend-note">
                  {e.mark === 'dot' ? (
                    <span className="dot" style={{ background: e.colour }} aria-hidden="true" />
                  ) : (
                    <span
                      className={`swatch ${e.mark === 'hollow' ? 'dashed hollow' : ''}`}
                      style={
                        e.mark === 'hollow' ? {} : { background: e.colour, borderColor: e.border ?? e.colour }
                      }
                      aria-hidden="true"
                    />
                  )}
                  <span>{e.label}</span>
                </li>
              ));
            // Firms and sites: the symbols first (a heading, or exact/approximate), then colour chips.
            const firstChip = g.findIndex((e) => e.ref !== undefined || first.group === 'chargers');
            const lead = g.slice(0, firstChip < 0 ? g.length : firstChip);
            const chips = g.slice(lead.length);
            return (
              <li
                key={key}
                className="legend-enterprises"
                data-testid={first.group === 'chargers' ? 'charger-legend' : undefined}
              >
                {lead.some((e) => e.mark !== 'none') ? (
                  <div className="legend-symbols">
                    {lead.map((e) => (
                      <span key={e.label} className="legend-note">
                        <span className={`dot ${e.mark === 'ring' ? 'ring' : 'solid'}`} aria-hidden="true" />
                        <span>{e.label}</span>
                      </span>
                    ))}
                  </div>
                ) : null}
                <div className="legend-chains">
                  {chips.map((e) =>
                    e.mark === 'none' ? (
                      <div key={e.label} className="small legend-heading">
                        {e.label}
                      </div>
                    ) : (
                      <span key={e.label} className="legend-chain" data-legend-chain={e.ref}>
                        <span className="chip-dot" style={chipStyle(e)} aria-hidden="true" />
                        {e.label}
                      </span>
                    ),
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
