import { defaultLayerIds } from '../layers/registry';
import { splitBrief } from '../tour/briefing-link';
import type { AppStore } from './store';
import { shareStateOf } from './store';
import { DEFAULT_CHARGING, decodeHash, encodeHash, NO_FILTERS, type ShareState } from './url-hash';

// Mobile Safari refuses more than ~100 history updates per 30 s; 300 ms keeps well under it.
const MIN_WRITE_INTERVAL_MS = 300;

/**
 * Mirrors the shareable state into the address bar (replaceState: no history entry per pan)
 * and applies a hash that the user changes or pastes. Returns a function that stops it.
 */
export function startUrlSync(store: AppStore, win: Window = window): () => void {
  const known = new Set<string>(store.getState().layerDefs.map((l) => l.id));
  const defaultLayers = defaultLayerIds(store.getState().layerDefs);
  const defaults = (): ShareState => ({
    camera: null,
    layers: defaultLayers,
    selection: null,
    lang: 'zh',
    filters: NO_FILTERS,
    panel: null,
    charging: DEFAULT_CHARGING,
  });

  // The hash the store mirrors: the last one it wrote or applied.
  let lastWritten = '';
  const applyFromHash = () => {
    if (win.location.hash === lastWritten) return;
    lastWritten = win.location.hash;
    // A briefing in the link is read on its own (it is longer than any view's hash may be).
    const { rest, brief } = splitBrief(win.location.hash);
    const { state, rejected } = decodeHash(rest, known, defaultLayers);
    store.getState().applyShared({ ...defaults(), ...state }, rejected);
    if (brief !== null) store.getState().briefLinkOpened(brief);
  };

  let lastWrite = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    lastWrite = Date.now();
    // The address changed under us (a link opened in this tab, the hash edited) and its hashchange
    // has not arrived yet: the new address wins over a write scheduled before it.
    if (win.location.hash !== lastWritten) {
      applyFromHash();
      return;
    }
    const hash = encodeHash(shareStateOf(store.getState()), defaultLayers);
    if (hash !== win.location.hash) {
      lastWritten = hash;
      win.history.replaceState(win.history.state, '', hash);
    }
  };
  const schedule = () => {
    if (timer) return;
    const wait = Math.max(0, lastWrite + MIN_WRITE_INTERVAL_MS - Date.now());
    timer = setTimeout(write, wait);
  };

  applyFromHash();
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.camera !== prev.camera ||
      s.visibleLayers !== prev.visibleLayers ||
      s.selection !== prev.selection ||
      s.lang !== prev.lang ||
      s.filters !== prev.filters ||
      s.panel !== prev.panel ||
      s.charging !== prev.charging ||
      s.tourStep !== prev.tourStep ||
      s.match !== prev.match ||
      s.targetFilter !== prev.targetFilter ||
      s.measure !== prev.measure
    ) {
      schedule();
    }
  });
  win.addEventListener('hashchange', applyFromHash);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', applyFromHash);
    if (timer) clearTimeout(timer);
  };
}
