import { parseJson } from '../data/geojson';
import type { Bilingual, DataIssue } from '../data/types';
import { t } from '../i18n/t';
import {
  DEFAULT_CHARGING,
  encodeCamera,
  encodeFilters,
  encodeMatch,
  encodeSelection,
  encodeTargetFilter,
  type LayerId,
  MAX_STEP_TEXT,
  MAX_TOUR_STEPS,
  NO_HIGHLIGHT,
  NO_TARGET_FILTER,
  type ShareState,
} from '../model';
import { TOUR_VERSION, type TourCard, type TourContext, type TourStep, validateTourFile } from './steps';

// A briefing of one's own: steps saved from the officer's views, kept in the browser, written and
// read as a tour file (the same format and the same validator as tour.json). Pure.

export interface Briefing {
  /** The key it is kept under in this browser (not in the file). */
  id: string;
  title: Bilingual;
  steps: TourStep[];
  opening: TourCard | null;
  closing: TourCard | null;
}

/** A step as the player shows it: one of the briefing's, or its opening or closing card. */
export type PlayStep = TourStep & { card?: 'opening' | 'closing' };

/** Both languages of what the officer typed: one left blank takes the other; null when both are. */
export function bothLangs(zh: string, en: string): Bilingual | null {
  const z = zh.trim().slice(0, MAX_STEP_TEXT);
  const e = en.trim().slice(0, MAX_STEP_TEXT);
  if (!z && !e) return null;
  return { zh: z || e, en: e || z };
}

/** A text as a file may hold it: a blank language takes the other's, both blank give `fallback`. */
export function filled(b: Bilingual, fallback: Bilingual): Bilingual {
  return bothLangs(b.zh, b.en) ?? fallback;
}

const fromDict = (key: Parameters<typeof t>[1], params?: Record<string, string | number>): Bilingual => ({
  zh: t('zh', key, params),
  en: t('en', key, params),
});

/** The closing card offered by default: thanks and the centre's contact line, both editable. */
export function defaultClosing(): TourCard {
  return { title: fromDict('briefing.closingDefault'), text: fromDict('briefing.contactDefault') };
}

export function defaultOpening(title: Bilingual): TourCard {
  return { title, text: fromDict('briefing.openingDefault') };
}

/** A new, empty briefing: "My briefing 2" when there is already one. */
export function newBriefing(id: string, existing: readonly Briefing[]): Briefing {
  return {
    id,
    title: fromDict('briefing.untitled', { n: existing.length + 1 }),
    steps: [],
    opening: null,
    closing: null,
  };
}

/** The first free `step-N` id of a briefing (ids are unique within a tour file). */
export function freeStepId(steps: readonly TourStep[]): string {
  const used = new Set(steps.map((s) => s.id));
  for (let n = steps.length + 1; ; n++) if (!used.has(`step-${n}`)) return `step-${n}`;
}

/**
 * The view of a shared link as a step: camera, layers, filters, selection, panel, charging view,
 * match and the target list's filter; null without a camera (the map has not reported one yet).
 */
export function stepOfView(view: ShareState, id: string, title: Bilingual, text: Bilingual): TourStep | null {
  if (!view.camera) return null;
  return {
    id,
    title,
    text,
    camera: view.camera,
    layers: [...view.layers] as LayerId[],
    panel: view.panel,
    filters: view.filters,
    selection: view.selection,
    highlight: NO_HIGHLIGHT,
    charging: view.charging,
    match: view.match ?? null,
    targets: view.targets ?? NO_TARGET_FILTER,
  };
}

export const canAdd = (b: Briefing) => b.steps.length < MAX_TOUR_STEPS;

export function addStep(b: Briefing, step: TourStep): Briefing {
  return canAdd(b) ? { ...b, steps: [...b.steps, step] } : b;
}

/** Step `i` moved by `delta` places (kept inside the list). */
export function moveStep(b: Briefing, i: number, delta: number): Briefing {
  const j = i + delta;
  if (i < 0 || i >= b.steps.length || j < 0 || j >= b.steps.length || delta === 0) return b;
  const steps = [...b.steps];
  const [s] = steps.splice(i, 1);
  if (s) steps.splice(j, 0, s);
  return { ...b, steps };
}

export function renameStep(b: Briefing, i: number, title: Bilingual, text: Bilingual): Briefing {
  return { ...b, steps: b.steps.map((s, k) => (k === i ? { ...s, title, text } : s)) };
}

