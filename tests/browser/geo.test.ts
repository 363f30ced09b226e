import { describe, expect, it } from 'vitest';
import { gotoApp, project, useApp } from './harness';

// Issue 13: the schematic transport layer and the area cards' straight-line distances.
describe('geography for a location pitch', () => {
  const app = useApp();

  it('the transport layer draws its expressway labels (read from the rendered features)', async () => {
    await gotoApp(app.page, '#v=1&map=9.00/33.800/116.750&layers=areas,transport');
    // The context file arrives after the first draw (fetched when the layer is on): wait for its labels.
    await expect
      .poll(
        () =>
          app.page.evaluate(() => {
            const map = window.__huaibei?.map;
            if (!map) return [];
            const found = map.queryRenderedFeatures({
              layers: ['transport-expressway-label', 'transport-expressway-point-label'],
            });
            return [...new Set(found.map((f) => String(f.properties.ref)))].sort();
          }),
        { timeout: 15_000 },
      )
      .toEqual(['G0321', 'G1516', 'G3', 'G30']);
    const legend = await app.page.locator('.legend').textContent();
    expect(legend).toContain('G3 京台高速：示意线');
    expect(legend).toContain('G0321 德上高速');
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('an area card shows its nearest junction by name', async () => {
    await gotoApp(app.page, '#v=1&layers=areas');
    const suixi = await project(app.page, [116.75, 33.72]);
    await app.page.touchscreen.tap(suixi.x, suixi.y);
    const card = app.page.locator('.card');
    await expect.poll(() => card.getAttribute('data-area')).toBe('suixi');
    const junction = card.locator('[data-testid=reach-junction]');
    await expect.poll(() => junction.textContent()).toContain('百善镇');
    expect(await junction.textContent()).toContain('直线距离');
    expect(await card.locator('[data-testid=reach-xuzhou]').textContent()).toContain('53 公里');
    expect(await card.locator('[data-testid=reach-airport]').first().textContent()).toContain(
      '徐州观音国际机场',
    );
    // One tap frames Huaibei and Xuzhou with the cities layer on.
    await card.locator('[data-testid=show-xuzhou]').tap();
    await expect
      .poll(() =>
        app.page.evaluate(() => window.__huaibei?.store.getState().visibleLayers.includes('cities')),
      )
      .toBe(true);
    expect(app.errors).toEqual([]);
  });
});
