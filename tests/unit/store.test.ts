import { describe, expect, it } from 'vitest';
import { createAppStore, shareStateOf } from '../../src/state/store';

describe('the app store', () => {
  it('starts with the registry defaults and Chinese', () => {
    const s = createAppStore('').getState();
    expect(s.lang).toBe('zh');
    expect(s.visibleLayers).toEqual(['areas', 'townships', 'neighbours']);
    expect(s.layerDefs.map((l) => l.id)).not.toContain('tianditu');
  });

  it('offers Tianditu when built with a token', () => {
    expect(
      createAppStore('tok')
        .getState()
        .layerDefs.map((l) => l.id),
    ).toContain('tianditu');
  });

  it('keeps registry order however layers are toggled, so links read the same', () => {
    const store = createAppStore('');
    store.getState().toggleLayer('areas');
    store.getState().toggleLayer('transport');
    store.getState().toggleLayer('areas');
    expect(store.getState().visibleLayers).toEqual(['areas', 'townships', 'transport', 'neighbours']);
  });

  it('restores a shared view whole, including a camera request for the map', () => {
    const store = createAppStore('');
    const seq = store.getState().cameraRequest.seq;
    const camera = { zoom: 10, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 };
    store
      .getState()
      .applyShared({ camera, layers: ['areas'], selection: { kind: 'area', id: 'duji' }, lang: 'en' }, [
        'sel',
      ]);
    const s = store.getState();
    expect(shareStateOf(s)).toEqual({
      camera,
      layers: ['areas'],
      selection: { kind: 'area', id: 'duji' },
      lang: 'en',
    });
    expect(s.cameraRequest).toEqual({ camera, focus: null, seq: seq + 1 });
    expect(s.linkRejected).toEqual(['sel']);
  });

  it('frames the selected area when a link selects one but names no camera', () => {
    const store = createAppStore('');
    store
      .getState()
      .applyShared(
        { camera: null, layers: ['areas'], selection: { kind: 'area', id: 'linhuan' }, lang: 'zh' },
        [],
      );
    expect(store.getState().cameraRequest.focus).toBe('linhuan');
    store.getState().requestCamera(null);
    expect(store.getState().cameraRequest.focus).toBeNull();
  });
});
