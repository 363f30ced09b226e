import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { isArea, measurePolygon } from '../domain/measure';
import type { LayerEntry, LayerInput, StylePart } from './types';

/** The tool's ink: a dark blue that reads over every area fill and over a basemap. */
export const MEASURE_COLOUR = '#0b4f8a';
/** A handle's radius in pixels: 22 px, so each point is a 44 px target for a finger. */
export const HANDLE_RADIUS_PX = 22;

function measureFeatures(input: Pick<LayerInput, 'measure'>): FeatureCollection {
  const m = input.measure;
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  if (!m) return { type: 'FeatureCollection', features };
  const poly = measurePolygon(m);
  if (poly) features.push({ ...poly, properties: { role: 'area' } });
  else if (m.points.length >= 2)
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: m.points },
      properties: { role: 'line' },
    });
  m.points.forEach((p, i) => {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: p },
      // The first point closes the shape once there are three: drawn apart so a finger finds it.
      properties: { role: 'handle', i, first: i === 0 && m.points.length >= 3 && !isArea(m) },
    });
  });
  return { type: 'FeatureCollection', features };
}

function measureStyle(input: LayerInput): StylePart {
  return {
    sources: { measure: { type: 'geojson', data: measureFeatures(input) } },
    shapes: [
      {
        id: 'measure-fill',
        type: 'fill',
        source: 'measure',
        filter: ['==', ['get', 'role'], 'area'],
        paint: { 'fill-color': MEASURE_COLOUR, 'fill-opacity': 0.12 },
      },
      {
        id: 'measure-line',
        type: 'line',
        source: 'measure',
        filter: ['in', ['get', 'role'], ['literal', ['line', 'area']]],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': MEASURE_COLOUR, 'line-width': 3 },
      },
      {
        // The 44 px target, drawn as a pale ring so the finger's target is the visible one.
        id: 'measure-handle',
        type: 'circle',
        source: 'measure',
        filter: ['==', ['get', 'role'], 'handle'],
        paint: {
          'circle-radius': HANDLE_RADIUS_PX,
          'circle-color': ['case', ['get', 'first'], '#ffd43b', '#ffffff'],
          'circle-opacity': 0.55,
          'circle-stroke-color': MEASURE_COLOUR,
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'measure-dot',
        type: 'circle',
        source: 'measure',
        filter: ['==', ['get', 'role'], 'handle'],
        paint: { 'circle-radius': 5, 'circle-color': MEASURE_COLOUR },
      },
    ],
    // Only symbols go above the deck.gl anchor; the handles are the top shapes (firms' dots may
    // cover one, but a tap while measuring goes to the tool, whatever is under it).
    labels: [],
  };
}

/** The measuring tool's line or shape and its handles: always drawn (empty while the tool is off), above every layer. */
export const measureLayer: LayerEntry = {
  id: 'measure',
  toggle: false,
  defaultVisible: true,
  drawOrder: 95,
  style: measureStyle,
};
