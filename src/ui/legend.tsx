import type { Area, Lang } from '../data/types';
import { pick, t } from '../i18n/t';
import {
  AREA_COLOURS,
  CHARGER_KIND_COLOURS,
  COVERAGE_GAP_COLOUR,
  chainColour,
  THEME,
  UNCLASSIFIED_COLOUR,
} from '../layers/palette';
import { useAppStore } from '../state/store';

const NO_AREAS: Area[] = [];

/** Explains every colour and symbol on the map; each entry's colour comes from the same palette. */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const open = useAppStore((s) => s.legendOpen);
  const toggle = useAppStore((s) => s.toggleLegend);
  const visible = useAppStore((s) => s.visibleLayers);
  const areas = useAppStore((s) => s.data?.areas.areas ?? NO_AREAS);
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
          {visible.includes('enterprises') ? <EnterpriseLegend lang={lang} /> : null}
          {visible.includes('chargers') ? <ChargerLegend lang={lang} /> : null}
          {visible.includes('areas')
            ? areas.map((a) => (
                <li key={a.id}>
                  {/* A legend entry is also a shortcut to that area's card. */}
                  <button
                    type="button"
                    className="legend-area"
                    data-legend-area={a.id}
                    onClick={() => select({ kind: 'area', id: a.id })}
                  >
                    <span
                      className={`swatch ${a.kind === 'park' ? 'dashed' : ''}`}
                      style={{ background: AREA_COLOURS[a.id], borderColor: AREA_COLOURS[a.id] }}
                      aria-hidden="true"
                    />
                    <span className="legend-name">{pick(lang, a.name)}</span>
                    <span className="legend-role">{pick(lang, a.role)}</span>
                  </button>
                </li>
              ))
            : null}
          {visible.includes('areas') ? (
            <li className="legend-note">
              <span className="swatch dashed hollow" aria-hidden="true" />
              <span>{t(lang, 'legend.approximate')}</span>
            </li>
          ) : null}
          {visible.includes('townships') ? (
            <li className="legend-note">
              <span className="dot" style={{ background: THEME.township }} aria-hidden="true" />
              <span>{t(lang, 'legend.township')}</span>
            </li>
          ) : null}
          {visible.includes('transport') ? (
            <>
              <li className="legend-note">
                <span className="dot" style={{ background: THEME.junction }} aria-hidden="true" />
                <span>{t(lang, 'legend.junction')}</span>
              </li>
              <li className="legend-note">
                <span className="dot" style={{ background: THEME.serviceArea }} aria-hidden="true" />
                <span>{t(lang, 'legend.serviceArea')}</span>
              </li>
            </>
          ) : null}
          {visible.includes('neighbours') ? (
            <li className="legend-note">
              <span
                className="swatch"
                style={{ background: THEME.neighbourFill, borderColor: THEME.prefectureLine }}
                aria-hidden="true"
              />
              <span>{t(lang, 'legend.neighbour')}</span>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}

/** Chain colours of the enterprise dots, and what a ring means. */
function EnterpriseLegend({ lang }: { lang: Lang }) {
  const chains = useAppStore((s) => s.data?.chain.chains);
  if (!chains) return null;
  return (
    <li className="legend-enterprises">
      <div className="legend-symbols">
        <span className="legend-note">
          <span className="dot solid" aria-hidden="true" />
          <span>{t(lang, 'legend.enterpriseExact')}</span>
        </span>
        <span className="legend-note">
          <span className="dot ring" aria-hidden="true" />
          <span>{t(lang, 'legend.enterpriseApprox')}</span>
        </span>
      </div>
      <div className="legend-chains">
        {chains.map((c) => (
          <span key={c.id} className="legend-chain" data-legend-chain={c.id}>
            <span className="chip-dot" style={{ background: chainColour(c.id) }} aria-hidden="true" />
            {pick(lang, c.name)}
          </span>
        ))}
        <span className="legend-chain">
          <span className="chip-dot" style={{ background: UNCLASSIFIED_COLOUR }} aria-hidden="true" />
          {t(lang, 'legend.unclassified')}
        </span>
      </div>
    </li>
  );
}

/** Charging site kinds (illustrative data, said in the title), and the coverage gaps when shown. */
function ChargerLegend({ lang }: { lang: Lang }) {
  const gaps = useAppStore((s) => s.visibleLayers.includes('coverage'));
  const km = useAppStore((s) => s.charging.coverKm);
  return (
    <li className="legend-enterprises" data-testid="charger-legend">
      <div className="small">{t(lang, 'legend.chargers')}</div>
      <div className="legend-chains">
        {(['dc_fast', 'ac_slow', 'swap', 'hydrogen'] as const).map((k) => (
          <span key={k} className="legend-chain">
            <span
              className="chip-dot"
              style={
                k === 'swap' || k === 'hydrogen'
                  ? { background: '#fff', boxShadow: `0 0 0 3px ${CHARGER_KIND_COLOURS[k]}` }
                  : { background: CHARGER_KIND_COLOURS[k] }
              }
              aria-hidden="true"
            />
            {t(lang, `kind.${k}`)}
          </span>
        ))}
        {gaps ? (
          <span className="legend-chain">
            <span
              className="chip-dot"
              style={{ background: COVERAGE_GAP_COLOUR, opacity: 0.5, borderRadius: 2 }}
              aria-hidden="true"
            />
            {t(lang, 'legend.coverage', { km })}
          </span>
        ) : null}
      </div>
    </li>
  );
}
