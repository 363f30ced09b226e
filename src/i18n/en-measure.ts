import type { zhMeasure } from './zh-measure';

// English for the measuring tool and the centre's own basemap file.
export const enMeasure: Record<keyof typeof zhMeasure, string> = {
  'link.part.m': 'measurement',
  'measure.start': 'Measure distance and area',
  'measure.stop': 'Stop measuring',
  'measure.title': 'Measure',
  'measure.hintFirst': 'Tap the map to place the first point.',
  'measure.hintMore': 'Keep tapping to add points. Tap the first point, or Close shape, to measure the area.',
  'measure.hintClosed': 'The shape is closed. Undo reopens it.',
  'measure.length': 'Length',
  'measure.perimeter': 'Perimeter',
  'measure.area': 'Area',
  'measure.km': '{v} km',
  'measure.km2': '{v} km²',
  'measure.straight': 'straight lines over the ground',
  'measure.points': '{n} point|{n} points',
  'measure.full': 'That is the most points: {n}.',
  'measure.close': 'Close shape',
  'measure.undo': 'Undo',
  'measure.clear': 'Clear',
  'measure.clearHint': 'Clear the measurement (Esc)',
  'measure.firmsInside': '{n} firm inside|{n} firms inside',
  'measure.firmsPossibly': '{n} possibly inside',
  'measure.possiblyNote':
    'These firms are known only to their district or park, and the shape cuts through it: they may or may not be inside.',
  'measure.chargersInside':
    '{n} charging site inside (illustrative data)|{n} charging sites inside (illustrative data)',
  'measure.none': 'No located firm or charging site inside.',
};
