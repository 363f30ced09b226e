import type { Feature, Point } from 'geojson';
import { kmFromCentre, roundKm } from '../domain/distances';
import { formatNumber, t } from '../i18n/t';
import { GEO_COLOURS } from './geo-palette';
import { FONT_STACK, THEME } from './palette';
import type { LayerEntry, LayerInput, StylePart } from './types';

/** Where Huaibei sits: neighbouring city centres and airports, each with its straight-line distance. */
function citiesStyle({ data, lang }: Pick<LayerInput, 'data' | 'lang'>): StylePart {
  const features: Feature<Point, { kind: string; label: string }>[] = [];
  for (const f of data.places.features) {
    const { kind } = f.properties;
    if (kind !== 'city' && kind !== 'airport') continue;
    const km = kmFromCentre(data.places, f.geometry.coordinates);
    const name = lang === 'zh' ? f.properties.name_zh : f.properties.name_en;
    const label =
      km === null ? name : t(lang, 'geo.cityLabel', { name, km: formatNumber(lang, roundKm(km), 1) });
    features.push({ type: 'Feature', properties: { kind, label }, geometry: f.geometry });
  }
  return {
    sources: { 'geo-cities': { type: 'geojson', data: { type: 'FeatureCollection', features } } },
    shapes: [
      {
        id: 'cities-dot',
        type: 'circle',
        source: 'geo-cities',
        paint: {
          'circle-radius': 6,
          'circle-color': ['match', ['get', 'kind'], 'airport', GEO_COLOURS.airport, GEO_COLOURS.city],
          'circle-stroke-color': THEME.halo,
          'circle-stroke-width': 2,
        },
      },
    ],
    labels: [
      {
        id: 'cities-label',
        type: 'symbol',
        source: 'geo-cities',
        layout: {
          'text-field': ['get', 'label'],
          'text-font': FONT_STACK,
          'text-size': 13,
          'text-anchor': 'top',
          'text-offset': [0, 0.7],
          'text-justify': 'center',
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'airport', GEO_COLOURS.airport, GEO_COLOURS.city],
          'text-halo-color': THEME.halo,
          'text-halo-width': 2,
        },
      },
    ],
  };
}

/** Neighbouring cities and airports with their distance from Huaibei's centre; off at start. */
export const citiesLayer: LayerEntry = {
  id: 'cities',
  labelKey: 'layer.cities',
  toggle: true,
  defaultVisible: false,
  drawOrder: 57,
  style: citiesStyle,
  legend: ({ lang }) => [
    { group: 'other', mark: 'dot', colour: GEO_COLOURS.city, label: t(lang, 'legend.city') },
    { group: 'other', mark: 'dot', colour: GEO_COLOURS.airport, label: t(lang, 'legend.airport') },
  ],
};
