import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { wrapText } from '../../src/export/map-image';
import { QR_MARGIN, type QrMatrix, qrDataUrl, qrMatrix, qrSvg } from '../../src/export/qr';
import {
  baseHref,
  layersLine,
  mapImageFileName,
  sourcesFor,
  stepLink,
  viewTitle,
} from '../../src/export/view-text';
import { AREA_COLOURS, CHAIN_COLOURS } from '../../src/layers/palette';
import { isoDate } from '../../src/model/dates';
import { selectLegend } from '../../src/state/selectors';
import { createAppStore, shareStateOf } from '../../src/state/store';
import { decodeHash } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);

function loadedStore() {
  const store = createAppStore('');
  store.getState().dataLoaded(data);
  return store;
}

/** The symbol as RGBA pixels, `unit` pixels per module, quiet zone included: what a camera sees. */
function pixels(m: QrMatrix, unit = 4) {
  const n = (m.size + 2 * QR_MARGIN) * unit;
  const rgba = new Uint8ClampedArray(n * n * 4).fill(255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.floor(y / unit) - QR_MARGIN;
      const c = Math.floor(x / unit) - QR_MARGIN;
      if (r >= 0 && c >= 0 && r < m.size && c < m.size && m.dark(r, c)) {
        const i = (y * n + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  return { rgba, n };
}

describe('QR code', () => {
  const link =
    'http://127.0.0.1:4173/#v=1&map=10.50/33.9000/116.8500/0.0/0.0&layers=enterprises,areas,townships,neighbours&sel=area:lieshan&lang=zh';

  it('encodes the link exactly, with error correction M', () => {
    const m = qrMatrix(link);
    const { rgba, n } = pixels(m);
    expect(jsQR(rgba, n, n)?.data).toBe(link);
    // M on a ~130-character link: version 7 or so, 45 modules a side; well within a phone's reach.
    expect(m.size).toBeGreaterThanOrEqual(41);
    expect(m.size).toBeLessThanOrEqual(61);
  });

  it('is inert SVG whatever the text holds', () => {
    const hostile = 'http://x/#<script>alert(1)</script>"onload="x';
    const svg = qrSvg(qrMatrix(hostile));
    expect(svg).not.toContain('script');
    expect(svg).not.toContain('onload');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(qrDataUrl(hostile).startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
  });
});

describe('legend entries', () => {
  it('list the firms, chain colours and the six areas for the default layers', () => {
    const s = loadedStore().getState();
    const entries = selectLegend(s);
    const areas = entries.filter((e) => e.group === 'areas');
    expect(areas.map((e) => e.colour)).toEqual(data.areas.areas.map((a) => AREA_COLOURS[a.id]));
    expect(areas.map((e) => e.label)).toEqual(data.areas.areas.map((a) => a.name.zh));
    expect(areas.every((e) => (e.detail ?? '') !== '')).toBe(true);
    expect(areas.filter((e) => e.mark === 'dashed').length).toBe(
      data.areas.areas.filter((a) => a.kind === 'park').length,
    );
    const chains = entries.filter((e) => e.group === 'enterprises').map((e) => e.colour);
    for (const c of data.chain.chains) expect(chains).toContain(CHAIN_COLOURS[c.id]);
    expect(entries.some((e) => e.group === 'chargers')).toBe(false);
  });

  it('follow the layers: chargers (and coverage) when shown, no areas when hidden', () => {
    const store = loadedStore();
    store.getState().toggleLayer('chargers');
    store.getState().toggleLayer('coverage');
    store.getState().toggleLayer('areas');
    store.getState().setLang('en');
    const entries = selectLegend(store.getState());
    expect(entries.filter((e) => e.group === 'areas')).toEqual([]);
    const sites = entries.filter((e) => e.group === 'chargers');
    expect(sites[0]?.mark).toBe('none');
    expect(sites[0]?.label).toContain('illustrative');
    expect(sites.map((e) => e.mark)).toEqual(['none', 'dot', 'dot', 'ring', 'ring', 'faded']);
    expect(sites.at(-1)?.label).toBe('More than 3 km from a site');
  });
});

describe('view texts', () => {
  it('name what is shown: a tour step, a selection, a segment, a panel, or the whole city', () => {
    const store = loadedStore();
    expect(viewTitle(store.getState())).toBe('全市产业布局');
    store.getState().setPanel('chain');
    expect(viewTitle(store.getState())).toBe('产业链');
    store.getState().select({ kind: 'area', id: 'hitech' });
    expect(viewTitle(store.getState())).toBe('市高新区');
    store.getState().focusSegment('power-battery');
    expect(viewTitle(store.getState())).toBe(
      data.chain.segments.find((x) => x.id === 'power-battery')?.name.zh,
    );
    store.getState().goToStep(1);
    expect(viewTitle(store.getState())).toBe(data.tour[1]?.title.zh);
    store.getState().endTour();
    store.getState().setLang('en');
    store.getState().select({ kind: 'area', id: 'duji' });
    expect(viewTitle(store.getState())).toBe(data.areas.areas.find((a) => a.id === 'duji')?.name.en);
    expect(layersLine(store.getState())).toMatch(/^Layers: Enterprises.*, Six specialised areas/);
    expect(sourcesFor(store.getState()).join(' ')).toContain('CC BY 4.0');
  });

  it('date the picture in local time and name the file by it', () => {
    const d = new Date(2025, 0, 9, 23, 30);
    expect(isoDate(d)).toBe('2025-01-09');
    expect(mapImageFileName(d)).toBe('huaibei-map-2025-01-09.png');
  });

  it('link each tour step to the view a step link opens', () => {
    const s = loadedStore().getState();
    const href = 'https://intranet.example/maps/huaibei/?from=x#v=1&sel=area:duji&lang=zh';
    expect(baseHref(href)).toBe('https://intranet.example/maps/huaibei/?from=x');
    const link = stepLink(href, data.tour, 2, shareStateOf(s));
    expect(link?.startsWith('https://intranet.example/maps/huaibei/?from=x#v=1&')).toBe(true);
    expect(link?.endsWith('&tour=3')).toBe(true);
    const known = new Set(s.layerDefs.map((l) => l.id));
    const decoded = decodeHash(new URL(link ?? '').hash, known);
    expect(decoded.rejected).toEqual([]);
    expect(decoded.state.tourStep).toBe(2);
    expect(decoded.state.selection).toEqual(data.tour[2]?.selection);
    expect(stepLink(href, [], 0, shareStateOf(s))).toBeNull();
  });
});

describe('wrapText', () => {
  // Every character one unit wide: easy to reason about.
  const measure = (s: string) => [...s].length;

  it('breaks Chinese anywhere and English at spaces', () => {
    expect(wrapText('淮北新能源汽车产业布局图', 5, measure)).toEqual(['淮北新能源', '汽车产业布', '局图']);
    expect(wrapText('the whole city view', 9, measure)).toEqual(['the whole', 'city view']);
    expect(wrapText('濉溪县 Suixi County', 8, measure)).toEqual(['濉溪县', 'Suixi', 'County']);
  });

  it('cuts a word longer than a line, and ends a cut text with an ellipsis', () => {
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('一二三四五六七八九十', 4, measure, 2)).toEqual(['一二三四', '五六七…']);
  });
});
