import { THEME } from './palette';
import type { LayerInput, StylePart } from './style-part';

/** Background and Huaibei's land and outline: always drawn, the frame of every view. */
export function buildBaseLayer({ data }: Pick<LayerInput, 'data'>): StylePart {
  return {
    sources: { city: { type: 'geojson', data: data.city } },
    shapes: [
      { id: 'background', type: 'background', paint: { 'background-color': THEME.background } },
      { id: 'city-land', type: 'fill', source: 'city', paint: { 'fill-color': THEME.land } },
    ],
    labels: [],
  };
}

/** The city outline goes above the area fills so the border reads clearly at every zoom. */
export function buildCityOutline(): StylePart {
  return {
    sources: {},
    shapes: [
      {
        id: 'city-outline',
        type: 'line',
        source: 'city',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': THEME.cityLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.5, 12, 3],
        },
      },
    ],
    labels: [],
  };
}
