import type { AppStore } from '../state/store';
import { hasBasemap } from './basemap-db';

/**
 * At start, the basemap file kept in this browser (else the one shipped with the site) is served
 * and offered in the layer panel. It is shown unless the link names its own layers (a link is
 * what the sender saw: it says `basemap` among its layers when it was on). The code that reads
 * the file is loaded only when there is one.
 */
export function startOwnBasemap(store: AppStore): void {
  const linkNamesLayers = /(?:^#|&)layers=/.test(window.location.hash);
  void hasBasemap().then(async (has) => {
    if (!has) return;
    const { readBasemap } = await import('./own-basemap');
    const b = await readBasemap();
    if (b) store.getState().setOwnBasemap(b, !linkNamesLayers);
  });
}
