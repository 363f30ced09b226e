import type { Map as MlMap } from 'maplibre-gl';
import { filterTargets } from '../domain/targets';
import { pick, t } from '../i18n/t';
import { selectAnalysis, selectLegend } from '../state/selectors';
import { type AppState, type AppStore, shareStateOf } from '../state/store';
import type { HandoutPage, HandoutTargetList } from './handout-page';
import { snapshotMap } from './map-image';
import { qrDataUrl } from './qr';
import { targetFilterText, targetLines } from './target-list';
import { viewAbout } from './view-about';
import { dateLine, layersLine, sourcesFor, stepLink, viewTitle } from './view-text';

function mapPicture(map: MlMap): { image: string } {
  return { image: snapshotMap(map).canvas.toDataURL('image/jpeg', 0.9) };
}

/** The page of the view on screen now. */
export function captureCurrentPage(map: MlMap, s: AppState, href: string, date: Date): HandoutPage {
  return {
    key: 'current',
    stepLabel: null,
    heading: viewTitle(s),
    text: null,
    layers: layersLine(s),
    about: viewAbout(s),
    ...mapPicture(map),
    legend: selectLegend(s),
    link: href,
    qr: qrDataUrl(href),
    sources: sourcesFor(s),
    date: dateLine(s.lang, date),
  };
}

/** The target list as the panel shows it now (its filter applied), for the page after the map pages. */
export function captureTargetList(s: AppState, date: Date): HandoutTargetList | null {
  if (!s.data) return null;
  const targets = filterTargets(selectAnalysis(s.data).targets, s.targetFilter);
  return {
    filter: t(s.lang, 'targets.filterLine', { filter: targetFilterText(s.targetFilter, s.data, s.lang) }),
    lines: targetLines(targets, s.data, s.lang),
    rule: t(s.lang, 'chain.rules', { rule: pick(s.lang, s.data.chain.statusRules.note) }),
    date: dateLine(s.lang, date),
  };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Thrown when the handout is cancelled: the capture stops at once and the view is put back. */
export class HandoutCancelled extends Error {
  constructor() {
    super('handout cancelled');
    this.name = 'HandoutCancelled';
  }
}

function check(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HandoutCancelled();
}

/**
 * The map's picture once it has drawn what it was asked for: taken in the 'idle' handler, in the
 * same task as the frame that idle ends, so that frame's own pixels are copied and no extra frame
 * is drawn for the picture (in software WebGL a frame costs up to a second). If another frame
 * follows within two frames (deck.gl layers set up after that idle), the picture of its idle
 * replaces it. Never longer than a few seconds per wait: a slow layer gives a less complete page,
 * not a hang. A cancel ends the wait at once.
 */
export async function pictureWhenDrawn(map: MlMap, signal?: AbortSignal): Promise<string> {
  let picture: string | null = null;
  for (let i = 0; i < 10; i++) {
    check(signal);
    const idled = await new Promise<boolean>((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        map.off('idle', onIdle);
        signal?.removeEventListener('abort', onAbort);
        resolve(ok);
      };
      const onIdle = () => {
        picture = snapshotJpeg(map, false);
        finish(true);
      };
      const onAbort = () => finish(false);
      const timer = setTimeout(() => finish(false), 6000);
      signal?.addEventListener('abort', onAbort);
      map.on('idle', onIdle);
      map.triggerRepaint();
    });
    check(signal);
    if (!idled) break;
    // Settled when no frame is drawn in the next two: nothing arrived after the idle.
    let drawnAgain = false;
    const onRender = () => {
      drawnAgain = true;
    };
    map.on('render', onRender);
    await frame();
    await frame();
    map.off('render', onRender);
    if (!drawnAgain && map.isStyleLoaded()) break;
    if (drawnAgain) picture = null;
  }
  check(signal);
  return picture ?? snapshotJpeg(map, true);
}

function snapshotJpeg(map: MlMap, redraw: boolean): string {
  return snapshotMap(map, redraw).canvas.toDataURL('image/jpeg', 0.9);
}

// What a tour step changes, and so what is put back afterwards.
type Saved = Pick<
  AppState,
  'visibleLayers' | 'selection' | 'filters' | 'charging' | 'panel' | 'tourStep' | 'tourPaused' | 'match'
>;

/**
 * One page per tour step: shows each step on the map (its camera at once, its layers, selection
 * and panel through the store's goToStep), waits until it is drawn, takes the picture, and in
 * the end puts the view back as it was, whatever happened.
 */
export async function captureTourPages(
  map: MlMap,
  store: AppStore,
  href: string,
  date: Date,
  onProgress: (done: number, total: number) => void,
  prepare: () => Promise<unknown> = async () => undefined,
  signal?: AbortSignal,
): Promise<HandoutPage[]> {
  const before = store.getState();
  const steps = before.data?.tour ?? [];
  const saved: Saved = {
    visibleLayers: before.visibleLayers,
    selection: before.selection,
    filters: before.filters,
    charging: before.charging,
    panel: before.panel,
    tourStep: before.tourStep,
    tourPaused: before.tourPaused,
    match: before.match,
  };
  const c = map.getCenter();
  const camera = { center: c, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const base = shareStateOf(before);
  const pages: HandoutPage[] = [];
  // The code a step's layers may need (deck.gl), loaded first, so no step is pictured before its layer arrives.
  await prepare();
  check(signal);
  try {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (!step) continue;
      onProgress(i, steps.length);
      store.getState().goToStep(i);
      // goToStep has the map view fly to the step (1.6 s, from the next frame, offset clear of
      // the panels): the picture wants the step's own camera, now. The flight starts in the frame
      // after the step's change, so the camera is set once that frame has run: jumpTo stops it.
      const stepCamera = {
        center: [step.camera.lng, step.camera.lat] as [number, number],
        zoom: step.camera.zoom,
        bearing: step.camera.bearing,
        pitch: step.camera.pitch,
      };
      map.jumpTo(stepCamera);
      // The step's panel is not printed, and drawing it (the chain view, the charging figures)
      // costs the main thread seconds a page: it stays closed, but for a match, whose layer it shows.
      if (store.getState().panel !== 'match') store.setState({ panel: 'none' });
      await frame();
      map.jumpTo(stepCamera);
      const image = await pictureWhenDrawn(map, signal);
      const s = store.getState();
      const link = stepLink(href, steps, i, base) ?? href;
      pages.push({
        key: step.id,
        stepLabel: t(s.lang, 'share.stepOf', { i: i + 1, n: steps.length }),
        heading: pick(s.lang, step.title),
        text: pick(s.lang, step.text),
        layers: layersLine(s),
        about: [],
        image,
        legend: selectLegend(s),
        link,
        qr: qrDataUrl(link),
        sources: sourcesFor(s),
        date: dateLine(s.lang, date),
      });
    }
    onProgress(steps.length, steps.length);
  } finally {
    store.setState(saved);
    map.jumpTo(camera);
  }
  return pages;
}
