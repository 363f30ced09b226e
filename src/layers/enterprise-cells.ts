import { atSliceEnd, runWhole, type Slices } from '../domain/slices';
import { dotsShownInSlices, type EnterpriseDots } from './enterprise-points';

/**
 * A large import seen from afar, as square cells counting the firms in each: a hundred thousand
 * overlapping dots tell a reader less than a count per place, and a tablet draws a few thousand
 * squares where it could not draw every dot in time. Pure: dots and a shown mask in, cells out.
 */

/** From this zoom a large import is drawn as its dots (streets visible, few firms per cell). */
export const FIRM_DOTS_MIN_ZOOM = 13;

/**
 * Cells per 512-pixel tile side at integer zoom z are 2^(z + 5): 16 pixels wide at z, up to
 * 32 just before z + 1. The grid is fixed in Web Mercator, so cells stay put while the map pans.
 */
const LEVEL_OFFSET = 5;

/** The grid level for a zoom: one per whole zoom step, so the cells change only at a step. */
export const cellLevel = (zoom: number): number => Math.max(0, Math.floor(zoom)) + LEVEL_OFFSET;

/** Lower bounds of the count classes, as the legend states them. */
export const CELL_CLASS_FROM = [1, 10, 50, 200, 1000] as const;

/** The class of a count: the last bound it reaches (0 for 1–9 firms). */
export function cellClass(firms: number): number {
  let k = 0;
  for (let i = 1; i < CELL_CLASS_FROM.length; i += 1) if (firms >= (CELL_CLASS_FROM[i] as number)) k = i;
  return k;
}

/** The cells of one level: column and row in the grid, and the shown firms with their point in it. */
export interface FirmCells {
  level: number;
  x: Uint32Array;
  y: Uint32Array;
  firms: Uint32Array;
  /** All firms counted, each once: the sum of `firms`. */
  total: number;
}

/** Web Mercator, 0–1 across the world: x from the longitude, y (north down) from the latitude. */
export const mercX = (lng: number) => (lng + 180) / 360;
export const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

// Each set's dots in Web Mercator (0–1), worked out once: the logarithm per dot was most of the
// cost of counting a grid, which is counted again at every zoom step.
const mercatorCache = new WeakMap<EnterpriseDots, Float64Array>();
function* mercatorInSlices(dots: EnterpriseDots): Slices<Float64Array> {
  const known = mercatorCache.get(dots);
  if (known) return known;
  const out = new Float64Array(2 * dots.length);
  for (let i = 0; i < dots.length; i += 1) {
    if (atSliceEnd(i)) yield;
    out[2 * i] = mercX(dots.position[2 * i] as number);
    out[2 * i + 1] = mercY(dots.position[2 * i + 1] as number);
  }
  mercatorCache.set(dots, out);
  return out;
}

/** The dots in Web Mercator (0–1), x then y per dot, worked out once per set. */
export const mercatorOf = (dots: EnterpriseDots): Float64Array => runWhole(mercatorInSlices(dots));

/**
 * The firms shown (`shown[i]` 1 for dot i) counted per cell of `level`. A firm in two segments is
 * two dots at one place: it is counted once, in the cell of its first shown dot.
 */
export const enterpriseCells = (dots: EnterpriseDots, shown: Float32Array, level: number): FirmCells =>
  runWhole(enterpriseCellsInSlices(dots, shown, level));

/** The cells of the firms the filter categories allow, the shown mask made on the way, in slices. */
export function* filteredCellsInSlices(
  dots: EnterpriseDots,
  categories: readonly (readonly number[])[],
  level: number,
): Slices<FirmCells> {
  const shown = yield* dotsShownInSlices(dots, categories);
  return yield* enterpriseCellsInSlices(dots, shown, level);
}

/** enterpriseCells, yielding between slices (domain/slices.ts). */
export function* enterpriseCellsInSlices(
  dots: EnterpriseDots,
  shown: Float32Array,
  level: number,
): Slices<FirmCells> {
  const merc = yield* mercatorInSlices(dots);
  const side = 2 ** level;
  const counted = new Uint8Array(dots.firms.length);
  // Each counted firm's cell, and the box of those cells.
  const cx = new Uint32Array(dots.firms.length);
  const cy = new Uint32Array(dots.firms.length);
  let total = 0;
  let x0 = side;
  let y0 = side;
  let x1 = 0;
  let y1 = 0;
  for (let i = 0; i < dots.length; i += 1) {
    if (atSliceEnd(i)) yield;
    const f = dots.firm[i] as number;
    if (!shown[i] || counted[f]) continue;
    counted[f] = 1;
    const x = Math.min(side - 1, Math.floor((merc[2 * i] as number) * side));
    const y = Math.min(side - 1, Math.floor((merc[2 * i + 1] as number) * side));
    cx[total] = x;
    cy[total] = y;
    total += 1;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  // One counter per cell of the box when it is small (a city's firms): no hashing per firm. A box
  // much larger than the firms (a file with a firm at each end of the country) counts in a Map.
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const ids: number[] = [];
  const counts: number[] = [];
  if (total > 0 && w * h <= Math.max(1 << 20, 4 * total)) {
    const grid = new Uint32Array(w * h);
    for (let k = 0; k < total; k += 1) {
      if (atSliceEnd(k)) yield;
      const g = ((cx[k] as number) - x0) * h + (cy[k] as number) - y0;
      grid[g] = (grid[g] as number) + 1;
    }
    for (let g = 0; g < grid.length; g += 1) {
      if (atSliceEnd(g)) yield;
      const n = grid[g] as number;
      if (n === 0) continue;
      ids.push((x0 + Math.floor(g / h)) * side + y0 + (g % h));
      counts.push(n);
    }
  } else {
    const byCell = new Map<number, number>();
    for (let k = 0; k < total; k += 1) {
      if (atSliceEnd(k)) yield;
      const id = (cx[k] as number) * side + (cy[k] as number);
      byCell.set(id, (byCell.get(id) ?? 0) + 1);
    }
    for (const [id, n] of byCell) {
      ids.push(id);
      counts.push(n);
    }
  }
  const out: FirmCells = {
    level,
    x: Uint32Array.from(ids, (id) => Math.floor(id / side)),
    y: Uint32Array.from(ids, (id) => id % side),
    firms: Uint32Array.from(counts),
    total,
  };
  return out;
}

/** The cell's square as a closed ring of [lng, lat], west-south corner first. */
export function cellRing(level: number, x: number, y: number): [number, number][] {
  const side = 2 ** level;
  const w = lngOf(x / side);
  const e = lngOf((x + 1) / side);
  const n = latOf(y / side);
  const s = latOf((y + 1) / side);
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}
