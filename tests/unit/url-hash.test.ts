import { describe, expect, it } from 'vitest';
import { defaultLayerIds, LAYERS } from '../../src/layers/registry';
import { type Camera, cameraInLimits } from '../../src/state/camera';
import {
  coordPrecision,
  DEFAULT_CHARGING,
  decodeHash,
  type EnterpriseFilters,
  encodeHash,
  NO_FILTERS,
  NO_TARGET_FILTER,
  type ShareState,
} from '../../src/state/url-hash';

const KNOWN = new Set(['areas', 'townships', 'neighbours', 'transport', 'osm']);
const CAM: Camera = { zoom: 10.25, lat: 33.95123, lng: 116.80456, bearing: -12.5, pitch: 30 };

function share(over: Partial<ShareState> = {}): ShareState {
  return {
    camera: CAM,
    layers: ['areas', 'townships'],
    selection: { kind: 'area', id: 'hitech' },
    lang: 'en',
    filters: NO_FILTERS,
    panel: null,
    charging: DEFAULT_CHARGING,
    ...over,
  };
}

const filters = (over: Partial<EnterpriseFilters>): EnterpriseFilters => ({ ...NO_FILTERS, ...over });

describe('encodeHash / decodeHash round trip', () => {
  it.each([
    ['a full view', share()],
    ['no selection, Chinese', share({ selection: null, lang: 'zh' })],
    ['no layers at all', share({ layers: [] })],
    [
      'rotated the other way, zoomed out',
      share({ camera: { zoom: 7, lat: 33.7, lng: 116.7, bearing: 179.9, pitch: 0 } }),
    ],
    ['a park selected', share({ selection: { kind: 'area', id: 'linhuan' } })],
    ['a segment selected', share({ selection: { kind: 'segment', id: 'battery-box' } })],
    ['an enterprise selected', share({ selection: { kind: 'enterprise', id: 'ent-003' } })],
    [
      'an enterprise with an imported id selected',
      share({ selection: { kind: 'enterprise', id: 'HB_2024.07-x' } }),
    ],
    ['a segment filter', share({ filters: filters({ segment: 'power-battery' }) })],
    ['a chains filter', share({ filters: filters({ chains: ['battery', 'hydrogen'] }) })],
    ['an areas filter', share({ filters: filters({ areas: ['suixi', 'linhuan'] }) })],
    [
      'a precision filter',
      share({ filters: filters({ precision: ['exact', 'park', 'district', 'unknown'] }) }),
    ],
    ['a confidence filter', share({ filters: filters({ confidence: ['high', 'low'] }) })],
    [
      'every filter at once, the chain panel open',
      share({
        selection: { kind: 'segment', id: 'fuel-cell' },
        filters: {
          segment: 'fuel-cell',
          chains: ['hydrogen'],
          areas: ['suixi', 'linhuan'],
          precision: ['park'],
          confidence: ['medium', 'high'],
        },
        panel: 'chain',
      }),
    ],
    ['the target list open', share({ panel: 'targets' })],
  ])('restores %s', (_label, s) => {
    const { state, rejected } = decodeHash(encodeHash(s), KNOWN);
    expect(rejected).toEqual([]);
    expect(state.layers).toEqual(s.layers);
    expect(state.selection ?? null).toEqual(s.selection);
    // Chinese is the default, left out of the link.
    expect(state.lang ?? 'zh').toBe(s.lang);
    expect(state.filters ?? NO_FILTERS).toEqual(s.filters);
    expect(state.panel ?? null).toBe(s.panel);
    const c = state.camera;
    expect(c).toBeDefined();
    if (!c || !s.camera) return;
    // Rounded to about a screen pixel at that zoom, as maplibre's hash does.
    const tol = 10 ** -coordPrecision(s.camera.zoom);
    expect(Math.abs(c.lat - s.camera.lat)).toBeLessThanOrEqual(tol);
    expect(Math.abs(c.lng - s.camera.lng)).toBeLessThanOrEqual(tol);
    expect(c.zoom).toBeCloseTo(s.camera.zoom, 2);
    expect(c.bearing).toBeCloseTo(s.camera.bearing, 1);
    expect(c.pitch).toBeCloseTo(s.camera.pitch, 1);
  });

  it('writes the maplibre zoom/lat/lng/bearing/pitch form with a version key', () => {
    expect(encodeHash(share())).toBe(
      '#v=1&map=10.25/33.9512/116.8046/-12.5/30.0&layers=areas,townships&sel=area:hitech&lang=en',
    );
  });

  it('leaves the camera out until the map has one', () => {
    expect(encodeHash(share({ camera: null }))).not.toContain('map=');
  });

  it('writes filters and the panel as readable f= and panel= keys', () => {
    expect(
      encodeHash(
        share({
          selection: { kind: 'segment', id: 'battery-box' },
          filters: {
            segment: 'battery-box',
            chains: ['battery', 'hydrogen'],
            areas: ['hitech'],
            precision: ['park', 'district'],
            confidence: ['high'],
          },
          panel: 'chain',
        }),
      ),
    ).toBe(
      '#v=1&map=10.25/33.9512/116.8046/-12.5/30.0&layers=areas,townships&sel=segment:battery-box&lang=en' +
        '&f=seg:battery-box;chain:battery,hydrogen;area:hitech;prec:park,district;conf:high&panel=chain',
    );
  });

  it('leaves out filters and panel when there are none', () => {
    const hash = encodeHash(share());
    expect(hash).not.toContain('f=');
    expect(hash).not.toContain('panel=');
  });
});

