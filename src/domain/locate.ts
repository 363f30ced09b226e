import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, GeoJsonProperties } from 'geojson';
import type { AreaPolygon } from '../data/types';

/**
 * A function that says which polygon a point is in (the first hit), or null. Bounding boxes are
 * checked first: most points are far from most polygons.
 */
export function pointLocator<P extends GeoJsonProperties>(
  features: readonly Feature<AreaPolygon, P>[],
): (lngLat: readonly [number, number]) => Feature<AreaPolygon, P> | null {
  const polys = features.map((f) => ({ f, box: bbox(f) }));
  return ([x, y]) => {
    const p = point([x, y]);
    const hit = polys.find(
      ({ f, box }) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && booleanPointInPolygon(p, f),
    );
    return hit ? hit.f : null;
  };
}
