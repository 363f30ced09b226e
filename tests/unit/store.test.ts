import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { defaultLayerIds, LAYERS } from '../../src/layers/registry';
import { createAppStore, type Panel, shareStateOf } from '../../src/state/store';
import {
  DEFAULT_CHARGING,
  type EnterpriseFilters,
  NO_FILTERS,
  NO_TARGET_FILTER,
  type ShareState,
} from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';

const CAMERA = { zoom: 10, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 };

function shared(over: Partial<ShareState> = {}): ShareState {
  return {
    camera: CAMERA,
    layers: ['areas'],
    selection: null,
    lang: 'en',
    filters: NO_FILTERS,
    panel: null,
    charging: DEFAULT_CHARGING,
    tourStep: null,
    match: null,
    targets: NO_TARGET_FILTER,
    ...over,
  };
}

const filters = (over: Partial<EnterpriseFilters>): EnterpriseFilters => ({ ...NO_FILTERS, ...over });

describe('the app store', () => {
  it('starts with the registry defaults, Chinese, no filters and no panel', () => {
    const s = createAppStore('').getState();
    expect(s.lang).toBe('zh');
    expect(s.visibleLayers).toEqual(defaultLayerIds(LAYERS.filter((l) => l.id !== 'tianditu')));
    expect(s.visibleLayers).toEqual(expect.arrayContaining(['areas', 'townships', 'neighbours']));
    expect(s.layerDefs.map((l) => l.id)).not.toContain('tianditu');
    expect(s.filters).toEqual(NO_FILTERS);
    expect(s.panel).toBe('none');
  });

  it('offers Tianditu when built with a token', () => {
    expect(
      createAppStore('tok')
        .getState()
        .layerDefs.map((l) => l.id),
    ).toContain('tianditu');
  });

  it('keeps registry order however layers are toggled, so links read the same', () => {
    const store = createAppStore('');
    const before = store.getState().visibleLayers;
    store.getState().toggleLayer('areas');
    store.getState().toggleLayer('transport');
    store.getState().toggleLayer('areas');
    const registryOrder = store
      .getState()
      .layerDefs.map((l) => l.id)
      .filter((id) => id === 'transport' || before.includes(id));
    expect(store.getState().visibleLayers).toEqual(registryOrder);
    expect(store.getState().visibleLayers.indexOf('transport')).toBeLessThan(
      store.getState().visibleLayers.indexOf('neighbours'),
    );
  });

  it('restores a shared view whole, its camera included', () => {
    const store = createAppStore('');
    const view = shared({
      selection: { kind: 'area', id: 'duji' },
      filters: filters({ areas: ['duji'], confidence: ['high'] }),
      panel: 'targets',
    });
    store.getState().applyShared(view, ['sel']);
    const s = store.getState();
    expect(shareStateOf(s)).toEqual(view);
    expect(s.camera).toEqual(CAMERA);
    expect(s.linkRejected).toEqual(['sel']);
  });

  it('leaves the camera to the default view (the map frames the selected area) when a link names none', () => {
    const store = createAppStore('');
    store.getState().cameraMoved(CAMERA);
    store.getState().applyShared(shared({ camera: null, selection: { kind: 'area', id: 'linhuan' } }), []);
    expect(store.getState().camera).toBeNull();
    expect(store.getState().selection).toEqual({ kind: 'area', id: 'linhuan' });
  });
});

