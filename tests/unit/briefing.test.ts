import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { qrFits } from '../../src/export/qr';
import { LAYERS } from '../../src/layers/registry';
import { NO_FILTERS, type ShareState } from '../../src/model';
import { createAppStore, shareStateOf } from '../../src/state/store';
import {
  type Briefing,
  bothLangs,
  briefingOfJson,
  briefingOfText,
  briefingToFile,
  defaultClosing,
  freeStepId,
  moveStep,
  playableSteps,
  removeStep,
  renameStep,
  stepOfView,
} from '../../src/tour/briefing';
import { briefingLink, decodeBriefing, encodeBriefing, splitBrief } from '../../src/tour/briefing-link';
import { TOUR_FILE, tourContextOf, validateTour, validateTourFile } from '../../src/tour/steps';
import { publicJson, readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);
const ctx = tourContextOf(
  data,
  LAYERS.filter((l) => !l.online),
);

const VIEW: ShareState = {
  camera: { zoom: 10.9, lat: 33.968, lng: 116.724, bearing: 0, pitch: 0 },
  layers: ['enterprises', 'areas'],
  selection: { kind: 'area', id: 'xiangshan' },
  lang: 'zh',
  filters: { ...NO_FILTERS, areas: ['xiangshan'], segment: 'oled-lamp' },
  panel: 'chain',
  charging: { asOfYear: 2022, coverKm: 5 },
  match: { segments: ['oled-lamp'], radiusKm: 10 },
  targets: { chains: [], areas: ['xiangshan'] },
};

const bi = (zh: string, en = zh) => ({ zh, en });
const step = (id: string, over: Partial<ShareState> = {}) => {
  const s = stepOfView({ ...VIEW, ...over }, id, bi(`标题 ${id}`, `Title ${id}`), bi('讲解。', 'Note.'));
  if (!s) throw new Error('no step');
  return s;
};

const briefing = (): Briefing => ({
  id: 'b1',
  title: bi('招商简报', 'Investment briefing'),
  steps: [step('step-1'), step('step-2', { panel: null, selection: null, match: null }), step('step-3')],
  opening: { title: bi('淮北欢迎您', 'Welcome to Huaibei'), text: bi('副标题', 'Subtitle') },
  closing: defaultClosing(),
});

describe('a briefing step', () => {
  it('keeps every part of the view a link restores', () => {
    const s = step('step-1');
    expect(s.camera).toEqual(VIEW.camera);
    expect(s.layers).toEqual(VIEW.layers);
    expect(s.selection).toEqual(VIEW.selection);
    expect(s.filters).toEqual(VIEW.filters);
    expect(s.panel).toBe('chain');
    expect(s.charging).toEqual(VIEW.charging);
    expect(s.match).toEqual(VIEW.match);
    expect(s.targets).toEqual(VIEW.targets);
  });

  it('is not made before the map has reported a camera', () => {
    expect(stepOfView({ ...VIEW, camera: null }, 'step-1', bi('a'), bi('b'))).toBeNull();
  });

  it('fills one language from the other, and refuses two blanks', () => {
    expect(bothLangs(' 相山 ', '')).toEqual({ zh: '相山', en: '相山' });
    expect(bothLangs('', 'Xiangshan')).toEqual({ zh: 'Xiangshan', en: 'Xiangshan' });
    expect(bothLangs('  ', '')).toBeNull();
  });

  it('gets the first free id', () => {
    expect(freeStepId([])).toBe('step-1');
    expect(freeStepId([step('step-2')])).toBe('step-3');
    // Never an id an earlier step had, so the list's keys and focus follow the right step.
    expect(freeStepId([step('step-2'), step('step-3')])).toBe('step-4');
  });
});

describe('editing a briefing', () => {
  it('moves, renames and removes steps', () => {
    const b = briefing();
    const ids = (x: Briefing) => x.steps.map((s) => s.id);
    expect(ids(moveStep(b, 2, -1))).toEqual(['step-1', 'step-3', 'step-2']);
    expect(ids(moveStep(b, 0, 1))).toEqual(['step-2', 'step-1', 'step-3']);
    // Past either end: nothing moves.
    expect(moveStep(b, 0, -1)).toBe(b);
    expect(moveStep(b, 2, 1)).toBe(b);
    expect(ids(removeStep(b, 1))).toEqual(['step-1', 'step-3']);
    const renamed = renameStep(b, 1, bi('新标题', 'New title'), bi('新讲解', 'New note'));
    expect(renamed.steps[1]?.title).toEqual(bi('新标题', 'New title'));
    expect(renamed.steps[1]?.text).toEqual(bi('新讲解', 'New note'));
    expect(renamed.steps[0]).toBe(b.steps[0]);
  });

  it('plays the title card, the steps and the closing card, each card over a step’s view', () => {
    const b = briefing();
    const play = playableSteps(b);
    expect(play.map((s) => s.id)).toEqual(['opening', 'step-1', 'step-2', 'step-3', 'closing']);
    expect(play[0]?.card).toBe('opening');
    expect(play[0]?.camera).toEqual(b.steps[0]?.camera);
    expect(play[4]?.text).toEqual(defaultClosing().text);
    expect(play[4]?.camera).toEqual(b.steps[2]?.camera);
    expect(playableSteps({ ...b, opening: null, closing: null }).map((s) => s.id)).toEqual([
      'step-1',
      'step-2',
      'step-3',
    ]);
    expect(playableSteps({ ...b, steps: [] })).toEqual([]);
  });
});

