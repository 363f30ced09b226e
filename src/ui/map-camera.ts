import type { Map as MlMap } from 'maplibre-gl';
import type { BundledData } from '../data/load-bundled';
import type { AreaId } from '../data/types';
import { areaBounds } from '../domain/area-shapes';
import { type Camera, CITY_BOUNDS } from '../state/camera';
import { selectAreaShapes } from '../state/selectors';

// Camera moves are calls on the map, made by whoever asks for them (the reset button, a search
// result, a tour step, the match): nothing about them is kept in the store but where the map is.

const EDGE_PX = 24;

// Framing one area should still show its surroundings: never closer than this.
const FOCUS_MAX_ZOOM = 10.5;

// A search result is shown this close: streets and neighbours visible, the firm in the middle.
const POINT_ZOOM = 12;

type Box = [[number, number], [number, number]];

/**
 * Padding that keeps a framed subject clear of what floats over the map: the legend (a side box,
 * or in portrait a strip along the bottom), an open card (a side panel or a bottom sheet), a side
 * panel and the tour's text. Read from the DOM because CSS decides where they sit.
 */
export function fitPadding(map: MlMap) {
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

export function cameraOf(map: MlMap): Camera {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/** Equal within what a link can tell apart (the hash rounds to about a pixel). */
export function sameCamera(a: Camera, b: Camera): boolean {
  const tol = 360 / 2 ** (a.zoom + 9);
  return (
    Math.abs(a.zoom - b.zoom) < 0.01 &&
    Math.abs(a.lat - b.lat) < tol &&
    Math.abs(a.lng - b.lng) < tol &&
    Math.abs(a.bearing - b.bearing) < 0.1 &&
    Math.abs(a.pitch - b.pitch) < 0.1
  );
}

export const reducedMotion = () =>
  globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function jumpToCamera(map: MlMap, c: Camera) {
  map.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
}

/** The whole city, clear of the panels: the default view and the home button. */
export function frameCity(map: MlMap, animate = true) {
  map.fitBounds(CITY_BOUNDS, { padding: fitPadding(map), bearing: 0, pitch: 0, animate });
}

/** Some of the six areas, clear of the panels, not closer than a district view. */
export function frameAreas(map: MlMap, data: BundledData, ids: readonly AreaId[], animate = true) {
  const box = areaBounds(selectAreaShapes(data), [...ids]);
  if (box)
    map.fitBounds(box, { padding: fitPadding(map), bearing: 0, pitch: 0, animate, maxZoom: FOCUS_MAX_ZOOM });
  else frameCity(map, animate);
}

/** A box (a match's area and partners), clear of the panels. */
export function frameBox(map: MlMap, box: Box, maxZoom = 12) {
  map.fitBounds(box, { padding: fitPadding(map), maxZoom });
}

/** A point at street level (a search result). */
export function flyToPoint(map: MlMap, point: [number, number]) {
  map.flyTo({ center: point, zoom: Math.max(map.getZoom(), POINT_ZOOM), essential: true });
}

/**
 * A tour step's camera, smoothly, offset so that it lies clear of the panels; zoomed out (never
 * in) until `focus`, what the step is about, fits in the map they leave.
 */
export function flyToStep(map: MlMap, camera: Camera, focus: Box | null) {
  // An offset, not padding: padding would stay on the map and shift every later view and link.
  const p = fitPadding(map);
  let center: [number, number] = [camera.lng, camera.lat];
  let zoom = camera.zoom;
  const fit = focus ? map.cameraForBounds(focus, { padding: p, bearing: camera.bearing }) : undefined;
  if (focus && fit?.zoom !== undefined && fit.zoom < zoom) {
    zoom = fit.zoom;
    center = [(focus[0][0] + focus[1][0]) / 2, (focus[0][1] + focus[1][1]) / 2];
  }
  map.flyTo({
    center,
    zoom,
    bearing: camera.bearing,
    pitch: camera.pitch,
    offset: [(p.left - p.right) / 2, (p.top - p.bottom) / 2],
    duration: reducedMotion() ? 0 : 1600,
    essential: true,
  });
}
