import type { zhMeasure } from './zh-measure';

// English for the measuring tool and the centre's own basemap file.
export const enMeasure: Record<keyof typeof zhMeasure, string> = {
  'link.part.m': 'measurement',
  'measure.start': 'Measure distance and area',
  'measure.stop': 'Stop measuring',
  'measure.title': 'Measure',
  'measure.hintFirst': 'Tap the map to place the first point.',
  'measure.hintMore':
    'Keep tapping to add points; drag a point to move it. Tap the first point, or Close shape, to measure the area.',
  'measure.hintClosed': 'The shape is closed. Drag a point to adjust it; Undo reopens it.',
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
  'layer.ownBasemap': 'Our own basemap (offline)',
  'attr.ownBasemap': 'Own basemap: © OpenStreetMap contributors (ODbL), Protomaps schema',
  'basemap.title': 'Our own basemap',
  'basemap.about':
    'Load an OpenStreetMap vector extract (a PMTiles file covering Huaibei). It is kept in this browser and works offline.',
  'basemap.pick': 'Load a PMTiles file…',
  'basemap.loading': 'Checking and keeping the file…',
  'basemap.kept': 'Kept in this browser: {name} ({size})',
  'basemap.shipped': 'The basemap file that comes with this site',
  'basemap.remove': 'Remove the basemap',
  'basemap.removeFailed': 'The basemap could not be removed from this browser: {detail}',
  'basemap.mb': '{v} MB',
  'basemap.error.empty': '“{name}” is empty, so it was not loaded. The map is unchanged.',
  'basemap.error.notPmtiles':
    '“{name}” is not a PMTiles file, so it was not loaded. Choose a .pmtiles file cut with the pmtiles tool. The map is unchanged.',
  'basemap.error.notVector':
    '“{name}” holds image tiles; this app draws vector basemaps (Protomaps schema) only. The map is unchanged.',
  'basemap.error.elsewhere': '“{name}” covers another region: Huaibei is not in it. The map is unchanged.',
  'basemap.error.tooLarge':
    '“{name}” ({size}) is larger than this browser can still keep, so it was not loaded. Remove other data or cut a smaller area. The map is unchanged.',
  'basemap.error.storage': 'This browser could not keep “{name}”. The map is unchanged.',
};
