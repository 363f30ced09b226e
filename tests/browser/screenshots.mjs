// `npm run screenshots`: builds nothing; serves dist/ and saves tablet-size screenshots to
// screenshots/ (git-ignored) for a person to look at. docs/screenshot.png in the README is one of them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { launchFreshChromium } from '../chromium.mjs';

const SHOTS = [
  {
    name: 'landscape-charging',
    viewport: { width: 1024, height: 768 },
    hash: '#v=1&panel=charging&layers=chargers,coverage,areas,neighbours&asof=2023',
  },
  { name: 'portrait-default', viewport: { width: 768, height: 1024 }, hash: '' },
  {
    name: 'landscape-chain',
    viewport: { width: 1024, height: 768 },
    hash: '#v=1&panel=chain&sel=segment:battery-box&f=seg:battery-box',
  },
  { name: 'portrait-chain', viewport: { width: 768, height: 1024 }, hash: '#v=1&panel=chain' },
  { name: 'landscape-targets', viewport: { width: 1024, height: 768 }, hash: '#v=1&panel=targets' },
  {
    name: 'landscape-enterprise',
    viewport: { width: 1024, height: 768 },
    hash: '#v=1&sel=enterprise:ent-024',
  },
  { name: 'portrait-card-hitech', viewport: { width: 768, height: 1024 }, hash: '#v=1&sel=area:hitech' },
  { name: 'landscape-card-linhuan', viewport: { width: 1024, height: 768 }, hash: '#v=1&sel=area:linhuan' },
  { name: 'landscape-en', viewport: { width: 1024, height: 768 }, hash: '#v=1&lang=en&sel=area:suixi' },
  {
    name: 'landscape-zoomed-layers',
    viewport: { width: 1024, height: 768 },
    hash: '#v=1&map=10.6/33.915/116.84/0/0&layers=enterprises,areas,townships,transport,neighbours',
    panel: true,
  },
  { name: 'portrait-tour-3', viewport: { width: 768, height: 1024 }, hash: '#v=1&tour=3' },
  { name: 'landscape-tour-2', viewport: { width: 1024, height: 768 }, hash: '#v=1&tour=2' },
  { name: 'landscape-tour-8', viewport: { width: 1024, height: 768 }, hash: '#v=1&tour=8' },
  {
    name: 'portrait-match',
    viewport: { width: 768, height: 1024 },
    hash: '#v=1&panel=match&match=battery-box@20',
  },
  {
    name: 'landscape-match',
    viewport: { width: 1024, height: 768 },
    hash: '#v=1&panel=match&match=battery-box@20',
  },
  { name: 'landscape-goals', viewport: { width: 1024, height: 768 }, hash: '#v=1&panel=goals' },
  {
    name: 'portrait-share',
    viewport: { width: 768, height: 1024 },
    hash: '#v=1&sel=area:hitech',
    share: true,
  },
];

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
const base = server.resolvedUrls?.local[0];
for (const shot of SHOTS) {
  const { context: ctx, close } = await launchFreshChromium({ viewport: shot.viewport, hasTouch: true });
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
  if (shot.share) {
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-qr').waitFor();
  }
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
  await close();
  console.log(join(out, `${shot.name}.png`));
}
await server.close();
