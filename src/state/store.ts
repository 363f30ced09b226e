import { create } from 'zustand';
import type { BundledData } from '../data/load-bundled';
import type { AreaId, Lang } from '../data/types';
import { availableLayers, defaultLayerIds, type LayerDef, type LayerId } from '../layers/registry';
import type { Camera } from './camera';
import type { HashKey, Selection, ShareState } from './url-hash';

// Build-time option (VITE_TIANDITU_TOKEN): without it the Tianditu layer is not offered at all.
export const TIANDITU_TOKEN: string = import.meta.env?.VITE_TIANDITU_TOKEN ?? '';

export interface CameraRequest {
  /** null: frame the whole city (the default view), or the focus area when there is one. */
  camera: Camera | null;
  /** A link that selects an area but names no camera frames that area. */
  focus: AreaId | null;
  seq: number;
}

export interface AppState {
  lang: Lang;
  layerDefs: LayerDef[];
  visibleLayers: LayerId[];
  selection: Selection | null;
  /** Last camera reported by the map (after a move ends). */
  camera: Camera | null;
  /** A camera change asked of the map by a link, the reset button or (later) the tour. */
  cameraRequest: CameraRequest;
  /** Parts of the opening link that were invalid and replaced by defaults. */
  linkRejected: HashKey[];
  data: BundledData | null;
  panel: 'none' | 'layers' | 'issues';
  legendOpen: boolean;

  setLang: (lang: Lang) => void;
  toggleLayer: (id: LayerId) => void;
  select: (sel: Selection | null) => void;
  cameraMoved: (c: Camera) => void;
  requestCamera: (c: Camera | null) => void;
  /** Restores a whole shared view (missing keys already filled with defaults). */
  applyShared: (s: ShareState, rejected: HashKey[]) => void;
  dataLoaded: (d: BundledData) => void;
  setPanel: (p: AppState['panel']) => void;
  toggleLegend: () => void;
  dismissLinkNotice: () => void;
}

export function createAppStore(tiandituToken = TIANDITU_TOKEN) {
  const layerDefs = availableLayers(tiandituToken);
  return create<AppState>()((set) => ({
    lang: 'zh',
    layerDefs,
    visibleLayers: defaultLayerIds(layerDefs),
    selection: null,
    camera: null,
    cameraRequest: { camera: null, focus: null, seq: 0 },
    linkRejected: [],
    data: null,
    panel: 'none',
    legendOpen: true,

    setLang: (lang) => set({ lang }),
    toggleLayer: (id) =>
      set((s) => {
        const on = s.visibleLayers.includes(id);
        // Keep registry order so the link reads the same however the layers were toggled.
        const next = s.layerDefs
          .map((l) => l.id)
          .filter((l) => (l === id ? !on : s.visibleLayers.includes(l)));
        return { visibleLayers: next };
      }),
    select: (selection) => set({ selection }),
    cameraMoved: (camera) => set({ camera }),
    requestCamera: (camera) =>
      set((s) => ({ camera, cameraRequest: { camera, focus: null, seq: s.cameraRequest.seq + 1 } })),
    applyShared: (sh, rejected) =>
      set((s) => ({
        lang: sh.lang,
        visibleLayers: sh.layers as LayerId[],
        selection: sh.selection,
        camera: sh.camera,
        cameraRequest: {
          camera: sh.camera,
          focus: sh.camera === null && sh.selection?.kind === 'area' ? sh.selection.id : null,
          seq: s.cameraRequest.seq + 1,
        },
        linkRejected: rejected,
      })),
    dataLoaded: (data) => set({ data }),
    setPanel: (panel) => set({ panel }),
    toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
    dismissLinkNotice: () => set({ linkRejected: [] }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. Tests create their own with createAppStore(). */
export const useAppStore = createAppStore();

/** The part of the state a shared link must restore. */
export function shareStateOf(s: AppState): ShareState {
  return { camera: s.camera, layers: s.visibleLayers, selection: s.selection, lang: s.lang };
}
