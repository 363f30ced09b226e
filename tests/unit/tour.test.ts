import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { issueReason } from '../../src/i18n/t';
import { defaultLayerIds, LAYERS } from '../../src/layers/registry';
import { cameraInLimits } from '../../src/state/camera';
import {
  coordPrecision,
  DEFAULT_CHARGING,
  decodeHash,
  encodeHash,
  NO_FILTERS,
  SHARED_PANELS,
  type ShareState,
} from '../../src/state/url-hash';
import { clampIndex, nextIndex, prevIndex } from '../../src/tour/navigation';
import { shareStateOfStep, shareStateOfTour } from '../../src/tour/step-view';
import {
  TOUR_FILE,
  type TourContext,
  type TourStep,
  tourContextOf,
  validateTour,
} from '../../src/tour/steps';
import { publicJson, readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);
// Every layer of the registry: the bundled tour must not depend on a build-time token either.
const ctx: TourContext = tourContextOf(
  data,
  LAYERS.filter((l) => !l.online),
);
const bundledJson = await publicJson(TOUR_FILE);

const BASE: ShareState = {
  camera: null,
  layers: ['areas'],
  selection: { kind: 'area', id: 'duji' },
  lang: 'en',
  filters: { ...NO_FILTERS, confidence: ['low'] },
  panel: 'targets',
  charging: { asOfYear: 2020, coverKm: 7 },
};

/** A step as an editor would write it in tour.json. */
function rawStep(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'step',
    title: { zh: '标题', en: 'Title' },
    text: { zh: '正文。', en: 'Text.' },
    camera: { zoom: 10, center: [116.8, 33.9] },
    layers: ['areas'],
    ...over,
  };
}

const tourOf = (steps: unknown) => validateTour({ version: 1, steps }, 'data/tour.json', ctx);

describe('the bundled tour', () => {
  const { value: steps, issues } = validateTour(bundledJson, TOUR_FILE, ctx);

  it('validates with no issues at all, keeping every step', () => {
    expect(issues).toEqual([]);
    expect(steps.length).toBe((bundledJson as { steps: unknown[] }).steps.length);
    expect(steps.length).toBeGreaterThanOrEqual(10);
  });

  it('follows the plan: the city, the six areas, the chain and its gaps, then charging', () => {
    expect(steps[0]?.id).toBe('city');
    const areaSteps = steps.slice(1, 7).map((s) => s.selection);
    expect(areaSteps).toEqual(
      ['suixi', 'xiangshan', 'lieshan', 'duji', 'hitech', 'linhuan'].map((id) => ({ kind: 'area', id })),
    );
    expect(steps.some((s) => s.panel === 'chain')).toBe(true);
    expect(steps.some((s) => s.selection?.kind === 'segment')).toBe(true);
    const last = steps.at(-1);
    expect(last?.panel).toBe('charging');
    expect(last?.layers).toContain('chargers');
    expect(last?.charging.asOfYear).not.toBeNull();
    // The first step states the plan's charging targets.
    expect(steps[0]?.text.zh).toContain('1900');
    expect(steps[0]?.text.zh).toContain('3600');
    expect(steps[0]?.text.en).toContain('1,900');
    expect(steps[0]?.text.en).toContain('3,600');
  });

  it('names only ids that exist in the bundled data and registry', () => {
    const layerIds = new Set<string>(LAYERS.map((l) => l.id));
    const areaIds = new Set<string>(data.areas.areas.map((a) => a.id));
    const segIds = new Set(data.chain.segments.map((s) => s.id));
    const chainIds = new Set(data.chain.chains.map((c) => c.id));
    const firmIds = new Set(data.enterprises.map((e) => e.id));
    const siteIds = new Set(data.chargers.map((c) => c.id));
    const known = { area: areaIds, segment: segIds, enterprise: firmIds, charger: siteIds };
    for (const s of steps) {
      for (const l of s.layers) expect(layerIds.has(l), `${s.id}: layer ${l}`).toBe(true);
      if (s.panel) expect(SHARED_PANELS).toContain(s.panel);
      if (s.selection) expect(known[s.selection.kind].has(s.selection.id), `${s.id}: selection`).toBe(true);
      if (s.filters.segment) expect(segIds.has(s.filters.segment)).toBe(true);
      for (const c of s.filters.chains) expect(chainIds.has(c)).toBe(true);
      for (const a of [...s.filters.areas, ...s.highlight.areas]) expect(areaIds.has(a)).toBe(true);
      for (const x of s.highlight.segments) expect(segIds.has(x), `${s.id}: segment ${x}`).toBe(true);
      for (const x of s.highlight.enterprises) expect(firmIds.has(x), `${s.id}: firm ${x}`).toBe(true);
      for (const x of s.highlight.chargers) expect(siteIds.has(x), `${s.id}: site ${x}`).toBe(true);
    }
  });

  it('frames Huaibei in every step, with unique ids and short bilingual text', () => {
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    for (const s of steps) {
      expect(cameraInLimits(s.camera)).toBe(true);
      expect(s.camera.lng).toBeGreaterThanOrEqual(116.38);
      expect(s.camera.lng).toBeLessThanOrEqual(117.05);
      expect(s.camera.lat).toBeGreaterThanOrEqual(33.28);
      expect(s.camera.lat).toBeLessThanOrEqual(34.25);
      expect(s.text.zh.length).toBeLessThanOrEqual(200);
      expect(s.text.en.length).toBeLessThanOrEqual(400);
    }
  });

  it('frames each area step near that area', () => {
    for (const s of steps) {
      if (s.selection?.kind !== 'area') continue;
      const area = data.areas.areas.find((a) => a.id === s.selection?.id);
      const district = data.districts.features.find((f) => f.properties.adcode === area?.adcode);
      const [lng, lat] = district
        ? [district.properties.label_lng, district.properties.label_lat]
        : (area?.footprints[0]?.center ?? [0, 0]);
      expect(Math.abs(s.camera.lng - lng), s.id).toBeLessThan(0.1);
      expect(Math.abs(s.camera.lat - lat), s.id).toBeLessThan(0.1);
    }
  });

  it('round-trips every step through the link, with the step number', () => {
    steps.forEach((step, i) => {
      const want = shareStateOfTour(steps, i, BASE);
      expect(want).not.toBeNull();
      if (!want) return;
      const { state, rejected } = decodeHash(encodeHash(want), ctx.layers);
      expect(rejected, step.id).toEqual([]);
      expect(state.tourStep).toBe(i);
      // The default layers are left out of the link, and filled in again as url-sync does.
      expect(state.layers ?? defaultLayerIds(LAYERS)).toEqual(want.layers);
      expect(state.selection ?? null).toEqual(want.selection);
      expect(state.filters ?? NO_FILTERS).toEqual(want.filters);
      expect(state.panel ?? null).toBe(want.panel);
      expect(state.charging ?? DEFAULT_CHARGING).toEqual(want.charging);
      expect(state.lang).toBe('en');
      const c = state.camera;
      const tol = 10 ** -coordPrecision(step.camera.zoom);
      expect(c?.zoom).toBeCloseTo(step.camera.zoom, 2);
      expect(Math.abs((c?.lat ?? 0) - step.camera.lat)).toBeLessThanOrEqual(tol);
      expect(Math.abs((c?.lng ?? 0) - step.camera.lng)).toBeLessThanOrEqual(tol);
      expect(c?.bearing).toBeCloseTo(step.camera.bearing, 1);
      expect(c?.pitch).toBeCloseTo(step.camera.pitch, 1);
    });
  });
});

