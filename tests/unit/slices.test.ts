import { beforeAll, describe, expect, it } from 'vitest';
import { type BundledData, loadBundled } from '../../src/data/load-bundled';
import { analyseChain, analyseChainInSlices } from '../../src/domain/chain-analysis';
import { placeEnterprises, placeEnterprisesInSlices } from '../../src/domain/enterprise-positions';
import { atSliceEnd, runInSlices, runWhole, SLICE_ITEMS, type Slices } from '../../src/domain/slices';
import { withImports, withImportsInSlices } from '../../src/import/merge';
import {
  dotsShown,
  enterpriseDots,
  enterpriseDotsInSlices,
  filterCategories,
} from '../../src/layers/enterprise-points';
import { dotAttributes, dotAttributesAhead } from '../../src/layers/enterprises-layer';
import { selectAnchors, selectEnterpriseById, selectFilteredEnterprises } from '../../src/state/selectors';
import { shownData } from '../../src/state/shown-data';
import { NO_FILTERS } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';
import { enterprise, importedDataset } from '../fixtures/records';

let data: BundledData;
beforeAll(async () => {
  data = await loadBundled(readPublic);
});

function* count(n: number): Slices<number> {
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    if (atSliceEnd(i)) yield;
    sum += i;
  }
  return sum;
}

describe('work in slices', () => {
  it('yields once per slice and gives the same answer whole or in slices', async () => {
    const n = 3 * SLICE_ITEMS + 5;
    const g = count(n);
    let yields = 0;
    while (!g.next().done) yields += 1;
    expect(yields).toBe(3);
    // A clock that moves 30 ms per look: every slice runs past the 20 ms budget, so each waits.
    let t = 0;
    let waits = 0;
    const sum = await runInSlices(
      count(n),
      async () => {
        waits += 1;
      },
      20,
      () => (t += 30),
    );
    expect(sum).toBe(runWhole(count(n)));
    expect(sum).toBe((n * (n - 1)) / 2);
    expect(waits).toBe(3);
  });

  it('waits only when a slice ran past the budget', async () => {
    let waits = 0;
    await runInSlices(
      count(4 * SLICE_ITEMS),
      async () => {
        waits += 1;
      },
      20,
      () => 0,
    );
    expect(waits).toBe(0);
  });

  it('joins, places, draws and looks up a large import the same in slices as at once', async () => {
    const n = 2 * SLICE_ITEMS + 100;
    const firms = Array.from({ length: n }, (_, i) =>
      enterprise({
        id: `u1-${i}`,
        key: `u1:${i}`,
        // Every third firm has no point and no area: kept apart, never joined.
        lngLat: i % 3 === 0 ? null : [116.5 + i * 1e-6, 33.6],
        area: i % 3 === 0 ? null : 'suixi',
        precision: i % 2 ? 'exact' : 'district',
      }),
    );
    const ds = importedDataset('u1', { enterprises: firms, rowCount: n });
    const joined = withImports(data, [ds]);
    // The bundled firms, then the placed ones of the import, in file order.
    expect(joined.enterprises).toEqual([...data.enterprises, ...firms.filter((_, i) => i % 3 !== 0)]);
    expect(joined.enterprises).toHaveLength(data.enterprises.length + n - Math.ceil(n / 3));
    const sliced = await runInSlices(withImportsInSlices(data, [ds]), async () => {}, 0);
    expect(sliced.enterprises).toEqual(joined.enterprises);

    const anchors = selectAnchors(joined);
    const places = await runInSlices(
      placeEnterprisesInSlices(joined.enterprises, anchors),
      async () => {},
      0,
    );
    expect(places).toEqual(placeEnterprises(joined.enterprises, anchors));
    const dots = await runInSlices(
      enterpriseDotsInSlices(joined.chain, joined.enterprises, places),
      async () => {},
      0,
    );
    expect(dots).toEqual(enterpriseDots(joined.chain, joined.enterprises, places));

    // The chain analysis and deck.gl's attributes, in slices with a wait between each.
    let waits = 0;
    const everySlice = async () => {
      waits += 1;
    };
    const analysis = await runInSlices(analyseChainInSlices(joined.chain, joined.enterprises), everySlice, 0);
    expect(waits).toBe(Math.ceil(joined.enterprises.length / SLICE_ITEMS) - 1);
    const whole = analyseChain(joined.chain, joined.enterprises);
    expect(analysis.segments.map((r) => [r.segment.id, r.count, r.countByArea, r.enterpriseKeys])).toEqual(
      whole.segments.map((r) => [r.segment.id, r.count, r.countByArea, r.enterpriseKeys]),
    );
    expect(analysis.targets.map((t) => t.segment.id)).toEqual(whole.targets.map((t) => t.segment.id));
    const categories = filterCategories(joined.chain, NO_FILTERS);
    const attributes = await dotAttributesAhead(dots, categories, async () => {});
    // Made ahead, it is the object the layer is given after, not a second one.
    expect(dotAttributes(dots, categories)).toBe(attributes);
    expect(Array.from(attributes.attributes.getFilterValue?.value ?? [])).toEqual(
      Array.from(dotsShown(dots, categories)),
    );
    expect(attributes.attributes.getFilterValue?.value.every((v) => v === 1)).toBe(true);
  });

  it('made ahead, a look-up is the one the selector gives after', async () => {
    const firms = Array.from({ length: SLICE_ITEMS + 1 }, (_, i) =>
      enterprise({ id: `u1-${i}`, key: `u1:${i}`, lngLat: [116.5, 33.6], precision: 'exact' }),
    );
    const shown = shownData(
      data,
      [importedDataset('u1', { enterprises: firms, rowCount: firms.length })],
      [],
    );
    const wait = async () => {};
    await selectEnterpriseById.ahead(shown, wait);
    await selectFilteredEnterprises.ahead(shown, NO_FILTERS, wait);
    const byId = selectEnterpriseById(shown);
    expect(byId.get(`u1-${SLICE_ITEMS}`)?.key).toBe(`u1:${SLICE_ITEMS}`);
    expect(byId.size).toBe(data.enterprises.length + firms.length);
    expect(selectFilteredEnterprises(shown, NO_FILTERS)).toHaveLength(shown.enterprises.length);
    // Made ahead once: asked again, the same object.
    expect(selectEnterpriseById(shown)).toBe(byId);
  });
});