describe('segment focus and filters', () => {
  it('selects a segment and filters to it, then clears both', () => {
    const store = createAppStore('');
    store.getState().toggleFilter('areas', 'suixi');
    store.getState().focusSegment('battery-box');
    expect(store.getState().selection).toEqual({ kind: 'segment', id: 'battery-box' });
    expect(store.getState().filters).toEqual(filters({ segment: 'battery-box', areas: ['suixi'] }));
    store.getState().focusSegment(null);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().filters).toEqual(filters({ areas: ['suixi'] }));
  });

  it('leaves an enterprise selection alone when the segment focus is cleared', () => {
    const store = createAppStore('');
    store.getState().focusSegment('battery-box');
    store.getState().select({ kind: 'enterprise', id: 'ent-003' });
    store.getState().focusSegment(null);
    expect(store.getState().selection).toEqual({ kind: 'enterprise', id: 'ent-003' });
    expect(store.getState().filters.segment).toBeNull();
  });

  it.each([
    ['chains', 'battery'],
    ['areas', 'linhuan'],
    ['precision', 'exact'],
    ['confidence', 'low'],
  ] as const)('toggles a %s filter on and off again', (list, value) => {
    const store = createAppStore('');
    store.getState().toggleFilter(list, value);
    expect(store.getState().filters).toEqual(filters({ [list]: [value] }));
    store.getState().toggleFilter(list, value);
    expect(store.getState().filters).toEqual(NO_FILTERS);
  });

  it('keeps the other values of a list when one is toggled off', () => {
    const store = createAppStore('');
    for (const c of ['battery', 'hydrogen', 'charging']) store.getState().toggleFilter('chains', c);
    store.getState().toggleFilter('chains', 'hydrogen');
    expect(store.getState().filters.chains).toEqual(['battery', 'charging']);
  });

  it('clears every filter at once', () => {
    const store = createAppStore('');
    store.getState().focusSegment('fuel-cell');
    store.getState().toggleFilter('confidence', 'high');
    store.getState().clearFilters();
    expect(store.getState().filters).toEqual(NO_FILTERS);
  });
});

describe('a shared link checked against the loaded data', async () => {
  const data = await loadBundled(readPublic);

  it.each<[string, Partial<ShareState>, Partial<ShareState>, string[]]>([
    [
      'an unknown segment selected',
      { selection: { kind: 'segment', id: 'warp-drive' } },
      { selection: null },
      ['sel'],
    ],
    [
      'an unknown enterprise selected',
      { selection: { kind: 'enterprise', id: 'ent-999' } },
      { selection: null },
      ['sel'],
    ],
    [
      'a filter on an unknown segment',
      { filters: filters({ segment: 'warp-drive', areas: ['suixi'] }) },
      { filters: NO_FILTERS },
      ['f'],
    ],
    [
      'a filter on an unknown chain',
      { filters: filters({ chains: ['battery', 'rockets'] }) },
      { filters: NO_FILTERS },
      ['f'],
    ],
    [
      'an unknown segment both selected and filtered',
      { selection: { kind: 'segment', id: 'warp-drive' }, filters: filters({ segment: 'warp-drive' }) },
      { selection: null, filters: NO_FILTERS },
      ['sel', 'f'],
    ],
    [
      'a known segment, selected and filtered',
      { selection: { kind: 'segment', id: 'battery-box' }, filters: filters({ segment: 'battery-box' }) },
      { selection: { kind: 'segment', id: 'battery-box' }, filters: filters({ segment: 'battery-box' }) },
      [],
    ],
    [
      'a known enterprise and chains',
      {
        selection: { kind: 'enterprise', id: 'ent-003' },
        filters: filters({ chains: ['battery', 'hydrogen'] }),
      },
      {
        selection: { kind: 'enterprise', id: 'ent-003' },
        filters: filters({ chains: ['battery', 'hydrogen'] }),
      },
      [],
    ],
  ])('with %s: keeps what the data has, drops the rest and says so', (_label, link, expected, rejected) => {
    const view = shared(link);
    const want = { ...view, ...expected };

    // The link is read before the data arrives…
    const early = createAppStore('');
    early.getState().applyShared(view, []);
    early.getState().dataLoaded(data);
    expect(shareStateOf(early.getState())).toEqual(want);
    expect(early.getState().linkRejected).toEqual(rejected);

    // …or after it.
    const late = createAppStore('');
    late.getState().dataLoaded(data);
    late.getState().applyShared(view, []);
    expect(shareStateOf(late.getState())).toEqual(want);
    expect(late.getState().linkRejected).toEqual(rejected);
  });

  it('does not report a rejected key twice', () => {
    const store = createAppStore('');
    store
      .getState()
      .applyShared(shared({ selection: { kind: 'enterprise', id: 'ent-999' } }), ['map', 'sel']);
    store.getState().dataLoaded(data);
    expect(store.getState().linkRejected).toEqual(['map', 'sel']);
  });
});

