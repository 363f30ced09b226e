import { create } from 'zustand';
import type { EnteredImportReport } from '../data/entered';
import type { BundledData } from '../data/load-bundled';
import type { Confidence, Lang, Precision } from '../data/types';
import { withEntered } from '../domain/entered';
import { toggleTargetFilter } from '../domain/targets';
import type { HandoutPage, HandoutTargetList } from '../export/handout-page';
import { withImports } from '../import/merge';
import type { ImportedDataset } from '../import/pipeline';
import { availableLayers, defaultLayerIds, type LayerDef, type LayerId } from '../layers/registry';
import type { EnteredValue } from '../model/entered';
import { shareStateOfTour } from '../tour/step-view';
import type { Camera } from './camera';
import {
  type ChargingView,
  DEFAULT_CHARGING,
  type EnterpriseFilters,
  type HashKey,
  type MatchView,
  NO_FILTERS,
  NO_TARGET_FILTER,
  type Selection,
  SHARED_PANELS,
  type SharedPanel,
  type ShareState,
  type TargetFilter,
} from './url-hash';

// Build-time option (VITE_TIANDITU_TOKEN): without it the Tianditu layer is not offered at all.
export const TIANDITU_TOKEN: string = import.meta.env?.VITE_TIANDITU_TOKEN ?? '';

/** The handout being prepared or printed (nothing of it goes in a link). */
export interface HandoutState {
  status: 'idle' | 'preparing' | 'ready' | 'failed';
  /** Pages pictured so far, and how many there will be. */
  done: number;
  total: number;
  pages: HandoutPage[];
  /** The target list printed after the pages. */
  targets: HandoutTargetList | null;
}

export const NO_HANDOUT: HandoutState = { status: 'idle', done: 0, total: 0, pages: [], targets: null };

export type Panel = 'none' | 'layers' | 'search' | 'data' | SharedPanel;

/** Filter lists that a chip toggles. */
export type FilterList = 'chains' | 'areas' | 'precision' | 'confidence';
type FilterValue<K extends FilterList> = EnterpriseFilters[K][number];

export interface AppState {
  lang: Lang;
  layerDefs: LayerDef[];
  visibleLayers: LayerId[];
  selection: Selection | null;
  /** The side panel open when the selection was made, if any: another panel does not show its card. */
  selectionPanel: Panel | null;
  filters: EnterpriseFilters;
  charging: ChargingView;
  /**
   * The camera: reported by the map after each move, or set by a link. null: the default view
   * (the city, or the area a link selects), which the map frames and then reports.
   */
  camera: Camera | null;
  /** Parts of the opening link that were invalid and replaced by defaults. */
  linkRejected: HashKey[];
  /** The files shipped with the app. */
  bundled: BundledData | null;
  /** The user's imports (kept in IndexedDB), oldest first. */
  imports: ImportedDataset[];
  /** Why imports could not be read or stored (IndexedDB unavailable, quota), or null. */
  storageError: string | null;
  /** Goal values and NEV counts entered in this browser (kept in IndexedDB), oldest first. */
  entered: EnteredValue[];
  /** Why entered values could not be read or stored, or null. */
  enteredError: string | null;
  /** Saved entries that could not be read back (damaged, or of another version): not shown. */
  enteredUnreadable: number;
  /** The last CSV of entered values imported, with its problems; null once closed. */
  enteredReport: EnteredImportReport | null;
  /** A file the user picked or dropped, waiting in the import dialog. */
  importDraft: File | null;
  /** The import whose report is open, if any. */
  reportFor: string | null;
  shareOpen: boolean;
  /** Presenter mode on this step of data.tour (0-based), or null. */
  tourStep: number | null;
  /** The presenter touched the map: the tour waits until resumed. */
  tourPaused: boolean;
  /** The note saying why a tour with no usable step cannot start is open. */
  tourEmptyNoteOpen: boolean;
  /** The firm-to-park match asked for. */
  match: MatchView | null;
  /** Which lines of the target list are shown (none of the list's filter is the map's). */
  targetFilter: TargetFilter;
  /** What the app shows: the bundled data with the imports joined or in place, and the entered values. */
  data: BundledData | null;
  panel: Panel;
  /** Online basemaps that failed to load a tile while on (no network, a blocked host): the map says so. */
  basemapFailures: LayerId[];
  basemapFailed: (id: LayerId) => void;
  /** Layers the open panel turned on (the charging panel its sites): closing it turns them off again. */
  panelLayers: LayerId[];
  legendOpen: boolean;
  handout: HandoutState;

