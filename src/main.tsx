import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startOwnBasemap } from './basemap/basemap-sync';
import { fetchRelative, loadBundled } from './data/load-bundled';
import { nextTask } from './domain/slices';
import { registerServiceWorker } from './pwa/register-sw';
import { startSavedData } from './state/load-saved';
import { useAppStore } from './state/store';
import { startUrlSync } from './state/url-sync';
import { startBriefingSync } from './tour/briefing-sync';
import { App } from './ui/app';
import { ErrorBoundary } from './ui/error-boundary';
import './ui/styles.css';
import './ui/dialogs.css';

// The link decides the first view: read it before the first render so nothing flashes.
startUrlSync(useAppStore);
// The officer's briefings, read once the data is here and kept in this browser as they change.
startBriefingSync(useAppStore);
// The centre's own basemap file, kept in this browser or shipped with the site.
startOwnBasemap(useAppStore);
// What this browser kept joins the map when storage answers: the bundled map never waits for it.
startSavedData(useAppStore);
// The files are read a part per task, so the page draws and answers in between.
void loadBundled(fetchRelative(import.meta.env.BASE_URL), { wait: nextTask }).then((d) =>
  useAppStore.getState().dataLoaded(d),
);
registerServiceWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
