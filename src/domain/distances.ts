import { distance, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { AreaId, AreaPolygon } from '../data/types';
import type { TransportProps } from '../model';
import type { ContextPlaceProps } from '../model/geo-context';

/** One place measured to: its names and the straight-line distance in km (0: inside the area). */
export interface Reach {
  name_zh: string;
  name_en: string;
  km: number;
}

/** What an area card lists: straight-line distances from the area's outline (facts, no sentences). */
export interface AreaReach {
  area: AreaId;
  /** Parks are measured from their approximate footprint: the card carries that caveat. */
  approximate: boolean;
  junction: Reach | null;
  station: Reach | null;
  xuzhou: Reach | null;
  /** The nearest airports, nearest first. */
  airports: Reach[];
}

interface Target {
  name_zh: string;
  name_en: string;
  at: Position;
}

/** How many airports a card lists. */
export const AIRPORTS_LISTED = 2;

/** Straight-line km from the shapes (outline, or 0 inside) to a point: the nearest part counts. */
export function kmFromShapes(parts: readonly Feature<AreaPolygon>[], at: Position): number {
  let best = Number.POSITIVE_INFINITY;
  for (const p of parts) {
    const d = pointToPolygonDistance(point(at), p, { units: 'kilometers' });
    best = Math.min(best, Math.max(0, d));
  }
  return best;
}

function nearest(parts: readonly Feature<AreaPolygon>[], targets: readonly Target[], n: number): Reach[] {
  return targets
    .map((t) => ({ name_zh: t.name_zh, name_en: t.name_en, km: kmFromShapes(parts, t.at) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, n);
}

/** Named motorway junctions: OSM's (one per name, its nodes averaged) and the named ones of places-context. */
export function namedJunctions(
  transport: FeatureCollection<Point, TransportProps>,
  places: FeatureCollection<Point, ContextPlaceProps>,
): Target[] {
  const byName = new Map<string, Position[]>();
  for (const f of transport.features) {
    const name = f.properties.name_zh;
    if (f.properties.kind !== 'motorway_junction' || !name) continue;
    // One interchange per name and exit number: OSM names two exits 宿州 (794 and 804).
    const key = `${name}|${f.properties.ref ?? ''}`;
    byName.set(key, [...(byName.get(key) ?? []), f.geometry.coordinates]);
  }
  const osm = [...byName].map(([key, pts]) => ({ name: key.split('|')[0] ?? key, pts }));
  const merged = osm.map(({ name, pts }) => ({
    name_zh: name,
    // OSM has no English names for these junctions but 百善镇; pinyin would be a guess at the official one.
    name_en:
      (
        transport.features.find((f) => f.properties.name_zh === name)?.properties as {
          name_en?: string | null;
        }
      )?.name_en ?? name,
    at: [
      pts.reduce((s, p) => s + (p[0] ?? 0), 0) / pts.length,
      pts.reduce((s, p) => s + (p[1] ?? 0), 0) / pts.length,
    ],
  }));
  return [...merged, ...placesOf(places, 'junction')];
}

function placesOf(
  places: FeatureCollection<Point, ContextPlaceProps>,
  kind: ContextPlaceProps['kind'],
  keep: (p: ContextPlaceProps) => boolean = () => true,
): Target[] {
  return places.features
    .filter((f) => f.properties.kind === kind && keep(f.properties))
    .map((f) => ({
      name_zh: f.properties.name_zh,
      name_en: f.properties.name_en,
      at: f.geometry.coordinates,
    }));
}

/** Xuzhou's centre (Natural Earth populated place) from places-context, or null. */
export function xuzhouCentre(places: FeatureCollection<Point, ContextPlaceProps>): Target | null {
  return placesOf(places, 'city').find((c) => c.name_en === 'Xuzhou') ?? null;
}

/** The distances an area card lists, from the area's drawn shapes (district outline or park footprint). */
export function areaReach(
  area: AreaId,
  parts: readonly Feature<AreaPolygon, { approximate?: boolean }>[],
  transport: FeatureCollection<Point, TransportProps>,
  places: FeatureCollection<Point, ContextPlaceProps>,
): AreaReach {
  const xz = xuzhouCentre(places);
  return {
    area,
    approximate: parts.some((p) => p.properties.approximate === true),
    junction: nearest(parts, namedJunctions(transport, places), 1)[0] ?? null,
    // A marshalling yard (青龙山) is drawn on the map but is no station a visitor arrives at.
    station:
      nearest(
        parts,
        placesOf(places, 'station', (p) => p.role !== 'yard'),
        1,
      )[0] ?? null,
    xuzhou: xz ? (nearest(parts, [xz], 1)[0] ?? null) : null,
    airports: nearest(parts, placesOf(places, 'airport'), AIRPORTS_LISTED),
  };
}

/** Straight-line km from the city centre (places-context) to a point; null without a centre. */
export function kmFromCentre(
  places: FeatureCollection<Point, ContextPlaceProps>,
  at: Position,
): number | null {
  const c = placesOf(places, 'centre')[0];
  return c ? distance(c.at, at, { units: 'kilometers' }) : null;
}

/** Rounded for a card or label: whole km from 10 km on, one decimal below. */
export function roundKm(km: number): number {
  return km >= 10 ? Math.round(km) : Math.round(km * 10) / 10;
}
