import { create } from 'zustand';
import type { BasemapRefusal, OwnBasemap } from '../basemap/basemap-db';
import type { EnteredImportReport } from '../data/entered';
import type { BundledData } from '../data/load-bundled';
import type { Confidence, DataIssue, Lang, Precision } from '../data/types';
import { replaceEntries } from '../domain/entered';
import {
  closeMeasurement,
  type Measurement,
  moveMeasurementPoint,
  tapMeasurement,
  undoMeasurement,
} from '../domain/measure';
import { toggleTargetFilter } from '../domain/targets';
import type { HandoutPage, HandoutTargetList } from '../export/handout-page';
import type { ImportedDataset } from '../import/pipeline';
import type { StorageProblem } from '../import/storage';
import { availableLayers, defaultLayerIds, type LayerDef, type LayerId } from '../layers/registry';
import type { Bilingual } from '../model/common';
import type { EnteredValue } from '../model/entered';
import {
  addStep,
  type Briefing,
  briefingOfJson,
  briefingOfText,
  freeStepId,
  newBriefing,
  type PlayStep,
  playableSteps,
  stepOfView,
} from '../tour/briefing';
import { decodeBriefing } from '../tour/briefing-link';
import { clampIndex } from '../tour/navigation';
import { shareStateOfTour } from '../tour/step-view';
import { type TourContext, type TourStep, tourContextOf } from '../tour/steps';
import type { Camera } from './camera';
import { shownData, withSavedImports } from './shown-data';
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

export type Panel = 'none' | 'layers' | 'search' | 'data' | 'health' | 'briefing' | SharedPanel;

/** A document over the whole app, to read and print: one import's change list, or the periodic report. */
export type DocView = { kind: 'changes'; importId: string } | { kind: 'report'; since: string };
/** Every panel but the layer list stands in the side column (a bottom sheet in portrait). */
export type SidePanel = Exclude<Panel, 'none' | 'layers'>;
export const isSidePanel = (p: Panel): p is SidePanel => p !== 'none' && p !== 'layers';

