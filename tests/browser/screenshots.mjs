// `npm run screenshots`: builds nothing; serves dist/ and saves tablet-size screenshots to
// screenshots/ (git-ignored) for a person to look at. docs/screenshot.png in the README is one of them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const SHOTS = [
  { name: 'portrait-default', viewport: { width: 768, height: 1024 }, hash: '' },
  { name: 'portrait-card-hitech', viewport: { width: 768, height: 1024 }, hash: '#v=1&sel=area:hitech' },
  { name: 'landscape-card-linhuan', viewport: { width: 1024, height: 768 }, hash: '#v=1&sel=area:linhuan' },
  { name: 'landscape-en', viewport: { width: 1024, height: 768 }, hash: '#v=1&lang=en&sel=area:suixi' },
  {
    name: 'landscape-zoomed-layers',
    viewport: { width: 1024, height: 768 },
    hash: '#v=1&map=10.6/33.915/116.84/0/0&layers=areas,townships,transport,neighbours',
    panel: true,
  },
];

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
const base = server.resolvedUrls?.local[0];
for (const shot of SHOTS) {
  const dir = mkdtempSync(join(tmpdir(), 'hb-shot-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: shot.viewport,
    hasTouch: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = ctx.pages()[0];
  await page.goto(`${base}${shot.hash}`);
  await page.waitForFunction(
    () => window.__huaibei?.store.getState().data && window.__huaibei.map.getLayer('city-outline'),
    null,
    {
      timeout: 30_000,
    },
  );
  if (shot.panel) await page.getByTestId('layers-button').click();
  // Wait for an idle that follows a fresh repaint, so the picture shows the finished map.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__huaibei.map;
        requestAnimationFrame(() => {
          map.once('idle', resolve);
          map.triggerRepaint();
        });
      }),
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, `${shot.name}.png`) });
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(join(out, `${shot.name}.png`));
}
await server.close();
