// Moving through the tour: pure index arithmetic, shared by the keys, the swipe and the buttons.

/** The index kept inside 0…length-1 (NaN and fractions read as the first step); null if empty. */
export function clampIndex(index: number, length: number): number | null {
  if (length <= 0) return null;
  const i = Number.isFinite(index) ? Math.trunc(index) : 0;
  return Math.min(Math.max(i, 0), length - 1);
}

/** The next step, staying on the last one (the presenter's "next" does not wrap to the start). */
export function nextIndex(index: number, length: number): number | null {
  const i = clampIndex(index, length);
  return i === null ? null : Math.min(i + 1, length - 1);
}

/** The previous step, staying on the first one. */
export function prevIndex(index: number, length: number): number | null {
  const i = clampIndex(index, length);
  return i === null ? null : Math.max(i - 1, 0);
}
