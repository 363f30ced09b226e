import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MlMap } from 'maplibre-gl';
import { FIRST_LABEL_LAYER } from '../layers/style';
import { buildTransportLayer } from '../layers/transport-layer';
import type { AppState } from '../state/store';

export interface DeckLayers {
  update: (s: AppState) => void;
  remove: () => void;
}

/** The deck.gl overlay, interleaved with maplibre so deck layers sit below the labels. */
export function createDeckLayers(map: MlMap): DeckLayers {
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  let lastFeatures: unknown = null;
  let layer: ReturnType<typeof buildTransportLayer> | null = null;
  return {
    update(s) {
      const features = s.data?.transport.features ?? [];
      // Same data array → same layer instance, so deck.gl does not rebuild its buffers.
      if (features !== lastFeatures) {
        layer = buildTransportLayer(features, FIRST_LABEL_LAYER);
        lastFeatures = features;
      }
      overlay.setProps({ layers: s.visibleLayers.includes('transport') && layer ? [layer] : [] });
    },
    remove() {
      map.removeControl(overlay);
    },
  };
}
