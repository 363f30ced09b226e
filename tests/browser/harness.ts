import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchFreshChromium } from '../chromium.mjs';

export const TABLET_PORTRAIT = { width: 768, height: 1024 };
export const TABLET_LANDSCAPE = { width: 1024, height: 768 };

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Requests that went anywhere but the local server. */
  external: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  close: () => Promise<void>;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * A fresh browser profile (no cache, no storage) with a touch screen, like a tablet. Service
 * workers are blocked (so `page.route` sees every request) unless `serviceWorkers: 'allow'`.
 */
export async function openBrowser(
  viewport = TABLET_PORTRAIT,
  extraArgs: string[] = [],
  { serviceWorkers = 'block' }: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<AppPage> {
  const { context, close } = await launchFreshChromium({
    viewport,
    hasTouch: true,
    locale: 'zh-CN',
    extraArgs,
    serviceWorkers,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const external: string[] = [];
  const errors: string[] = [];
  const origin = new URL(baseUrl()).origin;
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    page,
    context,
    external,
    errors,
    close,
  };
}

/** Opens the app with a hash and waits until the data is in the map and the map is idle. */
export async function gotoApp(page: Page, hash = ''): Promise<void> {
  // A fresh document each time: going from one hash to another would only be a same-page jump.
  await page.goto('about:blank');
  await page.goto(`${baseUrl()}${hash}`);
  await waitForMapIdle(page);
}

export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = window.__huaibei;
      return (
        !!h && h.store.getState().data !== null && h.map.isStyleLoaded() && !!h.map.getLayer('city-outline')
      );
    },
    null,
    { timeout: 30_000 },
  );
  // Ask for a repaint and wait for the idle that follows it: a fresh idle, after any pending move.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__huaibei?.map;
        if (!map) return resolve();
        requestAnimationFrame(() => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
      }),
  );
}

/** Waits until the address bar shows a hash that satisfies the predicate, and returns it. */
export async function waitForHash(page: Page, test: (hash: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const hash = await page.evaluate(() => location.hash);
    if (test(hash)) return hash;
    if (Date.now() > deadline) throw new Error(`hash never matched; last: ${hash}`);
    await page.waitForTimeout(100);
  }
}

/** Screen position of a lng/lat on the page (map container offset included). */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.__huaibei?.map;
    if (!map) throw new Error('no map');
    const p = map.project(ll);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}
