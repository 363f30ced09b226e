import type { ShareState, TourStep } from '../model';
import { clampIndex } from './navigation';

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
    // Named only when the step has them, so a link of a step reads as before.
    ...(step.match ? { match: step.match } : {}),
    ...(step.targets.chains.length + step.targets.areas.length > 0 ? { targets: step.targets } : {}),
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
