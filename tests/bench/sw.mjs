// The `sw` section of `npm run bench`: what the service worker's precache buys on a return visit.
// Against the built app served by run.mjs's plain static server (every response `no-store`, so no
// HTTP cache can stand in for the service worker), each run opens two fresh Chromium profiles:
//   with the service worker allowed: a cold first load, then (once the worker controls the page,
//     i.e. its precache is complete) a reload answered from the precache;
//   with service workers blocked: the same cold load and a plain reload, which fetches everything
//     again over the network with the browser otherwise just as warm (code and shader caches):
//     the baseline that separates what the precache does from what a second load in the same
//     profile gets anyway.
// The two profiles alternate which goes first. Times are ms from navigation start to the first
// `idle` with the bundled data in the style (the same probe as the startup section); bytes are
// transfer sizes (body + headers) of responses that came over the network, by the time of that idle.

import { launchFreshChromium } from '../chromium.mjs';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (x) => Math.round(x * 10) / 10;

/** Every finished request of the profile, in order, classified once the load is over. */
function recordTraffic(ctx, origin) {
  const finished = [];
  const external = new Set();
  ctx.on('requestfinished', (req) => finished.push(req));
  ctx.on('request', (req) => {
    if (!req.url().startsWith(origin) && !/^(data|blob):/.test(req.url())) external.add(req.url());
  });
  return {
    mark: () => finished.length,
    external,
    /** Network bytes and counts for the requests finished since `from`. */
    async since(from) {
      const out = { pageNetworkBytes: 0, pageNetworkRequests: 0, fromServiceWorker: 0, workerOwnBytes: 0 };
      for (const req of finished.slice(from)) {
        if (/^(data|blob):/.test(req.url())) continue;
        const res = await req.response();
        if (!res) continue;
        const sizes = await req.sizes();
        const bytes = Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
        if (req.serviceWorker()) {
          // The worker's own fetches: the precache download (and workbox's runtime script).
          out.workerOwnBytes += bytes;
        } else if (res.fromServiceWorker()) {
          out.fromServiceWorker += 1;
        } else {
          out.pageNetworkBytes += bytes;
          out.pageNetworkRequests += 1;
        }
      }
      return out;
    },
  };
}

/** Navigates (or reloads) and waits for the app's first idle with its data; returns ms since navigation start. */
async function loadOnce(page, navigate, timeoutMs) {
  await navigate();
  await page.waitForFunction(() => window.__benchIdle, null, { timeout: timeoutMs });
  const idleMs = await page.evaluate(() => window.__benchIdle);
  const sources = await page.evaluate(() => window.__benchSources);
  if (!sources?.includes('city')) throw new Error(`first idle without the city source (${sources})`);
  // Let network events that reached the browser just before idle also reach us.
  await page.waitForTimeout(250);
  return idleMs;
}

/** One fresh profile: a cold load, then a reload (from the precache when the worker is allowed). */
async function profileRun(url, origin, serviceWorkers, init, timeoutMs, log) {
  const { context: ctx, close } = await launchFreshChromium({
    viewport: { width: 1024, height: 768 },
    serviceWorkers,
  });
  try {
    ctx.setDefaultTimeout(timeoutMs);
    const traffic = recordTraffic(ctx, origin);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => log('sw page error:', e.message));
    page.on('console', (m) => {
      if (m.text().includes('GL Driver Message')) return;
      if (m.type() === 'error' || m.type() === 'warning') log(`sw console.${m.type()}:`, m.text());
    });
    await page.addInitScript(init);

    const coldMark = traffic.mark();
    const coldMs = await loadOnce(page, () => page.goto(url, { timeout: timeoutMs }), timeoutMs);
    const cold = await traffic.since(coldMark);

    let worker = null;
    let precache = null;
    if (serviceWorkers === 'allow') {
      // The worker activates (and, with clientsClaim, takes the page) once its precache is complete.
      worker = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) =>
            navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
          );
        }
        const keys = await caches.keys();
        let entries = 0;
        for (const k of keys) entries += (await (await caches.open(k)).keys()).length;
        return { scope: reg.scope, entries };
      });
      precache = await traffic.since(coldMark);
    }

    const reloadMark = traffic.mark();
    const reloadMs = await loadOnce(page, () => page.reload({ timeout: timeoutMs }), timeoutMs);
    const reload = await traffic.since(reloadMark);
    if (traffic.external.size) log('sw: requests leaving the machine:', [...traffic.external].join(' '));
    return {
      coldMs,
      cold,
      reloadMs,
      reload,
      worker,
      precacheBytes: precache?.workerOwnBytes ?? null,
      external: [...traffic.external],
      version: ctx.browser()?.version() ?? null,
    };
  } finally {
    await close();
  }
}

