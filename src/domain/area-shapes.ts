import { bbox, circle } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Area, AreaId, AreaPolygon, DataIssue, DistrictFeature } from '../data/types';

/** Properties carried by every drawn area shape; the map's paint and tap handling read these. */
export interface AreaShapeProps {
  area: AreaId;
  /** The district adcode or the park footprint id: one area can have several parts. */
  part: string;
  kind: 'district' | 'park';
  name_zh: string;
  name_en: string;
  role_zh: string;
  role_en: string;
  approximate: boolean;
  /** Draw order within the areas layer: parks above districts so a tap on a park hits the park. */
  rank: number;
}

export interface AreaShapes {
  polygons: FeatureCollection<AreaPolygon, AreaShapeProps>;
  labels: FeatureCollection<Point, AreaShapeProps>;
  issues: DataIssue[];
}

/** The longest line of an area's role under its name on the map, in ems (the label's own breaks). */
export const ROLE_LINE_EMS = { zh: 11, en: 20 } as const;

/** Radius of the circle whose area equals the stated park area. */
export function footprintRadiusKm(areaKm2: number): number {
  return Math.sqrt(areaKm2 / Math.PI);
}

/**
 * Joins the plan's areas to geometry: districts by adcode from districts.geojson, parks as
 * circles of their stated area around their best-known centre (no official boundary exists).
 */
export function buildAreaShapes(areas: readonly Area[], districts: readonly DistrictFeature[]): AreaShapes {
  const polygons: Feature<AreaPolygon, AreaShapeProps>[] = [];
  const labels: Feature<Point, AreaShapeProps>[] = [];
  const issues: DataIssue[] = [];
  for (const a of areas) {
    const base = {
      area: a.id,
      kind: a.kind,
      role_zh: labelLines(a.role.zh, ROLE_LINE_EMS.zh),
      role_en: labelLines(a.role.en, ROLE_LINE_EMS.en),
    };
    if (a.kind === 'district') {
      const d = districts.find((f) => f.properties.adcode === a.adcode);
      if (!d) {
        issues.push({
          file: 'geo/districts.geojson',
          field: 'adcode',
          severity: 'error',
          code: 'area.districtMissing',
          params: { area: a.name.zh, adcode: a.adcode ?? '?' },
        });
        continue;
      }
      const props: AreaShapeProps = {
        ...base,
        part: d.properties.adcode,
        name_zh: a.name.zh,
        name_en: a.name.en,
        approximate: false,
        rank: 0,
      };
      polygons.push({ type: 'Feature', properties: props, geometry: d.geometry });
      labels.push({
        type: 'Feature',
        properties: props,
        geometry: { type: 'Point', coordinates: [d.properties.label_lng, d.properties.label_lat] },
      });
    } else {
      for (const fp of a.footprints) {
        const multi = a.footprints.length > 1;
        const props: AreaShapeProps = {
          ...base,
          part: fp.id,
          name_zh: multi ? `${a.name.zh} ${fp.name.zh}` : a.name.zh,
          name_en: multi ? `${a.name.en}, ${fp.name.en}` : a.name.en,
          approximate: true,
          rank: 1,
        };
        const shape = circle(fp.center, footprintRadiusKm(fp.areaKm2), { steps: 64, units: 'kilometers' });
        polygons.push({ type: 'Feature', properties: props, geometry: shape.geometry });
        labels.push({
          type: 'Feature',
          properties: props,
          geometry: { type: 'Point', coordinates: fp.center },
        });
      }
    }
  }
  // Parks last so they draw over, and are hit before, the districts they sit in.
  polygons.sort((x, y) => x.properties.rank - y.properties.rank);
  return {
    polygons: { type: 'FeatureCollection', features: polygons },
    labels: { type: 'FeatureCollection', features: labels },
    issues,
  };
}

/** The area a tap selects: the topmost (highest rank) of the shapes under the finger. */
export function pickArea(hits: readonly Pick<AreaShapeProps, 'area' | 'rank'>[]): AreaId | null {
  let best: Pick<AreaShapeProps, 'area' | 'rank'> | null = null;
  for (const h of hits) if (!best || h.rank > best.rank) best = h;
  return best ? best.area : null;
}

/** Bounding box [[w, s], [e, n]] of all parts of one area (or of several), or null if none has a shape. */
export function areaBounds(
  shapes: AreaShapes,
  ids: AreaId | readonly AreaId[],
): [[number, number], [number, number]] | null {
  const wanted: readonly AreaId[] = typeof ids === 'string' ? [ids] : ids;
  const parts = shapes.polygons.features.filter((f) => wanted.includes(f.properties.area));
  if (parts.length === 0) return null;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: parts });
  return [
    [w, s],
    [e, n],
  ];
}

/** Width of a label line in ems, roughly: a Han character is one, a Latin letter or space half. */
function ems(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.55;
  return n;
}

/**
 * A map label broken into lines at its " · " separators only, each line at most `maxEms` wide where
 * it can be: the map never breaks inside a word ("汽车玻/璃"), since the label carries its own breaks.
 */
export function labelLines(text: string, maxEms: number): string {
  const parts = text.split(' · ');
  const lines: string[] = [];
  for (const p of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && ems(`${last} · ${p}`) <= maxEms) lines[lines.length - 1] = `${last} · ${p}`;
    else lines.push(p);
  }
  return lines.join('\n');
}
