import type { Map as MlMap } from 'maplibre-gl';
import type { AppStore } from '../state/store';

export type HandoutMode = 'current' | 'tour';

// On <html> while the handout is what prints: the print rules then show it instead of the app.
export const PRINTING_CLASS = 'handout-printing';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

// The handout being prepared, to cancel it by; null when none is.
let running: AbortController | null = null;

/** Stops the handout being prepared: no print, the view put back as it was (captureTourPages' finally). */
export function cancelHandout(): void {
  running?.abort();
}

/**
 * Prepares the handout (the current view, or one page per tour step) in the store and opens the
 * browser's print. The view on screen is put back before printing; a Ctrl+P afterwards prints the
 * app as before, since the handout pages are dropped once the print is over (handoutPrinted).
 * `prepare` loads the code the tour's layers need before any page is pictured.
 */
export async function printHandout(
  mode: HandoutMode,
  map: MlMap | null,
  store: AppStore,
  prepare?: () => Promise<unknown>,
): Promise<void> {
  const set = store.getState().setHandout;
  if (store.getState().handout.status === 'preparing') return;
  document.documentElement.classList.remove(PRINTING_CLASS);
  if (!map || !store.getState().data) {
    set({ status: 'failed', pages: [] });
    return;
  }
  const total = mode === 'tour' ? (store.getState().data?.tour.length ?? 0) : 1;
  set({ status: 'preparing', done: 0, total, pages: [], targets: null });
  const controller = new AbortController();
  running = controller;
  const { signal } = controller;
  try {
    await document.fonts?.ready;
    // Loaded when first asked for: nothing of it is needed to show the map.
    const { captureCurrentPage, captureTargetList, captureTourPages } = await import('./handout-capture');
    const href = window.location.href;
    const date = new Date();
    const pages =
      mode === 'tour'
        ? await captureTourPages(
            map,
            store,
            href,
            date,
            (done, n) => set({ done, total: n }),
            prepare,
            signal,
          )
        : [captureCurrentPage(map, store.getState(), href, date)];
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    // After the pages: a tour's pages have put the view, and so the list's filter, back as it was.
    const targets = captureTargetList(store.getState(), date);
    set({ status: 'ready', pages, targets, done: pages.length, total: pages.length });
    // Let React put the pages in the document and the browser decode their pictures.
    await frame();
    await frame();
    const imgs = [...document.querySelectorAll<HTMLImageElement>('.handout img')];
    await Promise.all(imgs.map((img) => img.decode().catch(() => undefined)));
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    document.documentElement.classList.add(PRINTING_CLASS);
    window.print();
  } catch {
    document.documentElement.classList.remove(PRINTING_CLASS);
    // Cancelled: back to nothing, as before the tap; anything else says it failed.
    if (signal.aborted) set({ status: 'idle', pages: [], targets: null, done: 0, total: 0 });
    else set({ status: 'failed', pages: [] });
  } finally {
    if (running === controller) running = null;
  }
}

/** After the print: the pages go, so a later Ctrl+P prints the app. */
export function handoutPrinted(store: AppStore): void {
  if (!document.documentElement.classList.contains(PRINTING_CLASS)) return;
  document.documentElement.classList.remove(PRINTING_CLASS);
  store.getState().setHandout({ status: 'idle', pages: [], targets: null, done: 0, total: 0 });
}
