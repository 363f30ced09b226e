import type { Map as MlMap } from 'maplibre-gl';
import type { BundledData } from '../data/load-bundled';
import type { AreaId } from '../data/types';
import { areaBounds } from '../domain/area-shapes';
import type { Subject } from '../domain/subject';
import { type Camera, CITY_BOUNDS } from '../state/camera';
import { selectAreaShapes } from '../state/selectors';
import { clearInsets, clearRect, type Insets, type Rect, rectInside } from './clear-insets';

// Camera moves are calls on the map, made by whoever asks for them (the reset button, a search
// result, a tour step, the match): nothing about them is kept in the store but where the map is.

const EDGE_PX = 24;

// Framing one area should still show its surroundings: never closer than this.
const FOCUS_MAX_ZOOM = 10.5;

// A search result is shown this close: streets and neighbours visible, the firm in the middle.
const POINT_ZOOM = 12;

type Box = [[number, number], [number, number]];

// What floats over the map: panels, cards, the legend, the tour's text, the map's own buttons and notes.
const FLOATING = [
  '.legend',
  '.card',
  '.side-panel',
  '.tour-panel',
  '.layer-panel',
  '.map-controls',
  '.measure-panel',
  '.overlays > *',
  '.maplibregl-ctrl-bottom-left',
  '.maplibregl-ctrl-bottom-right',
].join(',');

const rectOf = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });

/** How far in from each edge the map is covered, read from the page because CSS decides where things sit. */
export function coveredInsets(map: MlMap): Insets {
  const boxes = Array.from(document.querySelectorAll(FLOATING), (el) => rectOf(el.getBoundingClientRect()));
  return clearInsets(rectOf(map.getContainer().getBoundingClientRect()), boxes);
}

/** The visible map, in the map's own pixels (what map.project returns). */
export function visibleMapRect(map: MlMap): Rect {
  const c = map.getContainer();
  return clearRect({ left: 0, top: 0, right: c.clientWidth, bottom: c.clientHeight }, coveredInsets(map));
}

/** Padding that keeps a framed subject clear of everything over the map, with a margin. */
export function fitPadding(map: MlMap) {
  const i = coveredInsets(map);
  return {
    top: i.top + EDGE_PX,
    bottom: i.bottom + EDGE_PX,
    left: i.left + EDGE_PX,
    right: i.right + EDGE_PX,
  };
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

/** The subject's box on screen, in the map's pixels. */
function screenBox(map: MlMap, s: Subject): Rect {
  const a = map.project(s.box[0]);
  const b = map.project(s.box[1]);
  return {
    left: Math.min(a.x, b.x),
    right: Math.max(a.x, b.x),
    top: Math.min(a.y, b.y),
    bottom: Math.max(a.y, b.y),
  };
}

/**
 * Moves the camera, only if it must, so that what is selected lies in the visible map, clear of
 * every panel, card and legend. A point is centred in the clear part (brought to street level when
 * `closer`, as for a choice from a list); a box is fitted, never closer than a district view.
 */
export function showSubject(map: MlMap, subject: Subject, closer: boolean) {
  const clear = visibleMapRect(map);
  const zoom = map.getZoom();
  const wantZoom = subject.point && closer ? Math.max(zoom, POINT_ZOOM) : zoom;
  if (wantZoom === zoom && rectInside(screenBox(map, subject), clear, EDGE_PX / 2)) return;
  const duration = reducedMotion() ? 0 : 700;
  const c = map.getContainer();
  if (subject.point) {
    const i = coveredInsets(map);
    map.easeTo({
      center: subject.box[0],
      zoom: wantZoom,
      offset: [(i.left - i.right) / 2, (i.top - i.bottom) / 2],
      duration,
      essential: true,
    });
    return;
  }
  if (c.clientWidth === 0 || c.clientHeight === 0) return;
  // Zoomed out when it does not fit; zoomed in no closer than a district view, or than the user already is.
  map.fitBounds(subject.box, {
    padding: fitPadding(map),
    maxZoom: Math.max(zoom, FOCUS_MAX_ZOOM),
    bearing: map.getBearing(),
    duration,
    essential: true,
  });
}
