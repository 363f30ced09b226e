import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startOwnBasemap } from './basemap/basemap-sync';
import { fetchRelative, loadBundled } from './data/load-bundled';
import { loadEnteredValues } from './import/entered-values';
import { loadImports } from './import/saved-imports';
import { registerServiceWorker } from './pwa/register-sw';
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
void Promise.all([
  loadBundled(fetchRelative(import.meta.env.BASE_URL)),
  loadImports(),
  loadEnteredValues(),
]).then(([d, saved, entered]) => {
  const app = useAppStore.getState();
  app.dataLoaded(d, saved.imports, entered.values);
  if (saved.error) app.setStorageError(saved.error);
  if (entered.error || entered.unreadable > 0) app.setEnteredError(entered.error, entered.unreadable);
});
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
