// How long the tour handout (one page per tour step) takes to prepare: from the tap on "Print
// handout" to the browser's print being called (stubbed, so nothing waits for a person). Two
// builds of the app in the same run, taken in turn (before, after, before, after…), so a busy
// machine slows both alike; medians and the ratio go to stdout as JSON.
//
//   node tests/bench/handout.mjs <dir-before> <dir-after> [rounds=3]
//
// Each round is a fresh browser (1024×768, a fresh profile): the app loads, the map settles, then
// the share dialog's tour handout is printed once to warm deck.gl's chunks and shaders (not timed),
// then once timed.

import { preview } from 'vite';
import { launchFreshChromium } from '../chromium.mjs';

// vite preview of a built directory, as the app is served elsewhere in the tests.
async function serve(dir) {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  return { origin: (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, ''), close: () => server.close() };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function printOnce(page) {
  await page.getByTestId('share-button').click();
  await page.getByTestId('handout-mode-tour').check({ force: true });
  const t0 = await page.evaluate(() => {
    window.__printedAt = null;
    window.print = () => {
      window.__printedAt = performance.now();
    };
    return performance.now();
  });
  await page.getByTestId('share-handout-print').click();
  await page.waitForFunction(() => window.__printedAt !== null, null, { timeout: 180_000, polling: 50 });
  const t1 = await page.evaluate(() => window.__printedAt);
  const pages = await page.getByTestId('handout-page').count();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.evaluate(() => window.__huaibei?.store.setState({ shareOpen: false }));
  return { ms: t1 - t0, pages };
}

async function round(origin) {
  const { context, close } = await launchFreshChromium({ viewport: { width: 1024, height: 768 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/#v=1`);
    await page.waitForFunction(
      () => window.__huaibei?.store.getState().data && window.__huaibei.map.getLayer('city-outline'),
      null,
      { timeout: 60_000 },
    );
    await printOnce(page);
    return await printOnce(page);
  } finally {
    await close();
  }
}

const [before, after, roundsArg] = process.argv.slice(2);
if (!before || !after)
  throw new Error('usage: node tests/bench/handout.mjs <dir-before> <dir-after> [rounds]');
const rounds = Number(roundsArg ?? 3);
const servers = await Promise.all([serve(before), serve(after)]);
const origins = servers.map((s) => s.origin);
const times = [[], []];
const pages = [0, 0];
for (let r = 0; r < rounds; r++) {
  for (const i of [0, 1]) {
    const res = await round(origins[i]);
    times[i].push(Math.round(res.ms));
    pages[i] = res.pages;
    process.stderr.write(
      `round ${r + 1} ${i ? 'after' : 'before'}: ${Math.round(res.ms)} ms, ${res.pages} pages\n`,
    );
  }
}
for (const s of servers) await s.close();
const [mb, ma] = times.map(median);
console.log(
  JSON.stringify(
    {
      pages,
      beforeMs: times[0],
      afterMs: times[1],
      medianBeforeMs: mb,
      medianAfterMs: ma,
      ratio: +(mb / ma).toFixed(2),
    },
    null,
    2,
  ),
);
