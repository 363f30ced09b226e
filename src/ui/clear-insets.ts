/** A screen rectangle in CSS pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

// Never leave less map than this between insets, so a fit always has room (no "cannot fit").
const MIN_CLEAR_PX = 120;

/**
 * How far in from each edge the map is covered by the boxes floating over it (panels, cards, the
 * legend, the map's buttons). Each box is taken off the edge that loses the least map: a side panel
 * the side it stands on, a bottom sheet the bottom, a short box in a corner the nearer strip.
 * Pure, so the rule is tested without a browser; the caller reads the boxes off the page.
 */
export function clearInsets(map: Rect, boxes: readonly Rect[]): Insets {
  const w = map.right - map.left;
  const h = map.bottom - map.top;
  const ins: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const b of boxes) {
    // Outside the map, or nothing drawn.
    if (b.right <= map.left || b.left >= map.right || b.bottom <= map.top || b.top >= map.bottom) continue;
    if (b.right - b.left <= 0 || b.bottom - b.top <= 0) continue;
    const cut: [keyof Insets, number, number][] = [
      ['left', b.right - map.left, (b.right - map.left) * h],
      ['right', map.right - b.left, (map.right - b.left) * h],
      ['top', b.bottom - map.top, (b.bottom - map.top) * w],
      ['bottom', map.bottom - b.top, (map.bottom - b.top) * w],
    ];
    cut.sort((x, y) => x[2] - y[2]);
    const [edge, depth] = cut[0] as [keyof Insets, number, number];
    ins[edge] = Math.max(ins[edge], depth);
  }
  return fitRoom(ins, w, h);
}

/** Shrinks opposite insets in proportion when they would leave less than MIN_CLEAR_PX between them. */
function fitRoom(ins: Insets, w: number, h: number): Insets {
  const squeeze = (a: number, b: number, size: number): [number, number] => {
    const room = Math.max(0, size - MIN_CLEAR_PX);
    if (a + b <= room) return [a, b];
    const k = room / (a + b);
    return [a * k, b * k];
  };
  const [left, right] = squeeze(ins.left, ins.right, w);
  const [top, bottom] = squeeze(ins.top, ins.bottom, h);
  return { top, right, bottom, left };
}

/** The part of the map left clear by the insets. */
export function clearRect(map: Rect, ins: Insets): Rect {
  return {
    left: map.left + ins.left,
    top: map.top + ins.top,
    right: map.right - ins.right,
    bottom: map.bottom - ins.bottom,
  };
}

/** True when `inner` lies wholly inside `outer`, with `margin` to spare on every side. */
export function rectInside(inner: Rect, outer: Rect, margin = 0): boolean {
  return (
    inner.left >= outer.left + margin &&
    inner.right <= outer.right - margin &&
    inner.top >= outer.top + margin &&
    inner.bottom <= outer.bottom - margin
  );
}
