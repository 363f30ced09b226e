import {
  booleanIntersects,
  booleanPointInPolygon,
  booleanWithin,
  lineString,
  area as turfArea,
  length as turfLength,
  polygon as turfPolygon,
} from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { Charger } from '../data/chargers';
import type { Enterprise } from '../data/types';
import { MAX_MEASURE_POINTS, type Measurement, roundMeasurePoint } from '../model';
import type { AreaShapes } from './area-shapes';

// The measuring tool's geometry: pure functions of the tapped points, the firms and the sites.

export type LngLat = [number, number];
export type { Measurement };
export { MAX_MEASURE_POINTS };

export const NO_MEASUREMENT: Measurement = { points: [], closed: false };

/** A closed shape needs three corners. */
export const isArea = (m: Measurement): boolean => m.closed && m.points.length >= 3;

/** The ring of a closed shape (first point repeated at the end), as GeoJSON wants it. */
export function measurePolygon(m: Measurement): Feature<Polygon> | null {
  if (!isArea(m)) return null;
  const first = m.points[0] as LngLat;
  return turfPolygon([[...m.points, first]]);
}

/** Length in km along the points; a closed shape's perimeter includes the edge back to the first point. */
export function measureLengthKm(m: Measurement): number {
  if (m.points.length < 2) return 0;
  const pts = isArea(m) ? [...m.points, m.points[0] as LngLat] : m.points;
  return turfLength(lineString(pts), { units: 'kilometers' });
}

/** Area in km² of a closed shape, 0 otherwise. */
export function measureAreaKm2(m: Measurement): number {
  const p = measurePolygon(m);
  return p ? turfArea(p) / 1e6 : 0;
}

export interface InsideResult {
  /** Firms whose site is inside, or whose whole district or park is. */
  firms: Enterprise[];
  /** Firms known only to a district or park that the shape cuts: they may or may not be inside. */
  possiblyFirms: Enterprise[];
  /** Charging sites inside. */
  chargers: Charger[];
}

export const NOTHING_INSIDE: InsideResult = { firms: [], possiblyFirms: [], chargers: [] };

/**
 * What lies inside a closed shape. A firm with a surveyed site ('exact') counts when its point is
 * inside. A firm known only to its district or park counts as inside only when that whole area
 * is inside the shape; when the shape merely cuts the area, it is "possibly inside". Firms with no
 * place at all are not counted. Charging sites are points.
 */
export function insideShape(
  m: Measurement,
  enterprises: readonly Enterprise[],
  shapes: AreaShapes,
  chargers: readonly Charger[],
): InsideResult {
  const poly = measurePolygon(m);
  if (!poly) return NOTHING_INSIDE;
  // How the shape meets each area, decided once per area.
  const relation = new Map<string, 'inside' | 'cut' | 'apart'>();
  const relationOf = (areaId: string) => {
    let r = relation.get(areaId);
    if (r) return r;
    const parts = shapes.polygons.features.filter((f) => f.properties.area === areaId);
    if (parts.length === 0) r = 'apart';
    else if (parts.every((f) => booleanWithin(f, poly))) r = 'inside';
    else if (parts.some((f) => booleanIntersects(f, poly))) r = 'cut';
    else r = 'apart';
    relation.set(areaId, r);
    return r;
  };
  const firms: Enterprise[] = [];
  const possiblyFirms: Enterprise[] = [];
  for (const e of enterprises) {
    if (e.precision === 'exact') {
      if (e.lngLat && booleanPointInPolygon(e.lngLat, poly)) firms.push(e);
      continue;
    }
    if ((e.precision === 'district' || e.precision === 'park') && e.area) {
      const r = relationOf(e.area);
      if (r === 'inside') firms.push(e);
      else if (r === 'cut') possiblyFirms.push(e);
    }
  }
  const inside = chargers.filter((c) => c.lngLat && booleanPointInPolygon(c.lngLat, poly));
  return { firms, possiblyFirms, chargers: inside };
}

/**
 * A tap while measuring: on the first point with three or more, the shape closes; else a new point
 * (up to the cap), at the link's precision, so a reload through the link shows the same figures.
 */
export function tapMeasurement(m: Measurement, at: LngLat, onFirst: boolean): Measurement {
  if (m.closed) return m;
  if (onFirst && m.points.length >= 3) return { ...m, closed: true };
  if (m.points.length >= MAX_MEASURE_POINTS) return m;
  return { points: [...m.points, roundMeasurePoint(at)], closed: false };
}

/** A point dragged to a new place (at the link's precision). */
export function moveMeasurementPoint(m: Measurement, i: number, to: LngLat): Measurement {
  if (i < 0 || i >= m.points.length) return m;
  return { ...m, points: m.points.map((p, j) => (j === i ? roundMeasurePoint(to) : p)) };
}

export function closeMeasurement(m: Measurement): Measurement {
  return m.points.length >= 3 ? { ...m, closed: true } : m;
}

export function undoMeasurement(m: Measurement): Measurement {
  if (m.closed) return { ...m, closed: false };
  return { points: m.points.slice(0, -1), closed: false };
}
