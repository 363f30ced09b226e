import { bbox, booleanPointInPolygon, pointGrid } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Charger } from '../data/chargers';
import type { Goal } from '../data/goals';
import type { AreaPolygon } from '../data/types';
import { CHARGING_GOAL_IDS, valuesByYear } from './goals';
import { pointLocator } from './locate';

export interface SiteCount {
  sites: number;
  /** Sum of the known connector counts; sites with an unknown count add 0 (see unknownConnectors). */
  connectors: number;
  /** Sites whose connector count is unknown. */
  unknownConnectors: number;
}

const zero = (): SiteCount => ({ sites: 0, connectors: 0, unknownConnectors: 0 });
function addTo(c: SiteCount, ch: Charger) {
  c.sites += 1;
  if (ch.connectors === null) c.unknownConnectors += 1;
  else c.connectors += ch.connectors;
}

export interface DistrictCounts {
  /** Per adcode, every district of the collection present (zero when empty). */
  byDistrict: Record<string, SiteCount>;
  /** Sites without a usable point, counted by their district field instead. */
  noPoint: number;
  /** Sites with a point inside no district polygon: not counted in byDistrict. */
  outside: number;
  /** Sites with neither a usable point nor a district: not counted in byDistrict. */
  unplaced: number;
}

export interface DistrictSites extends Omit<DistrictCounts, 'byDistrict'> {
  /** Per adcode, every district of the collection present (empty when it has no site). */
  byDistrict: Record<string, Charger[]>;
}

/**
 * The sites of each district, by where the point is (point-in-polygon with a bbox prefilter), not
 * by the district field, which may be wrong. Only a site with no usable point falls back to its
 * district field. Takes every charger given: filter first (chargersAsOf) for a date.
 */
export function sitesByDistrict(
  chargers: readonly Charger[],
  districts: FeatureCollection<AreaPolygon, { adcode: string }>,
): DistrictSites {
  const byDistrict: Record<string, Charger[]> = {};
  const districtAt = pointLocator(districts.features);
  for (const f of districts.features) byDistrict[f.properties.adcode] = [];
  let noPoint = 0;
  let outside = 0;
  let unplaced = 0;
  for (const ch of chargers) {
    if (ch.lngLat) {
      const hit = districtAt(ch.lngLat);
      const list = hit ? byDistrict[hit.properties.adcode] : undefined;
      if (list) list.push(ch);
      else outside += 1;
    } else {
      noPoint += 1;
      const list = ch.district === null ? undefined : byDistrict[ch.district];
      if (list) list.push(ch);
      else unplaced += 1;
    }
  }
  return { byDistrict, noPoint, outside, unplaced };
}

/** Sites and connectors per district, placed as in sitesByDistrict. */
export function countByDistrict(
  chargers: readonly Charger[],
  districts: FeatureCollection<AreaPolygon, { adcode: string }>,
): DistrictCounts {
  const { byDistrict, ...rest } = sitesByDistrict(chargers, districts);
  const counts: Record<string, SiteCount> = {};
  for (const [code, list] of Object.entries(byDistrict)) {
    const c = zero();
    for (const ch of list) addTo(c, ch);
    counts[code] = c;
  }
  return { byDistrict: counts, ...rest };
}

export interface TownshipCounts {
  byTownship: Record<string, SiteCount>;
  /** Sites with no township code. */
  unassigned: number;
}

/** Sites and connectors per township code, by the township field (no township polygons exist). */
export function countByTownship(chargers: readonly Charger[]): TownshipCounts {
  const byTownship: Record<string, SiteCount> = {};
  let unassigned = 0;
  for (const ch of chargers) {
    if (ch.township === null) {
      unassigned += 1;
      continue;
    }
    byTownship[ch.township] ??= zero();
    addTo(byTownship[ch.township] as SiteCount, ch);
  }
  return { byTownship, unassigned };
}

/**
 * The network on a date (YYYY-MM-DD): operating sites commissioned on or before it. Kept simple:
 * closed sites have no closing date, so they are left out on every date, and planned sites too.
 * A site without a commissioning date is left out (its start is unknown).
 */
export function chargersAsOf(chargers: readonly Charger[], date: string): Charger[] {
  return chargers.filter(
    (c) => c.status === 'operating' && c.commissioned !== null && c.commissioned <= date,
  );
}

/**
 * The plan's charging-point count: connectors of DC and AC sites. The plan counts 充电桩 (charging
 * points, "1,900 个以上"), not stations, so the unit is the connector; swap bays and hydrogen
 * dispensers are not 充电桩 and are left out, as are sites of unknown kind.
 */
export function chargingPoints(chargers: readonly Charger[]): { points: number; unknownSites: number } {
  let points = 0;
  let unknownSites = 0;
  for (const c of chargers) {
    if (c.kind !== 'dc_fast' && c.kind !== 'ac_slow') continue;
    if (c.connectors === null) unknownSites += 1;
    else points += c.connectors;
  }
  return { points, unknownSites };
}

