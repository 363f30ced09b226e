import { describe, expect, it } from 'vitest';
import {
  type AppPage,
  gotoApp,
  project,
  TABLET_LANDSCAPE,
  tapMenuItem,
  useApp,
  waitForHash,
  waitForMapIdle,
} from './harness';

const deckGroups = (app: AppPage) =>
  app.page.evaluate(() =>
    (window.__huaibei?.map.getLayersOrder() ?? []).filter((id) => id.startsWith('deck-')),
  );

describe('the charging network on a landscape tablet', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('opens from the top bar, puts the sites on the map and says the data is illustrative', async () => {
    await gotoApp(app.page);
    await tapMenuItem(app.page, 'nav-charging');
    const panel = app.page.getByTestId('charging-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.getByTestId('illustrative-banner').textContent()).toContain('示意数据');
    await waitForHash(app.page, (h) => h.includes('panel=charging') && /layers=[^&]*chargers/.test(h));
    await waitForMapIdle(app.page);
    // deck.gl (and its density code) arrives after the first view: the sites follow.
    await expect.poll(async () => (await deckGroups(app)).length).toBeGreaterThan(0);
    expect(await app.page.getByTestId('charger-legend').textContent()).toContain('示意数据');
    // Closing the panel takes off the sites it put on the map.
    await tapMenuItem(app.page, 'nav-charging');
    await waitForHash(app.page, (h) => !h.includes('panel=charging') && !/layers=[^&]*chargers/.test(h));
    expect(await app.page.evaluate(() => window.__huaibei?.store.getState().visibleLayers)).not.toContain(
      'chargers',
    );
  });

  it('replays the build-out: the slider changes the number of sites and charging points shown', async () => {
    await gotoApp(app.page, '#v=1&panel=charging&layers=chargers,areas');
    const sites = app.page.getByTestId('site-count');
    const all = await sites.textContent();
    const slider = app.page.getByTestId('year-slider');
    await slider.fill('2020');
    await expect.poll(() => app.page.getByTestId('as-of').textContent()).toContain('2020');
    const early = await sites.textContent();
    await slider.fill('2023');
    const later = await sites.textContent();
    const n = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));
    expect(n(early)).toBeGreaterThan(0);
    expect(n(early)).toBeLessThan(n(later));
    expect(n(later)).toBeLessThan(n(all));
    await waitForHash(app.page, (h) => h.includes('asof=2023'));
  });

  it('replays the build-out year by year from the play button', async () => {
    await gotoApp(app.page, '#v=1&panel=charging&layers=chargers,areas');
    await app.page.getByTestId('play-build-out').tap();
    // Each year shows for one second: watched in the page on every frame, so a busy machine cannot miss it.
    for (const year of ['2020', '2021'])
      await app.page.waitForFunction(
        (y) => document.querySelector('[data-testid=as-of]')?.textContent?.includes(y),
        year,
        { timeout: 15_000 },
      );
    await app.page.getByTestId('play-build-out').tap();
    // "Not provided", never zero: no district has a vehicle count in the bundled data.
    expect(await app.page.locator('[data-district=city] td').nth(1).textContent()).toBe('未提供');
  });

  it('lists the townships without a site and the share of the city covered, for a chosen distance', async () => {
    await gotoApp(app.page, '#v=1&panel=charging&layers=chargers,coverage,areas');
    const list = app.page.getByTestId('uncovered-townships');
    await expect.poll(() => list.locator('li').count()).toBeGreaterThan(0);
    const names = await list.locator('li').allTextContents();
    // Units without a seat point can get no site by nearest-seat assignment: the development zones are among them.
    expect(names.some((s) => s.includes('开发区'))).toBe(true);
    const share = async () =>
      Number(((await app.page.getByTestId('cover-share').textContent()) ?? '').match(/(\d+)%/)?.[1]);
    const at3 = await share();
    await app.page.getByTestId('cover-slider').fill('8');
    await expect.poll(share).toBeGreaterThan(at3);
    await waitForHash(app.page, (h) => h.includes('cover=8'));
  });

  it('restores the slider position and coverage distance from a shared link', async () => {
    const hash = '#v=1&layers=chargers,coverage,areas&lang=zh&panel=charging&asof=2021&cover=4.5';
    for (const reload of [false, true]) {
      if (reload) await app.page.reload();
      else await gotoApp(app.page, hash);
      await waitForMapIdle(app.page);
      expect(await app.page.getByTestId('year-slider').inputValue()).toBe('2021');
      expect(await app.page.getByTestId('cover-slider').inputValue()).toBe('4.5');
      expect(await app.page.getByTestId('as-of').textContent()).toContain('2021');
      expect(await app.page.getByTestId('cover-share').textContent()).toContain('4.5');
    }
  });

  it('opens a site card from its dot when zoomed in', async () => {
    await gotoApp(app.page, '#v=1&layers=chargers,areas');
    const pos = await app.page.evaluate(() => {
      const c = window.__huaibei?.store
        .getState()
        .data?.chargers.find((x) => x.lngLat && x.status === 'operating');
      return c ? { lngLat: c.lngLat as [number, number], id: c.id } : null;
    });
    if (!pos) throw new Error('no operating site with a point');
    await app.page.evaluate((center) => window.__huaibei?.map.jumpTo({ center, zoom: 15 }), pos.lngLat);
    await waitForMapIdle(app.page);
    const p = await project(app.page, pos.lngLat);
    await app.page.mouse.click(p.x, p.y);
    const card = app.page.getByTestId('charger-card');
    await expect.poll(() => card.getAttribute('data-charger')).toBe(pos.id);
    expect(await card.textContent()).toContain('示意数据');
  });
});

describe('a broken charger list', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('lists each bad row with its line and reason, and the charging view still works', async () => {
    const header =
      'id,name,operator,kind,connectors,power_kw,lon,lat,district,township,commissioned,status,illustrative,source';
    const csv = [
      header,
      'c1,甲站,A,teleporter,4,60,116.79,33.96,340603,340603001,2022-01-01,operating,true,s',
      'c2,乙站,A,dc_fast,-3,60,116.79,33.96,340603,340603001,2022-01-01,operating,true,s',
      'c3,丙站,A,ac_slow,2,7,116.79,33.96,340603,340603001,2099-01-01,operating,true,s',
      'c4,丁站,A,ac_slow,2,7,120.5,30.2,340603,340603001,2022-13-45,operating,true,s',
      'c5,戊站,A,dc_fast,6,120,116.80,33.95,340603,340603001,2021-05-01,operating,true,s',
    ].join('\n');
    await app.context.route('**/data/chargers.csv', (r) =>
      r.fulfill({ status: 200, body: csv, contentType: 'text/csv' }),
    );
    try {
      await gotoApp(app.page, '#v=1&panel=charging&layers=chargers,areas', { fresh: true });
      const issues = app.page.getByTestId('data-issues');
      await expect.poll(() => issues.count()).toBe(1);
      await issues.getByRole('button').first().tap();
      const text = (await issues.textContent()) ?? '';
      for (const needle of ['第 2 行', 'teleporter', '第 3 行', '第 4 行', '2099', '第 5 行'])
        expect(text, needle).toContain(needle);
      expect(await app.page.getByTestId('charging-panel').isVisible()).toBe(true);
      expect(app.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await app.context.unrouteAll();
    }
  });
});