describe('shareStateOf', () => {
  it.each<[Panel, ShareState['panel']]>([
    ['chain', 'chain'],
    ['targets', 'targets'],
    ['layers', null],
    ['search', null],
    ['none', null],
  ])('shares the %s panel as %s', (panel, expected) => {
    const store = createAppStore('');
    store.getState().setPanel(panel);
    expect(shareStateOf(store.getState()).panel).toBe(expected);
  });

  it('keeps the charging view and shares it, with its panel', () => {
    const store = createAppStore('');
    store.getState().setCharging({ asOfYear: 2022 });
    store.getState().setCharging({ coverKm: 4.5 });
    store.getState().setPanel('charging');
    const sh = shareStateOf(store.getState());
    expect(sh.charging).toEqual({ asOfYear: 2022, coverKm: 4.5 });
    expect(sh.panel).toBe('charging');
  });

  it('drops a link to a charging site the data does not have', async () => {
    const store = createAppStore('');
    store.getState().applyShared(shared({ selection: { kind: 'charger', id: 'chg-9999' } }), []);
    store.getState().dataLoaded(await loadBundled(readPublic));
    expect(store.getState().selection).toBeNull();
    expect(store.getState().linkRejected).toContain('sel');
  });
});

describe('tour steps, matches and imports in the store', async () => {
  const data = await loadBundled(readPublic);

  it('opens a tour step from a link: the step decides layers and panel; the map flies to its camera', () => {
    const store = createAppStore('');
    store.getState().applyShared(shared({ tourStep: 1, panel: 'chain' }), []);
    store.getState().dataLoaded(data);
    const s = store.getState();
    const step = data.tour[1];
    if (!step) throw new Error('the bundled tour has no second step');
    expect(s.tourStep).toBe(1);
    expect(s.visibleLayers).toEqual(step.layers);
    expect(s.panel).toBe(step.panel ?? 'none');
    // The store does not move the camera: the map flies there and reports where it arrived.
    expect(s.camera).toEqual(CAMERA);
    expect(shareStateOf(s).tourStep).toBe(1);
  });

  it('rejects a tour step past the end of the tour, and a match naming an unknown segment', () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    store
      .getState()
      .applyShared(
        shared({ tourStep: data.tour.length, match: { segments: ['warp-drive'], radiusKm: 10 } }),
        [],
      );
    const s = store.getState();
    expect(s.tourStep).toBeNull();
    expect(s.match).toBeNull();
    expect(s.linkRejected).toEqual(['tour', 'match']);
  });

  it('pauses a tour only while one runs, and resumes on the same step', () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    store.getState().pauseTour();
    expect(store.getState().tourPaused).toBe(false);
    store.getState().goToStep(2);
    store.getState().pauseTour();
    expect(store.getState().tourPaused).toBe(true);
    store.getState().goToStep(store.getState().tourStep ?? 0);
    expect(store.getState()).toMatchObject({ tourStep: 2, tourPaused: false });
    store.getState().endTour();
    expect(store.getState().tourStep).toBeNull();
  });

  it('joins imports to the data, and lets go of a selected firm when its import is removed', () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    const first = data.enterprises[0];
    if (!first) throw new Error('no bundled enterprise');
    const firm = { ...first, id: 'u1.r2', key: 'u1.r2', name: { zh: '示例', en: '示例' } };
    const ds = {
      id: 'u1',
      fileName: 'x.csv',
      kind: 'enterprises' as const,
      mode: 'join' as const,
      importedAt: '2026-11-25T00:00:00Z',
      format: 'csv' as const,
      encoding: 'utf-8' as const,
      crs: 'wgs84' as const,
      rowCount: 1,
      rejectedRows: 0,
      enterprises: [firm],
      chargers: [],
      report: [],
      notes: [],
    };
    store.getState().setImports([ds]);
    expect(store.getState().data?.enterprises.length).toBe(data.enterprises.length + 1);
    store.getState().select({ kind: 'enterprise', id: 'u1.r2' });
    store.getState().setImports([{ ...ds, mode: 'replace' }]);
    expect(store.getState().data?.enterprises.map((e) => e.id)).toEqual(['u1.r2']);
    expect(store.getState().selection).toEqual({ kind: 'enterprise', id: 'u1.r2' });
    store.getState().setImports([]);
    expect(store.getState().data?.enterprises.length).toBe(data.enterprises.length);
    expect(store.getState().selection).toBeNull();
  });
});

