import type * as v from 'valibot';
import { type At, issueAt, markup, parseAt, show, unknownKeys } from '../data/issues';
import type { DataIssue, IssueCode, Validated } from '../data/types';
import {
  type Camera,
  cameraInLimits,
  DEFAULT_CHARGING,
  type EnterpriseFilters,
  HUAIBEI_NEAR,
  inBox,
  JsonObject,
  type LayerId,
  MAX_TOUR_STEPS,
  type MatchView,
  NO_FILTERS,
  NO_HIGHLIGHT,
  NO_TARGET_FILTER,
  NO_TOUR_META,
  type Selection,
  SHARED_PANELS,
  type SharedPanel,
  STEP_FIELDS,
  STEP_KEYS,
  type TargetFilter,
  TOUR_META_FIELDS,
  TOUR_VERSION,
  type TourCard,
  type TourHighlight,
  type TourHighlightSchema,
  type TourMeta,
  TourRootSchema,
  type TourStep,
} from '../model';

export {
  NO_HIGHLIGHT,
  NO_TOUR_META,
  TOUR_VERSION,
  type TourCard,
  type TourHighlight,
  type TourMeta,
  type TourStep,
} from '../model';

/** The default tour, fetched relative to the page like the other bundled files. */
export const TOUR_FILE = 'data/tour.json';

/** What a tour may name: ids known to this build and this data, passed in as plain sets. */
export interface TourContext {
  layers: ReadonlySet<string>;
  areas: ReadonlySet<string>;
  segments: ReadonlySet<string>;
  chains: ReadonlySet<string>;
  enterprises: ReadonlySet<string>;
  chargers: ReadonlySet<string>;
  panels: ReadonlySet<string>;
}

/** The context for the loaded data and the layers this build offers (Tianditu only with a token). */
export function tourContextOf(
  data: {
    areas: { areas: readonly { id: string }[] };
    chain: { segments: readonly { id: string }[]; chains: readonly { id: string }[] };
    enterprises: readonly { id: string }[];
    chargers: readonly { id: string }[];
  },
  layers: readonly { id: string }[],
): TourContext {
  return {
    layers: new Set(layers.map((l) => l.id)),
    areas: new Set(data.areas.areas.map((a) => a.id)),
    segments: new Set(data.chain.segments.map((s) => s.id)),
    chains: new Set(data.chain.chains.map((c) => c.id)),
    enterprises: new Set(data.enterprises.map((e) => e.id)),
    chargers: new Set(data.chargers.map((c) => c.id)),
    panels: new Set(SHARED_PANELS),
  };
}

// ── The cross-reference rules: each takes a parsed field and the known ids, and returns issues ──

/** A step framing somewhere else is a typo, not a view of Huaibei. */
export function cameraOverHuaibei(c: Camera, at: At): DataIssue[] {
  return cameraInLimits(c) && inBox(HUAIBEI_NEAR, c.lng, c.lat)
    ? []
    : [issueAt(at, 'camera', 'tour.cameraOutside')];
}

export function knownLayers(ids: readonly unknown[], ctx: TourContext, at: At): DataIssue[] {
  const bad = ids.find((id) => typeof id !== 'string' || !ctx.layers.has(id));
  return bad === undefined ? [] : [issueAt(at, 'layers', 'ref.unknownLayer', { id: show(bad) })];
}

export function knownPanel(panel: unknown, ctx: TourContext, at: At): DataIssue[] {
  return panel === null || (typeof panel === 'string' && ctx.panels.has(panel))
    ? []
    : [issueAt(at, 'panel', 'ref.unknownPanel', { id: show(panel) })];
}

export function knownFilterIds(f: EnterpriseFilters, ctx: TourContext, at: At): DataIssue[] {
  if (f.segment !== null && !ctx.segments.has(f.segment))
    return [issueAt(at, 'filters', 'ref.unknownSegment', { id: f.segment })];
  const chain = f.chains.find((c) => !ctx.chains.has(c));
  return chain === undefined ? [] : [issueAt(at, 'filters', 'ref.unknownChain', { id: chain })];
}

export function knownMatch(m: MatchView, ctx: TourContext, at: At): DataIssue[] {
  const bad = m.segments.find((id) => !ctx.segments.has(id));
  return bad === undefined ? [] : [issueAt(at, 'match', 'ref.unknownSegment', { id: bad })];
}