describe('decodeHash on malformed, truncated or hostile input', () => {
  it.each<[string, string, string[]]>([
    ['an empty hash', '', []],
    ['a bare #', '#', []],
    ['a truncated camera', '#v=1&map=10.2/33.9', ['map']],
    ['a camera cut mid-number', '#v=1&map=10.2/33.95/116.', ['map']],
    ['a camera with words', '#map=ten/33.9/116.8', ['map']],
    ['a camera on the other side of the world', '#map=10/-33.9/151.2', ['map']],
    ['a zoom beyond the limits', '#map=40/33.9/116.8', ['map']],
    ['a pitch beyond the limits', '#map=10/33.9/116.8/0/89', ['map']],
    ['NaN and Infinity', '#map=NaN/Infinity/116.8', ['map']],
    ['an exponent', '#map=1e1/33.9/116.8', ['map']],
    ['an unknown layer', '#layers=areas,rockets', ['layers']],
    ['only unknown layers', '#layers=rockets', ['layers']],
    ['a script in the layers', '#layers=<script>alert(1)</script>', ['layers']],
    ['an unknown area', '#sel=area:mars', ['sel']],
    ['an unknown selection kind', '#sel=planet:earth', ['sel']],
    ['a segment id in capitals', '#sel=segment:Battery-Box', ['sel']],
    ['a segment with no id', '#sel=segment:', ['sel']],
    ['an enterprise id with markup', '#sel=enterprise:%3Cb%3Ex%3C%2Fb%3E', ['sel']],
    ['an enterprise id with a space', '#sel=enterprise:ent%20003', ['sel']],
    ['the layer list as a shared panel', '#panel=layers', ['panel']],
    ['an unknown panel', '#panel=%3Cscript%3E', ['panel']],
    ['a selection with extra parts', '#sel=area:hitech:x', ['sel']],
    ['an HTML payload as selection', '#sel=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', ['sel']],
    ['a bad percent escape', '#sel=%E0%A4%A', ['sel']],
    ['an unknown language', '#lang=fr', ['lang']],
    ['a future version', '#v=9&map=10/33.9/116.8&lang=en', ['v']],
    ['a huge hash', `#layers=${'a'.repeat(5000)}`, ['v']],
    ['keys without values', '#map&layers&sel', []],
    ['unknown keys only', '#foo=bar&__proto__=x', []],
  ])('%s: falls back, rejecting only what is bad', (_label, hash, rejected) => {
    const r = decodeHash(hash, KNOWN);
    expect(r.rejected).toEqual(rejected);
    // Whatever survived is valid on its own terms.
    if (r.state.camera) expect(cameraInLimits(r.state.camera)).toBe(true);
    for (const id of r.state.layers ?? []) expect(KNOWN.has(id)).toBe(true);
  });

  it('keeps the valid parts of a partly bad link', () => {
    const r = decodeHash('#v=1&map=9/33.8/116.7&layers=areas,rockets&sel=area:mars&lang=en', KNOWN);
    expect(r.rejected).toEqual(['layers', 'sel']);
    expect(r.state).toEqual({
      camera: { zoom: 9, lat: 33.8, lng: 116.7, bearing: 0, pitch: 0 },
      layers: ['areas'],
      lang: 'en',
    });
  });

  it.each([
    ['an unknown key', 'colour:red'],
    ['an unknown key after good ones', 'seg:battery-box;colour:red'],
    ['a repeated key', 'area:suixi;area:duji'],
    ['a bad precision value', 'prec:park,street'],
    ['a bad confidence value', 'conf:certain'],
    ['a bad area', 'area:suixi,mars'],
    ['two segments', 'seg:battery-box,fuel-cell'],
    ['a segment id in capitals', 'seg:Battery-Box'],
    ['a key with no list', 'seg'],
    ['an empty list', 'prec:'],
    ['a trailing separator', 'area:suixi;'],
    ['a part with two colons', 'area:suixi:duji'],
    ['markup as a key', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['markup as a chain', 'chain:%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
  ])('rejects a filter with %s as a whole, keeping the other keys', (_label, f) => {
    const r = decodeHash(`#v=1&layers=areas&sel=area:duji&lang=en&f=${f}&panel=targets`, KNOWN);
    expect(r.rejected).toEqual(['f']);
    expect(r.state).toEqual({
      layers: ['areas'],
      selection: { kind: 'area', id: 'duji' },
      lang: 'en',
      panel: 'targets',
    });
  });

  it('reads an empty filter as no filter, not as an error', () => {
    expect(decodeHash('#f=', KNOWN)).toEqual({ state: { filters: NO_FILTERS }, rejected: [] });
  });

  it('drops repeated values in a filter list', () => {
    expect(decodeHash('#f=area:suixi,suixi,duji', KNOWN).state.filters?.areas).toEqual(['suixi', 'duji']);
  });

  it('does not let __proto__ keys reach the state object', () => {
    const r = decodeHash('#__proto__=polluted&constructor=x', KNOWN);
    expect(Object.keys(r.state)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the charging view in the link', () => {
  it.each([
    ['a year and a distance', { asOfYear: 2023, coverKm: 5 }],
    ['half a kilometre', { asOfYear: null, coverKm: 0.5 }],
    ['the defaults', DEFAULT_CHARGING],
  ])('round-trips %s', (_label, charging) => {
    const hash = encodeHash(share({ charging, panel: 'charging' }));
    const { state, rejected } = decodeHash(hash, KNOWN);
    expect(rejected).toEqual([]);
    expect(state.panel).toBe('charging');
    expect(state.charging ?? DEFAULT_CHARGING).toEqual(charging);
  });

  it('leaves defaults out of the link', () => {
    const hash = encodeHash(share({ charging: DEFAULT_CHARGING }));
    expect(hash).not.toContain('asof=');
    expect(hash).not.toContain('cover=');
    expect(encodeHash(share({ charging: { asOfYear: 2024, coverKm: 2.5 } }))).toContain(
      'asof=2024&cover=2.5',
    );
  });

  it.each<[string, string, string[]]>([
    ['a year out of range', '#asof=1999&cover=3', ['asof']],
    ['a year with words', '#asof=last', ['asof']],
    ['a negative distance', '#cover=-3', ['cover']],
    ['a distance too large', '#cover=99', ['cover']],
    ['a distance with an exponent', '#cover=1e1', ['cover']],
    ['both bad', '#asof=20245&cover=abc', ['asof', 'cover']],
  ])('rejects %s and keeps the default', (_label, hash, rejected) => {
    const r = decodeHash(hash, KNOWN);
    expect(r.rejected).toEqual(rejected);
    expect(r.state.charging).toEqual(DEFAULT_CHARGING);
  });
});

describe('the tour step in the link', () => {
  it('writes the step 1-based as tour=, after the other keys', () => {
    expect(encodeHash(share({ tourStep: 0 }))).toBe(
      '#v=1&map=10.25/33.9512/116.8046/-12.5/30.0&layers=areas,townships&sel=area:hitech&lang=en&tour=1',
    );
  });

  it.each([
    ['absent', undefined],
    ['null', null],
  ])('leaves tour= out when the step is %s', (_label, tourStep) => {
    expect(encodeHash(share({ tourStep }))).not.toContain('tour=');
  });

  it.each([0, 2, 9, 98])('round-trips step index %d', (tourStep) => {
    const { state, rejected } = decodeHash(encodeHash(share({ tourStep })), KNOWN);
    expect(rejected).toEqual([]);
    expect(state.tourStep).toBe(tourStep);
    expect(state.selection).toEqual({ kind: 'area', id: 'hitech' });
  });

  it('reads tour=3 as the third step, index 2', () => {
    expect(decodeHash('#tour=3', KNOWN)).toEqual({ state: { tourStep: 2 }, rejected: [] });
  });

  it.each<[string, string]>([
    ['zero (the link counts from 1)', '0'],
    ['a negative step', '-1'],
    ['a leading zero', '03'],
    ['a fraction', '2.5'],
    ['an exponent', '1e1'],
    ['words', 'next'],
    ['an empty value', ''],
    ['a step past the longest tour', '100'],
    ['a huge number', '99999999999999999999'],
    ['markup', '%3Cscript%3E'],
  ])('rejects %s, keeping the other keys', (_label, tour) => {
    const r = decodeHash(`#v=1&layers=areas&lang=en&tour=${tour}&panel=chain`, KNOWN);
    expect(r.rejected).toEqual(['tour']);
    expect(r.state).toEqual({ layers: ['areas'], lang: 'en', panel: 'chain' });
  });

  it('does not flag a link without a tour step', () => {
    expect(decodeHash('#v=1&layers=areas', KNOWN).rejected).toEqual([]);
  });
});

describe('match key', () => {
  it('round-trips segments and distance', () => {
    const r = decodeHash('#v=1&layers=areas&panel=match&match=battery-box,al-wheel@10', KNOWN);
    expect(r.rejected).toEqual([]);
    expect(r.state.match).toEqual({ segments: ['battery-box', 'al-wheel'], radiusKm: 10 });
    expect(r.state.panel).toBe('match');
    expect(encodeHash({ ...decodedDefaults(), match: { segments: ['battery-box'], radiusKm: 5 } })).toContain(
      'match=battery-box@5',
    );
  });

  it.each([
    ['no distance', 'battery-box'],
    ['distance 0', 'battery-box@0'],
    ['distance too far', 'battery-box@99'],
    ['a repeated segment', 'a,a@5'],
    ['six segments', 'a,b,c,d,e,f@5'],
    ['markup', '%3Cb%3E@5'],
    ['upper case', 'Battery@5'],
  ])('rejects %s', (_l, v) => {
    const r = decodeHash(`#v=1&layers=areas&match=${v}`, KNOWN);
    expect(r.rejected).toEqual(['match']);
    expect(r.state.match).toBeUndefined();
  });
});

function decodedDefaults() {
  return {
    camera: null,
    layers: ['areas'],
    selection: null,
    lang: 'zh' as const,
    filters: NO_FILTERS,
    panel: null,
    charging: DEFAULT_CHARGING,
  };
}

describe('defaults are left out of the link, and links written before still open the same view', () => {
  const KNOWN_ALL = new Set(LAYERS.map((l) => l.id));
  const DEFAULT_LAYERS = defaultLayerIds(LAYERS);

  it('leaves out bearing and pitch at 0, the default layers and Chinese, as maplibre does', () => {
    const flat = { ...CAM, bearing: 0, pitch: 0 };
    expect(encodeHash(share({ camera: flat, layers: DEFAULT_LAYERS, lang: 'zh', selection: null }))).toBe(
      '#v=1&map=10.25/33.9512/116.8046',
    );
    // A bearing alone is written without a pitch; a pitch needs the bearing before it.
    expect(encodeHash(share({ camera: { ...flat, bearing: -12.5 } }))).toContain(
      'map=10.25/33.9512/116.8046/-12.5&',
    );
    expect(encodeHash(share({ camera: { ...flat, pitch: 30 } }))).toContain(
      'map=10.25/33.9512/116.8046/0.0/30.0&',
    );
  });

  it('writes the layers when they differ from the defaults, even when none are shown', () => {
    expect(encodeHash(share({ layers: [] }))).toContain('&layers=&');
    expect(encodeHash(share({ layers: DEFAULT_LAYERS.slice(1) }))).toContain(
      `layers=${DEFAULT_LAYERS.slice(1).join(',')}`,
    );
  });

  it.each<[string, string, Partial<ShareState>]>([
    [
      'a default view with /0/0, every layer and lang=zh spelled out',
      `#v=1&map=10.25/33.9512/116.8046/0.0/0.0&layers=${DEFAULT_LAYERS.join(',')}&lang=zh`,
      {
        camera: { zoom: 10.25, lat: 33.9512, lng: 116.8046, bearing: 0, pitch: 0 },
        layers: DEFAULT_LAYERS,
        lang: 'zh',
      },
    ],
    [
      'a rotated view in English with a selection',
      '#v=1&map=10.25/33.9512/116.8046/-12.5/30.0&layers=areas,townships&sel=area:hitech&lang=en',
      {
        camera: { zoom: 10.25, lat: 33.9512, lng: 116.8046, bearing: -12.5, pitch: 30 },
        layers: ['areas', 'townships'],
        selection: { kind: 'area', id: 'hitech' },
        lang: 'en',
      },
    ],
  ])('opens %s', (_label, hash, want) => {
    const before = decodeHash(hash, KNOWN_ALL);
    expect(before).toEqual({ state: want, rejected: [] });
    // Written again today the link is shorter, and opens the same view once the defaults are filled in.
    const full = { ...share({ selection: null, lang: 'zh', layers: DEFAULT_LAYERS }), ...want } as ShareState;
    const again = encodeHash(full);
    expect(again.length).toBeLessThanOrEqual(hash.length);
    const after = decodeHash(again, KNOWN_ALL);
    expect(after.rejected).toEqual([]);
    expect({ layers: DEFAULT_LAYERS, lang: 'zh', ...after.state }).toEqual({
      layers: DEFAULT_LAYERS,
      lang: 'zh',
      ...want,
    });
  });
});

describe("the target list's filter in the link", () => {
  it('writes it as targets= in the f= form, before the tour step, and reads it back', () => {
    const s = share({
      panel: 'targets',
      targets: { chains: ['battery', 'hydrogen'], areas: ['hitech'] },
      tourStep: 1,
    });
    const hash = encodeHash(s);
    expect(hash).toContain('&panel=targets&targets=chain:battery,hydrogen;area:hitech&tour=2');
    const r = decodeHash(hash, KNOWN);
    expect(r.rejected).toEqual([]);
    expect(r.state.targets).toEqual({ chains: ['battery', 'hydrogen'], areas: ['hitech'] });
    expect(decodeHash('#targets=area:suixi,linhuan', KNOWN).state.targets).toEqual({
      chains: [],
      areas: ['suixi', 'linhuan'],
    });
  });

  it('leaves it out when nothing is chosen, and a link without it shows the whole list', () => {
    expect(encodeHash(share({ targets: NO_TARGET_FILTER }))).not.toContain('targets=');
    expect(encodeHash(share())).not.toContain('targets=');
    const old = decodeHash('#v=1&layers=areas,townships&sel=area:hitech&lang=en&panel=targets', KNOWN);
    expect(old.rejected).toEqual([]);
    expect(old.state.targets).toBeUndefined();
    expect(decodeHash('#targets=', KNOWN).state.targets).toEqual(NO_TARGET_FILTER);
  });

  it.each([
    ['a segment', 'seg:battery-box'],
    ['a precision list', 'chain:battery;prec:park'],
    ['a confidence list', 'conf:high'],
    ['an unknown area', 'area:mars'],
    ['an unknown key', 'status:missing'],
    ['markup', 'chain:%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
  ])('rejects a filter with %s as a whole, keeping the other keys', (_label, value) => {
    const r = decodeHash(`#v=1&lang=en&panel=targets&f=area:duji&targets=${value}`, KNOWN);
    expect(r.rejected).toEqual(['targets']);
    expect(r.state).toEqual({ lang: 'en', panel: 'targets', filters: { ...NO_FILTERS, areas: ['duji'] } });
  });
});