describe("the target list's filter in the store", async () => {
  const data = await loadBundled(readPublic);

  it('toggles chains and areas, shares them, and clears them at once', () => {
    const store = createAppStore('');
    store.getState().toggleTargetFilter('chains', 'hydrogen');
    store.getState().toggleTargetFilter('areas', 'linhuan');
    store.getState().toggleTargetFilter('chains', 'battery');
    expect(shareStateOf(store.getState()).targets).toEqual({
      chains: ['hydrogen', 'battery'],
      areas: ['linhuan'],
    });
    // The map's own filters are another thing.
    expect(store.getState().filters).toEqual(NO_FILTERS);
    store.getState().clearTargetFilter();
    expect(store.getState().targetFilter).toEqual(NO_TARGET_FILTER);
  });

  it('restores it from a link, and a link without it shows the whole list', () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    store
      .getState()
      .applyShared(shared({ panel: 'targets', targets: { chains: ['hydrogen'], areas: ['linhuan'] } }), []);
    expect(store.getState().targetFilter).toEqual({ chains: ['hydrogen'], areas: ['linhuan'] });
    expect(store.getState().linkRejected).toEqual([]);
    const { targets: _, ...old } = shared({ panel: 'targets' });
    store.getState().applyShared(old, []);
    expect(store.getState().targetFilter).toEqual(NO_TARGET_FILTER);
  });

  it('drops a filter naming a chain the data does not have, and says so', () => {
    for (const early of [true, false]) {
      const store = createAppStore('');
      if (!early) store.getState().dataLoaded(data);
      store
        .getState()
        .applyShared(shared({ targets: { chains: ['battery', 'rockets'], areas: ['hitech'] } }), []);
      if (early) store.getState().dataLoaded(data);
      expect(store.getState().targetFilter).toEqual(NO_TARGET_FILTER);
      expect(store.getState().linkRejected).toEqual(['targets']);
    }
  });

  it('keeps it through a tour step: the steps do not set it', () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    store.getState().toggleTargetFilter('areas', 'suixi');
    store.getState().goToStep(1);
    expect(store.getState().tourStep).toBe(1);
    expect(store.getState().targetFilter).toEqual({ chains: [], areas: ['suixi'] });
  });
});

describe('a panel and the layers it turns on', () => {
  const layers = (store: ReturnType<typeof createAppStore>) => store.getState().visibleLayers;

  it('puts the charging sites on the map while the charging panel is open, and takes them off after', () => {
    const store = createAppStore('');
    expect(layers(store)).not.toContain('chargers');
    const before = [...layers(store)];
    store.getState().setPanel('charging');
    expect(layers(store)).toContain('chargers');
    store.getState().setPanel('goals');
    expect(layers(store)).toEqual(before);
    store.getState().setPanel('charging');
    store.getState().setPanel('none');
    expect(layers(store)).toEqual(before);
  });

  it('leaves a layer the user turned on, before or while the panel was open', () => {
    const before = createAppStore('');
    before.getState().toggleLayer('chargers');
    before.getState().setPanel('charging');
    before.getState().setPanel('none');
    expect(layers(before)).toContain('chargers');

    const during = createAppStore('');
    during.getState().setPanel('charging');
    during.getState().toggleLayer('chargers');
    during.getState().toggleLayer('chargers');
    during.getState().setPanel('none');
    expect(layers(during)).toContain('chargers');
  });
});

describe('a card picked in one panel', () => {
  it('is not shown over the next panel, but stays when the panel just closes', () => {
    const store = createAppStore('');
    store.getState().setPanel('match');
    store.getState().select({ kind: 'area', id: 'hitech' });
    store.getState().setPanel('goals');
    expect(store.getState().selection).toBeNull();

    store.getState().setPanel('match');
    store.getState().select({ kind: 'area', id: 'lieshan' });
    store.getState().setPanel('none');
    expect(store.getState().selection).toEqual({ kind: 'area', id: 'lieshan' });
    // Picked on the map, with no panel open: its card would stand in the panel's place, so it gives
    // way to the panel the user opens…
    store.getState().select({ kind: 'area', id: 'duji' });
    store.getState().setPanel('chain');
    expect(store.getState().selection).toBeNull();
    // …unless the panel shows it itself: a segment in the chain tree, an area in the match.
    store.getState().setPanel('none');
    store.getState().select({ kind: 'segment', id: 'battery-box' });
    store.getState().setPanel('chain');
    expect(store.getState().selection).toEqual({ kind: 'segment', id: 'battery-box' });
    store.getState().setPanel('none');
    store.getState().select({ kind: 'area', id: 'duji' });
    store.getState().setPanel('match');
    expect(store.getState().selection).toEqual({ kind: 'area', id: 'duji' });
  });
});