describe('validateTour on broken input', () => {
  it('keeps the good steps in order and reports each bad one by index and field', () => {
    const { value, issues } = tourOf([
      rawStep({ id: 'first' }),
      rawStep({ id: 'rockets', layers: ['areas', 'rockets'] }),
      rawStep({ id: 'nowhere', camera: undefined }),
      42,
      null,
      rawStep({ id: 'last' }),
    ]);
    expect(value.map((s) => s.id)).toEqual(['first', 'last']);
    const errors = issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.field]);
    expect(errors).toEqual([
      [1, 'layers'],
      [2, 'camera'],
      [3, '(step)'],
      [4, '(step)'],
    ]);
    // Each says why in both languages; that the step was skipped is the tour view's heading
    // ("Step n skipped", grouped by row), no longer repeated in every sentence.
    for (const i of issues) {
      expect(i.file).toBe('data/tour.json');
      expect(i.code).toBeDefined();
      for (const lang of ['zh', 'en'] as const) {
        expect(issueReason(lang, i)).not.toBe('');
        expect(issueReason(lang, i)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing title', { title: undefined }, 'title'],
    ['a text in one language only', { text: { zh: '只有中文' } }, 'text'],
    ['an empty text', { text: { zh: ' ', en: ' ' } }, 'text'],
    ['a text pasted from the whole plan', { text: { zh: '长'.repeat(700), en: 'x' } }, 'text'],
    ['no id', { id: undefined }, 'id'],
    ['an id with markup', { id: '<b>x</b>' }, 'id'],
    ['a camera in Sydney', { camera: { zoom: 10, center: [151.2, -33.9] } }, 'camera'],
    ['a camera with lat and lng swapped', { camera: { zoom: 10, center: [33.9, 116.8] } }, 'camera'],
    ['a zoom in words', { camera: { zoom: 'ten', center: [116.8, 33.9] } }, 'camera.zoom'],
    ['a centre with one number', { camera: { zoom: 10, center: [116.8] } }, 'camera.center'],
    ['a pitch beyond the limits', { camera: { zoom: 10, center: [116.8, 33.9], pitch: 80 } }, 'camera'],
    ['a camera link for the other side of the world', { camera: '10/-33.9/151.2' }, 'camera'],
    ['layers that are not a list', { layers: 'areas' }, 'layers'],
    ['an online layer this build lacks', { layers: ['tianditu'] }, 'layers'],
    ['an unknown panel', { panel: 'layers' }, 'panel'],
    ['an unknown area selected', { selection: { kind: 'area', id: 'mars' } }, 'selection'],
    ['an unknown segment selected', { selection: { kind: 'segment', id: 'warp-drive' } }, 'selection'],
    ['an unknown enterprise selected', { selection: 'enterprise:ent-999' }, 'selection'],
    ['an unknown charger selected', { selection: { kind: 'charger', id: 'chg-9999' } }, 'selection'],
    ['a selection with a number id', { selection: { kind: 'enterprise', id: 3 } }, 'selection'],
    ['a filter on an unknown segment', { filters: { segment: 'warp-drive' } }, 'filters'],
    ['a filter on an unknown chain', { filters: 'chain:battery,rockets' }, 'filters'],
    ['a filter on an unknown area', { filters: { areas: ['suixi', 'mars'] } }, 'filters'],
    ['a bad precision filter', { filters: { precision: ['street'] } }, 'filters'],
    ['an unknown highlighted segment', { highlight: { segments: ['warp-drive'] } }, 'highlight.segments'],
    ['an unknown highlighted firm', { highlight: { enterprises: ['ent-999'] } }, 'highlight.enterprises'],
    ['highlighted areas not in a list', { highlight: { areas: 'suixi' } }, 'highlight.areas'],
    ['a year out of range', { charging: { asOfYear: 1999 } }, 'charging.asOfYear'],
    ['a fractional year', { charging: { asOfYear: 2024.5 } }, 'charging.asOfYear'],
    ['a distance with two decimals', { charging: { coverKm: 2.25 } }, 'charging.coverKm'],
  ])('skips a step with %s', (_label, over, field) => {
    const { value, issues } = tourOf([rawStep({ id: 'good' }), rawStep({ id: 'bad', ...over })]);
    expect(value.map((s) => s.id)).toEqual(['good']);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((i) => i.row === 1)).toBe(true);
    expect(errors.map((i) => i.field)).toContain(field);
  });

  it('reports every problem of a step at once', () => {
    const { issues } = tourOf([rawStep({ title: null, layers: ['rockets'], panel: 'x' })]);
    expect(issues.map((i) => i.field)).toEqual(['title', 'layers', 'panel', 'steps']);
  });

  it('skips a second step with the same id', () => {
    const { value, issues } = tourOf([rawStep({ id: 'a' }), rawStep({ id: 'a' }), rawStep({ id: 'b' })]);
    expect(value.map((s) => s.id)).toEqual(['a', 'b']);
    expect(issues.map((i) => [i.row, i.field])).toEqual([[1, 'id']]);
  });

  it('keeps a step with an unknown key, warning about the likely typo', () => {
    const { value, issues } = tourOf([rawStep({ pannel: 'chain' })]);
    expect(value).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ row: 0, field: 'pannel', severity: 'warning' })]);
  });

  it('fills what a step leaves out with the defaults', () => {
    const [step] = tourOf([rawStep()]).value;
    expect(step).toEqual<TourStep>({
      id: 'step',
      title: { zh: '标题', en: 'Title' },
      text: { zh: '正文。', en: 'Text.' },
      camera: { zoom: 10, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 },
      layers: ['areas'],
      panel: null,
      filters: NO_FILTERS,
      selection: null,
      highlight: { areas: [], segments: [], enterprises: [], chargers: [] },
      charging: DEFAULT_CHARGING,
      match: null,
      targets: { chains: [], areas: [] },
    });
  });

  it('accepts the link forms of camera, selection and filters, so a view can be copied from the address bar', () => {
    const [step] = tourOf([
      rawStep({
        camera: '10.50/33.9000/116.8500/30.0/20.0',
        selection: 'segment:battery-box',
        filters: 'seg:battery-box;chain:battery;conf:high',
      }),
    ]).value;
    expect(step?.camera).toEqual({ zoom: 10.5, lat: 33.9, lng: 116.85, bearing: 30, pitch: 20 });
    expect(step?.selection).toEqual({ kind: 'segment', id: 'battery-box' });
    expect(step?.filters).toEqual({
      ...NO_FILTERS,
      segment: 'battery-box',
      chains: ['battery'],
      confidence: ['high'],
    });
  });

  it.each<[string, unknown, string]>([
    ['null', null, '(root)'],
    ['an array', [], '(root)'],
    ['a string', 'tour', '(root)'],
    ['no steps', { version: 1 }, 'steps'],
    ['steps that are not a list', { version: 1, steps: { a: 1 } }, 'steps'],
    ['a future version', { version: 2, steps: [rawStep()] }, 'version'],
  ])('gives an empty tour and an issue for %s', (_label, json, field) => {
    const { value, issues } = validateTour(json, 'data/tour.json', ctx);
    expect(value).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ file: 'data/tour.json', field, severity: 'error' })]);
  });

  it('reads a file without a version as version 1, with a warning', () => {
    const { value, issues } = validateTour({ steps: [rawStep()] }, 'data/tour.json', ctx);
    expect(value).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ field: 'version', severity: 'warning' })]);
  });

  it('does not throw on hostile input', () => {
    const evil = JSON.parse('{"version":1,"steps":[{"__proto__":{"x":1},"id":"a"}, [], true, "x"]}');
    const { value, issues } = validateTour(evil, 'data/tour.json', ctx);
    expect(value).toEqual([]);
    expect(issues.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('stepping through the tour', () => {
  it.each<[number, number, number | null, number | null]>([
    [0, 10, 1, 0],
    [4, 10, 5, 3],
    [9, 10, 9, 8],
    [0, 1, 0, 0],
    [42, 10, 9, 8],
    [-3, 10, 1, 0],
    [Number.NaN, 10, 1, 0],
    [0, 0, null, null],
  ])('from %d of %d: next %s, previous %s', (i, n, next, prev) => {
    expect(nextIndex(i, n)).toBe(next);
    expect(prevIndex(i, n)).toBe(prev);
  });

  it('clamps an index from a link into the tour', () => {
    expect(clampIndex(98, 10)).toBe(9);
    expect(clampIndex(2.7, 10)).toBe(2);
    expect(clampIndex(0, 0)).toBeNull();
  });
});

describe('shareStateOfStep', () => {
  const [plain, full] = tourOf([
    rawStep({ id: 'plain' }),
    rawStep({
      id: 'full',
      camera: { zoom: 11, center: [116.6, 33.67], bearing: -20, pitch: 30 },
      layers: ['chargers', 'areas'],
      panel: 'charging',
      selection: { kind: 'segment', id: 'fuel-cell' },
      filters: { segment: 'fuel-cell', areas: ['linhuan'] },
      charging: { asOfYear: 2025, coverKm: 2.5 },
    }),
  ]).value as [TourStep, TourStep];

  it('sets the whole view from the step, keeping only the language and tour position', () => {
    expect(shareStateOfStep(full, { ...BASE, tourStep: 4 })).toEqual<ShareState>({
      camera: { zoom: 11, lat: 33.67, lng: 116.6, bearing: -20, pitch: 30 },
      layers: ['chargers', 'areas'],
      selection: { kind: 'segment', id: 'fuel-cell' },
      lang: 'en',
      filters: { ...NO_FILTERS, segment: 'fuel-cell', areas: ['linhuan'] },
      panel: 'charging',
      charging: { asOfYear: 2025, coverKm: 2.5 },
      tourStep: 4,
    });
  });

  it('clears what the audience set before when the step names nothing', () => {
    const s = shareStateOfStep(plain, BASE);
    expect(s.selection).toBeNull();
    expect(s.filters).toEqual(NO_FILTERS);
    expect(s.panel).toBeNull();
    expect(s.charging).toEqual(DEFAULT_CHARGING);
    expect(s.tourStep).toBeNull();
  });

  it.each([
    ['a plain step', 0],
    ['a step with everything', 1],
  ])('round-trips %s through the link', (_label, i) => {
    const want = shareStateOfTour([plain, full], i, BASE);
    if (!want) throw new Error('no state');
    const { state, rejected } = decodeHash(encodeHash(want), ctx.layers);
    expect(rejected).toEqual([]);
    expect({ ...DEFAULT_VIEW, ...state }).toEqual(want);
  });

  it('has no state for an empty tour, and clamps the index otherwise', () => {
    expect(shareStateOfTour([], 0, BASE)).toBeNull();
    expect(shareStateOfTour([plain, full], 7, BASE)?.tourStep).toBe(1);
  });
});

// What the app fills in for keys a link leaves out (as url-sync does).
const DEFAULT_VIEW: ShareState = {
  camera: null,
  layers: [],
  selection: null,
  lang: 'zh',
  filters: NO_FILTERS,
  panel: null,
  charging: DEFAULT_CHARGING,
  tourStep: null,
};