describe('the briefing file', () => {
  it('is a tour file: the tour’s own validator reads every step back as it was', () => {
    const b = briefing();
    const file = JSON.parse(JSON.stringify(briefingToFile(b)));
    const r = validateTour(file, 'briefing.json', ctx);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.value).toEqual(b.steps);
  });

  it('reads back the same briefing, its title and cards included', () => {
    const b = briefing();
    const r = briefingOfText(JSON.stringify(briefingToFile(b)), 'x.json', 'b1', ctx, bi('x'));
    expect(r.issues).toEqual([]);
    expect(r.briefing).toEqual(b);
  });

  it('leaves tour.json as it was: no title, no cards', async () => {
    const r = validateTourFile(await publicJson(TOUR_FILE), TOUR_FILE, ctx);
    expect(r.value.meta).toEqual({ title: null, opening: null, closing: null });
    expect(r.value.steps.length).toBeGreaterThan(5);
  });

  it('skips a step with an unknown layer or no camera and names them; the rest is the briefing', () => {
    const file = briefingToFile(briefing()) as { steps: Record<string, unknown>[] };
    const steps = file.steps;
    const bad = {
      ...file,
      steps: [{ ...steps[0], layers: ['volcanoes'] }, steps[1], { ...steps[2], camera: undefined }],
    };
    const r = briefingOfJson(JSON.parse(JSON.stringify(bad)), 'bad.json', 'b2', ctx, bi('bad'));
    expect(r.briefing?.steps.map((s) => s.id)).toEqual(['step-2']);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.field, i.code])).toEqual([
      [0, 'layers', 'ref.unknownLayer'],
      [2, 'camera', 'json.missing'],
    ]);
  });

  it('refuses broken JSON and a file with no usable step, saying why', () => {
    const broken = briefingOfText('{"version": 1, "steps": [', 'broken.json', 'b3', ctx, bi('x'));
    expect(broken.briefing).toBeNull();
    expect(broken.issues.map((i) => i.code)).toEqual(['json.parse']);
    const none = briefingOfJson({ version: 1, steps: [{ id: 'x' }] }, 'none.json', 'b4', ctx, bi('x'));
    expect(none.briefing).toBeNull();
    expect(none.issues.some((i) => i.code === 'tour.noUsableStep')).toBe(true);
  });

  it('keeps markup in a title as text, and says it is there', () => {
    const b = briefing();
    const marked = renameStep(b, 0, bi('<b>粗体</b>', '<script>x</script>'), bi('讲解'));
    const r = briefingOfJson(
      JSON.parse(JSON.stringify(briefingToFile(marked))),
      'm.json',
      'b1',
      ctx,
      bi('m'),
    );
    expect(r.briefing?.steps[0]?.title).toEqual(bi('<b>粗体</b>', '<script>x</script>'));
    expect(r.issues).toEqual([
      expect.objectContaining({ row: 0, field: 'title', code: 'json.markup', severity: 'warning' }),
    ]);
  });
});

