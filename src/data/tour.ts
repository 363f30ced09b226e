import type { LayerDef, LayerId } from '../layers/registry';
import { type Camera, cameraInLimits } from '../state/camera';
import {
  AS_OF_RANGE,
  type ChargingView,
  COVER_RANGE,
  DEFAULT_CHARGING,
  decodeCamera,
  decodeFilters,
  decodeSelection,
  type EnterpriseFilters,
  MAX_TOUR_STEPS,
  NO_FILTERS,
  type Selection,
  SHARED_PANELS,
  type SharedPanel,
} from '../state/url-hash';
import { AREA_IDS } from './areas';
import type { BundledData } from './load-bundled';
import type { AreaId, Bilingual, Confidence, DataIssue, Precision, Validated } from './types';

/** The default tour, fetched relative to the page like the other bundled files. */
export const TOUR_FILE = 'data/tour.json';
export const TOUR_VERSION = 1;

/** Things a step points at besides its selection: the UI draws them emphasised. */
export interface TourHighlight {
  areas: AreaId[];
  segments: string[];
  enterprises: string[];
  chargers: string[];
}

/** One validated step: every id in it exists in the data it was checked against. */
export interface TourStep {
  id: string;
  title: Bilingual;
  text: Bilingual;
  camera: Camera;
  layers: LayerId[];
  panel: SharedPanel | null;
  /** NO_FILTERS when the step names none. */
  filters: EnterpriseFilters;
  selection: Selection | null;
  highlight: TourHighlight;
  /** DEFAULT_CHARGING, or the step's values over it. */
  charging: ChargingView;
}

/** What a tour may name: ids known to this build and this data. */
export interface TourContext {
  layers: ReadonlySet<string>;
  areas: ReadonlySet<string>;
  segments: ReadonlySet<string>;
  chains: ReadonlySet<string>;
  enterprises: ReadonlySet<string>;
  chargers: ReadonlySet<string>;
  panels: ReadonlySet<string>;
}

export const NO_HIGHLIGHT: TourHighlight = { areas: [], segments: [], enterprises: [], chargers: [] };

/** The context for the loaded data and the layers this build offers (Tianditu only with a token). */
export function tourContextOf(
  data: Pick<BundledData, 'areas' | 'chain' | 'enterprises' | 'chargers'>,
  layerDefs: readonly Pick<LayerDef, 'id'>[],
): TourContext {
  return {
    layers: new Set(layerDefs.map((l) => l.id)),
    areas: new Set(data.areas.areas.map((a) => a.id)),
    segments: new Set(data.chain.segments.map((s) => s.id)),
    chains: new Set(data.chain.chains.map((c) => c.id)),
    enterprises: new Set(data.enterprises.map((e) => e.id)),
    chargers: new Set(data.chargers.map((c) => c.id)),
    panels: new Set(SHARED_PANELS),
  };
}

// Same box as the park footprints: a step framing somewhere else is a typo, not a view of Huaibei.
const BBOX = { west: 116.3, east: 117.1, south: 33.2, north: 34.3 };
const STEP_ID_RE = /^[a-z0-9][a-z0-9-]{0,40}$/;
// The presenter overlay holds a few sentences; a longer text is a paste of the plan, not a step.
const MAX_TEXT = 600;
const STEP_KEYS = new Set([
  'id',
  'title',
  'text',
  'camera',
  'layers',
  'panel',
  'filters',
  'selection',
  'highlight',
  'charging',
]);
const PRECISIONS: readonly Precision[] = ['exact', 'park', 'district', 'unknown'];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
const show = (v: unknown): string => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Collects the problems of one step; the step is kept only if there are no errors. */
class StepCheck {
  errors = 0;
  constructor(
    private readonly file: string,
    private readonly row: number,
    private readonly issues: DataIssue[],
  ) {}

  fail(field: string, zh: string, en: string): null {
    this.errors++;
    this.issues.push({
      file: this.file,
      row: this.row,
      field,
      reason: { zh: `${zh}（此步已跳过）`, en: `${en} (step skipped)` },
      severity: 'error',
    });
    return null;
  }

  warn(field: string, zh: string, en: string): void {
    this.issues.push({ file: this.file, row: this.row, field, reason: { zh, en }, severity: 'warning' });
  }

