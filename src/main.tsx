import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchRelative, loadBundled } from './data/load-bundled';
import { useAppStore } from './state/store';
import { startUrlSync } from './state/url-sync';
import { App } from './ui/app';
import { ErrorBoundary } from './ui/error-boundary';
import './ui/styles.css';

// The link decides the first view: read it before the first render so nothing flashes.
startUrlSync(useAppStore);
void loadBundled(fetchRelative(import.meta.env.BASE_URL)).then((d) => useAppStore.getState().dataLoaded(d));

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