describe('the briefing link', () => {
  it('carries the briefing whole, and reads back to it', () => {
    const b = briefing();
    const value = encodeBriefing(b);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    const r = briefingOfJson(decodeBriefing(value), 'brief=', 'b1', ctx, bi('x'));
    expect(r.briefing).toEqual(b);
  });

  it('writes a text that reads the same in both languages once', () => {
    const b = { ...briefing(), title: bi('同一个名字') };
    const same = encodeBriefing(b).length;
    const differ = encodeBriefing({ ...b, title: bi('同一个名字', '同一个名字!') }).length;
    expect(differ - same).toBeGreaterThan(10);
    expect((decodeBriefing(encodeBriefing(b)) as { title: unknown }).title).toEqual(bi('同一个名字'));
  });

  it('gives null for a cut or garbled value, never throws', () => {
    const value = encodeBriefing(briefing());
    expect(decodeBriefing(value.slice(0, value.length - 7))).toBeNull();
    expect(decodeBriefing('%%%')).toBeNull();
    expect(decodeBriefing('')).toBeNull();
  });

  it('is split out of the hash, the rest read as any view', () => {
    expect(splitBrief('#v=1&brief=abc&lang=en')).toEqual({ rest: '#v=1&lang=en', brief: 'abc' });
    expect(splitBrief('#v=1&lang=en')).toEqual({ rest: '#v=1&lang=en', brief: null });
    expect(splitBrief('#brief=abc')).toEqual({ rest: '', brief: 'abc' });
  });

  it('is offered only while short; a QR code only when it can be scanned', () => {
    const short = { ...briefing(), steps: briefing().steps.slice(0, 1), opening: null, closing: null };
    const link = briefingLink('https://example.org/map/#v=1&lang=en', short);
    expect(link).toMatch(/^https:\/\/example\.org\/map\/#v=1&brief=/);
    expect(qrFits(link ?? '')).toBe(true);
    const long = {
      ...briefing(),
      steps: Array.from({ length: 12 }, (_, i) => step(`step-${i + 1}`)).map((s) => ({
        ...s,
        text: bi('很长的讲解词。'.repeat(40)),
      })),
    };
    expect(briefingLink('https://example.org/map/', long)).toBeNull();
    // Between the two: a link, but no code anyone could scan (qrcode's own limit is far above it).
    const middle = { ...short, steps: [{ ...short.steps[0], text: bi('讲解词'.repeat(90)) }] } as Briefing;
    const mid = briefingLink('https://example.org/map/', middle);
    expect(mid).not.toBeNull();
    expect(qrFits(mid ?? '')).toBe(false);
    expect(qrFits('x'.repeat(5000))).toBe(false);
  });
});

describe('briefings in the store', () => {
  const loaded = () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    store.getState().cameraMoved(VIEW.camera ?? { zoom: 10, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 });
    return store;
  };

  it('adds the view with the panel the briefing panel replaced, and its selection', () => {
    const store = loaded();
    store.getState().setPanel('chain');
    store.getState().select({ kind: 'area', id: 'xiangshan' });
    store.getState().setPanel('briefing');
    store.getState().addViewToBriefing(bi('相山'), bi('讲解'));
    const s = store.getState();
    expect(s.briefings).toHaveLength(1);
    expect(s.briefings[0]?.steps[0]?.panel).toBe('chain');
    expect(s.briefings[0]?.steps[0]?.selection).toEqual({ kind: 'area', id: 'xiangshan' });
    expect(s.briefingNotice).toEqual(expect.objectContaining({ kind: 'added', n: 1, panel: 'chain' }));
  });

  it('plays a briefing with the tour’s player, and the default tour again after it', () => {
    const store = loaded();
    store.getState().briefingsLoaded([briefing()]);
    store.getState().playBriefing('b1', 1);
    let s = store.getState();
    // The opening card comes first: step 2 of the briefing is the third played.
    expect(s.tourStep).toBe(2);
    expect(s.playSteps?.[0]?.card).toBe('opening');
    expect(s.playSteps?.map((x) => x.id)[2]).toBe('step-2');
    expect(s.panel).toBe('none');
    // A link of a briefing's step is its view, not `tour=` (which names the default tour's steps).
    expect(shareStateOf(s).tourStep).toBeNull();
    s.goToStep(1);
    s = store.getState();
    expect(s.panel).toBe('chain');
    expect(s.match).toEqual(VIEW.match);
    expect(s.targetFilter).toEqual(VIEW.targets);
    s.endTour();
    s = store.getState();
    expect(s.playing).toBeNull();
    // Played from its start, the title card comes first.
    s.playBriefing('b1');
    expect(store.getState().tourStep).toBe(0);
    expect(store.getState().playSteps?.[0]?.card).toBe('opening');
    store.getState().endTour();
    s.goToStep(0);
    expect(store.getState().playSteps).toBeNull();
    expect(store.getState().tourStep).toBe(0);
    expect(shareStateOf(store.getState()).tourStep).toBe(0);
  });

  it('plays the new order when the playing briefing changes, and stops when it is deleted', () => {
    const store = loaded();
    store.getState().briefingsLoaded([{ ...briefing(), opening: null, closing: null }]);
    store.getState().playBriefing('b1');
    store.getState().updateBriefing('b1', (b) => moveStep(b, 0, 2));
    expect(store.getState().playSteps?.map((x) => x.id)).toEqual(['step-2', 'step-3', 'step-1']);
    store.getState().deleteBriefing('b1');
    expect(store.getState().tourStep).toBeNull();
    expect(store.getState().briefings).toEqual([]);
  });

  it('opens a briefing from a link once the data is here, offered to be kept', () => {
    const store = createAppStore('');
    store.getState().briefLinkOpened(encodeBriefing(briefing()));
    expect(store.getState().linkBriefing).toBeNull();
    store.getState().dataLoaded(data);
    const s = store.getState();
    expect(s.linkBriefing?.steps.map((x) => x.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(s.panel).toBe('briefing');
    expect(s.briefings).toEqual([]);
    s.keepLinkBriefing();
    expect(store.getState().briefings).toHaveLength(1);
    store.getState().briefLinkOpened('garbage!');
    expect(store.getState().briefingNotice?.kind).toBe('linkBroken');
  });
});
