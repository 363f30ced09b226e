import {
  AttributionControl,
  Map as MapGL,
  type MapLayerMouseEvent,
  type MapLib,
  type MapRef,
  ScaleControl,
} from '@vis.gl/react-maplibre';
import {
  AttributionControl as MlAttributionControl,
  Map as MlMap,
  ScaleControl as MlScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { areaBounds } from '../domain/area-shapes';
import { attributionFor } from '../i18n/attribution';
import { t } from '../i18n/t';
import { deckNeeds } from '../layers/deck';
import { CLUSTER_MAX_ZOOM } from '../layers/enterprises-layer';
import { onlineLayerOfSource } from '../layers/online-basemap-layer';
import { drawnLayers } from '../layers/registry';
import type { LayerInput } from '../layers/types';
import { CAMERA_LIMITS, CITY_BOUNDS } from '../state/camera';
import {
  selectAreaShapes,
  selectEnterpriseById,
  selectLayerInput,
  selectMatchBounds,
  selectPlacements,
  selectStyle,
  selectSubject,
} from '../state/selectors';
import { type AppState, activeTour, useAppStore } from '../state/store';
import type { DeckPicker } from './deck-overlay';
import {
  cameraOf,
  flyToStep,
  frameAreas,
  frameBox,
  frameCity,
  jumpToCamera,
  reducedMotion,
  sameCamera,
  showSubject,
} from './map-camera';
import { MapControls } from './map-controls';
import { MeasurePanel } from './measure-panel';
import { measureClick } from './measure-tool';

// maplibre 6 builds its worker URL at run time, which Vite cannot see: hand it the bundled file.
setWorkerUrl(workerUrl);

// Only what the binding uses (the map and its two controls): a namespace import would keep all of maplibre.
const MAP_LIB = {
  Map: MlMap,
  AttributionControl: MlAttributionControl,
  ScaleControl: MlScaleControl,
} as unknown as MapLib;

// deck.gl is a large download that the first view does not need: loaded after the first draw.
const loadDeckOverlay = () => import('./deck-overlay');
const DeckOverlay = lazy(loadDeckOverlay);

// A finger is not a mouse pointer: accept taps within this many pixels of a shape.
const TAP_SLOP_PX = 8;
// Several firms under one finger: come this much closer.
const CLUSTER_ZOOM_STEP = 2.5;

const MAX_BOUNDS: [number, number, number, number] = [
  CAMERA_LIMITS.bounds.west,
  CAMERA_LIMITS.bounds.south,
  CAMERA_LIMITS.bounds.east,
  CAMERA_LIMITS.bounds.north,
];

declare global {
  interface Window {
    /** Test and debugging hook: the live map and store, and where a firm is drawn. Nothing in the app reads it. */
    __huaibei?: {
      map: MlMap;
      store: typeof useAppStore;
      firmPosition: (id: string) => [number, number] | null;
      /** The selection's box on the map ([[w, s], [e, n]]), as the camera frames it. */
      subjectBox: () => [[number, number], [number, number]] | null;
    };
  }
}

/** Runs once the page has laid out what a change opened (a card, a panel): two frames on. */
const afterLayout = (fn: () => void) => requestAnimationFrame(() => requestAnimationFrame(fn));

/** The default view: the area a link selects, else the whole city. */
function frameDefault(map: MlMap, s: AppState, animate: boolean) {
  if (s.selection?.kind === 'area' && s.data) frameAreas(map, s.data, [s.selection.id], animate);
  else frameCity(map, animate);
}

/** The box a tour step is about (its highlight, else its selected area). */
function stepFocus(s: AppState) {
  const step = s.tourStep === null ? undefined : activeTour(s)[s.tourStep];
  if (!step || !s.data) return null;
  const sel = step.selection;
  if (step.highlight.areas.length > 0) return areaBounds(selectAreaShapes(s.data), step.highlight.areas);
  return sel ? (selectSubject(s.data, sel)?.box ?? null) : null;
}

/** What a tap hits, top layer first: the first layer that answers decides. */
function pickAt(map: MlMap, deck: DeckPicker | null, input: LayerInput, x: number, y: number) {
  const at = { zoom: map.getZoom() };
  for (const layer of drawnLayers(input.visible)) {
    const hit = layer.hit;
    if (!hit) continue;
    const found: Record<string, unknown>[] = [];
    const ids = (hit.maplibre ?? []).filter((id) => map.getLayer(id));
    if (ids.length) {
      const box: [[number, number], [number, number]] = [
        [x - TAP_SLOP_PX, y - TAP_SLOP_PX],
        [x + TAP_SLOP_PX, y + TAP_SLOP_PX],
      ];
      // Nearest first, as a finger means the closest dot.
      const features = map.queryRenderedFeatures(box, { layers: ids }).map((f) => {
        const g = f.geometry;
        const p = g.type === 'Point' ? map.project(g.coordinates as [number, number]) : { x, y };
        return { props: f.properties as Record<string, unknown>, d: (p.x - x) ** 2 + (p.y - y) ** 2 };
      });
      features.sort((a, b) => a.d - b.d);
      found.push(...features.map((f) => f.props));
    }
    if (deck && hit.deck?.length) found.push(...deck.pick(x, y, hit.deck));
    const result = found.length ? hit.resolve(found, input, at) : null;
    if (result) return result;
  }
  return null;
}

export function MapView() {
  const lang = useAppStore((s) => s.lang);
  const input = useAppStore((s) => selectLayerInput(s));
  const style = selectStyle(input);
  const mapRef = useRef<MapRef>(null);
  const deckRef = useRef<DeckPicker | null>(null);
  const snapshot = useRef<HTMLImageElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [failed, setFailed] = useState(false);
  const [deckWanted, setDeckWanted] = useState(false);
  // The next selection comes from a tap on the map itself: it is moved into view, not zoomed to.
  const tapSelect = useRef(false);
  // Until the person moves the map (or a link names a camera), the default view may re-frame itself.
  const defaultView = useRef(useAppStore.getState().camera === null);

  // Once a deck.gl layer is needed, the overlay stays (with no layers when none is).
  const needsDeck = input ? deckNeeds(input).core : false;
  useEffect(() => {
    if (needsDeck) setDeckWanted(true);
  }, [needsDeck]);

  // The event's own map: the binding's ref is set only after its next render, which 'load' can precede.
  const onLoad = useCallback((e: { target: MlMap }) => {
    const m = e.target;
    const store = useAppStore;
    // A touch on the map during a tour pauses it: the presenter is answering a question.
    m.getCanvasContainer().addEventListener('pointerdown', () => store.getState().pauseTour());
    const s = store.getState();
    if (s.camera === null) frameDefault(m, s, false);
    store.getState().cameraMoved(cameraOf(m));
    window.__huaibei = {
      map: m,
      store,
      firmPosition: (id) => {
        const d = store.getState().data;
        const e = d ? selectEnterpriseById(d).get(id) : undefined;
        return d && e ? (selectPlacements(d)[d.enterprises.indexOf(e)]?.position ?? null) : null;
      },
      subjectBox: () => {
        const { data, selection } = store.getState();
        return data && selection ? (selectSubject(data, selection)?.box ?? null) : null;
      },
    };
    setMap(m);
  }, []);

  // The map follows the store's camera when something else than the map set it (a pasted link),
  // frames the default view when a link names none, flies to tour steps and frames a chosen match.
  useEffect(() => {
    if (!map) return;
    const store = useAppStore;
    // After layout: the step's card stands on the tour panel only once the panel's height is known.
    const flyToTourStep = () =>
      afterLayout(() => {
        const s = store.getState();
        const step = s.tourStep === null ? undefined : activeTour(s)[s.tourStep];
        if (step) flyToStep(map, step.camera, stepFocus(s));
      });
    // Several changes in one gesture (select, then close the search panel) frame once, after layout.
    let pendingCloser: boolean | null = null;
    const frameSelection = (closer: boolean) => {
      if (pendingCloser !== null) {
        pendingCloser ||= closer;
        return;
      }
      pendingCloser = closer;
      afterLayout(() => {
        const c = pendingCloser ?? false;
        pendingCloser = null;
        const now = store.getState();
        // Already on its way (a match framing its area and partners): that move shows it.
        if (!now.selection || !now.data || map.isMoving()) return;
        const subject = selectSubject(now.data, now.selection);
        if (subject) showSubject(map, subject, c);
      });
    };
    // Once the first view with the data is drawn, fetch deck.gl, so a layer switched on later shows at once.
    let prefetched = false;
    const prefetchAfterDraw = () => {
      if (prefetched || !store.getState().data) return;
      prefetched = true;
      map.once('idle', () => {
        // The saved imports are read only now: a large one must not slow the first view.
        store.getState().setFirstDrawn();
        void loadDeckOverlay();
      });
    };
    // The data may have arrived between the map's load and this subscription.
    const now = store.getState();
    if (now.tourStep !== null && now.data) flyToTourStep();
    else if (now.data && defaultView.current)
      requestAnimationFrame(() => frameDefault(map, store.getState(), false));
    prefetchAfterDraw();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.data !== prev.data) prefetchAfterDraw();
      if (s.camera !== prev.camera) {
        if (s.camera === null) {
          defaultView.current = true;
          // After layout: the panels and cards the same change closes must not be framed around.
          afterLayout(() => frameDefault(map, store.getState(), true));
        } else if (!sameCamera(s.camera, cameraOf(map))) {
          defaultView.current = false;
          jumpToCamera(map, s.camera);
        }
      }
      // The legend grows and area shapes exist once the data arrives: frame the default view again.
      if (s.data !== prev.data && prev.data === null && defaultView.current && s.tourStep === null)
        requestAnimationFrame(() => frameDefault(map, store.getState(), false));
      // A tour step opens its panels in the same change: fly once React has drawn them, so the
      // offset clears what the step shows rather than what the previous one did.
      // Resuming a paused tour goes back to the step's view.
      const resumed = prev.tourPaused && !s.tourPaused;
      if (s.tourStep !== null && s.data && (s.tourStep !== prev.tourStep || s.data !== prev.data || resumed))
        flyToTourStep();
      // What is selected stays in the clear part of the map: on a new selection (a tap, a list, a
      // chip, a search result), and when a panel, card or the legend opens over it. Tour steps fly
      // themselves, and a link's camera is what the sender saw.
      const selChanged = s.selection !== prev.selection;
      const roomChanged = s.panel !== prev.panel || s.legendOpen !== prev.legendOpen;
      if (
        s.selection &&
        s.data &&
        (selChanged || roomChanged) &&
        s.tourStep === prev.tourStep &&
        // A playing tour owns the camera (its steps, and resuming one, fly themselves).
        (s.tourStep === null || s.tourPaused) &&
        s.camera === prev.camera
      ) {
        frameSelection(selChanged && !tapSelect.current);
      }
      if (selChanged) tapSelect.current = false;
      // A match picked in its open panel (not one from a link or a tour step): frame its area and partners.
      if (s.match !== prev.match && s.match && s.data && s.panel === 'match' && prev.panel === 'match') {
        const box = selectMatchBounds(s.data, s.match);
        if (box) requestAnimationFrame(() => frameBox(map, box));
      }
    });
    // A WebGL canvas prints blank: draw one frame now and print its picture instead.
    const onBeforePrint = () => {
      if (!snapshot.current) return;
      map.redraw();
      snapshot.current.src = map.getCanvas().toDataURL('image/png');
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeprint', onBeforePrint);
      window.__huaibei = undefined;
    };
  }, [map]);

  const onPicker = useCallback((p: DeckPicker | null) => {
    deckRef.current = p;
  }, []);

  const onClick = useCallback((e: MapLayerMouseEvent) => {
    const m = e.target;
    // While measuring, a tap places a point instead of selecting.
    if (m && measureClick(m, e)) return;
    const s = useAppStore.getState();
    const li = selectLayerInput(s);
    if (!m || !li) return;
    const hit = pickAt(m, deckRef.current, li, e.point.x, e.point.y);
    if (hit && 'several' in hit) {
      m.easeTo({ center: e.lngLat, zoom: Math.min(CLUSTER_MAX_ZOOM, m.getZoom() + CLUSTER_ZOOM_STEP) });
      return;
    }
    tapSelect.current = true;
    s.select(hit ? hit.select : null);
  }, []);

  const camera = useAppStore.getState().camera;
  return (
    <div className="map-wrap">
      {failed ? (
        <p className="map-failed" role="alert">
          {t(lang, 'map.noWebgl')}
        </p>
      ) : (
        <div className="map" data-testid="map">
          <MapGL
            id="main"
            ref={mapRef}
            mapLib={MAP_LIB}
            mapStyle={style}
            initialViewState={
              camera
                ? {
                    longitude: camera.lng,
                    latitude: camera.lat,
                    zoom: camera.zoom,
                    bearing: camera.bearing,
                    pitch: camera.pitch,
                  }
                : { bounds: CITY_BOUNDS }
            }
            minZoom={CAMERA_LIMITS.minZoom}
            maxZoom={CAMERA_LIMITS.maxZoom}
            maxPitch={CAMERA_LIMITS.maxPitch}
            maxBounds={MAX_BOUNDS}
            attributionControl={false}
            // Labels fade in over 300 ms, a motion too: with reduced motion they just appear.
            fadeDuration={reducedMotion() ? 0 : 300}
            // Touch: one finger pans, two pinch-zoom and rotate, three tilt. No cooperative gestures in a full-screen app.
            touchZoomRotate
            touchPitch
            dragRotate
            onLoad={onLoad}
            onClick={onClick}
            onMoveEnd={(e) => {
              if (e.originalEvent) defaultView.current = false;
              useAppStore.getState().cameraMoved(cameraOf(e.target));
            }}
            onError={(e) => {
              // Only a map that could not be created at all (no WebGL) has no target.
              if (!e.target) {
                setFailed(true);
                useAppStore.getState().setFirstDrawn();
              }
              // A tile of an online basemap that cannot load (offline, blocked): said, not silent.
              const source = (e as { sourceId?: unknown }).sourceId;
              const online = typeof source === 'string' ? onlineLayerOfSource(source) : null;
              if (online) useAppStore.getState().basemapFailed(online);
            }}
          >
            <ScaleControl unit="metric" maxWidth={120} position="bottom-left" />
            {/* The attribution names sources in the user's language; maplibre fixes its text at creation. */}
            <AttributionControl
              key={lang}
              compact={false}
              customAttribution={attributionFor(lang)}
              position="bottom-right"
            />
            {/* After the map's load: the overlay's layers go under the data style's label marker. */}
            {deckWanted && input && map ? (
              <Suspense fallback={null}>
                <DeckOverlay input={input} onPicker={onPicker} />
              </Suspense>
            ) : null}
          </MapGL>
        </div>
      )}
      <img ref={snapshot} className="print-snapshot" alt={t(lang, 'map.printAlt')} />
      {map ? <MapControls map={map} /> : null}
      {map ? <MeasurePanel map={map} /> : null}
    </div>
  );
}
