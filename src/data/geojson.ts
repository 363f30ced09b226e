import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DataIssue, Validated } from './types';

type PropType = 'string' | 'number' | 'boolean' | 'string|null';

export interface FeatureRules {
  geometry: Geometry['type'][];
  props: Record<string, PropType>;
}

function issue(file: string, reason: DataIssue['reason'], row?: number, field?: string): DataIssue {
  return {
    file,
    reason,
    severity: 'error',
    ...(row === undefined ? {} : { row }),
    ...(field ? { field } : {}),
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

/** Walks nested coordinate arrays; returns the first bad position's reason, or null. */
function checkCoordinates(coords: unknown, depth: number): string | null {
  if (depth === 0) {
    if (!isPosition(coords)) return 'not a [lng, lat] pair';
    const [lng, lat] = coords as [number, number];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return `[${lng}, ${lat}] is outside WGS84 range`;
    return null;
  }
  if (!Array.isArray(coords) || coords.length === 0) return 'empty or missing coordinate array';
  for (const c of coords) {
    const bad = checkCoordinates(c, depth - 1);
    if (bad) return bad;
  }
  return null;
}

const DEPTH: Partial<Record<Geometry['type'], number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function typeMatches(value: unknown, t: PropType): boolean {
  if (t === 'string|null') return value === null || typeof value === 'string';
  if (t === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === t;
}

/**
 * Checks a parsed GeoJSON document against the rules for one bundled file.
 * Every rejected feature yields an issue naming its index and field; valid features are kept.
 */
export function validateFeatureCollection<G extends Geometry, P>(
  json: unknown,
  file: string,
  rules: FeatureRules,
): Validated<FeatureCollection<G, P>> {
  const issues: DataIssue[] = [];
  const empty: FeatureCollection<G, P> = { type: 'FeatureCollection', features: [] };
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { type?: unknown }).type !== 'FeatureCollection'
  ) {
    issues.push(
      issue(file, {
        zh: `不是 GeoJSON FeatureCollection（读到 ${describe(json)}）`,
        en: `not a GeoJSON FeatureCollection (got ${describe(json)})`,
      }),
    );
    return { value: empty, issues };
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    issues.push(
      issue(file, { zh: '缺少 features 数组', en: 'missing "features" array' }, undefined, 'features'),
    );
    return { value: empty, issues };
  }
  const kept: Feature<G, P>[] = [];
  features.forEach((f: unknown, i: number) => {
    const feat = f as Partial<Feature> | null;
    if (typeof feat !== 'object' || feat === null || feat.type !== 'Feature') {
      issues.push(issue(file, { zh: '不是 Feature 对象', en: 'not a Feature object' }, i));
      return;
    }
    const geom = feat.geometry as Geometry | null | undefined;
    if (!geom || !rules.geometry.includes(geom.type)) {
      issues.push(
        issue(
          file,
          {
            zh: `几何类型应为 ${rules.geometry.join(' / ')}，实际为 ${geom ? geom.type : '空'}`,
            en: `geometry must be ${rules.geometry.join(' / ')}, got ${geom ? geom.type : 'none'}`,
          },
          i,
          'geometry',
        ),
      );
      return;
    }
    const depth = DEPTH[geom.type];
    const bad =
      depth === undefined ? null : checkCoordinates((geom as { coordinates?: unknown }).coordinates, depth);
    if (bad) {
      issues.push(issue(file, { zh: `坐标无效：${bad}`, en: `invalid coordinates: ${bad}` }, i, 'geometry'));
      return;
    }
    const props = (feat.properties ?? {}) as Record<string, unknown>;
    for (const [key, t] of Object.entries(rules.props)) {
      if (!typeMatches(props[key], t)) {
        issues.push(
          issue(
            file,
            {
              zh: `属性 ${key} 应为 ${t}，实际为 ${describe(props[key])}`,
              en: `property "${key}" must be ${t}, got ${describe(props[key])}`,
            },
            i,
            key,
          ),
        );
        return;
      }
    }
    kept.push(feat as Feature<G, P>);
  });
  return { value: { type: 'FeatureCollection', features: kept }, issues };
}

/** Parses text as JSON, turning a syntax error into an issue instead of an exception. */
export function parseJson(text: string, file: string): Validated<unknown> {
  try {
    return { value: JSON.parse(text), issues: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      value: null,
      issues: [
        issue(file, {
          zh: `文件已损坏，无法解析 JSON：${msg}`,
          en: `corrupt file, JSON parse failed: ${msg}`,
        }),
      ],
    };
  }
}