export function removeStep(b: Briefing, i: number): Briefing {
  return { ...b, steps: b.steps.filter((_, k) => k !== i) };
}

/** The steps in the order played: the opening card, the steps, the closing card (each card over a step's view). */
export function playableSteps(b: Briefing): PlayStep[] {
  const first = b.steps[0];
  const last = b.steps[b.steps.length - 1];
  if (!first || !last) return [];
  const card = (view: TourStep, c: TourCard, kind: 'opening' | 'closing'): PlayStep => ({
    ...view,
    id: kind,
    title: filled(c.title, b.title),
    text: c.text ? filled(c.text, { zh: '', en: '' }) : { zh: '', en: '' },
    card: kind,
  });
  return [
    ...(b.opening ? [card(first, b.opening, 'opening')] : []),
    ...b.steps,
    ...(b.closing ? [card(last, b.closing, 'closing')] : []),
  ];
}

// ── The file: tour.json's format ─────────────────────────────────────────────

/** A step as tour.json writes one: the link forms (as an editor pastes them), defaults left out. */
export function stepToJson(s: TourStep): Record<string, unknown> {
  const o: Record<string, unknown> = {
    id: s.id,
    title: s.title,
    text: s.text,
    camera: encodeCamera(s.camera),
    layers: s.layers,
  };
  if (s.panel) o.panel = s.panel;
  const f = encodeFilters(s.filters);
  if (f) o.filters = f;
  if (s.selection) o.selection = encodeSelection(s.selection);
  const h = s.highlight;
  if (h.areas.length + h.segments.length + h.enterprises.length + h.chargers.length > 0) o.highlight = h;
  if (s.charging.asOfYear !== DEFAULT_CHARGING.asOfYear || s.charging.coverKm !== DEFAULT_CHARGING.coverKm)
    o.charging = s.charging;
  if (s.match) o.match = encodeMatch(s.match);
  const tf = encodeTargetFilter(s.targets);
  if (tf) o.targets = tf;
  return o;
}

/** The briefing as a tour file: what the export writes and the import, the link and this browser read. */
export function briefingToFile(b: Briefing): Record<string, unknown> {
  const title = filled(b.title, fromDict('briefing.untitled', { n: 1 }));
  const o = b.opening;
  const c = b.closing;
  const openingText = o?.text ? bothLangs(o.text.zh, o.text.en) : null;
  return {
    version: TOUR_VERSION,
    title,
    ...(o
      ? { opening: { title: filled(o.title, title), ...(openingText ? { text: openingText } : {}) } }
      : {}),
    ...(c
      ? {
          closing: {
            title: filled(c.title, defaultClosing().title),
            contact: filled(c.text ?? defaultClosing().text ?? title, defaultClosing().text ?? title),
          },
        }
      : {}),
    steps: b.steps.map(stepToJson),
  };
}

/** The file's name: the briefing's title in the file's own alphabet where it can be, else a date. */
export function briefingFileName(b: Briefing, d: Date = new Date()): string {
  const slug = b.title.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `briefing-${slug || d.toISOString().slice(0, 10)}.json`;
}

export interface ReadBriefing {
  /** null: nothing in the file could be used (broken JSON, no usable step, a newer version). */
  briefing: Briefing | null;
  /** Every problem, as the tour reports them: errors name the skipped steps. */
  issues: DataIssue[];
}

/**
 * A tour file (exported, kept in the browser or from a link) read back through the tour's own
 * validator: skipped steps are named in the issues, the rest is the briefing. The title falls back
 * to `fallbackTitle` (the file's name, say).
 */
export function briefingOfJson(
  json: unknown,
  file: string,
  id: string,
  ctx: TourContext,
  fallbackTitle: Bilingual,
): ReadBriefing {
  const r = validateTourFile(json, file, ctx);
  const { steps, meta } = r.value;
  if (steps.length === 0) return { briefing: null, issues: r.issues };
  return {
    briefing: { id, title: meta.title ?? fallbackTitle, steps, opening: meta.opening, closing: meta.closing },
    issues: r.issues,
  };
}

/** briefingOfJson of a file's text: broken JSON is an issue like any other. */
export function briefingOfText(
  text: string,
  file: string,
  id: string,
  ctx: TourContext,
  fallbackTitle: Bilingual,
): ReadBriefing {
  const parsed = parseJson(text, file);
  if (parsed.value === null) return { briefing: null, issues: parsed.issues };
  return briefingOfJson(parsed.value, file, id, ctx, fallbackTitle);
}