export function knownTargets(f: TargetFilter, ctx: TourContext, at: At): DataIssue[] {
  const chain = f.chains.find((c) => !ctx.chains.has(c));
  return chain === undefined ? [] : [issueAt(at, 'targets', 'ref.unknownChain', { id: chain })];
}

const UNKNOWN: Record<Selection['kind'], IssueCode> = {
  area: 'ref.unknownArea',
  segment: 'ref.unknownSegment',
  enterprise: 'ref.unknownFirm',
  charger: 'ref.unknownCharger',
};
const known = (ctx: TourContext) =>
  ({ area: ctx.areas, segment: ctx.segments, enterprise: ctx.enterprises, charger: ctx.chargers }) as const;

export function knownSelection(s: Selection, ctx: TourContext, at: At): DataIssue[] {
  return known(ctx)[s.kind].has(s.id) ? [] : [issueAt(at, 'selection', UNKNOWN[s.kind], { id: s.id })];
}

const HIGHLIGHT_KINDS = [
  ['areas', 'area'],
  ['segments', 'segment'],
  ['enterprises', 'enterprise'],
  ['chargers', 'charger'],
] as const;

export function knownHighlights(
  h: v.InferOutput<typeof TourHighlightSchema>,
  ctx: TourContext,
  at: At,
): DataIssue[] {
  return HIGHLIGHT_KINDS.flatMap(([key, kind]) =>
    h[key]
      .filter((id) => !known(ctx)[kind].has(id))
      .map((id) => issueAt(at, `highlight.${key}`, UNKNOWN[kind], { id })),
  );
}

