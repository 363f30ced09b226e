import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchRelative, loadBundled } from './data/load-bundled';
import { loadImports } from './import/saved-imports';
import { registerServiceWorker } from './pwa/register-sw';
import { useAppStore } from './state/store';
import { startUrlSync } from './state/url-sync';
import { App } from './ui/app';
import { ErrorBoundary } from './ui/error-boundary';
import './ui/styles.css';
import './ui/dialogs.css';

// The link decides the first view: read it before the first render so nothing flashes.
startUrlSync(useAppStore);
void Promise.all([loadBundled(fetchRelative(import.meta.env.BASE_URL)), loadImports()]).then(([d, saved]) => {
  useAppStore.getState().dataLoaded(d, saved.imports);
  if (saved.error) useAppStore.getState().setStorageError(saved.error);
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