  setLang: (lang: Lang) => void;
  toggleLayer: (id: LayerId) => void;
  select: (sel: Selection | null) => void;
  /** Picks a chain segment: selects it and shows only its enterprises (null clears both). */
  focusSegment: (id: string | null) => void;
  toggleFilter: <K extends FilterList>(list: K, value: FilterValue<K>) => void;
  clearFilters: () => void;
  setCharging: (c: Partial<ChargingView>) => void;
  cameraMoved: (c: Camera) => void;
  /** Restores a whole shared view (missing keys already filled with defaults). */
  applyShared: (s: ShareState, rejected: HashKey[]) => void;
  /** The bundled files, the saved imports and entered values, all read at start: the link is checked against them. */
  dataLoaded: (d: BundledData, imports?: ImportedDataset[], entered?: EnteredValue[]) => void;
  /** Imports added or removed: the shown data follows, and a selection of a removed record is let go. */
  setImports: (imports: ImportedDataset[]) => void;
  setStorageError: (message: string | null) => void;
  /** Entered values added or removed: the goals and the vehicles-per-charger ratio follow. */
  setEntered: (entered: EnteredValue[]) => void;
  setEnteredError: (message: string | null, unreadable?: number) => void;
  setEnteredReport: (report: EnteredImportReport | null) => void;
  startImport: (file: File | null) => void;
  showReport: (importId: string | null) => void;
  setShareOpen: (open: boolean) => void;
  /** Shows a tour step: its camera (smoothly), layers, filters, selection and panel. */
  goToStep: (index: number) => void;
  endTour: () => void;
  pauseTour: () => void;
  setTourEmptyNoteOpen: (open: boolean) => void;
  setMatch: (m: MatchView | null) => void;
  toggleTargetFilter: <K extends keyof TargetFilter>(list: K, value: TargetFilter[K][number]) => void;
  clearTargetFilter: () => void;
  setPanel: (p: Panel) => void;
  toggleLegend: () => void;
  dismissLinkNotice: () => void;
  setHandout: (h: Partial<HandoutState>) => void;
}

/**
 * Ids in a link can only be checked once the data is here: drop a selection or filter that names
 * a segment, chain or enterprise the data does not have, and say so.
 */
function checkAgainstData(
  s: Pick<AppState, 'selection' | 'filters' | 'linkRejected' | 'tourStep' | 'match' | 'targetFilter'>,
  d: BundledData,
) {
  const segs = new Set(d.chain.segments.map((x) => x.id));
  const chains = new Set(d.chain.chains.map((x) => x.id));
  const firms = new Set(d.enterprises.map((e) => e.id));
  const sites = new Set(d.chargers.map((c) => c.id));
  let { selection, filters, tourStep, match, targetFilter } = s;
  const rejected = [...s.linkRejected];
  if (tourStep !== null && tourStep >= d.tour.length) {
    tourStep = null;
    if (!rejected.includes('tour')) rejected.push('tour');
  }
  if (match && !match.segments.every((m) => segs.has(m))) {
    match = null;
    if (!rejected.includes('match')) rejected.push('match');
  }
  if (
    (selection?.kind === 'segment' && !segs.has(selection.id)) ||
    (selection?.kind === 'enterprise' && !firms.has(selection.id)) ||
    (selection?.kind === 'charger' && !sites.has(selection.id))
  ) {
    selection = null;
    if (!rejected.includes('sel')) rejected.push('sel');
  }
  if ((filters.segment && !segs.has(filters.segment)) || filters.chains.some((c) => !chains.has(c))) {
    filters = NO_FILTERS;
    if (!rejected.includes('f')) rejected.push('f');
  }
  if (targetFilter.chains.some((c) => !chains.has(c))) {
    targetFilter = NO_TARGET_FILTER;
    if (!rejected.includes('targets')) rejected.push('targets');
  }
  return { selection, filters, tourStep, match, targetFilter, linkRejected: rejected };
}

