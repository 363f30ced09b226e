import { ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Point } from 'geojson';
import type { TransportProps } from '../data/types';
import { hexToRgb, THEME } from './palette';

type TransportFeature = Feature<Point, TransportProps>;

const JUNCTION = hexToRgb(THEME.junction);
const SERVICE = hexToRgb(THEME.serviceArea);

/**
 * Motorway junctions and service areas (OSM). Drawn by deck.gl, which is loaded only when this
 * layer is first switched on, so it costs nothing on the default map.
 */
export function buildTransportLayer(features: readonly TransportFeature[], beforeId: string) {
  return new ScatterplotLayer<TransportFeature>({
    id: 'transport',
    data: features,
    getPosition: (f) => f.geometry.coordinates as [number, number],
    getFillColor: (f) => (f.properties.kind === 'motorway_service_area' ? SERVICE : JUNCTION),
    getLineColor: [255, 255, 255],
    getRadius: 300,
    radiusUnits: 'meters',
    radiusMinPixels: 4,
    radiusMaxPixels: 12,
    stroked: true,
    lineWidthMinPixels: 1.5,
    // beforeId is honoured by the interleaved MapLibreOverlay but missing from the prop types.
    ...({ beforeId } as object),
  });
}
