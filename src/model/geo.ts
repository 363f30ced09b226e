import * as v from 'valibot';

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Huaibei's bounding box, from the city polygon (public/geo/PROVENANCE.md §1: 116.388–117.045 E, 33.283–34.250 N). */
export const HUAIBEI_BBOX: Bbox = { west: 116.388, south: 33.283, east: 117.045, north: 34.25 };

export function withMargin(b: Bbox, deg: number): Bbox {
  return { west: b.west - deg, south: b.south - deg, east: b.east + deg, north: b.north + deg };
}

/**
 * The city box with about 10 km to spare (0.1° ≈ 9–11 km here): a point, park centre or tour view
 * outside it is a typo or another datum, not a place in Huaibei.
 */
export const HUAIBEI_NEAR: Bbox = withMargin(HUAIBEI_BBOX, 0.1);

export function inBox(b: Bbox, lng: number, lat: number): boolean {
  return lng >= b.west && lng <= b.east && lat >= b.south && lat <= b.north;
}

/** The camera in maplibre's hash terms. */
export const CameraSchema = v.object({
  zoom: v.number(),
  lat: v.number(),
  lng: v.number(),
  bearing: v.number(),
  pitch: v.number(),
});
export type Camera = v.InferOutput<typeof CameraSchema>;

// A generous box around Huaibei, well past the city: links and panning stay where our data is.
export const CAMERA_LIMITS = {
  minZoom: 6,
  maxZoom: 18,
  maxPitch: 60,
  bounds: { west: 114.5, south: 32.0, east: 119.0, north: 35.8 } satisfies Bbox,
} as const;

export function cameraInLimits(c: Camera): boolean {
  return (
    c.zoom >= CAMERA_LIMITS.minZoom &&
    c.zoom <= CAMERA_LIMITS.maxZoom &&
    inBox(CAMERA_LIMITS.bounds, c.lng, c.lat) &&
    c.bearing >= -180 &&
    c.bearing <= 180 &&
    c.pitch >= 0 &&
    c.pitch <= CAMERA_LIMITS.maxPitch
  );
}
