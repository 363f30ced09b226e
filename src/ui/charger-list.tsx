import type { Charger } from '../data/chargers';
import type { BundledData } from '../data/load-bundled';
import type { Lang } from '../data/types';
import { chargerGroups } from '../domain/charger-list';
import { t } from '../i18n/t';
import { CHARGER_KIND_COLOURS } from '../layers/palette';
import { useAppStore } from '../state/store';
import './charger-list.css';

/**
 * Every charging site on the map as a list, by district: each a button that opens the site's card
 * (by tap, or Tab and Enter on a projector's keyboard), illustrative sites marked so.
 */
export function ChargerList({
  sites,
  data,
  lang,
}: {
  sites: readonly Charger[];
  data: BundledData;
  lang: Lang;
}) {
  const select = useAppStore((s) => s.select);
  const selected = useAppStore((s) => (s.selection?.kind === 'charger' ? s.selection.id : null));
  const groups = chargerGroups(sites, data.districts);
  const districtName = (code: string | null) => {
    const d = code ? data.districts.features.find((f) => f.properties.adcode === code) : undefined;
    return d ? (lang === 'zh' ? d.properties.name_zh : d.properties.name_en) : t(lang, 'chglist.noDistrict');
  };
  return (
    <section className="charger-list" data-testid="charger-list">
      <h3>{t(lang, 'chglist.title')}</h3>
      <p className="small muted">{t(lang, 'chglist.intro')}</p>
      {groups.map((g) => (
        <details
          key={g.district ?? 'none'}
          className="browse-group"
          data-charger-district={g.district ?? 'none'}
        >
          <summary>{t(lang, 'chglist.group', { area: districtName(g.district), n: g.sites.length })}</summary>
          <ul className="plain-list result-list">
            {g.sites.map((c) => (
              <li key={c.key}>
                <button
                  type="button"
                  className="result-btn"
                  data-charger-item={c.id}
                  aria-pressed={selected === c.id}
                  onClick={() => select({ kind: 'charger', id: c.id })}
                >
                  <span className="result-name">
                    <span
                      className="charger-list-dot"
                      style={{ background: CHARGER_KIND_COLOURS[c.kind] }}
                      aria-hidden="true"
                    />
                    {c.name}
                  </span>
                  <span className="small muted result-why">
                    {t(lang, 'chglist.item', {
                      kind: t(lang, `kind.${c.kind}`),
                      status: t(lang, `status.${c.status}`),
                    })}
                    {c.illustrative ? ` · ${t(lang, 'chglist.illustrativeNote')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
