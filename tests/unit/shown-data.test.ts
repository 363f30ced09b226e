import { beforeAll, describe, expect, it } from 'vitest';
import { type BundledData, loadBundled } from '../../src/data/load-bundled';
import type { ImportedDataset } from '../../src/import/pipeline';
import { dotAttributes, MAPLIBRE_MAX_DOTS } from '../../src/layers/enterprises-layer';
import type { EnteredValue } from '../../src/model/entered';
import { prepareImports, prepareShown } from '../../src/state/prepare-shown';
import {
  selectAnalysis,
  selectEnterpriseByKey,
  selectEnterpriseDots,
  selectFilterCategories,
  selectFirmCells,
  selectLayerInput,
  selectNearDots,
} from '../../src/state/selectors';
import { shownData } from '../../src/state/shown-data';
import { createAppStore } from '../../src/state/store';
import { NO_FILTERS } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';
import { importedDataset } from '../fixtures/records';

const CITY_CAMERA = { zoom: 9, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 };

let data: BundledData;
beforeAll(async () => {
  data = await loadBundled(readPublic);
});

/** An import of n copies of the first bundled firm, each under its own key. */
function firms(id: string, n: number): ImportedDataset {
  const first = data.enterprises[0];
  if (!first) throw new Error('no bundled enterprise');
  const enterprises = Array.from({ length: n }, (_, i) => ({
    ...first,
    id: `${id}.r${i + 2}`,
    key: `${id}.r${i + 2}`,
  }));
  return importedDataset(id, { enterprises, rowCount: n });
}

describe('the data shown', () => {
  it('is the same object for the same imports in another array, and a new one when anything differs', () => {
    const a = firms('u1', 3);
    const b = firms('u2', 2);
    const none: EnteredValue[] = [];
    const made = shownData(data, [a, b], none);
    expect(made.enterprises).toHaveLength(data.enterprises.length + 5);
    expect(shownData(data, [a, b], none)).toBe(made);
    expect(shownData(data, [b, a], none)).not.toBe(made);
    const entered: EnteredValue[] = [];
    expect(shownData(data, [a, b], entered)).not.toBe(made);
  });

  it('is made ahead a part per task, and the store update that follows finds it and its derived data', async () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    const big = firms('u1', MAPLIBRE_MAX_DOTS + 1);
    let waits = 0;
    const made = await prepareShown(
      data,
      [big],
      store.getState().entered,
      { filters: NO_FILTERS, asOfYear: null, camera: CITY_CAMERA },
      async () => {
        waits += 1;
      },
    );
    // A wait before each part (chain analysis, shapes, positions, dots, deck.gl attributes, the
    // cells seen from afar, filtered firms, two look-ups, sites), and more where a long list's
    // slice ran past its time budget (a loaded machine): at least one per part.
    expect(waits).toBeGreaterThanOrEqual(10);
    const dots = selectEnterpriseDots(made);
    const analysis = selectAnalysis(made);
    const byKey = selectEnterpriseByKey(made);
    store.getState().setImports([big]);
    const shown = store.getState().data as BundledData;
    expect(shown).toBe(made);
    expect(selectEnterpriseDots(shown)).toBe(dots);
    expect(selectAnalysis(shown)).toBe(analysis);
    expect(selectEnterpriseByKey(shown)).toBe(byKey);
    expect(dots.length).toBeGreaterThan(MAPLIBRE_MAX_DOTS);
    // The cells the city view draws were counted ahead: the layer input finds them made.
    const cells = selectFirmCells(dots, selectFilterCategories(made, NO_FILTERS), 9);
    store.getState().cameraMoved({ zoom: 9.4, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 });
    expect(selectLayerInput(store.getState())?.firmCells).toBe(cells);
    expect(cells?.total).toBe(new Set(dots.firm).size);
  });

  it('close in, makes deck.gl the attributes of the dots near the view, not of all of them', async () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    const big = firms('u3', MAPLIBRE_MAX_DOTS + 1);
    // The imported firms come last: the camera looks at where the last dot is drawn.
    const all = selectEnterpriseDots(shownData(data, [big], store.getState().entered));
    const [lng, lat] = [
      all.position[2 * all.length - 2] as number,
      all.position[2 * all.length - 1] as number,
    ];
    const camera = { zoom: 14, lat, lng, bearing: 0, pitch: 0 };
    const made = await prepareShown(data, [big], store.getState().entered, {
      filters: NO_FILTERS,
      asOfYear: null,
      camera,
    });
    store.getState().setImports([big]);
    store.getState().cameraMoved(camera);
    const input = selectLayerInput(store.getState());
    const dots = selectEnterpriseDots(made);
    const near = input?.nearDots;
    // Some firms are in view, and most of the city's are not handed to deck.gl.
    expect(near).toBe(selectNearDots(dots, camera));
    expect(near?.length).toBeGreaterThan(0);
    expect(near?.length).toBeLessThan(dots.length);
    expect(input?.firmCells).toBeNull();
    const attributes = dotAttributes(
      near as NonNullable<typeof near>,
      selectFilterCategories(made, NO_FILTERS),
    );
    expect(attributes.length).toBe(near?.length);
  });

  it('is made anew when the imports changed between the preparing and the update', async () => {
    const store = createAppStore('');
    store.getState().dataLoaded(data);
    const a = firms('u1', 4);
    await prepareImports(store.getState(), [a]);
    const made = shownData(data, [a], store.getState().entered);
    const other = firms('u2', 1);
    store.getState().setImports([other]);
    const shown = store.getState().data as BundledData;
    expect(shown).not.toBe(made);
    expect(shown.enterprises.map((e) => e.key)).toContain('u2.r2');
    expect(shown.enterprises.map((e) => e.key)).not.toContain('u1.r2');
  });

  it('with saved imports, is made with those made meanwhile after them, as the store joins them', async () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().dataLoaded(data);
    const made = firms('u2', 1);
    store.getState().setImports([made]);
    const saved = firms('u1', 2);
    await prepareImports(store.getState(), [saved], 'saved');
    const ahead = shownData(data, [saved, made], store.getState().entered);
    store.getState().savedImportsLoaded([saved]);
    expect(store.getState().imports.map((i) => i.id)).toEqual(['u1', 'u2']);
    expect(store.getState().data).toBe(ahead);
  });
});
