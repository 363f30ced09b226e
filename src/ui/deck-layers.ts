import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MlMap } from 'maplibre-gl';
import type { EnterprisePoint } from '../layers/enterprise-points';
import { buildEnterprisesLayer } from '../layers/enterprises-layer';
import { DENSITY_MAX_ZOOM } from '../layers/registry';
import { FIRST_LABEL_LAYER } from '../layers/style';
import { buildTransportLayer } from '../layers/transport-layer';
import {
  selectChargersAsOf,
  selectCoverage,
  selectEnterpriseById,
  selectEnterprisePoints,
  selectFilterCategories,
} from '../state/selectors';
import type { AppState } from '../state/store';

export interface DeckLayers {
  update: (s: AppState) => void;
  /** Keys of the distinct enterprises under a screen point (with a finger's slop), nearest first. */
  pickEnterprises: (x: number, y: number) => string[];
  /** The charging site under a screen point, if any. */
  pickCharger: (x: number, y: number) => string | null;
  remove: () => void;
}

// A fingertip covers about 10 px around the tap point.
const PICK_RADIUS_PX = 10;

/** The deck.gl overlay, interleaved with maplibre so deck layers sit below the labels. */
export function createDeckLayers(map: MlMap): DeckLayers {
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  // The charging layers (with deck's aggregation code) are off by default: their chunk loads when first shown.
  let charging: typeof import('../layers/chargers-layer') | null = null;
  let chargingLoading = false;
  let latest: AppState | null = null;
  let removed = false;
  let transportData: unknown = null;
  let transport: ReturnType<typeof buildTransportLayer> | null = null;
  const api: DeckLayers = {
    update(s) {
      latest = s;
      const layers = [];
      const wantsCharging = s.visibleLayers.includes('chargers') || s.visibleLayers.includes('coverage');
      if (wantsCharging && !charging && !chargingLoading) {
        chargingLoading = true;
        void import('../layers/chargers-layer').then((mod) => {
          charging = mod;
          if (!removed && latest) api.update(latest);
        });
      }
      if (s.data && s.visibleLayers.includes('transport')) {
        // Same data array → same layer instance, so deck.gl does not rebuild its buffers.
        if (s.data.transport.features !== transportData) {
          transport = buildTransportLayer(s.data.transport.features, FIRST_LABEL_LAYER);
          transportData = s.data.transport.features;
        }
        if (transport) layers.push(transport);
      }
      if (charging && s.data && s.visibleLayers.includes('coverage')) {
        const cov = selectCoverage(s.data, s.charging.asOfYear, s.charging.coverKm);
        layers.push(charging.buildCoverageLayer(cov, FIRST_LABEL_LAYER));
      }
      if (charging && s.data && s.visibleLayers.includes('chargers')) {
        // Zoom decides density or sites; before the first move the city view is a density view.
        const zoom = s.camera?.zoom ?? DENSITY_MAX_ZOOM - 1;
        const sites = selectChargersAsOf(s.data, s.charging.asOfYear);
        layers.push(charging.buildChargersLayer(sites, zoom, FIRST_LABEL_LAYER));
      }
      if (s.data && s.visibleLayers.includes('enterprises')) {
        const points = selectEnterprisePoints(s.data);
        const sel =
          s.selection?.kind === 'enterprise' ? selectEnterpriseById(s.data).get(s.selection.id) : undefined;
        layers.push(
          buildEnterprisesLayer({
            points,
            categories: selectFilterCategories(s.data, s.filters),
            selectedIndex: sel ? points.findIndex((p: EnterprisePoint) => p.key === sel.key) : -1,
            beforeId: FIRST_LABEL_LAYER,
          }),
        );
      }
      overlay.setProps({ layers });
    },
    pickEnterprises(x, y) {
      const infos = overlay.pickMultipleObjects({
        x,
        y,
        radius: PICK_RADIUS_PX,
        layerIds: ['enterprises'],
        depth: 20,
      });
      return [...new Set(infos.map((i) => (i.object as EnterprisePoint).key))];
    },
    pickCharger(x, y) {
      const info = overlay.pickObject({ x, y, radius: PICK_RADIUS_PX, layerIds: ['chargers'] });
      return (info?.object as { id?: string } | undefined)?.id ?? null;
    },
    remove() {
      removed = true;
      map.removeControl(overlay);
    },
  };
  return api;
}
