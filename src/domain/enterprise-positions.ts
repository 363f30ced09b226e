import type { Area, AreaId, Enterprise } from '../data/types';
import type { AreaShapes } from './area-shapes';
import { atSliceEnd, runWhole, type Slices } from './slices';

export type LngLat = [number, number];

// Imprecise points are spread on a sunflower spiral around their anchor, this far apart:
// far enough to tap one at city zoom, near enough to read as one cluster.
const SPREAD_STEP_M = 450;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const M_PER_DEG_LAT = 111_320;

/**
 * Where an area's imprecisely located firms are drawn: a district's inner label point, a park's
 * footprint centre (the first part, for a park in several parts whose part is unknown).
 */
export function areaAnchors(areas: readonly Area[], shapes: AreaShapes): Partial<Record<AreaId, LngLat>> {
  const out: Partial<Record<AreaId, LngLat>> = {};
  for (const a of areas) {
    if (a.kind === 'park' && a.footprints[0]) out[a.id] = a.footprints[0].center;
    else {
      const label = shapes.labels.features.find((f) => f.properties.area === a.id);
      if (label) out[a.id] = label.geometry.coordinates as LngLat;
    }
  }
  return out;
}

/** The i-th point of a sunflower spiral around an anchor: even spacing, no overlaps, deterministic. */
export function spiralPoint(anchor: LngLat, i: number, stepM = SPREAD_STEP_M): LngLat {
  const r = stepM * Math.sqrt(i + 0.5);
  const a = i * GOLDEN_ANGLE;
  const dLat = (r * Math.sin(a)) / M_PER_DEG_LAT;
  const dLng = (r * Math.cos(a)) / (M_PER_DEG_LAT * Math.cos((anchor[1] * Math.PI) / 180));
  return [anchor[0] + dLng, anchor[1] + dLat];
}

export interface Placement {
  /** Where to draw it, or null: not on the map (no point and no area). */
  position: LngLat | null;
  /** True when the position is a stand-in near an anchor, not the firm's site. */
  approximate: boolean;
}

/**
 * Map positions for enterprises. Exact rows sit at their point. Rows known only to a district or
 * park are spread around their researched anchor point, or the area's anchor when they have none,
 * so they never look like surveyed sites. Rows with neither are left off the map (and listed).
 */
export function placeEnterprises(
  enterprises: readonly Enterprise[],
  anchors: Partial<Record<AreaId, LngLat>>,
): Placement[] {
  return runWhole(placeEnterprisesInSlices(enterprises, anchors));
}

/** The same, yielding between slices (slices.ts). */
export function* placeEnterprisesInSlices(
  enterprises: readonly Enterprise[],
  anchors: Partial<Record<AreaId, LngLat>>,
): Slices<Placement[]> {
  const perAnchor = new Map<string, number>();
  const out = new Array<Placement>(enterprises.length);
  for (let i = 0; i < enterprises.length; i += 1) {
    if (atSliceEnd(i)) yield;
    const e = enterprises[i] as Enterprise;
    if (e.precision === 'exact' && e.lngLat) {
      out[i] = { position: e.lngLat, approximate: false };
      continue;
    }
    const anchor = e.lngLat ?? (e.area ? anchors[e.area] : undefined);
    if (!anchor) {
      out[i] = { position: null, approximate: true };
      continue;
    }
    const key = `${anchor[0].toFixed(4)},${anchor[1].toFixed(4)}`;
    const n = perAnchor.get(key) ?? 0;
    perAnchor.set(key, n + 1);
    out[i] = { position: spiralPoint(anchor, n), approximate: true };
  }
  return out;
}
