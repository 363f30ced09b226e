import { MapProvider } from '@vis.gl/react-maplibre';
import { type DragEvent, lazy, Suspense, useEffect, useState } from 'react';
import { attributionFor } from '../i18n/attribution';
import { t } from '../i18n/t';
import { cardShown, isSidePanel, useAppStore } from '../state/store';
import { TourView } from '../tour/tour-view';
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
import { SavedDataNotice } from './storage-notice';
import { TopBar } from './top-bar';

// Panels and dialogs come as their own chunks when first opened: the first view needs none of them.
const ChainPanel = lazy(() => import('./chain-panel').then((m) => ({ default: m.ChainPanel })));
const ChargingPanel = lazy(() => import('./charging-panel').then((m) => ({ default: m.ChargingPanel })));
const HealthPanel = lazy(() => import('./health-panel').then((m) => ({ default: m.HealthPanel })));
const PrintDoc = lazy(() => import('./print-doc').then((m) => ({ default: m.PrintDoc })));
const DataPanel = lazy(() => import('./data-panel').then((m) => ({ default: m.DataPanel })));
const GoalsSheet = lazy(() => import('./goals-sheet').then((m) => ({ default: m.GoalsSheet })));
const MatchPanel = lazy(() => import('./match-panel').then((m) => ({ default: m.MatchPanel })));
const SearchPanel = lazy(() => import('./search-panel').then((m) => ({ default: m.SearchPanel })));
const ShareDialog = lazy(() => import('./share-dialog').then((m) => ({ default: m.ShareDialog })));

const BriefingPanel = lazy(() => import('./briefing-panel').then((m) => ({ default: m.BriefingPanel })));
const TargetsPanel = lazy(() => import('./targets-panel').then((m) => ({ default: m.TargetsPanel })));

export function App() {
  const lang = useAppStore((s) => s.lang);
  const panel = useAppStore((s) => s.panel);
  const loaded = useAppStore((s) => s.data !== null);
  const hasCard = useAppStore(cardShown);
  const hasSide = useAppStore((s) => isSidePanel(s.panel));
  const startImport = useAppStore((s) => s.startImport);
  const shareOpen = useAppStore((s) => s.shareOpen);
  const doc = useAppStore((s) => s.doc);
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
        <TopBar />
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
            <SavedDataNotice />
            {!loaded ? <p className="loading">{t(lang, 'app.loading')}</p> : null}
          </div>
          {panel === 'layers' ? <LayerPanel /> : null}
          <Suspense fallback={null}>
            {panel === 'chain' ? <ChainPanel /> : null}
            {panel === 'targets' ? <TargetsPanel /> : null}
            {panel === 'search' ? <SearchPanel /> : null}
            {panel === 'charging' ? <ChargingPanel /> : null}
            {panel === 'data' ? <DataPanel /> : null}
            {panel === 'health' ? <HealthPanel /> : null}
            {panel === 'goals' ? <GoalsSheet /> : null}
            {panel === 'match' ? <MatchPanel /> : null}
            {panel === 'briefing' ? <BriefingPanel /> : null}
          </Suspense>
          <Legend />
          {hasCard ? (
            <>
              <AreaCard />
              <SegmentCard />
              <EnterpriseCard />
              <ChargerCard />
            </>
          ) : null}
          <ImportDialog />
          <ImportReportDialog />
          <Suspense fallback={null}>{shareOpen ? <ShareDialog /> : null}</Suspense>
          <TourView />
        </main>
        <Handout />
        <Suspense fallback={null}>{doc ? <PrintDoc /> : null}</Suspense>
        <footer className="print-sources">{attributionFor(lang).join(' · ')}</footer>
      </div>
    </MapProvider>
  );
}