/**
 * Runs the section and returns its JSON. `origin` serves the built app at `path` (run.mjs's
 * server: a sub-path, as the site is deployed); `init` is the page script that sets
 * window.__benchIdle / __benchSources at the first idle with the data (run.mjs's watchAppIdle).
 */
export async function swBench({
  origin,
  path = '/app/',
  runs = 5,
  warmup = 1,
  init,
  timeoutMs = 60_000,
  log,
}) {
  const say = log ?? (() => {});
  const url = origin + path;
  for (let i = 0; i < warmup; i++) {
    say(`sw: warm-up ${i + 1}/${warmup}`);
    await profileRun(url, origin, 'allow', init, timeoutMs, say);
    await profileRun(url, origin, 'block', init, timeoutMs, say);
  }
  const withSw = [];
  const withoutSw = [];
  for (let i = 0; i < runs; i++) {
    // Alternating which profile goes first, so that a slow patch of the machine hits both alike.
    const order = i % 2 ? ['block', 'allow'] : ['allow', 'block'];
    for (const sw of order) {
      const r = await profileRun(url, origin, sw, init, timeoutMs, say);
      (sw === 'allow' ? withSw : withoutSw).push(r);
      say(
        `sw: run ${i + 1}/${runs} workers ${sw}: cold ${r.coldMs.toFixed(1)} ms ` +
          `(${r.cold.pageNetworkBytes} B), reload ${r.reloadMs.toFixed(1)} ms (${r.reload.pageNetworkBytes} B)`,
      );
    }
  }
  const scopes = [...new Set(withSw.map((r) => r.worker?.scope))];
  if (scopes.length !== 1 || scopes[0] !== url) {
    throw new Error(`sw: expected the worker's scope to be ${url}, got ${scopes.join(', ')}`);
  }
  const stat = (rs, pick) => {
    const xs = rs.map(pick);
    return { runs: xs.map(round1), median: round1(median(xs)) };
  };
  const cold = stat(withSw, (r) => r.coldMs);
  const swReload = stat(withSw, (r) => r.reloadMs);
  const coldNoSw = stat(withoutSw, (r) => r.coldMs);
  const plainReload = stat(withoutSw, (r) => r.reloadMs);
  const medianOf = (rs, pick) => median(rs.map(pick));
  return {
    note:
      'Service-worker precache (vite-plugin-pwa, generateSW) on a return visit. The built app is ' +
      `served at ${path} by the bench's static server with cache-control: no-store (no HTTP cache). ` +
      'Per run, two fresh Chromium profiles, alternating which goes first: service workers allowed ' +
      '(cold first load; then, once the worker controls the page, i.e. its precache is complete, ' +
      'page.reload() answered from the precache) and service workers blocked (the same cold load, ' +
      'then a plain reload that fetches everything again with the browser otherwise as warm). ' +
      'timeToFirstIdleMs: ms from navigation start to the first `idle` with the bundled data drawn. ' +
      'networkBytes: medians of response body + header bytes the page received over the network ' +
      '(not from the worker) by that idle (+250 ms); precacheDownloadBytes: what the worker itself ' +
      'fetched to fill its precache after the first load (the first visit pays it once). ' +
      'ratioSwReloadOverCold < 1: the return visit is faster; ratioSwReloadOverPlainReload isolates ' +
      'the precache from the rest of the warm browser. Localhost network is nearly free, so the time ' +
      'saving here is a floor; on a real network it is the whole download. SwiftShader WebGL: only ' +
      'ratios carry across machines.',
    runs,
    warmupPairs: warmup,
    scope: scopes[0],
    precacheEntries: withSw[0]?.worker?.entries ?? null,
    timeToFirstIdleMs: {
      cold,
      swReload,
      coldNoSw,
      plainReload,
      ratioSwReloadOverCold: Math.round((swReload.median / cold.median) * 100) / 100,
      ratioSwReloadOverPlainReload: Math.round((swReload.median / plainReload.median) * 100) / 100,
    },
    networkBytes: {
      cold: medianOf(withSw, (r) => r.cold.pageNetworkBytes),
      swReload: medianOf(withSw, (r) => r.reload.pageNetworkBytes),
      coldNoSw: medianOf(withoutSw, (r) => r.cold.pageNetworkBytes),
      plainReload: medianOf(withoutSw, (r) => r.reload.pageNetworkBytes),
      precacheDownloadBytes: medianOf(withSw, (r) => r.precacheBytes ?? 0),
    },
    requests: {
      swReloadFromWorker: medianOf(withSw, (r) => r.reload.fromServiceWorker),
      swReloadFromNetwork: medianOf(withSw, (r) => r.reload.pageNetworkRequests),
      plainReloadFromNetwork: medianOf(withoutSw, (r) => r.reload.pageNetworkRequests),
    },
    external: [...new Set([...withSw, ...withoutSw].flatMap((r) => r.external))],
    chromium: withSw[0]?.version ?? null,
  };
}