  /** Unknown keys are most likely typos ("pannel"): kept, but said so, since they change nothing. */
  extraKeys(o: Obj, allowed: ReadonlySet<string>, field: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.has(k)) {
        const at = field ? `${field}.${k}` : k;
        this.warn(at, `未知字段 ${show(k)}，已忽略`, `unknown field "${show(k)}", ignored`);
      }
    }
  }

  bilingual(o: Obj, key: string): Bilingual | null {
    const b = asObj(o[key]);
    const zh = b?.zh;
    const en = b?.en;
    if (typeof zh !== 'string' || !zh.trim() || typeof en !== 'string' || !en.trim()) {
      return this.fail(key, `字段 ${key} 需要中文和英文文本`, `field "${key}" needs both zh and en text`);
    }
    if (zh.length > MAX_TEXT || en.length > MAX_TEXT) {
      return this.fail(
        key,
        `字段 ${key} 过长（每种语言最多 ${MAX_TEXT} 字）`,
        `field "${key}" is too long (at most ${MAX_TEXT} characters per language)`,
      );
    }
    return { zh, en };
  }

  camera(v: unknown): Camera | null {
    // The `map=` part of a link also works, so an editor can copy a view from the address bar.
    if (typeof v === 'string') {
      const c = decodeCamera(v);
      if (c && inBox(c)) return c;
      return this.fail(
        'camera',
        `视角 ${show(v)} 无效或不在淮北`,
        `camera "${show(v)}" is invalid or not over Huaibei`,
      );
    }
    const o = asObj(v);
    if (!o) {
      return this.fail(
        'camera',
        '缺少视角（camera: {zoom, center: [经度, 纬度]}）',
        'missing camera ({zoom, center: [lng, lat]})',
      );
    }
    this.extraKeys(o, new Set(['zoom', 'center', 'bearing', 'pitch']), 'camera');
    const { zoom, center, bearing = 0, pitch = 0 } = o;
    if (!isNum(zoom)) return this.fail('camera.zoom', '缩放级别应为数字', 'zoom must be a number');
    if (!Array.isArray(center) || center.length !== 2 || !center.every(isNum)) {
      return this.fail('camera.center', '中心点应为 [经度, 纬度]', 'center must be [lng, lat]');
    }
    if (!isNum(bearing) || !isNum(pitch)) {
      return this.fail('camera', '方位角和俯仰角应为数字', 'bearing and pitch must be numbers');
    }
    const [lng, lat] = center as [number, number];
    const c: Camera = { zoom, lat, lng, bearing, pitch };
    if (!inBox(c)) {
      return this.fail(
        'camera',
        `视角（缩放 ${zoom}，[${lng}, ${lat}]，方位 ${bearing}，俯仰 ${pitch}）超出范围或不在淮北`,
        `camera (zoom ${zoom}, [${lng}, ${lat}], bearing ${bearing}, pitch ${pitch}) is out of range or not over Huaibei`,
      );
    }
    return c;
  }

  layers(v: unknown, ctx: TourContext): LayerId[] | null {
    if (!Array.isArray(v)) return this.fail('layers', '图层应为 id 数组', 'layers must be an array of ids');
    const out: LayerId[] = [];
    for (const id of v) {
      if (typeof id !== 'string' || !ctx.layers.has(id)) {
        return this.fail('layers', `未知图层：${show(id)}`, `unknown layer: ${show(id)}`);
      }
      // Set membership is the check: ctx.layers holds LayerIds only.
      if (!out.includes(id as LayerId)) out.push(id as LayerId);
    }
    return out;
  }

  panel(v: unknown, ctx: TourContext): SharedPanel | null | undefined {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && ctx.panels.has(v)) return v as SharedPanel;
    this.fail('panel', `未知面板：${show(v)}`, `unknown panel: ${show(v)}`);
    return undefined;
  }

  selection(v: unknown, ctx: TourContext): Selection | null | undefined {
    if (v === undefined || v === null) return null;
    const o = asObj(v);
    // "area:suixi", as in a link's sel=, or {kind, id}.
    const sel =
      typeof v === 'string'
        ? decodeSelection(v)
        : o && typeof o.kind === 'string' && typeof o.id === 'string'
          ? decodeSelection(`${o.kind}:${o.id}`)
          : null;
    if (o) this.extraKeys(o, new Set(['kind', 'id']), 'selection');
    if (!sel) {
      this.fail('selection', `无效的选中对象：${show(v)}`, `invalid selection: ${show(v)}`);
      return undefined;
    }
    const known = {
      area: ctx.areas,
      segment: ctx.segments,
      enterprise: ctx.enterprises,
      charger: ctx.chargers,
    }[sel.kind];
    if (!known.has(sel.id)) {
      this.fail(
        'selection',
        `数据中没有 ${sel.kind} ${show(sel.id)}`,
        `no ${sel.kind} "${show(sel.id)}" in the data`,
      );
      return undefined;
    }
    return sel;
  }

  filters(v: unknown, ctx: TourContext): EnterpriseFilters | undefined {
    if (v === undefined || v === null) return NO_FILTERS;
    let f: EnterpriseFilters | null;
    if (typeof v === 'string') f = decodeFilters(v);
    else {
      const o = asObj(v);
      f = o ? filtersFromObject(o) : null;
      if (o) this.extraKeys(o, new Set(Object.keys(NO_FILTERS)), 'filters');
    }
    if (!f) {
      this.fail('filters', `无效的筛选条件：${show(v)}`, `invalid filters: ${show(v)}`);
      return undefined;
    }
    if (f.segment !== null && !ctx.segments.has(f.segment)) {
      this.fail('filters', `未知环节：${show(f.segment)}`, `unknown segment: ${show(f.segment)}`);
      return undefined;
    }
    const badChain = f.chains.find((c) => !ctx.chains.has(c));
    if (badChain !== undefined) {
      this.fail('filters', `未知产业链：${show(badChain)}`, `unknown chain: ${show(badChain)}`);
      return undefined;
    }
    return f;
  }

  highlight(v: unknown, ctx: TourContext): TourHighlight | undefined {
    if (v === undefined || v === null) return NO_HIGHLIGHT;
    const o = asObj(v);
    if (!o) {
      this.fail(
        'highlight',
        'highlight 应为 {areas, segments, enterprises, chargers}',
        'highlight must be {areas, segments, enterprises, chargers}',
      );
      return undefined;
    }
    this.extraKeys(o, new Set(Object.keys(NO_HIGHLIGHT)), 'highlight');
    const out: TourHighlight = { areas: [], segments: [], enterprises: [], chargers: [] };
    const lists = [
      ['areas', ctx.areas],
      ['segments', ctx.segments],
      ['enterprises', ctx.enterprises],
      ['chargers', ctx.chargers],
    ] as const;
    let ok = true;
    for (const [key, known] of lists) {
      const list = o[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        this.fail(
          `highlight.${key}`,
          `highlight.${key} 应为 id 数组`,
          `highlight.${key} must be an array of ids`,
        );
        ok = false;
        continue;
      }
      for (const id of list) {
        if (typeof id !== 'string' || !known.has(id)) {
          this.fail(`highlight.${key}`, `数据中没有 ${show(id)}`, `no "${show(id)}" in the data`);
          ok = false;
        } else if (!(out[key] as string[]).includes(id)) (out[key] as string[]).push(id);
      }
    }
    return ok ? out : undefined;
  }

  charging(v: unknown): ChargingView | undefined {
    if (v === undefined || v === null) return DEFAULT_CHARGING;
    const o = asObj(v);
    if (!o) {
      this.fail('charging', 'charging 应为 {asOfYear, coverKm}', 'charging must be {asOfYear, coverKm}');
      return undefined;
    }
    this.extraKeys(o, new Set(['asOfYear', 'coverKm']), 'charging');
    const c: ChargingView = { ...DEFAULT_CHARGING };
    let ok = true;
    const y = o.asOfYear;
    if (y !== undefined && y !== null) {
      if (Number.isInteger(y) && (y as number) >= AS_OF_RANGE.min && (y as number) <= AS_OF_RANGE.max) {
        c.asOfYear = y as number;
      } else {
        ok = false;
        this.fail(
          'charging.asOfYear',
          `年份应为 ${AS_OF_RANGE.min}–${AS_OF_RANGE.max} 的整数`,
          `year must be a whole number from ${AS_OF_RANGE.min} to ${AS_OF_RANGE.max}`,
        );
      }
    }
    const km = o.coverKm;
    if (km !== undefined) {
      // One decimal at most: the link writes the distance as it is, and reads back only that form.
      if (isNum(km) && km >= COVER_RANGE.min && km <= COVER_RANGE.max && Number.isInteger(km * 10)) {
        c.coverKm = km;
      } else {
        ok = false;
        this.fail(
          'charging.coverKm',
          `覆盖距离应为 ${COVER_RANGE.min}–${COVER_RANGE.max} 公里，最多一位小数`,
          `coverage distance must be ${COVER_RANGE.min}–${COVER_RANGE.max} km, at most one decimal`,
        );
      }
    }
    return ok ? c : undefined;
  }
}

