import { describe, expect, it } from 'vitest';
import { clearInsets, clearRect, rectInside } from '../../src/ui/clear-insets';

// A 1024×708 map below a 60 px top bar, as at 1024×768.
const MAP = { left: 0, top: 60, right: 1024, bottom: 768 };
const box = (left: number, top: number, w: number, h: number) => ({
  left,
  top,
  right: left + w,
  bottom: top + h,
});

describe('the clear part of the map', () => {
  it('takes a side panel off its side and a bottom sheet off the bottom', () => {
    expect(clearInsets(MAP, [box(12, 72, 440, 656)])).toEqual({ top: 0, right: 0, bottom: 0, left: 452 });
    expect(clearInsets(MAP, [box(0, 400, 1024, 368)])).toEqual({ top: 0, right: 0, bottom: 368, left: 0 });
  });

  it('takes a short box in a corner off the strip that loses the least map', () => {
    // The collapsed legend, bottom left: a strip along the bottom, not a column down the side.
    expect(clearInsets(MAP, [box(12, 680, 150, 44)]).bottom).toBe(88);
    // The map's buttons, a narrow column top right: off the right.
    expect(clearInsets(MAP, [box(968, 72, 44, 200)])).toEqual({ top: 0, right: 56, bottom: 0, left: 0 });
  });

  it('keeps the deepest cut per edge and ignores what is off the map or not drawn', () => {
    const ins = clearInsets(MAP, [
      box(12, 72, 300, 500),
      box(12, 72, 440, 656),
      box(0, 0, 1024, 60),
      box(5, 5, 0, 0),
    ]);
    expect(ins).toEqual({ top: 0, right: 0, bottom: 0, left: 452 });
  });

  it('always leaves room to frame something, however much is open', () => {
    const ins = clearInsets(MAP, [box(0, 72, 700, 600), box(400, 72, 624, 600)]);
    const r = clearRect(MAP, ins);
    expect(r.right - r.left).toBeGreaterThanOrEqual(119.99);
  });

  it('tells a box inside the clear part from one that reaches under a panel', () => {
    const clear = clearRect(MAP, { top: 0, right: 0, bottom: 0, left: 452 });
    expect(rectInside(box(500, 200, 40, 40), clear, 12)).toBe(true);
    expect(rectInside(box(440, 200, 40, 40), clear, 12)).toBe(false);
    expect(rectInside(box(1000, 200, 40, 40), clear, 12)).toBe(false);
  });
});
