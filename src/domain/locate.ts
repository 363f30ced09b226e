import Flatbush from 'flatbush';
import type { Feature, GeoJsonProperties, Position } from 'geojson';
import type { AreaPolygon } from '../data/types';

/**
 * A function that says which polygon a point is in (the first hit, in the order given), or null.
 * Every ring edge of every polygon goes in one static R-tree (flatbush) once; a point then casts a
 * ray eastwards and counts, per polygon, only the edges the tree says the ray may cross. An import
 * of 100,000 points costs a few edge tests each instead of a walk round every district outline.
 */
export function pointLocator<P extends GeoJsonProperties>(
  features: readonly Feature<AreaPolygon, P>[],
): (lngLat: readonly [number, number]) => Feature<AreaPolygon, P> | null {
  const coords: number[] = [];
  const owner: number[] = [];
  features.forEach((f, i) => {
    const polys: Position[][][] =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys)
      for (const ring of rings)
        for (let k = 0; k + 1 < ring.length; k++) {
          const a = ring[k] as Position;
          const b = ring[k + 1] as Position;
          coords.push(a[0] as number, a[1] as number, b[0] as number, b[1] as number);
          owner.push(i);
        }
  });
  if (owner.length === 0) return () => null;
  const index = new Flatbush(owner.length);
  for (let e = 0; e < owner.length; e++) {
    const x1 = coords[e * 4] as number;
    const y1 = coords[e * 4 + 1] as number;
    const x2 = coords[e * 4 + 2] as number;
    const y2 = coords[e * 4 + 3] as number;
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  index.finish();
  const parity = new Uint8Array(features.length);
  const onEdge = new Uint8Array(features.length);

  return ([x, y]) => {
    if (x < index.minX || x > index.maxX || y < index.minY || y > index.maxY) return null;
    parity.fill(0);
    onEdge.fill(0);
    for (const e of index.search(x, y, index.maxX, y)) {
      const x1 = coords[e * 4] as number;
      const y1 = coords[e * 4 + 1] as number;
      const x2 = coords[e * 4 + 2] as number;
      const y2 = coords[e * 4 + 3] as number;
      const f = owner[e] as number;
      // A point on the outline is inside, as turf's booleanPointInPolygon has it.
      const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
      if (
        cross === 0 &&
        x >= Math.min(x1, x2) &&
        x <= Math.max(x1, x2) &&
        y >= Math.min(y1, y2) &&
        y <= Math.max(y1, y2)
      ) {
        onEdge[f] = 1;
        continue;
      }
      if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1))
        parity[f] = (parity[f] as number) ^ 1;
    }
    for (let i = 0; i < features.length; i++) if (parity[i] || onEdge[i]) return features[i] ?? null;
    return null;
  };
}
