/** The camera in maplibre's hash terms. */
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

// A generous box around Huaibei: links and panning stay where our data is.
export const CAMERA_LIMITS = {
  minZoom: 6,
  maxZoom: 18,
  maxPitch: 60,
  bounds: { west: 114.5, south: 32.0, east: 119.0, north: 35.8 },
} as const;

/** Huaibei's bounding box (from geo/PROVENANCE.md): the default view frames it. */
export const CITY_BOUNDS: [[number, number], [number, number]] = [
  [116.388, 33.283],
  [117.045, 34.25],
];

export function cameraInLimits(c: Camera): boolean {
  const b = CAMERA_LIMITS.bounds;
  return (
    c.zoom >= CAMERA_LIMITS.minZoom &&
    c.zoom <= CAMERA_LIMITS.maxZoom &&
    c.lat >= b.south &&
    c.lat <= b.north &&
    c.lng >= b.west &&
    c.lng <= b.east &&
    c.bearing >= -180 &&
    c.bearing <= 180 &&
    c.pitch >= 0 &&
    c.pitch <= CAMERA_LIMITS.maxPitch
  );
}