function inBox(c: Camera): boolean {
  return (
    cameraInLimits(c) &&
    c.lng >= BBOX.west &&
    c.lng <= BBOX.east &&
    c.lat >= BBOX.south &&
    c.lat <= BBOX.north
  );
}

/** The object form of filters: every key optional, each list all-or-nothing as in the link. */
function filtersFromObject(o: Obj): EnterpriseFilters | null {
  const ids = (v: unknown, ok: (x: string) => boolean): string[] | null =>
    v === undefined
      ? []
      : Array.isArray(v) && v.every((x): x is string => typeof x === 'string' && ok(x))
        ? [...new Set(v)]
        : null;
  const segment = o.segment === undefined || o.segment === null ? null : o.segment;
  if (segment !== null && (typeof segment !== 'string' || !segment.trim())) return null;
  const chains = ids(o.chains, () => true);
  const areas = ids(o.areas, (x) => (AREA_IDS as readonly string[]).includes(x));
  const precision = ids(o.precision, (x) => (PRECISIONS as readonly string[]).includes(x));
  const confidence = ids(o.confidence, (x) => (CONFIDENCES as readonly string[]).includes(x));
  if (!chains || !areas || !precision || !confidence) return null;
  return {
    segment,
    chains,
    areas: areas as AreaId[],
    precision: precision as Precision[],
    confidence: confidence as Confidence[],
  };
}

