import { HUAIBEI_BBOX } from '../model';

export { CAMERA_LIMITS, type Camera, cameraInLimits } from '../model';

/** Huaibei's bounding box (model's HUAIBEI_BBOX, from geo/PROVENANCE.md): the default view frames it. */
export const CITY_BOUNDS: [[number, number], [number, number]] = [
  [HUAIBEI_BBOX.west, HUAIBEI_BBOX.south],
  [HUAIBEI_BBOX.east, HUAIBEI_BBOX.north],
];