/** What the briefing panel says about the last import, link or save. */
export type BriefingNotice =
  | { kind: 'imported'; title: Bilingual; n: number; issues: DataIssue[] }
  | { kind: 'importFailed'; file: string; issues: DataIssue[] }
  | { kind: 'linkBroken'; issues: DataIssue[] }
  | { kind: 'added'; n: number; title: Bilingual; panel: SharedPanel | null }
  | { kind: 'noCamera' }
  | { kind: 'full' };

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
  /** The map has drawn its first view with the data (or cannot draw at all): what can wait, waits for it. */
  firstDrawn: boolean;
  /** The user's imports (kept in IndexedDB), oldest first. */
  imports: ImportedDataset[];
  /**
   * The imports saved in this browser: still being read at start (the bundled map is shown
   * meanwhile), not answered in time (they join if they ever arrive), or read (or failed to be).
   */
  savedImports: 'reading' | 'unanswered' | 'read';
  /** Why imports could not be read or stored (IndexedDB unavailable or silent, quota), or null. */
  storageError: StorageProblem | null;
  /** Imports being written to storage: their report says so, and that a reload would lose them. */
  savingImports: string[];
  /** Goal values and NEV counts entered in this browser (kept in IndexedDB), oldest first. */
  entered: EnteredValue[];
  /** Why entered values could not be read or stored, or null. */
  enteredError: StorageProblem | null;
  /** Saved entries that could not be read back (damaged, or of another version): not shown. */
  enteredUnreadable: number;
  /** The last CSV of entered values imported, with its problems; null once closed. */
  enteredReport: EnteredImportReport | null;
  /** A file the user picked or dropped, waiting in the import dialog. */
  importDraft: File | null;
  /** The import whose report is open, if any. */
  reportFor: string | null;
  /** The document open over the app (not in a link: it is read or printed, then closed). */
  doc: DocView | null;
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
  /** The officer's briefings kept in this browser (briefing-sync.ts keeps them in IndexedDB), oldest first. */
  briefings: Briefing[];
  /** The briefing open in the briefing panel (one of `briefings`, or `linkBriefing`), or null. */
  briefingId: string | null;
  /** A briefing opened from a link and not (yet) kept in this browser. */
  linkBriefing: Briefing | null;
  /** A link's `brief=` value, waiting for the data to check it against. */
  briefLink: string | null;
  /** The briefing being played (its steps in playSteps), or null: the tour, if any, is data.tour. */
  playing: string | null;
  /** The steps the player turns when a briefing plays: its cards and steps. */
  playSteps: PlayStep[] | null;
  briefingNotice: BriefingNotice | null;
  /** Why briefings could not be kept in this browser, or null. */
  briefingError: StorageProblem | null;
  /** The view when the briefing panel was opened: the panel and selection a new step keeps. */
  briefingBase: ShareState | null;
  /** The measuring tool: on (its points, maybe none yet) or off (null). A map tap adds a point while it is on. */
  measure: Measurement | null;
  /** The centre's own basemap file (kept in this browser or shipped), or null. */
  ownBasemap: OwnBasemap | null;
  /** Why the last file offered as a basemap was refused (nothing changed), or null. */
  basemapRefusal: BasemapRefusal | null;

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
  /**
   * The bundled files are here: the map shows them, with the imports and entered values given (or
   * those already read), and the link is checked against them. While the saved imports are still
   * being read, a link's selection of a firm or site the bundled data lacks waits for them.
   */
  dataLoaded: (d: BundledData, imports?: ImportedDataset[], entered?: EnteredValue[]) => void;
  setFirstDrawn: () => void;
  /** The saved imports are being read (at start): the map does not wait for them. */
  savedImportsReading: () => void;
  /**
   * The saved imports arrived (or could not be read: none, and why): they join the data and the
   * imports made meanwhile, and a link's selection that waited for them is restored or said to be gone.
   */
  savedImportsLoaded: (imports: ImportedDataset[], problem?: StorageProblem | null) => void;
  /** The storage did not answer in time: said so, and the link's waiting selection is let go. */
  savedImportsUnanswered: () => void;
  /** Imports added or removed: the shown data follows, and a selection of a removed record is let go. */
  setImports: (imports: ImportedDataset[]) => void;
  setStorageError: (problem: StorageProblem | null) => void;
  /** An import's save started (true) or ended, however it ended. */
  setSaving: (importId: string, saving: boolean) => void;
  /** Entered values added or removed: the goals and the vehicles-per-charger ratio follow. */
  setEntered: (entered: EnteredValue[]) => void;
  /** The saved entered values arrived: they join those entered meanwhile (which win for the same key). */
  enteredLoaded: (entered: EnteredValue[], unreadable: number) => void;
  setEnteredError: (problem: StorageProblem | null, unreadable?: number) => void;
  setEnteredReport: (report: EnteredImportReport | null) => void;
  startImport: (file: File | null) => void;
  showReport: (importId: string | null) => void;
  openDoc: (doc: DocView | null) => void;
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
  /** The briefings read back from this browser at start (already checked against the data). */
  briefingsLoaded: (briefings: Briefing[]) => void;
  openBriefing: (id: string | null) => void;
  newBriefing: () => void;
  /** Any change to one briefing (its name, cards, steps): a playing briefing plays the new steps. */
  updateBriefing: (id: string, change: (b: Briefing) => Briefing) => void;
  deleteBriefing: (id: string) => void;
  /** The current view as a new step of the open briefing (a new briefing if none is open). */
  addViewToBriefing: (title: Bilingual, text: Bilingual) => void;
  /** A tour file picked by the officer: its usable steps become a new briefing, skipped ones are said. */
  importBriefing: (text: string, fileName: string) => void;
  /** A link's `brief=` value: opened once the data is there. */
  briefLinkOpened: (value: string) => void;
  keepLinkBriefing: () => void;
  /** Plays a briefing with the tour's player: from its start (title card included), or from step `from` (0-based, cards not counted). */
  playBriefing: (id: string, from?: number) => void;
  setBriefingNotice: (n: BriefingNotice | null) => void;
  setBriefingError: (problem: StorageProblem | null) => void;
  /** Turns the measuring tool on, with no points yet. */
  startMeasure: () => void;
  /** A tap on the map while measuring: a new point, or (on the first point, three or more) the shape closed. */
  measureTap: (at: [number, number], onFirst: boolean) => void;
  /** A handle dragged: point `i` moves there. */
  moveMeasurePoint: (i: number, to: [number, number]) => void;
  /** Closes the line into an area (three points or more). */
  closeMeasure: () => void;
  /** Takes back the last step: the closing, else the last point. */
  undoMeasure: () => void;
  /** Clears the measurement and turns the tool off. */
  clearMeasure: () => void;
  /** A basemap file read or kept (shown at once when `show`), or removed (null: its layer goes off). */
  setOwnBasemap: (b: OwnBasemap | null, show: boolean) => void;
  setBasemapRefusal: (r: BasemapRefusal | null) => void;
}

