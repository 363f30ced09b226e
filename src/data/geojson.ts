import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as v from 'valibot';
import { type At, isObject, issueAt, parseAt } from './issues';
import type { DataIssue, Validated } from './types';

/** What one bundled GeoJSON file must hold: its geometry types and its properties' schema. */
export interface FeatureRules<P> {
  geometry: readonly Geometry['type'][];
  props: v.GenericSchema<unknown, P>;
}

const DEPTH: Partial<Record<Geometry['type'], number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** The first bad position of nested coordinate arrays, as an issue; null when all are good. */
export function badCoordinates(coords: unknown, depth: number, at: At): DataIssue | null {
  if (depth === 0) {
    if (!isPosition(coords)) return issueAt(at, 'geometry', 'geo.coordinates');
    const [lng, lat] = coords as [number, number];
    return lng < -180 || lng > 180 || lat < -90 || lat > 90
      ? issueAt(at, 'geometry', 'geo.outsideWgs84', { lng, lat })
      : null;
  }
  if (!Array.isArray(coords) || coords.length === 0) return issueAt(at, 'geometry', 'geo.coordinates');
  for (const c of coords) {
    const bad = badCoordinates(c, depth - 1, at);
    if (bad) return bad;
  }
  return null;
}

/** A geometry of an allowed type, with coordinates that are real positions. */
export function badGeometry(geom: unknown, allowed: readonly Geometry['type'][], at: At): DataIssue | null {
  const type = isObject(geom) ? geom.type : undefined;
  if (typeof type !== 'string' || !(allowed as readonly string[]).includes(type)) {
    return issueAt(at, 'geometry', 'geo.geometryType', {
      expected: allowed.join(' / '),
      got: typeof type === 'string' ? type : 'null',
    });
  }
  const depth = DEPTH[type as Geometry['type']];
  return depth === undefined
    ? null
    : badCoordinates((geom as { coordinates?: unknown }).coordinates, depth, at);
}

/**
 * Checks a parsed GeoJSON document against the rules for one bundled file.
 * Every rejected feature yields an issue naming its index and field; valid features are kept.
 */
export function validateFeatureCollection<G extends Geometry, P>(
  json: unknown,
  file: string,
  rules: FeatureRules<P>,
): Validated<FeatureCollection<G, P>> {
  const issues: DataIssue[] = [];
  const empty: FeatureCollection<G, P> = { type: 'FeatureCollection', features: [] };
  if (!isObject(json) || json.type !== 'FeatureCollection') {
    const got =
      json === null
        ? 'null'
        : Array.isArray(json)
          ? 'array'
          : isObject(json)
            ? String(json.type)
            : typeof json;
    issues.push(issueAt({ file }, '', 'geo.notCollection', { got }));
    return { value: empty, issues };
  }
  const features = parseAt(
    v.array(v.unknown(), 'json.array'),
    json.features,
    { file, field: 'features' },
    issues,
  );
  if (!features) return { value: empty, issues };
  const kept: Feature<G, P>[] = [];
  features.forEach((f, row) => {
    const at = { file, row };
    if (!isObject(f) || f.type !== 'Feature') {
      issues.push(issueAt(at, '', 'geo.notFeature'));
      return;
    }
    const bad = badGeometry(f.geometry, rules.geometry, at);
    if (bad) {
      issues.push(bad);
      return;
    }
    const properties = parseAt(rules.props, f.properties ?? {}, at, issues);
    if (properties !== undefined) kept.push({ ...(f as unknown as Feature<G, P>), properties });
  });
  return { value: { type: 'FeatureCollection', features: kept }, issues };
}

/** Parses text as JSON, turning a syntax error into an issue instead of an exception. */
export function parseJson(text: string, file: string): Validated<unknown> {
  try {
    return { value: JSON.parse(text), issues: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { value: null, issues: [issueAt({ file }, '', 'json.parse', { msg })] };
  }
}
