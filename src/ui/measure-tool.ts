import { bbox } from '@turf/turf';
import type { MapMouseEvent, Map as MlMap } from 'maplibre-gl';
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
  const first = m.points[0];
  let onFirst = false;
  if (first) {
    const p = map.project(first);
    onFirst = Math.hypot(p.x - e.point.x, p.y - e.point.y) <= HANDLE_RADIUS_PX;
  }
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
