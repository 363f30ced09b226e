import type { zhTour } from './zh-tour';

// English for the guided tour, typed against the Chinese keys.
export const enTour: Record<keyof typeof zhTour, string> = {
  'tour.start': 'Tour',
  'tour.startTitle': 'Guided tour: start from the first step',
  'tour.stop': 'End the guided tour',
  'tour.region': 'Guided tour',
  'tour.counter': '{n} / {total}',
  'tour.counterLabel': 'Step {n} of {total}',
  'tour.prev': 'Previous',
  'tour.next': 'Next',
  'tour.finish': 'Finish',
  'tour.exit': 'Exit',
  'tour.exitLabel': 'Exit the tour',
  'tour.fullscreen': 'Full screen',
  'tour.exitFullscreen': 'Exit full screen',
  'tour.steps': 'Tour steps',
  'tour.goTo': 'Go to step {n}: {title}',
  'tour.paused': 'Paused · Resume',
  'tour.pausedHint': 'The map was moved. Tap to return to this step’s view.',
  'tour.skipped':
    '{n} step of the tour file has an error and was skipped:|{n} steps of the tour file have errors and were skipped:',
  'tour.skippedStep': 'step {n} in the file',
  'tour.empty': 'The tour file has no usable step, so the tour cannot start.',
  'tour.swipeHint': 'Swipe this panel sideways or press ← → to turn',
};
