import type { EnterpriseDots } from './enterprise-points';

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

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The firms shown (`shown[i]` 1 for dot i) counted per cell of `level`. A firm in two segments is
 * two dots at one place: it is counted once, in the cell of its first shown dot.
 */
export function enterpriseCells(dots: EnterpriseDots, shown: Float32Array, level: number): FirmCells {
  const side = 2 ** level;
  const counted = new Uint8Array(dots.firms.length);
  const byCell = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < dots.length; i += 1) {
    const f = dots.firm[i] as number;
    if (!shown[i] || counted[f]) continue;
    counted[f] = 1;
    const cx = Math.min(side - 1, Math.floor(mercX(dots.position[2 * i] as number) * side));
    const cy = Math.min(side - 1, Math.floor(mercY(dots.position[2 * i + 1] as number) * side));
    const id = cx * side + cy;
    byCell.set(id, (byCell.get(id) ?? 0) + 1);
    total += 1;
  }
  const n = byCell.size;
  const out: FirmCells = {
    level,
    x: new Uint32Array(n),
    y: new Uint32Array(n),
    firms: new Uint32Array(n),
    total,
  };
  let k = 0;
  for (const [id, firms] of byCell) {
    out.x[k] = Math.floor(id / side);
    out.y[k] = id % side;
    out.firms[k] = firms;
    k += 1;
  }
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
