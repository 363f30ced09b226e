import type { ShareState, TourStep } from '../model';

/**
 * The view a step shows, as a shared link would restore it: the step sets the camera, layers,
 * selection, filters, charging view and panel outright (what it leaves out falls back to the
 * defaults, so a step looks the same whatever the audience clicked before); the language and the
 * tour position come from `base`.
 */
export function shareStateOfStep(step: TourStep, base: ShareState): ShareState {
  return {
    camera: step.camera,
    layers: [...step.layers],
    selection: step.selection,
    lang: base.lang,
    filters: step.filters,
    panel: step.panel,
    charging: step.charging,
    tourStep: base.tourStep ?? null,
  };
}

/**
 * The view of step `index` (clamped into the tour) with `tourStep` set to it, so the link names
 * the step; null for an empty tour.
 */
export function shareStateOfTour(
  steps: readonly TourStep[],
  index: number,
  base: ShareState,
): ShareState | null {
  const i = clampIndex(index, steps.length);
  const step = i === null ? undefined : steps[i];
  if (i === null || !step) return null;
  return shareStateOfStep(step, { ...base, tourStep: i });
}

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