/** The state a tour step asks for, applied over the current one (language kept). */
function stepState(s: AppState, index: number): Partial<AppState> {
  const steps = s.data?.tour ?? [];
  const st = shareStateOfTour(steps, index, shareStateOf(s));
  if (!st || st.tourStep === null || st.tourStep === undefined) return { tourStep: null, tourPaused: false };
  return {
    tourStep: st.tourStep,
    tourPaused: false,
    visibleLayers: st.layers as LayerId[],
    selection: st.selection,
    selectionPanel: st.panel ?? null,
    filters: st.filters,
    charging: st.charging,
    panel: (st.panel ?? 'none') as Panel,
    // The match and the target list's filter only when the step names them (tour.json's steps do not).
    ...(st.match ? { match: st.match } : {}),
    ...(st.targets ? { targetFilter: st.targets } : {}),
    // No camera here: the map flies to the step's camera and reports it when it arrives.
  };
}

export function createAppStore(tiandituToken = TIANDITU_TOKEN) {
  const layerDefs = availableLayers(tiandituToken);
  return create<AppState>()((set) => ({
    lang: 'zh',
    layerDefs,
    visibleLayers: defaultLayerIds(layerDefs),
    selection: null,
    selectionPanel: null,
    filters: NO_FILTERS,
    charging: DEFAULT_CHARGING,
    camera: null,
    linkRejected: [],
    bundled: null,
    imports: [],
    storageError: null,
    entered: [],
    enteredError: null,
    enteredUnreadable: 0,
    enteredReport: null,
    importDraft: null,
    reportFor: null,
    shareOpen: false,
    tourStep: null,
    tourPaused: false,
    tourEmptyNoteOpen: false,
    match: null,
    targetFilter: NO_TARGET_FILTER,
    data: null,
    panel: 'none',
    panelLayers: [],
    basemapFailures: [],
    legendOpen: true,
    handout: NO_HANDOUT,

    setLang: (lang) => set({ lang }),
    toggleLayer: (id) =>
      set((s) => {
        const on = s.visibleLayers.includes(id);
        // Keep registry order so the link reads the same however the layers were toggled.
        const next = s.layerDefs
          .map((l) => l.id)
          .filter((l) => (l === id ? !on : s.visibleLayers.includes(l)));
        // A layer the user toggles is the user's: the panel no longer takes it off when it closes.
        return {
          visibleLayers: next,
          panelLayers: s.panelLayers.filter((l) => l !== id),
          // Switched off or on again: the next failure, if any, is reported afresh.
          basemapFailures: s.basemapFailures.filter((l) => l !== id),
        };
      }),
    select: (selection) => set((s) => ({ selection, selectionPanel: s.panel === 'none' ? null : s.panel })),
    focusSegment: (id) =>
      set((s) => ({
        selection: id ? { kind: 'segment', id } : s.selection?.kind === 'segment' ? null : s.selection,
        filters: { ...s.filters, segment: id },
      })),
    toggleFilter: (list, value) =>
      set((s) => {
        const cur = s.filters[list] as string[];
        const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
        return { filters: { ...s.filters, [list]: next } };
      }),
    clearFilters: () => set({ filters: NO_FILTERS }),
    setCharging: (c) => set((s) => ({ charging: { ...s.charging, ...c } })),
    cameraMoved: (camera) => set({ camera }),
    applyShared: (sh, rejected) =>
      set((s) => {
        const next = {
          lang: sh.lang,
          visibleLayers: sh.layers as LayerId[],
          selection: sh.selection,
          selectionPanel: sh.panel ?? null,
          filters: sh.filters,
          charging: sh.charging,
          panel: (sh.panel ?? 'none') as Panel,
          camera: sh.camera,
          linkRejected: rejected,
          tourStep: sh.tourStep ?? null,
          tourPaused: false,
          match: sh.match ?? null,
          targetFilter: sh.targets ?? NO_TARGET_FILTER,
        };
        if (!s.data) return next;
        const checked = { ...s, ...next, ...checkAgainstData(next, s.data) };
        return checked.tourStep === null ? checked : { ...checked, ...stepState(checked, checked.tourStep) };
      }),
    dataLoaded: (bundled, imports = [], entered = []) =>
      set((s) => {
        const data = withEntered(withImports(bundled, imports), entered);
        const next = { ...s, bundled, imports, entered, data, ...checkAgainstData(s, data) };
        // A step link opens that step, whatever else the link says.
        return next.tourStep === null ? next : { ...next, ...stepState(next, next.tourStep) };
      }),
    setImports: (imports) =>
      set((s) => {
        if (!s.bundled) return { imports };
        const data = withEntered(withImports(s.bundled, imports), s.entered);
        const sel = s.selection;
        const gone =
          (sel?.kind === 'enterprise' && !data.enterprises.some((e) => e.id === sel.id)) ||
          (sel?.kind === 'charger' && !data.chargers.some((c) => c.id === sel.id));
        return { imports, data, ...(gone ? { selection: null } : {}) };
      }),
    setStorageError: (storageError) => set({ storageError }),
    setEntered: (entered) =>
      set((s) =>
        s.bundled ? { entered, data: withEntered(withImports(s.bundled, s.imports), entered) } : { entered },
      ),
    setEnteredError: (enteredError, unreadable) =>
      set(unreadable === undefined ? { enteredError } : { enteredError, enteredUnreadable: unreadable }),
    setEnteredReport: (enteredReport) => set({ enteredReport }),
    startImport: (importDraft) => set({ importDraft }),
    showReport: (reportFor) => set({ reportFor }),
    setShareOpen: (shareOpen) => set({ shareOpen }),
    goToStep: (index) => set((s) => stepState(s, index)),
    endTour: () => set({ tourStep: null, tourPaused: false }),
    pauseTour: () => set((s) => (s.tourStep === null ? {} : { tourPaused: true })),
    setTourEmptyNoteOpen: (tourEmptyNoteOpen) => set({ tourEmptyNoteOpen }),
    setMatch: (match) => set({ match }),
    toggleTargetFilter: (list, value) =>
      set((s) => ({ targetFilter: toggleTargetFilter(s.targetFilter, list, value) })),
    clearTargetFilter: () => set({ targetFilter: NO_TARGET_FILTER }),
    setPanel: (panel) => set((s) => panelChange(s, panel)),
    basemapFailed: (id) =>
      set((s) =>
        s.basemapFailures.includes(id) || !s.visibleLayers.includes(id)
          ? {}
          : { basemapFailures: [...s.basemapFailures, id] },
      ),
    toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
    dismissLinkNotice: () => set({ linkRejected: [] }),
    setHandout: (h) => set((s) => ({ handout: { ...s.handout, ...h } })),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. Tests create their own with createAppStore(). */
export const useAppStore = createAppStore();

/** The part of the state a shared link must restore. */
export function shareStateOf(s: AppState): ShareState {
  return {
    camera: s.camera,
    layers: s.visibleLayers,
    selection: s.selection,
    lang: s.lang,
    filters: s.filters,
    charging: s.charging,
    panel: (SHARED_PANELS as readonly string[]).includes(s.panel) ? (s.panel as SharedPanel) : null,
    tourStep: s.tourStep,
    match: s.match,
    targets: s.targetFilter,
  };
}

export type { Confidence, Precision };

/** Layers a panel is about, put on the map while it is open if they were off. */
const PANEL_LAYERS: Partial<Record<Panel, LayerId[]>> = { charging: ['chargers'] };

/**
 * Opening a panel turns on the layers it is about that were off; leaving it turns those off again,
 * unless the user toggled them in between. Pure, on the state's own fields.
 */
export function panelChange(
  s: Pick<AppState, 'panel' | 'panelLayers' | 'visibleLayers' | 'layerDefs' | 'selection' | 'selectionPanel'>,
  panel: Panel,
): Pick<AppState, 'panel' | 'panelLayers' | 'visibleLayers' | 'selection' | 'selectionPanel'> {
  const same = { selection: s.selection, selectionPanel: s.selectionPanel };
  if (panel === s.panel)
    return { panel, panelLayers: s.panelLayers, visibleLayers: s.visibleLayers, ...same };
  // What was picked in one side panel (a match's area row) is not shown as a card over the next one.
  const drop = panel !== 'none' && s.selectionPanel !== null && s.selectionPanel !== panel;
  const available = new Set(s.layerDefs.map((l) => l.id));
  const kept = s.visibleLayers.filter((l) => !s.panelLayers.includes(l));
  const added = (PANEL_LAYERS[panel] ?? []).filter((l) => available.has(l) && !kept.includes(l));
  const on = new Set([...kept, ...added]);
  return {
    panel,
    selection: drop ? null : s.selection,
    selectionPanel: drop ? null : s.selectionPanel,
    panelLayers: added,
    // Registry order, as toggleLayer keeps it.
    visibleLayers: s.layerDefs.map((l) => l.id).filter((l) => on.has(l)),
  };
}
