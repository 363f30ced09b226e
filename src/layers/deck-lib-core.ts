// Loaded lazily (after the first draw, or when a deck.gl layer is first needed).
export { DataFilterExtension } from '@deck.gl/extensions';
export { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
