import { t } from '../i18n/t';
import { THEME } from './palette';
import type { LayerEntry } from './types';

/**
 * Motorway junctions and service areas (OSM): dots drawn by maplibre, so this layer needs no
 * deck.gl. Sized in pixels with a floor, so they stay visible from the city view to street level.
 */
export const transportLayer: LayerEntry = {
  id: 'transport',
  labelKey: 'layer.transport',
  toggle: true,
  defaultVisible: false,
  drawOrder: 55,
  style: ({ data }) => ({
    sources: { transport: { type: 'geojson', data: data.transport } },
    shapes: [
      {
        id: 'transport-dot',
        type: 'circle',
        source: 'transport',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 12, 7, 15, 12],
          'circle-color': [
            'match',
            ['get', 'kind'],
            'motorway_service_area',
            THEME.serviceArea,
            THEME.junction,
          ],
          'circle-stroke-color': THEME.halo,
          'circle-stroke-width': 1.5,
        },
      },
    ],
    labels: [],
  }),
  legend: ({ lang }) => [
    { group: 'other', mark: 'dot', colour: THEME.junction, label: t(lang, 'legend.junction') },
    { group: 'other', mark: 'dot', colour: THEME.serviceArea, label: t(lang, 'legend.serviceArea') },
  ],
};
