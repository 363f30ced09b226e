import {
  AttributionControl,
  Map as MaplibreMap,
  type MapMouseEvent,
  type Map as MlMap,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { AreaId } from '../data/types';
import type { AreaShapeProps } from '../domain/area-shapes';
import { areaBounds, pickArea } from '../domain/area-shapes';
import { t } from '../i18n/t';
import { AREA_HIT_LAYERS } from '../layers/areas-layer';
import { DENSITY_MAX_ZOOM, LAYERS, type LayerId } from '../layers/registry';
import { buildStyle } from '../layers/style';
import { CAMERA_LIMITS, type Camera, CITY_BOUNDS } from '../state/camera';
import {
  selectAreaShapes,
  selectEnterpriseById,
  selectEnterpriseByKey,
  selectMatchBounds,
  selectMatchFeatures,
  selectPlacements,
} from '../state/selectors';
import { type AppState, type CameraRequest, TIANDITU_TOKEN, useAppStore } from '../state/store';
import { attributionFor } from './attribution';
import type { DeckLayers } from './deck-layers';
import { MapControls } from './map-controls';

// maplibre 6 builds its worker URL at run time, which Vite cannot see: hand it the bundled file.
setWorkerUrl(workerUrl);

const DECK_LAYERS = new Set<LayerId>(LAYERS.filter((l) => l.engine === 'deck').map((l) => l.id));

// Above this zoom the spread-out dots of one area are a finger apart: a tap picks the nearest.
const CLUSTER_MAX_ZOOM = 13;

// A finger is not a mouse pointer: accept taps within this many pixels of a shape.
const TAP_SLOP_PX = 8;
const EDGE_PX = 24;

/**
 * Padding that keeps the framed city clear of what floats over the map: the legend (a side box,
 * or in portrait a strip along the bottom) and an open card (a side panel, or a bottom sheet).
 * Read from the DOM because CSS decides where they sit.
 */
function fitPadding(map: MlMap) {
  const pad = { top: EDGE_PX, bottom: EDGE_PX, left: EDGE_PX, right: EDGE_PX + 56 };
  const m = map.getContainer().getBoundingClientRect();
  const cap = (n: number, of: number) => Math.max(EDGE_PX, Math.min(of * 0.6, n));
  for (const sel of ['.legend', '.card', '.side-panel', '.tour-panel']) {
    const el = document.querySelector(sel);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.width > m.width * 0.6) pad.bottom = Math.max(pad.bottom, cap(m.bottom - r.top + EDGE_PX, m.height));
    else if (r.left - m.left < m.width / 2)
      pad.left = Math.max(pad.left, cap(r.right - m.left + EDGE_PX, m.width));
    else pad.right = Math.max(pad.right, cap(m.right - r.left + EDGE_PX, m.width));
  }
  return pad;
}