/** Unknown keys at the top of a step and in each of its objects: kept, but said, since they change nothing. */
function unknownStepKeys(o: Record<string, unknown>, at: At, out: DataIssue[]): void {
  for (const [field, keys] of Object.entries(STEP_KEYS)) {
    unknownKeys(field ? o[field] : o, keys, { ...at, field, severity: 'warning' }, out);
  }
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** One step: every field parsed on its own, then the rules; any error skips the step. */
function readStep(raw: unknown, ctx: TourContext, at: At, out: DataIssue[]): TourStep | null {
  const o = parseAt(JsonObject, raw, { ...at, field: '(step)' }, out);
  if (!o) return null;
  const before = out.length;
  unknownStepKeys(o, at, out);
  const p = <K extends keyof typeof STEP_FIELDS>(key: K) =>
    parseAt(
      STEP_FIELDS[key] as v.GenericSchema<unknown, v.InferOutput<(typeof STEP_FIELDS)[K]>>,
      o[key],
      { ...at, field: key },
      out,
    );
  // Read every field even after a failure, so one look at the notes shows all that is wrong.
  const id = p('id');
  const title = p('title');
  const text = p('text');
  const camera = p('camera');
  const layers = p('layers');
  const panel = p('panel');
  const filters = p('filters');
  const selection = p('selection');
  const highlight = p('highlight');
  const charging = p('charging');
  const match = p('match');
  const targets = p('targets');
  // Text is always shown as text; markup in it is most likely pasted from a web page, and is said.
  for (const [field, b] of [
    ['title', title],
    ['text', text],
  ] as const)
    if (b) markup(`${b.zh} ${b.en}`, at, field, out);
  // undefined: the field failed (and said why); null: the step names none.
  out.push(
    ...(camera ? cameraOverHuaibei(camera, at) : []),
    ...(layers ? knownLayers(layers, ctx, at) : []),
    ...(panel !== undefined ? knownPanel(panel, ctx, at) : []),
    ...(filters ? knownFilterIds(filters, ctx, at) : []),
    ...(selection ? knownSelection(selection, ctx, at) : []),
    ...(highlight ? knownHighlights(highlight, ctx, at) : []),
    ...(match ? knownMatch(match, ctx, at) : []),
    ...(targets ? knownTargets(targets, ctx, at) : []),
  );
  if (out.slice(before).some((i) => i.severity === 'error')) return null;
  if (!id || !title || !text || !camera || !layers || panel === undefined || filters === undefined)
    return null;
  if (selection === undefined || highlight === undefined || charging === undefined) return null;
  if (match === undefined || targets === undefined) return null;
  return {
    id,
    title,
    text,
    camera,
    layers: uniq(layers as LayerId[]),
    panel: panel as SharedPanel | null,
    filters: filters ?? NO_FILTERS,
    selection: selection ?? null,
    highlight: highlight
      ? {
          areas: uniq(highlight.areas) as TourHighlight['areas'],
          segments: uniq(highlight.segments),
          enterprises: uniq(highlight.enterprises),
          chargers: uniq(highlight.chargers),
        }
      : NO_HIGHLIGHT,
    charging: charging ? { ...DEFAULT_CHARGING, ...charging } : DEFAULT_CHARGING,
    match: match ?? null,
    targets: targets ?? NO_TARGET_FILTER,
  };
}

/** The file's title and cards: each parsed on its own; a bad one is dropped and said, the steps still play. */
function readMeta(root: Record<string, unknown>, file: string, out: DataIssue[]): TourMeta {
  const at = { file, severity: 'warning' as const };
  const p = <K extends keyof typeof TOUR_META_FIELDS>(key: K) =>
    parseAt(
      TOUR_META_FIELDS[key] as v.GenericSchema<unknown, v.InferOutput<(typeof TOUR_META_FIELDS)[K]>>,
      root[key],
      { ...at, field: key },
      out,
    ) ?? null;
  const opening = p('opening');
  const closing = p('closing');
  return {
    title: p('title'),
    opening: opening ? ({ title: opening.title, text: opening.text ?? null } satisfies TourCard) : null,
    closing: closing ? ({ title: closing.title, text: closing.contact } satisfies TourCard) : null,
  };
}

/**
 * tour.json → the steps that can be shown, in file order. Never throws. Each step is checked on
 * its own: a step with any error (unknown id, bad camera, missing text, not an object…) is
 * skipped with issues naming its index (`row`, 0-based in `steps`) and field, and the rest of
 * the tour still plays. A file without a `steps` array gives an empty tour and an issue.
 */
export function validateTour(json: unknown, file: string, ctx: TourContext): Validated<TourStep[]> {
  const r = validateTourFile(json, file, ctx);
  return { value: r.value.steps, issues: r.issues };
}

/** validateTour, with what the file says about itself (a briefing's title and cards) beside the steps. */
export function validateTourFile(
  json: unknown,
  file: string,
  ctx: TourContext,
): Validated<{ steps: TourStep[]; meta: TourMeta }> {
  const r = readTourFile(json, file, ctx);
  return { value: { steps: r.value, meta: r.meta }, issues: r.issues };
}

function readTourFile(
  json: unknown,
  file: string,
  ctx: TourContext,
): Validated<TourStep[]> & { meta: TourMeta } {
  const issues: DataIssue[] = [];
  const root = parseAt(JsonObject, json, { file }, issues);
  if (!root) return { value: [], issues, meta: NO_TOUR_META };
  if (root.version === undefined) {
    issues.push(issueAt({ file }, 'version', 'version.missing', { expected: TOUR_VERSION }, 'warning'));
  } else if (root.version !== TOUR_VERSION) {
    // A newer format may mean something else by the same keys: play nothing rather than guess.
    issues.push(issueAt({ file }, 'version', 'version.unsupported', { got: show(root.version) }));
    return { value: [], issues, meta: NO_TOUR_META };
  }
  const steps = parseAt(TourRootSchema.entries.steps, root.steps, { file, field: 'steps' }, issues);
  if (!steps) return { value: [], issues, meta: NO_TOUR_META };
  const out: TourStep[] = [];
  const seen = new Set<string>();
  for (const [row, raw] of steps.entries()) {
    const at = { file, row };
    const step = readStep(raw, ctx, at, issues);
    if (!step) continue;
    if (seen.has(step.id)) issues.push(issueAt(at, 'id', 'dup.id', { id: step.id }));
    else if (out.length >= MAX_TOUR_STEPS)
      issues.push(issueAt(at, '(step)', 'tour.tooMany', { max: MAX_TOUR_STEPS }));
    else {
      seen.add(step.id);
      out.push(step);
    }
  }
  if (steps.length > 0 && out.length === 0) issues.push(issueAt({ file }, 'steps', 'tour.noUsableStep'));
  return { value: out, issues, meta: readMeta(root, file, issues) };
}