/** The steps the player turns: the playing briefing's, else the default tour's. */
export function activeTour(s: Pick<AppState, 'playSteps' | 'data'>): readonly PlayStep[] {
  return s.playSteps ?? s.data?.tour ?? [];
}

const briefingCtx = (s: Pick<AppState, 'data' | 'layerDefs'>): TourContext | null =>
  s.data ? tourContextOf(s.data, s.layerDefs) : null;

let briefingSeq = 0;
/** A key for a new briefing in this browser. */
export const newBriefingId = () =>
  `b-${Date.now().toString(36)}-${(briefingSeq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const titleOfFile = (file: string): Bilingual => {
  const name = file.replace(/\.json$/i, '').trim() || file;
  return { zh: name, en: name };
};

/** A link's briefing read against the data: shown in the briefing panel, or said to be broken. */
function openLinkBriefing(s: AppState, value: string): Partial<AppState> {
  const ctx = briefingCtx(s);
  // Its steps may show imported firms: checked once the saved imports are here.
  if (!ctx || s.savedImports === 'reading') return { briefLink: value };
  const id = newBriefingId();
  const json = decodeBriefing(value);
  const r =
    json === null
      ? { briefing: null, issues: [] }
      : briefingOfJson(json, 'brief=', id, ctx, { zh: 'brief', en: 'brief' });
  const panel = { ...panelChange(s, 'briefing'), briefingBase: shareStateOf(s) };
  if (!r.briefing)
    return { ...panel, briefLink: null, briefingNotice: { kind: 'linkBroken', issues: r.issues } };
  return {
    ...panel,
    briefLink: null,
    linkBriefing: r.briefing,
    briefingId: r.briefing.id,
    briefingNotice: r.issues.some((i) => i.severity === 'error')
      ? { kind: 'imported', title: r.briefing.title, n: r.briefing.steps.length, issues: r.issues }
      : null,
  };
}

function findBriefing(s: Pick<AppState, 'briefings' | 'linkBriefing'>, id: string | null): Briefing | null {
  if (id === null) return null;
  return s.briefings.find((b) => b.id === id) ?? (s.linkBriefing?.id === id ? s.linkBriefing : null);
}

/**
 * Ids in a link can only be checked once the data is here: drop a selection or filter that names
 * a segment, chain or enterprise the data does not have, and say so. `holdRecords`: the saved
 * imports are still being read, so a firm or site not (yet) in the data is kept selected for now.
 */
function checkAgainstData(
  s: Pick<AppState, 'selection' | 'filters' | 'linkRejected' | 'tourStep' | 'match' | 'targetFilter'>,
  d: BundledData,
  holdRecords = false,
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
    (!holdRecords && selection?.kind === 'enterprise' && !firms.has(selection.id)) ||
    (!holdRecords && selection?.kind === 'charger' && !sites.has(selection.id))
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

/**
 * The saved imports are in, or will not come in time: the data follows, a link's selection that
 * waited for them is checked now, and a link's briefing (its steps may show imported firms) opens.
 */
function settleSaved(
  s: AppState,
  change: Partial<AppState> & Pick<AppState, 'savedImports' | 'storageError'>,
): Partial<AppState> {
  const imports = change.imports ?? s.imports;
  if (!s.bundled) return change;
  const data = imports === s.imports ? s.data : shownData(s.bundled, imports, s.entered);
  if (!data) return change;
  const next: AppState = { ...s, ...change, data };
  // Only the waiting selection is checked again: the rest of the link was checked with the bundled data.
  const sel = s.savedImports === 'reading' ? checkAgainstData(next, data) : null;
  const checked: AppState = sel
    ? { ...next, selection: sel.selection, linkRejected: sel.linkRejected }
    : next;
  const gone = sel ? {} : droppedSelection(checked, data);
  const shown = { ...checked, ...gone };
  return shown.briefLink === null ? shown : { ...shown, ...openLinkBriefing(shown, shown.briefLink) };
}

/** A selected firm or site that the data no longer has is let go. */
function droppedSelection(s: Pick<AppState, 'selection'>, data: BundledData): Partial<AppState> {
  const sel = s.selection;
  const gone =
    (sel?.kind === 'enterprise' && !data.enterprises.some((e) => e.id === sel.id)) ||
    (sel?.kind === 'charger' && !data.chargers.some((c) => c.id === sel.id));
  return gone ? { selection: null } : {};
}

/** A step's layers, with the own basemap kept on if it is (registry order). */
function keepOwnBasemap(s: Pick<AppState, 'visibleLayers' | 'layerDefs'>, layers: LayerId[]): LayerId[] {
  if (!s.visibleLayers.includes('basemap') || layers.includes('basemap')) return layers;
  return s.layerDefs.map((l) => l.id).filter((l) => l === 'basemap' || layers.includes(l));
}

/** The state a tour step asks for, applied over the current one (language kept). */
function stepState(s: AppState, index: number): Partial<AppState> {
  const st = shareStateOfTour(activeTour(s) as TourStep[], index, shareStateOf(s));
  if (!st || st.tourStep === null || st.tourStep === undefined)
    return { tourStep: null, tourPaused: false, playing: null, playSteps: null };
  return {
    tourStep: st.tourStep,
    tourPaused: false,
    // The centre's own basemap stays under every step: it is this browser's, not the tour's.
    visibleLayers: keepOwnBasemap(s, st.layers as LayerId[]),
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
    firstDrawn: false,
    imports: [],
    savedImports: 'read',
    storageError: null,
    savingImports: [],
    entered: [],
    enteredError: null,
    enteredUnreadable: 0,
    enteredReport: null,
    importDraft: null,
    reportFor: null,
    doc: null,
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
    briefings: [],
    briefingId: null,
    linkBriefing: null,
    briefLink: null,
    playing: null,
    playSteps: null,
    briefingNotice: null,
    briefingError: null,
    briefingBase: null,
    measure: null,
    ownBasemap: null,
    basemapRefusal: null,

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
          // A link plays the default tour, or nothing.
          playing: null,
          playSteps: null,
          match: sh.match ?? null,
          targetFilter: sh.targets ?? NO_TARGET_FILTER,
          measure: sh.measure ?? null,
        };
        if (!s.data) return next;
        const checked = { ...s, ...next, ...checkAgainstData(next, s.data, s.savedImports === 'reading') };
        return checked.tourStep === null ? checked : { ...checked, ...stepState(checked, checked.tourStep) };
      }),
    dataLoaded: (bundled, imports, entered) =>
      set((s) => {
        const withSaved = { imports: imports ?? s.imports, entered: entered ?? s.entered };
        const data = shownData(bundled, withSaved.imports, withSaved.entered);
        const held = s.savedImports === 'reading';
        const next = { ...s, ...withSaved, bundled, data, ...checkAgainstData(s, data, held) };
        // A step link opens that step, whatever else the link says.
        const shown = next.tourStep === null ? next : { ...next, ...stepState(next, next.tourStep) };
        return shown.briefLink === null ? shown : { ...shown, ...openLinkBriefing(shown, shown.briefLink) };
      }),
    setFirstDrawn: () => set((s) => (s.firstDrawn ? {} : { firstDrawn: true })),
    savedImportsReading: () => set({ savedImports: 'reading' }),
    savedImportsLoaded: (saved, problem = null) =>
      set((s) => {
        const imports = withSavedImports(saved, s.imports);
        const silent = s.storageError?.op === 'read' && s.storageError.reason === 'timeout';
        const storageError = problem ?? (silent ? null : s.storageError);
        return settleSaved(s, { imports, savedImports: 'read', storageError });
      }),
    savedImportsUnanswered: () =>
      set((s) =>
        s.savedImports === 'reading'
          ? settleSaved(s, {
              savedImports: 'unanswered',
              storageError: { op: 'read', reason: 'timeout', detail: '' },
            })
          : {},
      ),
    setImports: (imports) =>
      set((s) => {
        if (!s.bundled) return { imports };
        const data = shownData(s.bundled, imports, s.entered);
        // A link's selection waiting for the saved imports is not let go before they are in.
        return { imports, data, ...(s.savedImports === 'reading' ? {} : droppedSelection(s, data)) };
      }),
    setStorageError: (storageError) => set({ storageError }),
    setSaving: (id, saving) =>
      set((s) => ({ savingImports: [...s.savingImports.filter((x) => x !== id), ...(saving ? [id] : [])] })),
    setEntered: (entered) =>
      set((s) => (s.bundled ? { entered, data: shownData(s.bundled, s.imports, entered) } : { entered })),
    enteredLoaded: (saved, unreadable) =>
      set((s) => {
        const entered = replaceEntries(saved, s.entered);
        const silent = s.enteredError?.op === 'read' && s.enteredError.reason === 'timeout';
        return {
          entered,
          enteredUnreadable: unreadable,
          ...(silent ? { enteredError: null } : {}),
          ...(s.bundled ? { data: shownData(s.bundled, s.imports, entered) } : {}),
        };
      }),
    setEnteredError: (enteredError, unreadable) =>
      set(unreadable === undefined ? { enteredError } : { enteredError, enteredUnreadable: unreadable }),
    setEnteredReport: (enteredReport) => set({ enteredReport }),
    startImport: (importDraft) => set({ importDraft }),
    showReport: (reportFor) => set({ reportFor }),
    openDoc: (doc) => set({ doc }),
    setShareOpen: (shareOpen) => set({ shareOpen }),
    goToStep: (index) => set((s) => stepState(s, index)),
    endTour: () => set({ tourStep: null, tourPaused: false, playing: null, playSteps: null }),
    pauseTour: () => set((s) => (s.tourStep === null ? {} : { tourPaused: true })),
    setTourEmptyNoteOpen: (tourEmptyNoteOpen) => set({ tourEmptyNoteOpen }),
    setMatch: (match) => set({ match }),
    toggleTargetFilter: (list, value) =>
      set((s) => ({ targetFilter: toggleTargetFilter(s.targetFilter, list, value) })),
    clearTargetFilter: () => set({ targetFilter: NO_TARGET_FILTER }),
    setPanel: (panel) =>
      set((s) => ({
        ...panelChange(s, panel),
        ...(panel === 'briefing' && s.panel !== 'briefing' ? { briefingBase: shareStateOf(s) } : {}),
      })),
    basemapFailed: (id) =>
      set((s) =>
        s.basemapFailures.includes(id) || !s.visibleLayers.includes(id)
          ? {}
          : { basemapFailures: [...s.basemapFailures, id] },
      ),
    toggleLegend: () => set((s) => ({ legendOpen: !s.legendOpen })),
    dismissLinkNotice: () => set({ linkRejected: [] }),
    setHandout: (h) => set((s) => ({ handout: { ...s.handout, ...h } })),
    briefingsLoaded: (briefings) =>
      set((s) => ({
        briefings: [...briefings, ...s.briefings.filter((b) => !briefings.some((x) => x.id === b.id))],
        briefingId: s.briefingId ?? briefings[briefings.length - 1]?.id ?? null,
      })),
    openBriefing: (briefingId) => set({ briefingId, briefingNotice: null }),
    newBriefing: () =>
      set((s) => {
        const b = newBriefing(newBriefingId(), s.briefings);
        return { briefings: [...s.briefings, b], briefingId: b.id, briefingNotice: null };
      }),
    updateBriefing: (id, change) =>
      set((s) => {
        const old = findBriefing(s, id);
        if (!old) return {};
        const b = change(old);
        // Changing a briefing that came with a link keeps it: the officer has made it theirs.
        const briefings = s.briefings.some((x) => x.id === id)
          ? s.briefings.map((x) => (x.id === id ? b : x))
          : [...s.briefings, b];
        const kept = { briefings, linkBriefing: s.linkBriefing?.id === id ? null : s.linkBriefing };
        if (s.playing !== id) return kept;
        const playSteps = playableSteps(b);
        const at = clampIndex(s.tourStep ?? 0, playSteps.length);
        if (at === null)
          return { ...kept, playing: null, playSteps: null, tourStep: null, tourPaused: false };
        return { ...kept, playSteps, tourStep: at };
      }),
    deleteBriefing: (id) =>
      set((s) => {
        const briefings = s.briefings.filter((b) => b.id !== id);
        return {
          briefings,
          linkBriefing: s.linkBriefing?.id === id ? null : s.linkBriefing,
          briefingId: s.briefingId === id ? (briefings[briefings.length - 1]?.id ?? null) : s.briefingId,
          briefingNotice: null,
          ...(s.playing === id ? { playing: null, playSteps: null, tourStep: null, tourPaused: false } : {}),
        };
      }),
    addViewToBriefing: (title, text) =>
      set((s) => {
        const view = shareStateOf(s);
        const base = s.briefingBase;
        // The briefing panel replaced the panel the view was about: the step keeps that one.
        const shown: ShareState =
          s.panel === 'briefing' && base
            ? { ...view, panel: base.panel, selection: view.selection ?? base.selection }
            : view;
        let b = findBriefing(s, s.briefingId);
        const created = !b;
        if (!b) b = newBriefing(newBriefingId(), s.briefings);
        const step = stepOfView(shown, freeStepId(b.steps), title, text);
        if (!step) return { briefingNotice: { kind: 'noCamera' } };
        const next = addStep(b, step);
        if (next === b) return { briefingNotice: { kind: 'full' } };
        const id = next.id;
        const briefings = created
          ? [...s.briefings, next]
          : s.briefings.some((x) => x.id === id)
            ? s.briefings.map((x) => (x.id === id ? next : x))
            : [...s.briefings, next];
        return {
          briefings,
          briefingId: id,
          linkBriefing: s.linkBriefing?.id === id ? null : s.linkBriefing,
          briefingNotice: { kind: 'added', n: next.steps.length, title, panel: step.panel },
        };
      }),
    importBriefing: (text, fileName) =>
      set((s) => {
        const ctx = briefingCtx(s);
        if (!ctx) return {};
        const r = briefingOfText(text, fileName, newBriefingId(), ctx, titleOfFile(fileName));
        if (!r.briefing)
          return { briefingNotice: { kind: 'importFailed', file: fileName, issues: r.issues } };
        const b = r.briefing;
        return {
          briefings: [...s.briefings, b],
          briefingId: b.id,
          briefingNotice: { kind: 'imported', title: b.title, n: b.steps.length, issues: r.issues },
        };
      }),
    briefLinkOpened: (value) => set((s) => openLinkBriefing(s, value)),
    keepLinkBriefing: () =>
      set((s) =>
        s.linkBriefing
          ? { briefings: [...s.briefings, s.linkBriefing], linkBriefing: null, briefingNotice: null }
          : {},
      ),
    playBriefing: (id, from) =>
      set((s) => {
        const b = findBriefing(s, id);
        const playSteps = b ? playableSteps(b) : [];
        if (!b || playSteps.length === 0) return {};
        const next = { ...s, playing: id, playSteps };
        // From the start: the title card first; from a step: that step.
        return {
          playing: id,
          playSteps,
          ...stepState(next, from === undefined ? 0 : from + (b.opening ? 1 : 0)),
        };
      }),
    setBriefingNotice: (briefingNotice) => set({ briefingNotice }),
    setBriefingError: (briefingError) => set({ briefingError }),
    // Measuring is a mode of its own: the card of what was selected gives the tool its place.
    startMeasure: () =>
      set((s) => ({
        measure: s.measure ?? { points: [], closed: false },
        selection: null,
        selectionPanel: null,
      })),
    measureTap: (at, onFirst) =>
      set((s) => (s.measure ? { measure: tapMeasurement(s.measure, at, onFirst) } : {})),
    moveMeasurePoint: (i, to) =>
      set((s) => (s.measure ? { measure: moveMeasurementPoint(s.measure, i, to) } : {})),
    closeMeasure: () => set((s) => (s.measure ? { measure: closeMeasurement(s.measure) } : {})),
    undoMeasure: () => set((s) => (s.measure ? { measure: undoMeasurement(s.measure) } : {})),
    clearMeasure: () => set({ measure: null }),
    setOwnBasemap: (ownBasemap, show) =>
      set((s) => {
        const others = s.visibleLayers.filter((l) => l !== 'basemap');
        const on = ownBasemap !== null && (show || s.visibleLayers.includes('basemap'));
        // Registry order, as toggleLayer keeps it.
        const visibleLayers = s.layerDefs
          .map((l) => l.id)
          .filter((l) => (l === 'basemap' ? on : others.includes(l)));
        return { ownBasemap, visibleLayers, basemapRefusal: null };
      }),
    setBasemapRefusal: (basemapRefusal) => set({ basemapRefusal }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. Tests create their own with createAppStore(). */
export const useAppStore = createAppStore();

/**
 * A card floats over the map for the selection, except where a panel shows it itself: a segment's
 * detail sits in the chain panel under the segment tapped, an area's in the match panel's open row.
 */
export function cardShown(s: Pick<AppState, 'selection' | 'panel'>): boolean {
  const k = s.selection?.kind;
  return (
    k !== undefined && !(k === 'segment' && s.panel === 'chain') && !(k === 'area' && s.panel === 'match')
  );
}

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
    // A briefing's step is shown by its view: `tour=` names the steps of the default tour only.
    tourStep: s.playSteps ? null : s.tourStep,
    match: s.match,
    targets: s.targetFilter,
    // Only a measurement with points is part of the view (and the link).
    ...(s.measure && s.measure.points.length > 0 ? { measure: s.measure } : {}),
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
  // A panel the user opens is what they look at: a card standing in its place gives way (a selection
  // the panel shows itself, a segment in the chain tree or an area in the match, stays).
  const drop =
    (panel !== 'none' && s.selectionPanel !== null && s.selectionPanel !== panel) ||
    (isSidePanel(panel) && cardShown({ selection: s.selection, panel }));
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
