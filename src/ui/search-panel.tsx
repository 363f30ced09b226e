import { useMap } from '@vis.gl/react-maplibre';
import { useState } from 'react';
import { matchesName } from '../domain/search';
import { pick, t } from '../i18n/t';
import { selectPlacements } from '../state/selectors';
import { useAppStore } from '../state/store';
import { Sheet } from './card-parts';
import { flyToPoint } from './map-camera';

const MAX_RESULTS = 50;

/** Find a firm by name and go to it: the list answers by tap, nothing waits on hover. */
export function SearchPanel() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const data = useAppStore((s) => s.data);
  const setPanel = useAppStore((s) => s.setPanel);
  const select = useAppStore((s) => s.select);
  const mapRef = useMap().main;
  const [query, setQuery] = useState('');
  if (panel !== 'search' || !data) return null;
  const placements = selectPlacements(data);
  const results = query ? data.enterprises.filter((e) => matchesName(e, query)).slice(0, MAX_RESULTS) : [];
  return (
    <Sheet
      className="side-panel search-panel"
      testId="search-panel"
      title={t(lang, 'search.label')}
      onClose={() => setPanel('none')}
      lang={lang}
    >
      <input
        type="search"
        className="search-input"
        aria-label={t(lang, 'search.label')}
        placeholder={t(lang, 'search.placeholder')}
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the panel opens for typing; focus saves a tap on a tablet
        autoFocus
        onChange={(ev) => setQuery(ev.target.value)}
      />
      {query && results.length === 0 ? <p className="muted">{t(lang, 'search.none')}</p> : null}
      <ul className="plain-list result-list">
        {results.map((e) => {
          const pos = placements[data.enterprises.indexOf(e)]?.position;
          const area = data.areas.areas.find((a) => a.id === e.area);
          return (
            <li key={e.key}>
              <button
                type="button"
                className="result-btn"
                data-result={e.id}
                onClick={() => {
                  select({ kind: 'enterprise', id: e.id });
                  if (pos && mapRef) flyToPoint(mapRef.getMap(), pos);
                  setPanel('none');
                }}
              >
                <span className="result-name">{pick(lang, e.name)}</span>
                <span className="small muted">
                  {area ? pick(lang, area.name) : t(lang, 'ent.areaUnknown')}
                  {pos ? '' : ` · ${t(lang, 'search.offMap')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </Sheet>
  );
}
