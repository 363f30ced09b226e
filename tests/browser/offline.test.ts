import { describe, expect, it } from 'vitest';
import { issueReason } from '../../src/i18n/t';
import {
  type AppPage,
  baseUrl,
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

/** Every chain segment shown in the chain view with its firm count. */
async function chainCounts(app: AppPage): Promise<[string, number][]> {
  const nodes = app.page.locator('[data-seg]');
  await expect.poll(() => nodes.count()).toBeGreaterThan(0);
  return nodes.evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-seg') ?? '', Number(el.getAttribute('data-count'))]),
  );
}

/** Goes close enough that the firm's dot stands apart from its neighbours, then taps it. */
async function tapFirm(app: AppPage, id: string) {
  const pos = await app.page.evaluate((firm) => window.__huaibei?.firmPosition(firm) ?? null, id);
  if (!pos) throw new Error(`firm ${id} is not on the map`);
  await app.page.evaluate((center) => window.__huaibei?.map.jumpTo({ center, zoom: 14 }), pos);
  await waitForMapIdle(app.page);
  const p = await project(app.page, pos);
  // A click, not a touch: headless Chromium can drop the first synthetic touch after a camera jump.
  await app.page.mouse.click(p.x, p.y);
}

/** What the app holds once loaded: sizes of the bundled collections and any data problems. */
const loaded = (app: AppPage) =>
  app.page.evaluate(() => {
    const d = window.__huaibei?.store.getState().data;
    return d
      ? {
          enterprises: d.enterprises.length,
          chargers: d.chargers.length,
          districts: d.districts.features.length,
          neighbours: d.neighbours.features.length,
          issues: d.issues
            .filter((i) => i.severity === 'error')
            .map((i) => `${i.file}: ${issueReason('en', i)}`),
        }
      : null;
  });

// The only tests that let the service worker in: every other one blocks it so page.route works.
// They run in order on one page: a first visit online, then everything offline.
describe('offline after the first visit', () => {
  const app = useApp(TABLET_LANDSCAPE, { serviceWorkers: 'allow' });
  let online: { data: Awaited<ReturnType<typeof loaded>>; chain: [string, number][] };
  const fromWorker: string[] = [];
  const fromNetwork: string[] = [];

  it('precaches the site on the first visit and takes over the page', async () => {
    await gotoApp(app.page, '#v=1&panel=chain', { fresh: true });
    online = { data: await loaded(app), chain: await chainCounts(app) };
    expect(online.data?.enterprises).toBeGreaterThan(0);
    const sw = await app.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      // clientsClaim: the first page is taken over as soon as the precache is complete.
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) =>
          navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
        );
      }
      const keys = await caches.keys();
      const precached = (await Promise.all(keys.map(async (k) => (await caches.open(k)).keys()))).flat()
        .length;
      return { scope: reg.scope, script: reg.active?.scriptURL ?? null, precached };
    });
    // Relative base: the worker and its scope are the folder the site is served from.
    expect(sw.scope).toBe(baseUrl());
    expect(sw.script).toBe(`${baseUrl()}sw.js`);
    expect(sw.precached).toBeGreaterThan(20);
    expect(app.errors).toEqual([]);
  });

  it('draws the map, the firms and the chain with the network gone', async () => {
    await app.context.setOffline(true);
    app.page.on('response', (r) => (r.fromServiceWorker() ? fromWorker : fromNetwork).push(r.url()));
    // A fresh document, offline: shell, chunks, maplibre's worker and data all come from the precache.
    await gotoApp(app.page, '', { fresh: true });
    const data = await loaded(app);
    expect(data).toEqual(online.data);
    expect(data?.issues).toEqual([]);
    const areas = await app.page.evaluate(
      () =>
        new Set(
          window.__huaibei?.map
            .queryRenderedFeatures({ layers: ['areas-fill'] })
            .map((f) => f.properties.area),
        ).size,
    );
    expect(areas).toBe(6);
    expect(fromWorker.some((u) => /\/assets\/index-[^/]+\.js$/.test(u))).toBe(true);
    expect(fromWorker.some((u) => /maplibre-gl-worker-[^/]+\.mjs$/.test(u))).toBe(true);
    expect(fromWorker.some((u) => u.endsWith('/data/enterprises.csv'))).toBe(true);
    // deck.gl is fetched after the first view (from the precache too), ready for a layer that needs it.
    await expect.poll(() => fromWorker.some((u) => u.includes('/deck-overlay-'))).toBe(true);

    // The enterprise layer (maplibre, no deck.gl needed) is drawn and answers a tap.
    await tapFirm(app, 'ent-003');
    await expect
      .poll(() => app.page.getByTestId('enterprise-card').getAttribute('data-enterprise'))
      .toBe('ent-003');
    expect(await app.page.evaluate(() => !!window.__huaibei?.map.getLayer('enterprises-dot'))).toBe(true);

    // The chain view shows the same counts as online.
    await app.page.getByTestId('nav-chain').tap();
    const chain = await chainCounts(app);
    expect(chain).toEqual(online.chain);
    expect(chain.length).toBe(43);
    expect(chain.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });

  it('loads a chunk not used so far, opens a link with a query, and sends nothing off the machine', async () => {
    // The charging view pulls in a chunk the page has not loaded yet (deck.gl aggregation layers).
    expect(fromWorker.some((u) => u.includes('/deck-lib-aggregation-'))).toBe(false);
    await tapMenuItem(app.page, 'nav-charging');
    // The panel is a chunk of its own, read from the offline copy: on a loaded machine, seconds.
    await expect.poll(() => app.page.getByTestId('charging-panel').count(), { timeout: 10_000 }).toBe(1);
    await waitForHash(app.page, (h) => h.includes('panel=charging') && /layers=[^&]*chargers/.test(h));
    await expect.poll(() => fromWorker.some((u) => u.includes('/deck-lib-aggregation-'))).toBe(true);
    await expect.poll(async () => (await deckGroups(app)).length).toBeGreaterThan(0);
    await waitForMapIdle(app.page);
    const n = Number(((await app.page.getByTestId('site-count').textContent()) ?? '').replace(/\D/g, ''));
    expect(n).toBeGreaterThan(0);

    // A shared link that a messenger has appended a query to (WeChat adds ?from=…) opens offline too.
    await gotoApp(app.page, '?from=singlemessage&isappinstalled=0#v=1&sel=area:lieshan', { fresh: true });
    expect(await app.page.locator('.card').getAttribute('data-area')).toBe('lieshan');

    // Nothing came from anywhere but the worker, and nothing tried to leave the machine.
    expect(fromNetwork.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(app.external).toEqual([]);
    expect(app.errors).toEqual([]);

    // And the network really is gone: a file that is not precached cannot be fetched.
    const probe = await app.page.evaluate(() =>
      fetch('./not-precached.txt').then(
        () => 'fetched',
        () => 'failed',
      ),
    );
    expect(probe).toBe('failed');
  });
});
