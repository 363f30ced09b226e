import type { Charger } from '../data/chargers';
import type { AreaId, Enterprise } from '../data/types';
import type { Selection } from '../model/view';
import type { LngLat, Placement } from './enterprise-positions';

/** [[west, south], [east, north]]. */
export type LngLatBox = [[number, number], [number, number]];

export interface SubjectInput {
  enterprises: readonly Enterprise[];
  /** Where each enterprise is drawn, in the same order. */
  placements: readonly Placement[];
  chargers: readonly Charger[];
  /** Which enterprises a segment has (the chain analysis's keys). */
  segmentFirmKeys: (segment: string) => readonly string[];
  /** The areas the plan assigns a segment to. */
  segmentAreas: (segment: string) => readonly AreaId[];
  areaBox: (ids: readonly AreaId[]) => LngLatBox | null;
}

/** The subject of a selection on the map: what the camera must show. `point` when it is one place. */
export interface Subject {
  box: LngLatBox;
  point: boolean;
}

export function boxOfPoints(points: readonly LngLat[]): LngLatBox | null {
  if (points.length === 0) return null;
  let [w, s] = points[0] as LngLat;
  let [e, n] = [w, s];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * Where a selection is on the map: an area's outline, a firm's or site's point, a segment's firms
 * (else the areas the plan gives it). Null when it has no place (a firm with no known area).
 */
export function subjectOf(input: SubjectInput, sel: Selection): Subject | null {
  if (sel.kind === 'area') {
    const box = input.areaBox([sel.id]);
    return box ? { box, point: false } : null;
  }
  if (sel.kind === 'enterprise') {
    const i = input.enterprises.findIndex((e) => e.id === sel.id);
    const p = i < 0 ? null : (input.placements[i]?.position ?? null);
    return p ? { box: [p, p], point: true } : null;
  }
  if (sel.kind === 'charger') {
    const p = input.chargers.find((c) => c.id === sel.id)?.lngLat ?? null;
    return p ? { box: [p, p], point: true } : null;
  }
  const keys = new Set(input.segmentFirmKeys(sel.id));
  const points: LngLat[] = [];
  input.enterprises.forEach((e, i) => {
    const p = input.placements[i]?.position;
    if (keys.has(e.key) && p) points.push(p);
  });
  const firms = boxOfPoints(points);
  // Even one firm is shown in its surroundings, as a segment's place in the city.
  if (firms) return { box: firms, point: false };
  const areas = input.segmentAreas(sel.id);
  const box = areas.length ? input.areaBox(areas) : null;
  return box ? { box, point: false } : null;
}
