import type { Camera } from '../model';
import { mercatorOf, mercX, mercY } from './enterprise-cells';
import { DOT_CHANNELS, type EnterpriseDots } from './enterprise-points';

/**
 * Close in, a large import's dots near the view only: deck.gl works on every dot it is given, on
 * screen or not, and in software WebGL each frame of 100,000 dots took about 3 s. The window is a
 * square of 512-pixel tiles round the centre's tile at the whole zoom, so it changes only when the
 * centre crosses a tile or the zoom a step; two tiles each side reach past any tablet's screen.
 */
export const WINDOW_TILES = 2;

/** Tiles at `level`, from (x0, y0) to (x1, y1) inclusive. */
export interface DotsWindow {
  level: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The window round the camera; null when the map is tilted, where the horizon shows dots far off. */
export function dotsWindow(camera: Pick<Camera, 'lng' | 'lat' | 'zoom' | 'pitch'>): DotsWindow | null {
  if (camera.pitch > 0) return null;
  const level = Math.floor(camera.zoom);
  const side = 2 ** level;
  const tx = Math.floor(mercX(camera.lng) * side);
  const ty = Math.floor(mercY(camera.lat) * side);
  return {
    level,
    x0: tx - WINDOW_TILES,
    y0: ty - WINDOW_TILES,
    x1: tx + WINDOW_TILES,
    y1: ty + WINDOW_TILES,
  };
}

export const windowKey = (w: DotsWindow) => `${w.level}/${w.x0}/${w.y0}/${w.x1}/${w.y1}`;

/**
 * The dots inside the window, as a set of their own: the same firms (so a dot's firm index, its
 * key and a tap on it mean what they meant), in the same order.
 */
export function dotsIn(dots: EnterpriseDots, w: DotsWindow): EnterpriseDots {
  const merc = mercatorOf(dots);
  const side = 2 ** w.level;
  const [x0, x1] = [w.x0 / side, (w.x1 + 1) / side];
  const [y0, y1] = [w.y0 / side, (w.y1 + 1) / side];
  const keep: number[] = [];
  for (let i = 0; i < dots.length; i += 1) {
    const x = merc[2 * i] as number;
    const y = merc[2 * i + 1] as number;
    if (x >= x0 && x < x1 && y >= y0 && y < y1) keep.push(i);
  }
  const n = keep.length;
  const out: EnterpriseDots = {
    length: n,
    firms: dots.firms,
    firm: new Uint32Array(n),
    position: new Float64Array(2 * n),
    approximate: new Uint8Array(n),
    colour: new Uint8Array(3 * n),
    cat: new Uint8Array(DOT_CHANNELS * n),
  };
  keep.forEach((i, k) => {
    out.firm[k] = dots.firm[i] as number;
    out.position.set(dots.position.subarray(2 * i, 2 * i + 2), 2 * k);
    out.approximate[k] = dots.approximate[i] as number;
    out.colour.set(dots.colour.subarray(3 * i, 3 * i + 3), 3 * k);
    out.cat.set(dots.cat.subarray(DOT_CHANNELS * i, DOT_CHANNELS * (i + 1)), DOT_CHANNELS * k);
  });
  return out;
}
