import type { ExpressionSpecification } from 'maplibre-gl';
import { AREA_IDS } from '../data/areas';
import { type AreaShapeProps, pickArea } from '../domain/area-shapes';
import { pick, t } from '../i18n/t';
import { AREA_COLOURS, FONT_STACK, THEME } from './palette';
import type { LayerEntry, LayerInput, StylePart } from './types';

function colourByArea(): ExpressionSpecification {
  const pairs = AREA_IDS.flatMap((id) => [id, AREA_COLOURS[id]]);
  return ['match', ['get', 'area'], ...pairs, '#999999'] as unknown as ExpressionSpecification;
}

function areasStyle({
  shapes,
  lang,
  highlight,
}: Pick<LayerInput, 'shapes' | 'lang' | 'highlight'>): StylePart {
  const highlighted = highlight.areas;
  const sel = highlighted.length > 0;
  const isSel: ExpressionSpecification = ['in', ['get', 'area'], ['literal', [...highlighted]]];
  const isPark: ExpressionSpecification = ['==', ['get', 'kind'], 'park'];
  const suffix = t(lang, 'map.approx');
  const name: ExpressionSpecification = [
    'case',
    ['get', 'approximate'],
    ['concat', ['get', `name_${lang}`], suffix],
    ['get', `name_${lang}`],
  ];
  return {
    sources: {
      areas: { type: 'geojson', data: shapes.polygons },
      'areas-labels': { type: 'geojson', data: shapes.labels },
    },
    shapes: [
      {
        id: 'areas-fill',
        type: 'fill',
        source: 'areas',
        paint: {
          'fill-color': colourByArea(),
          // With a selection the others step back; parks are stronger so they read over their district.
          'fill-opacity': sel
            ? ['case', isSel, ['case', isPark, 0.7, 0.5], ['case', isPark, 0.3, 0.12]]
            : ['case', isPark, 0.6, 0.32],
        },
      },
      {
        id: 'areas-district-line',
        type: 'line',
        source: 'areas',
        filter: ['==', ['get', 'kind'], 'district'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': THEME.districtLine, 'line-width': 2 },
      },
      {
        id: 'areas-park-line',
        type: 'line',
        source: 'areas',
        filter: isPark,
        paint: { 'line-color': colourByArea(), 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
      },
      {
        id: 'areas-selected-line',
        type: 'line',
        source: 'areas',
        filter: isSel,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': THEME.selected, 'line-width': 3.5 },
      },
    ],
    labels: [
      {
        id: 'areas-label',
        type: 'symbol',
        source: 'areas-labels',
        layout: {
          'text-field': [
            'format',
            name,
            { 'font-scale': 1 },
            '\n',
            {},
            ['get', `role_${lang}`],
            { 'font-scale': 0.8 },
          ],
          'text-font': FONT_STACK,
          'text-size': ['interpolate', ['linear'], ['zoom'], 8, 14, 11, 18],
          // The role carries its own line breaks (labelLines); the map must not add any inside a word.
          'text-max-width': 40,
          'text-line-height': 1.3,
          // Park labels move beside their footprint so district names keep their place; districts win ties.
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          // Beside a firm's ring (enterprises-keepout) a district name moves off it too.
          'text-radial-offset': ['case', isPark, 1.4, 1],
          'symbol-sort-key': ['case', isPark, 1, 0],
        },
        paint: {
          'text-color': ['case', isPark, colourByArea(), THEME.text],
          'text-halo-color': THEME.halo,
          'text-halo-width': 2,
        },
      },
    ],
  };
}

/**
 * The plan's six areas: four county-level units and two parks, filled with their
 * specialisation's colour. Parks are approximate, so they get a dashed outline and an
 * "approximate" suffix on their label. A legend entry opens the area's card.
 */
export const areasLayer: LayerEntry = {
  id: 'areas',
  labelKey: 'layer.areas',
  toggle: true,
  defaultVisible: true,
  drawOrder: 30,
  style: areasStyle,
  legend: ({ data, lang }) => [
    ...data.areas.areas.map((a) => ({
      group: 'areas' as const,
      mark: a.kind === 'park' ? ('dashed' as const) : ('swatch' as const),
      colour: AREA_COLOURS[a.id],
      label: pick(lang, a.name),
      detail: pick(lang, a.role),
      selects: { kind: 'area' as const, id: a.id },
      ref: a.id,
    })),
    { group: 'other', mark: 'hollow', colour: THEME.text, label: t(lang, 'legend.approximate') },
  ],
  hit: {
    maplibre: ['areas-fill'],
    resolve: (found) => {
      // A park lies inside its district: the smaller shape under the finger wins.
      const area = pickArea(found as unknown as AreaShapeProps[]);
      return area ? { select: { kind: 'area', id: area } } : null;
    },
  },
};
