import { describe, expect, it } from 'vitest';
import { sameCamera } from '../../src/ui/map-camera';

const CAM = { zoom: 10, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 };

describe('camera moves as calls on the map', () => {
  it('tells a camera the link cannot tell apart from the map’s own, and one it can', () => {
    expect(sameCamera(CAM, { ...CAM, lat: CAM.lat + 1e-6 })).toBe(true);
    expect(sameCamera(CAM, { ...CAM, lat: CAM.lat + 0.01 })).toBe(false);
    expect(sameCamera(CAM, { ...CAM, zoom: 10.5 })).toBe(false);
    expect(sameCamera(CAM, { ...CAM, bearing: 30 })).toBe(false);
  });
});