function cameraOf(map: MlMap): Camera {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/** Areas to emphasise for the current selection. */
function highlightedAreas(s: AppState): AreaId[] {
  if (s.selection?.kind === 'area') return [s.selection.id];
  if (s.selection?.kind === 'segment' && s.data) {
    const id = s.selection.id;
    return s.data.chain.segments.find((x) => x.id === id)?.areas ?? [];
  }
  return [];
}

// Same selection → same array, so the style (and maplibre's diff) sees no change.
let lastHighlight: AreaId[] = [];
function stableHighlight(s: AppState): AreaId[] {
  const next = highlightedAreas(s);
  if (next.length !== lastHighlight.length || next.some((a, i) => a !== lastHighlight[i]))
    lastHighlight = next;
  return lastHighlight;
}

function styleFor(s: AppState) {
  const visible = new Set<LayerId>(s.visibleLayers);
  if (!s.data)
    return {
      version: 8 as const,
      sources: {},
      layers: [{ id: 'background', type: 'background' as const, paint: { 'background-color': '#e9ecef' } }],
    };
  return buildStyle(
    {
      data: s.data,
      shapes: selectAreaShapes(s.data),
      lang: s.lang,
      highlighted: stableHighlight(s),
      tiandituToken: TIANDITU_TOKEN,
      match: s.panel === 'match' && s.match ? selectMatchFeatures(s.data, s.match) : null,
    },
    visible,
  );
}

// Framing one area should still show its surroundings: never closer than this.
const FOCUS_MAX_ZOOM = 10.5;

// A search result is shown this close: streets and neighbours visible, the firm in the middle.
const POINT_ZOOM = 12;

/** The areas the current tour step is about (its highlight, else its selected area), as one box. */
function stepFocusBounds(): [[number, number], [number, number]] | null {
  const s = useAppStore.getState();
  const step = s.tourStep === null ? undefined : s.data?.tour[s.tourStep];
  if (!step || !s.data) return null;
  const sel = step.selection;
  const ids = step.highlight.areas.length > 0 ? step.highlight.areas : sel?.kind === 'area' ? [sel.id] : [];
  return areaBounds(selectAreaShapes(s.data), ids);
}

function moveTo(map: MlMap, req: CameraRequest, animate: boolean) {
  const { camera, focus, point } = req;
  if (point) {
    map.flyTo({ center: point, zoom: Math.max(map.getZoom(), POINT_ZOOM), essential: true });
    return;
  }
  if (camera && req.animate) {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    // An offset, not padding: padding would stay on the map and shift every later view and link.
    const p = fitPadding(map);
    let center: [number, number] = [camera.lng, camera.lat];
    let zoom = camera.zoom;
    // What the step is about must fit in the map the panels leave: zoom out (never in) until it does.
    const box = stepFocusBounds();
    const fit = box ? map.cameraForBounds(box, { padding: p, bearing: camera.bearing }) : undefined;
    if (box && fit?.zoom !== undefined && fit.zoom < zoom) {
      zoom = fit.zoom;
      center = [(box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2];
    }
    map.flyTo({
      center,
      zoom,
      bearing: camera.bearing,
      pitch: camera.pitch,
      offset: [(p.left - p.right) / 2, (p.top - p.bottom) / 2],
      duration: reduce ? 0 : 1600,
      essential: true,
    });
    return;
  }
  if (camera) {
    map.jumpTo({
      center: [camera.lng, camera.lat],
      zoom: camera.zoom,
      bearing: camera.bearing,
      pitch: camera.pitch,
    });
    return;
  }
  const data = useAppStore.getState().data;
  const area = focus && data ? areaBounds(selectAreaShapes(data), focus) : null;
  const padding = fitPadding(map);
  if (area) map.fitBounds(area, { padding, bearing: 0, pitch: 0, animate, maxZoom: FOCUS_MAX_ZOOM });
  else map.fitBounds(CITY_BOUNDS, { padding, bearing: 0, pitch: 0, animate });
}

declare global {
  interface Window {
    /** Test and debugging hook: the live map and store, and where a firm is drawn. */
    __huaibei?: {
      map: MlMap;
      store: typeof useAppStore;
      firmPosition: (id: string) => [number, number] | null;
    };
  }
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const snapshot = useRef<HTMLImageElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [failed, setFailed] = useState(false);
  const lang = useAppStore((s) => s.lang);

  useEffect(() => {
    if (!container.current) return;
    const store = useAppStore;
    let m: MlMap;
    const initial = store.getState().cameraRequest;
    const req = initial.camera;
    try {
      m = new MaplibreMap({
        container: container.current,
        style: styleFor(store.getState()),
        ...(req
          ? {
              center: [req.lng, req.lat] as [number, number],
              zoom: req.zoom,
              bearing: req.bearing,
              pitch: req.pitch,
            }
          : {}),
        minZoom: CAMERA_LIMITS.minZoom,
        maxZoom: CAMERA_LIMITS.maxZoom,
        maxPitch: CAMERA_LIMITS.maxPitch,
        maxBounds: [
          [CAMERA_LIMITS.bounds.west, CAMERA_LIMITS.bounds.south],
          [CAMERA_LIMITS.bounds.east, CAMERA_LIMITS.bounds.north],
        ],
        attributionControl: false,
        // Touch: one finger pans, two pinch-zoom and rotate, three tilt. No cooperative gestures in a full-screen app.
        touchZoomRotate: true,
        touchPitch: true,
        dragRotate: true,
      });
    } catch {
      setFailed(true);
      return;
    }
    m.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    // The attribution names sources in the user's language; maplibre fixes its text at creation.
    let attribution = new AttributionControl({
      compact: false,
      customAttribution: attributionFor(store.getState().lang),
    });
    m.addControl(attribution, 'bottom-right');
    let deck: DeckLayers | null = null;
    let deckLoading = false;
    // The deck.gl chunk may arrive after this map is gone (a fast unmount, React's dev double mount).
    let disposed = false;
    // Whether the person has moved the map: until then the default view may re-frame itself.
    let userMoved = false;
    // A touch on the map during a tour pauses it: the presenter is answering a question.
    const pause = () => store.getState().pauseTour();
    m.getCanvasContainer().addEventListener('pointerdown', pause);
    m.on('moveend', (e: { originalEvent?: Event }) => {
      if (e.originalEvent) userMoved = true;
      store.getState().cameraMoved(cameraOf(m));
    });
    m.on('click', (e: MapMouseEvent) => {
      const { x, y } = e.point;
      // Firms sit on top of areas: a tap on a dot opens the firm, anywhere else the area.
      const keys =
        deck && store.getState().visibleLayers.includes('enterprises') ? deck.pickEnterprises(x, y) : [];
      if (keys.length > 1 && m.getZoom() < CLUSTER_MAX_ZOOM) {
        // Several firms under one finger: come closer instead of guessing which one was meant.
        m.easeTo({ center: e.lngLat, zoom: Math.min(CLUSTER_MAX_ZOOM, m.getZoom() + 2.5) });
        return;
      }
      const data = store.getState().data;
      const site =
        deck && !keys.length && store.getState().visibleLayers.includes('chargers')
          ? deck.pickCharger(x, y)
          : null;
      if (site) {
        store.getState().select({ kind: 'charger', id: site });
        return;
      }
      const firm = keys[0] && data ? selectEnterpriseByKey(data).get(keys[0]) : undefined;
      if (firm) {
        store.getState().select({ kind: 'enterprise', id: firm.id });
        return;
      }
      const layers = AREA_HIT_LAYERS.filter((id) => m.getLayer(id));
      const hits = layers.length
        ? m.queryRenderedFeatures(
            [
              [x - TAP_SLOP_PX, y - TAP_SLOP_PX],
              [x + TAP_SLOP_PX, y + TAP_SLOP_PX],
            ],
            { layers },
          )
        : [];
      const area = pickArea(hits.map((f) => f.properties as AreaShapeProps));
      store.getState().select(area ? { kind: 'area', id: area } : null);
    });
    // With no camera in the link, frame the city; then the link gets the camera either way.
    if (!req) moveTo(m, initial, false);
    m.once('load', () => store.getState().cameraMoved(cameraOf(m)));
    window.__huaibei = {
      map: m,
      store,
      firmPosition: (id) => {
        const d = store.getState().data;
        const e = d ? selectEnterpriseById(d).get(id) : undefined;
        return d && e ? (selectPlacements(d)[d.enterprises.indexOf(e)]?.position ?? null) : null;
      },
    };
    setMap(m);

    const syncDeck = (s: AppState) => {
      // Not waiting for the data: the deck.gl download overlaps the data fetch.
      const wanted = s.visibleLayers.some((id) => DECK_LAYERS.has(id));
      if (deck) {
        deck.update(s);
      } else if (wanted && !deckLoading) {
        deckLoading = true;
        // deck.gl is a large download: fetch it only when a deck layer is first shown.
        void import('./deck-layers').then(({ createDeckLayers }) => {
          if (disposed) return;
          deck = createDeckLayers(m);
          deck.update(store.getState());
        });
      }
    };

    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.data !== prev.data ||
        s.lang !== prev.lang ||
        s.selection !== prev.selection ||
        s.visibleLayers !== prev.visibleLayers ||
        s.match !== prev.match ||
        s.panel !== prev.panel
      ) {
        m.setStyle(styleFor(s), { diff: true });
      }
      // A match picked in its panel (not one from a link or tour step): frame its top area and partners.
      const framed =
        s.match !== prev.match &&
        s.match &&
        s.data &&
        s.panel === 'match' &&
        s.cameraRequest.seq === prev.cameraRequest.seq
          ? selectMatchBounds(s.data, s.match)
          : null;
      if (framed) requestAnimationFrame(() => m.fitBounds(framed, { padding: fitPadding(m), maxZoom: 12 }));
      const zoomSide = (z: number | undefined) => (z ?? 0) < DENSITY_MAX_ZOOM;
      if (
        s.data !== prev.data ||
        s.selection !== prev.selection ||
        s.visibleLayers !== prev.visibleLayers ||
        s.filters !== prev.filters ||
        s.charging !== prev.charging ||
        zoomSide(s.camera?.zoom) !== zoomSide(prev.camera?.zoom)
      ) {
        syncDeck(s);
      }
      // The legend grows and area shapes exist once the data arrives: frame the default view again.
      if (s.data !== prev.data && s.cameraRequest.camera === null && !userMoved) {
        requestAnimationFrame(() => moveTo(m, store.getState().cameraRequest, false));
      }
      if (s.lang !== prev.lang) {
        m.removeControl(attribution);
        attribution = new AttributionControl({ compact: false, customAttribution: attributionFor(s.lang) });
        m.addControl(attribution, 'bottom-right');
      }
      if (s.cameraRequest.seq !== prev.cameraRequest.seq) {
        const req = s.cameraRequest;
        // A tour step opens its panels in the same change: fly once React has drawn them, so the
        // offset clears what the step shows rather than what the previous one did.
        if (req.animate)
          requestAnimationFrame(() => {
            if (store.getState().cameraRequest.seq === req.seq) moveTo(m, req, true);
          });
        else moveTo(m, req, true);
      }
    });
    syncDeck(store.getState());

    // A WebGL canvas prints blank: draw one frame now and print its picture instead.
    const onBeforePrint = () => {
      if (!snapshot.current) return;
      m.redraw();
      snapshot.current.src = m.getCanvas().toDataURL('image/png');
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => {
      disposed = true;
      window.removeEventListener('beforeprint', onBeforePrint);
      unsubscribe();
      deck?.remove();
      m.remove();
      window.__huaibei = undefined;
    };
  }, []);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      <img ref={snapshot} className="print-snapshot" alt={t(lang, 'map.printAlt')} />
      {failed ? (
        <p className="map-failed" role="alert">
          {t(lang, 'map.noWebgl')}
        </p>
      ) : null}
      {map ? <MapControls map={map} /> : null}
    </div>
  );
}
