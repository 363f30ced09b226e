import { useEffect } from 'react';
import { t } from '../i18n/t';
import { useAppStore } from '../state/store';
import { AreaCard } from './area-card';
import { attributionFor } from './attribution';
import { LayerPanel } from './layer-panel';
import { Legend } from './legend';
import { MapView } from './map-view';
import { DataIssues, LinkNotice } from './notices';

export function App() {
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const loaded = useAppStore((s) => s.data !== null);
  const hasCard = useAppStore((s) => s.selection !== null);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.title');
  }, [lang]);

  return (
    <div className={`app ${hasCard ? 'with-card' : ''}`}>
      <header className="topbar">
        <div className="titles">
          <h1>{t(lang, 'app.title')}</h1>
          <p className="subtitle">{t(lang, 'app.subtitle')}</p>
        </div>
        <div className="top-actions">
          <button
            type="button"
            className={`top-btn ${panel === 'layers' ? 'active' : ''}`}
            aria-expanded={panel === 'layers'}
            aria-label={t(lang, 'layers.open')}
            data-testid="layers-button"
            onClick={() => setPanel(panel === 'layers' ? 'none' : 'layers')}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 3l9 5-9 5-9-5zM3 13l9 5 9-5" />
            </svg>
            <span>{t(lang, 'layers.title')}</span>
          </button>
          <button
            type="button"
            className="top-btn lang-btn"
            aria-label={t(lang, 'lang.switchLabel')}
            data-testid="lang-toggle"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t(lang, 'lang.switch')}
          </button>
        </div>
      </header>
      <main className="stage">
        <MapView />
        <div className="overlays">
          <LinkNotice />
          <DataIssues />
          {!loaded ? <p className="loading">{t(lang, 'app.loading')}</p> : null}
        </div>
        {panel === 'layers' ? <LayerPanel /> : null}
        <Legend />
        <AreaCard />
      </main>
      <footer className="print-sources">{attributionFor(lang).join(' · ')}</footer>
    </div>
  );
}