/**
 * The plan's charging goals (§二 and §三.14), read from goals.json (the one source): charging
 * points built by the end of each year, and the vehicles-per-charger ceilings (车桩比低于…).
 */
export interface ChargingGoals {
  points: Readonly<Record<number, number>>;
  ratioCeilings: Readonly<Record<number, number>>;
}

export function chargingGoalsOf(goals: readonly Goal[]): ChargingGoals {
  return {
    points: valuesByYear(goals, CHARGING_GOAL_IDS.points),
    ratioCeilings: valuesByYear(goals, CHARGING_GOAL_IDS.ratio),
  };
}

/** A charging-point count against one year's goal. */
export interface PointsProgress {
  year: number;
  target: number;
  count: number;
  /** count / target, not capped (1.2 = 20 % over). */
  fraction: number;
  /** Points still to build; 0 when met. */
  remaining: number;
  met: boolean;
}

/** A charging-point count (see chargingPoints) against each year's goal (ChargingGoals.points). */
export function progress(count: number, targets: Readonly<Record<number, number>>): PointsProgress[] {
  return Object.entries(targets)
    .map(([year, target]) => ({
      year: Number(year),
      target,
      count,
      fraction: target > 0 ? count / target : Number.NaN,
      remaining: Math.max(0, target - count),
      met: count >= target,
    }))
    .sort((a, b) => a.year - b.year);
}

export interface VehicleRatio {
  /** NEVs per charging point; null when the NEV count is not provided or there are no points. */
  ratio: number | null;
  points: number;
  /** Per year of the ceilings given: ratio < ceiling; null when the ratio is null. */
  meets: Record<number, boolean | null>;
}

/**
 * Vehicles per charging point (车桩比). Without a published NEV count the ratio is null: never zero,
 * never invented. Points are counted as in chargingPoints.
 */
export function vehiclesPerCharger(
  nevCount: number | null,
  chargers: readonly Charger[],
  ceilings: Readonly<Record<number, number>> = {},
): VehicleRatio {
  const { points } = chargingPoints(chargers);
  const ratio = nevCount === null || points === 0 ? null : nevCount / points;
  const meets: Record<number, boolean | null> = {};
  for (const [year, ceiling] of Object.entries(ceilings)) {
    meets[Number(year)] = ratio === null ? null : ratio < ceiling;
  }
  return { ratio, points, meets };
}

// ---- Nearest-charger search --------------------------------------------------------------------

/** Kilometres per degree of latitude (sphere of radius 6371 km). */
const KM_PER_DEG = (6371 * Math.PI) / 180;

/**
 * Distances are measured in a local equirectangular plane: x = Δlon·cos(lat0), y = Δlat, in km. Across
 * Huaibei (about 1.1° of latitude, lat0 at its middle) east–west distances are off by at most about
 * 0.7 % from great-circle ones; north–south ones are exact. Chosen so the index bound is exact.
 */
export interface Plane {
  lon0: number;
  lat0: number;
  cos0: number;
}
export const planeAt = (lon0: number, lat0: number): Plane => ({
  lon0,
  lat0,
  cos0: Math.cos((lat0 * Math.PI) / 180),
});
const project = (pl: Plane, [lon, lat]: readonly [number, number] | number[]): [number, number] => [
  ((lon as number) - pl.lon0) * pl.cos0 * KM_PER_DEG,
  ((lat as number) - pl.lat0) * KM_PER_DEG,
];
export function planeDistanceKm(
  pl: Plane,
  a: readonly [number, number],
  b: readonly [number, number],
): number {
  const [ax, ay] = project(pl, a);
  const [bx, by] = project(pl, b);
  return Math.hypot(ax - bx, ay - by);
}

export interface NearestIndex {
  /** Distance (km, in the plane) to the nearest indexed point and its index, or null if none. */
  nearest(lngLat: readonly [number, number]): { distanceKm: number; index: number } | null;
}

/**
 * A bucket grid over the points (square buckets of `bucketKm` in the plane). A query looks at its
 * own bucket, then rings of buckets outward; a point in ring r+1 or beyond is at least r·bucketKm
 * away, so the search stops once the best distance so far is ≤ r·bucketKm.
 */