function readStep(raw: unknown, check: StepCheck, ctx: TourContext): TourStep | null {
  const o = asObj(raw);
  if (!o) return check.fail('(step)', '此步不是对象', 'step is not an object');
  check.extraKeys(o, STEP_KEYS, '');
  const id = o.id;
  if (typeof id !== 'string' || !STEP_ID_RE.test(id)) {
    check.fail(
      'id',
      `步骤 id 无效：${show(id)}（小写字母、数字和连字符）`,
      `invalid step id: ${show(id)} (lower-case letters, digits and hyphens)`,
    );
  }
  // Read every field even after a failure, so one look at the notes shows all that is wrong.
  const title = check.bilingual(o, 'title');
  const text = check.bilingual(o, 'text');
  const camera = check.camera(o.camera);
  const layers = check.layers(o.layers, ctx);
  const panel = check.panel(o.panel, ctx);
  const filters = check.filters(o.filters, ctx);
  const selection = check.selection(o.selection, ctx);
  const highlight = check.highlight(o.highlight, ctx);
  const charging = check.charging(o.charging);
  if (
    check.errors > 0 ||
    typeof id !== 'string' ||
    !title ||
    !text ||
    !camera ||
    !layers ||
    panel === undefined ||
    !filters ||
    selection === undefined ||
    !highlight ||
    !charging
  ) {
    return null;
  }
  return { id, title, text, camera, layers, panel, filters, selection, highlight, charging };
}

/**
 * tour.json → the steps that can be shown, in file order. Never throws. Each step is checked on
 * its own: a step with any error (unknown id, bad camera, missing text, not an object…) is
 * skipped with issues naming its index (`row`, 0-based in `steps`) and field, and the rest of
 * the tour still plays. A file without a `steps` array gives an empty tour and an issue.
 */
export function validateTour(json: unknown, file: string, ctx: TourContext): Validated<TourStep[]> {
  const issues: DataIssue[] = [];
  const fail = (field: string, zh: string, en: string) =>
    issues.push({ file, field, reason: { zh, en }, severity: 'error' });
  const root = asObj(json);
  if (!root) {
    fail('(root)', '文件不是 JSON 对象', 'file is not a JSON object');
    return { value: [], issues };
  }
  const version = root.version;
  if (version === undefined) {
    issues.push({
      file,
      field: 'version',
      severity: 'warning',
      reason: { zh: `缺少 version，按 ${TOUR_VERSION} 读取`, en: `no "version", read as ${TOUR_VERSION}` },
    });
  } else if (version !== TOUR_VERSION) {
    // A newer format may mean something else by the same keys: play nothing rather than guess.
    fail('version', `不支持的导览版本：${show(version)}`, `unsupported tour version: ${show(version)}`);
    return { value: [], issues };
  }
  const steps = root.steps;
  if (!Array.isArray(steps)) {
    fail('steps', '缺少 steps 数组，导览为空', 'missing "steps" array; the tour is empty');
    return { value: [], issues };
  }
  const out: TourStep[] = [];
  const seen = new Set<string>();
  for (const [row, raw] of steps.entries()) {
    const check = new StepCheck(file, row, issues);
    const step = readStep(raw, check, ctx);
    if (!step) continue;
    if (seen.has(step.id)) {
      check.fail('id', `重复的步骤 id：${step.id}`, `duplicate step id: ${step.id}`);
      continue;
    }
    if (out.length >= MAX_TOUR_STEPS) {
      check.fail(
        '(step)',
        `导览最多 ${MAX_TOUR_STEPS} 步，链接无法指向之后的步骤`,
        `a tour has at most ${MAX_TOUR_STEPS} steps; a link cannot point past them`,
      );
      continue;
    }
    seen.add(step.id);
    out.push(step);
  }
  if (steps.length > 0 && out.length === 0) {
    fail('steps', '没有可用的导览步骤', 'no usable tour step');
  }
  return { value: out, issues };
}
