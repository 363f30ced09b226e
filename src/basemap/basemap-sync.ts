import type { AppStore } from '../state/store';
import { readBasemap } from './own-basemap';

/**
 * At start, the basemap file kept in this browser (else the one shipped with the site) is served
 * and offered in the layer panel. It is shown unless the link names its own layers (a link is
 * what the sender saw: it says `basemap` among its layers when it was on).
 */
export function startOwnBasemap(store: AppStore): void {
  const linkNamesLayers = /(?:^#|&)layers=/.test(window.location.hash);
  void readBasemap().then((b) => {
    if (b) store.getState().setOwnBasemap(b, !linkNamesLayers);
  });
}
