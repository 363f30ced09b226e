import { t } from '../i18n/t';
import { useAppStore } from '../state/store';
import { BasemapSection } from './basemap-section';
import { FilterSection } from './filter-section';

/** Layer switches, one per registry entry: 44 px rows, state shown by a check, not by hover. */
export function LayerPanel() {
  const lang = useAppStore((s) => s.lang);
  const defs = useAppStore((s) => s.layerDefs);
  const visible = useAppStore((s) => s.visibleLayers);
  const toggle = useAppStore((s) => s.toggleLayer);
  // The centre's own basemap is a layer only while there is a file.
  const hasBasemap = useAppStore((s) => s.ownBasemap !== null);
  return (
    <section className="panel layer-panel" aria-label={t(lang, 'layers.title')}>
      <h2>{t(lang, 'layers.title')}</h2>
      <ul>
        {defs
          .filter((l) => l.id !== 'basemap' || hasBasemap)
          .map((l) => {
            const on = visible.includes(l.id);
            return (
              <li key={l.id}>
                <button
                  type="button"
                  role="switch"
                  aria-checked={on}
                  className={`layer-row ${on ? 'on' : ''}`}
                  data-layer={l.id}
                  onClick={() => toggle(l.id)}
                >
                  <span className="check" aria-hidden="true">
                    {on ? (
                      <svg viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M5 12l5 5 9-10" />
                      </svg>
                    ) : null}
                  </span>
                  <span>{t(lang, l.labelKey)}</span>
                  {l.online ? <span className="badge">{t(lang, 'layers.online')}</span> : null}
                </button>
              </li>
            );
          })}
      </ul>
      <BasemapSection />
      {visible.includes('enterprises') ? <FilterSection /> : null}
    </section>
  );
}
