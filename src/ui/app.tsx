import { MapProvider } from '@vis.gl/react-maplibre';
import { type DragEvent, lazy, Suspense, useEffect, useState } from 'react';
import { attributionFor } from '../i18n/attribution';
import { t } from '../i18n/t';
import { type Panel, useAppStore } from '../state/store';
import { TourButton, TourView } from '../tour/tour-view';
import { AreaCard } from './area-card';
import { ChargerCard } from './charger-card';
import { EnterpriseCard } from './enterprise-card';
import { Handout } from './handout';
import { ImportDialog } from './import-dialog';
import { ImportReportDialog } from './import-report';
import { LayerPanel } from './layer-panel';
import { Legend } from './legend';
import { MapView } from './map-view';
import { BasemapNotice, DataIssues, LinkNotice } from './notices';
import { SegmentCard } from './segment-card';
import { TopButton } from './top-button';

// Panels and dialogs come as their own chunks when first opened: the first view needs none of them.
const ChainPanel = lazy(() => import('./chain-panel').then((m) => ({ default: m.ChainPanel })));
const ChargingPanel = lazy(() => import('./charging-panel').then((m) => ({ default: m.ChargingPanel })));
const DataPanel = lazy(() => import('./data-panel').then((m) => ({ default: m.DataPanel })));
const GoalsSheet = lazy(() => import('./goals-sheet').then((m) => ({ default: m.GoalsSheet })));
const MatchPanel = lazy(() => import('./match-panel').then((m) => ({ default: m.MatchPanel })));
const SearchPanel = lazy(() => import('./search-panel').then((m) => ({ default: m.SearchPanel })));
const ShareDialog = lazy(() => import('./share-dialog').then((m) => ({ default: m.ShareDialog })));
// Briefing hook-up (h-briefing): the panel, its top-bar entry and its place below.
const BriefingPanel = lazy(() => import('./briefing-panel').then((m) => ({ default: m.BriefingPanel })));
const TargetsPanel = lazy(() => import('./targets-panel').then((m) => ({ default: m.TargetsPanel })));

/** A top-bar button that opens one side panel (and closes it again). */
function NavButton({ panel, label, icon }: { panel: Panel; label: string; icon: string }) {
  const current = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const on = current === panel;
  return (
    <TopButton
      icon={icon}
      label={label}
      active={on}
      aria-pressed={on}
      data-testid={`nav-${panel}`}
      // The store puts the panel's own layers on the map while it is open (the charging sites).
      onClick={() => setPanel(on ? 'none' : panel)}
    />
  );
}

export function App() {
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const panel = useAppStore((s) => s.panel);
  const setPanel = useAppStore((s) => s.setPanel);
  const loaded = useAppStore((s) => s.data !== null);
  const hasCard = useAppStore((s) => s.selection !== null);
  // Every panel but the layer list is a side panel.
  const hasSide = useAppStore((s) => s.panel !== 'none' && s.panel !== 'layers');
  const startImport = useAppStore((s) => s.startImport);
  const setShareOpen = useAppStore((s) => s.setShareOpen);
  const shareOpen = useAppStore((s) => s.shareOpen);
  const [dragging, setDragging] = useState(false);
  // A file dragged over the map can be dropped anywhere on it to import it.
  const dragHasFile = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  const onDrop = (e: DragEvent) => {
    if (!dragHasFile(e)) return;
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) startImport(f);
  };

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.title');
  }, [lang]);

  return (
    <MapProvider>
      <div className={`app ${hasCard ? 'with-card' : ''} ${hasSide ? 'with-side' : ''}`}>
        <header className="topbar">
          <div className="titles">
            <h1>{t(lang, 'app.title')}</h1>
            <p className="subtitle">{t(lang, 'app.subtitle')}</p>
          </div>
          <div className="top-actions">
            <TourButton />
            <NavButton
              panel="chain"
              label={t(lang, 'nav.chain')}
              icon="M5 5h5v5H5zM14 14h5v5h-5zM14 5h5v5h-5zM10 7.5h4M16.5 10v4"
            />
            <NavButton
              panel="targets"
              label={t(lang, 'nav.targets')}
              icon="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01"
            />
            <NavButton panel="charging" label={t(lang, 'nav.charging')} icon="M13 2L4 14h7l-1 8 9-12h-7z" />
            <NavButton panel="goals" label={t(lang, 'nav.goals')} icon="M4 20V10M10 20V4M16 20v-7M22 20H2" />
            <NavButton
              panel="match"
              label={t(lang, 'nav.match')}
              icon="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z"
            />
            <NavButton
              panel="search"
              label={t(lang, 'nav.search')}
              icon="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4"
            />
            <NavButton
              panel="briefing"
              label={t(lang, 'briefing.nav')}
              icon="M6 3h12v18l-6-4-6 4zM9 8h6M9 12h6"
            />
            <NavButton panel="data" label={t(lang, 'nav.data')} icon="M12 3v12M7 10l5 5 5-5M4 19h16" />
            <TopButton
              icon="M18 8a3 3 0 1 0-3-3M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4"
              label={t(lang, 'nav.share')}
              data-testid="share-button"
              onClick={() => setShareOpen(true)}
            />
            <TopButton
              icon="M12 3l9 5-9 5-9-5zM3 13l9 5 9-5"
              label={t(lang, 'layers.title')}
              active={panel === 'layers'}
              aria-expanded={panel === 'layers'}
              aria-label={t(lang, 'layers.open')}
              data-testid="layers-button"
              onClick={() => setPanel(panel === 'layers' ? 'none' : 'layers')}
            />
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
        <main
          className={`stage ${dragging ? 'dragging' : ''}`}
          onDragOver={(e) => {
            if (!dragHasFile(e)) return;
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={(e) => {
            if (e.currentTarget === e.target) setDragging(false);
          }}
          onDrop={onDrop}
        >
          {dragging ? (
            <div className="drop-hint" aria-hidden="true">
              {t(lang, 'import.dropHere')}
            </div>
          ) : null}
          <MapView />
          <div className="overlays">
            <LinkNotice />
            <BasemapNotice />
            <DataIssues />
            {!loaded ? <p className="loading">{t(lang, 'app.loading')}</p> : null}
          </div>
          {panel === 'layers' ? <LayerPanel /> : null}
          <Suspense fallback={null}>
            {panel === 'chain' ? <ChainPanel /> : null}
            {panel === 'targets' ? <TargetsPanel /> : null}
            {panel === 'search' ? <SearchPanel /> : null}
            {panel === 'charging' ? <ChargingPanel /> : null}
            {panel === 'data' ? <DataPanel /> : null}
            {panel === 'goals' ? <GoalsSheet /> : null}
            {panel === 'match' ? <MatchPanel /> : null}
            {panel === 'briefing' ? <BriefingPanel /> : null}
          </Suspense>
          <Legend />
          <AreaCard />
          <SegmentCard />
          <EnterpriseCard />
          <ChargerCard />
          <ImportDialog />
          <ImportReportDialog />
          <Suspense fallback={null}>{shareOpen ? <ShareDialog /> : null}</Suspense>
          <TourView />
        </main>
        <Handout />
        <footer className="print-sources">{attributionFor(lang).join(' · ')}</footer>
      </div>
    </MapProvider>
  );
}