export function buildNearestIndex(
  points: readonly (readonly [number, number])[],
  pl: Plane,
  bucketKm: number,
): NearestIndex {
  const size = bucketKm > 0 ? bucketKm : 1;
  const xy = points.map((p) => project(pl, p));
  const buckets = new Map<string, number[]>();
  let minI = Number.POSITIVE_INFINITY;
  let maxI = Number.NEGATIVE_INFINITY;
  let minJ = Number.POSITIVE_INFINITY;
  let maxJ = Number.NEGATIVE_INFINITY;
  xy.forEach(([x, y], k) => {
    const i = Math.floor(x / size);
    const j = Math.floor(y / size);
    minI = Math.min(minI, i);
    maxI = Math.max(maxI, i);
    minJ = Math.min(minJ, j);
    maxJ = Math.max(maxJ, j);
    const key = `${i},${j}`;
    const b = buckets.get(key);
    if (b) b.push(k);
    else buckets.set(key, [k]);
  });
  return {
    nearest(lngLat) {
      if (xy.length === 0) return null;
      const [qx, qy] = project(pl, lngLat);
      const qi = Math.floor(qx / size);
      const qj = Math.floor(qy / size);
      // Beyond this ring there are no buckets at all.
      const maxRing = Math.max(
        Math.abs(qi - minI),
        Math.abs(qi - maxI),
        Math.abs(qj - minJ),
        Math.abs(qj - maxJ),
      );
      let best = Number.POSITIVE_INFINITY;
      let bestK = -1;
      const visit = (i: number, j: number) => {
        const b = buckets.get(`${i},${j}`);
        if (!b) return;
        for (const k of b) {
          const [x, y] = xy[k] as [number, number];
          const d = Math.hypot(x - qx, y - qy);
          if (d < best || (d === best && k < bestK)) {
            best = d;
            bestK = k;
          }
        }
      };
      for (let r = 0; r <= maxRing; r += 1) {
        if (r === 0) visit(qi, qj);
        else {
          for (let d = -r; d <= r; d += 1) {
            visit(qi + d, qj - r);
            visit(qi + d, qj + r);
          }
          for (let d = -r + 1; d <= r - 1; d += 1) {
            visit(qi - r, qj + d);
            visit(qi + r, qj + d);
          }
        }
        if (best <= r * size) break;
      }
      return { distanceKm: best, index: bestK };
    },
  };
}

export interface CoverageCell {
  lngLat: [number, number];
  /** Distance to the nearest charger; null when there is no charger with a point. */
  distanceKm: number | null;
  covered: boolean;
}

export interface Coverage {
  cells: CoverageCell[];
  covered: number;
  total: number;
  /** covered / total; null when the city has no cells. */
  share: number | null;
  distanceKm: number;
  cellKm: number;
}

/**
 * A grid of cell centres (turf pointGrid, `cellKm` apart) clipped to the city, each with the
 * distance to the nearest charger with a point; a cell is covered when that is ≤ distanceKm.
 * Uses every charger given: filter first (chargersAsOf, kind) as needed.
 */
export function coverage(
  chargers: readonly Charger[],
  city: FeatureCollection<AreaPolygon>,
  distanceKm: number,
  cellKm: number,
): Coverage {
  const box = bbox(city);
  const pl = planeAt((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  // 1 km buckets (or the cell size, if larger): small enough that a dense town centre holds a few
  // dozen sites per bucket, large enough that an empty countryside costs only a few rings.
  const index = buildNearestIndex(
    chargers.flatMap((c) => (c.lngLat ? [c.lngLat] : [])),
    pl,
    Math.max(cellKm, 1),
  );
  const polys = city.features.map((f) => ({ f, box: bbox(f) }));
  const grid = pointGrid(box, cellKm, { units: 'kilometers' });
  const cells: CoverageCell[] = [];
  let covered = 0;
  for (const g of grid.features) {
    const [x, y] = g.geometry.coordinates as [number, number];
    const inside = polys.some(
      ({ f, box: b }) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && booleanPointInPolygon(g, f),
    );
    if (!inside) continue;
    const n = index.nearest([x, y]);
    const isCovered = n !== null && n.distanceKm <= distanceKm;
    if (isCovered) covered += 1;
    cells.push({ lngLat: [x, y], distanceKm: n ? n.distanceKm : null, covered: isCovered });
  }
  return {
    cells,
    covered,
    total: cells.length,
    share: cells.length ? covered / cells.length : null,
    distanceKm,
    cellKm,
  };
}

// ---- Township coverage (乡乡全覆盖) -------------------------------------------------------------

/** One entry of public/geo/townships_list.json (its schema is in model/files.ts). */
export type { TownshipUnit } from '../model';

import type { TownshipUnit } from '../model';

export interface TownshipCoverage {
  unit: TownshipUnit;
  sites: number;
  /** Quasi-township zones (经济开发区 etc.) are not townships: the plan's 乡乡全覆盖 may not cover them. */
  quasiZone: boolean;
}

/**
 * Every township unit of the list with its number of sites, by the chargers' township field. The
 * field comes from nearest-seat assignment in the bundled data, so units without a seat point get
 * no site there: read "no site assigned", not "no charger on the ground".
 */
export function townshipCoverage(
  chargers: readonly Charger[],
  units: readonly TownshipUnit[],
): TownshipCoverage[] {
  const { byTownship } = countByTownship(chargers);
  return units.map((unit) => ({
    unit,
    sites: byTownship[unit.code]?.sites ?? 0,
    quasiZone: unit.kind === 'quasi_township_zone',
  }));
}

/** The township units with no site assigned to them (see townshipCoverage), in list order. */
export function uncoveredTownships(
  chargers: readonly Charger[],
  units: readonly TownshipUnit[],
): TownshipCoverage[] {
  return townshipCoverage(chargers, units).filter((t) => t.sites === 0);
}
