import { bbox } from '@turf/turf';
import type {
  MapLayerMouseEvent,
  MapLayerTouchEvent,
  MapMouseEvent,
  MapTouchEvent,
  Map as MlMap,
} from 'maplibre-gl';
import { measurePolygon } from '../domain/measure';
import { HANDLE_RADIUS_PX } from '../layers/measure-layer';
import { useAppStore } from '../state/store';
import { frameBox, visibleMapRect } from './map-camera';

/**
 * A tap on the map while the measuring tool is on: a new point, or the shape closed when the tap
 * lands on the first point's handle. Returns false when the tool is off (the tap selects as usual).
 */
export function measureClick(map: MlMap, e: Pick<MapMouseEvent, 'point' | 'lngLat'>): boolean {
  const s = useAppStore.getState();
  const m = s.measure;
  if (!m) return false;
  const onHandle = (ll: [number, number] | undefined) => {
    if (!ll) return false;
    const p = map.project(ll);
    return Math.hypot(p.x - e.point.x, p.y - e.point.y) <= HANDLE_RADIUS_PX;
  };
  const onFirst = onHandle(m.points[0]);
  // A tap on another point's handle (a drag that did not move) places nothing.
  if (!onFirst && m.points.slice(1).some(onHandle)) return true;
  s.measureTap([e.lngLat.lng, e.lngLat.lat], onFirst);
  const after = useAppStore.getState().measure;
  if (after?.closed && !m.closed) keepShapeInView(map);
  return true;
}

/** A closed shape lies clear of the panels and the tool's own result: if it does not, the map moves (never closer). */
export function keepShapeInView(map: MlMap) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const m = useAppStore.getState().measure;
      const poly = m ? measurePolygon(m) : null;
      if (!poly) return;
      const [w, s, e, n] = bbox(poly);
      const r = visibleMapRect(map);
      const a = map.project([w, n]);
      const b = map.project([e, s]);
      if (a.x >= r.left && a.y >= r.top && b.x <= r.right && b.y <= r.bottom) return;
      frameBox(
        map,
        [
          [w, s],
          [e, n],
        ],
        map.getZoom(),
      );
    }),
  );
}

/**
 * Handles can be dragged, by finger or mouse: a press on one moves that point instead of the map.
 * Returns the function that removes the listeners.
 */
export function installHandleDrag(map: MlMap): () => void {
  let dragging: number | null = null;
  const move = (e: MapMouseEvent | MapTouchEvent) => {
    if (dragging === null) return;
    useAppStore.getState().moveMeasurePoint(dragging, [e.lngLat.lng, e.lngLat.lat]);
  };
  const end = () => {
    if (dragging === null) return;
    dragging = null;
    map.getCanvas().style.cursor = '';
    map.off('mousemove', move);
    map.off('touchmove', move);
  };
  const down = (e: MapLayerMouseEvent | MapLayerTouchEvent) => {
    const m = useAppStore.getState().measure;
    if (!m || ('points' in e && e.points.length > 1)) return;
    const i = Number(e.features?.[0]?.properties?.i);
    if (!Number.isInteger(i) || i < 0 || i >= m.points.length) return;
    // The map does not pan under a dragged handle.
    e.preventDefault();
    dragging = i;
    map.getCanvas().style.cursor = 'grabbing';
    map.on('mousemove', move);
    map.on('touchmove', move);
  };
  map.on('mousedown', 'measure-handle', down);
  map.on('touchstart', 'measure-handle', down);
  map.on('mouseup', end);
  map.on('touchend', end);
  map.on('touchcancel', end);
  return () => {
    end();
    map.off('mousedown', 'measure-handle', down);
    map.off('touchstart', 'measure-handle', down);
    map.off('mouseup', end);
    map.off('touchend', end);
    map.off('touchcancel', end);
  };
}
