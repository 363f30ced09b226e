import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../chromium.mjs';

export const TABLET_PORTRAIT = { width: 768, height: 1024 };
export const TABLET_LANDSCAPE = { width: 1024, height: 768 };

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Requests that went anywhere but the local server. */
  external: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Console warnings (maplibre's "cannot fit", say). */
  warnings: string[];
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** Browser flags (e.g. --disable-3d-apis): such a browser is launched for this page alone. */
  extraArgs?: string[];
  /** 'block' (default) keeps the app's service worker out, so `page.route` sees every request. */
  serviceWorkers?: 'allow' | 'block';
  /**
   * 'reduce' (default) emulates prefers-reduced-motion, so the app's camera jumps instead of flying;
   * 'full' for a test of the flight itself.
   */
  motion?: 'reduce' | 'full';
}

export function baseUrl(): string {
  return inject('baseUrl');
}

// One Chromium per test file (vitest loads this module afresh for each file), closed after the file.
let shared: Promise<Browser> | undefined;
afterAll(async () => {
  const browser = await shared?.catch(() => undefined);
  shared = undefined;
  await browser?.close();
});

async function launch(extraArgs: string[]): Promise<Browser> {
  try {
    return await launchChromium({ extraArgs });
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new Error(`Chromium could not be started (${CHROMIUM_PATH}): ${first}`);
  }
}

/**
 * A fresh context (no cache, no storage) with a touch screen, like a tablet, in the file's browser.
 * Service workers are blocked unless `serviceWorkers: 'allow'`; motion is reduced unless `motion: 'full'`.
 */
export async function openBrowser(
  viewport = TABLET_PORTRAIT,
  { extraArgs = [], serviceWorkers = 'block', motion = 'reduce' }: OpenOptions = {},
): Promise<AppPage> {
  const own = extraArgs.length > 0 ? await launch(extraArgs) : null;
  if (!own) shared ??= launch([]);
  const browser = own ?? (await (shared as Promise<Browser>));
  const context = await browser.newContext({
    viewport,
    hasTouch: true,
    locale: 'zh-CN',
    serviceWorkers,
    reducedMotion: motion === 'full' ? 'no-preference' : 'reduce',
  });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const origin = new URL(baseUrl()).origin;
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return {
    page,
    context,
    external,
    errors,
    warnings,
    close: async () => {
      await context.close();
      await own?.close();
    },
  };
}

/**
 * The app page for the tests of one `describe`, opened before the first and closed after the last.
 * `setup` runs once it is open. If the browser cannot be launched (or `setup` fails), every test
 * of the block fails with that error: a failing beforeAll alone would only mark them skipped.
 */
export function useApp(
  viewport = TABLET_PORTRAIT,
  options: OpenOptions & { setup?: (app: AppPage) => Promise<void> } = {},
): AppPage {
  const app = {} as AppPage;
  let failure: unknown = null;
  let opened = false;
  beforeAll(async () => {
    try {
      Object.assign(app, await openBrowser(viewport, options));
      opened = true;
      await options.setup?.(app);
    } catch (e) {
      failure = e;
    }
  });
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(async () => {
    if (opened) await app.close();
  });
  return app;
}

/**
 * Opens the app with a link's hash and waits until the data is in the map and the map is idle.
 * On a page that already shows the app, the hash changes in place, as a link pasted into the
 * address bar does (the app restores the whole view from it, defaults for what it leaves out), and
 * the dialogs a link does not carry are closed: a full load costs seconds of software rendering.
 * `fresh: true` loads a new document: for tests of loading itself (routes that break a data file,
 * init scripts, offline, a query string).
 */
export async function gotoApp(
  page: Page,
  hash = '',
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  const inPlace =
    !fresh &&
    (hash === '' || hash.startsWith('#')) &&
    page.url().startsWith(baseUrl()) &&
    (await page.evaluate(() => window.__huaibei?.store.getState().data != null).catch(() => false));
  if (inPlace) {
    await page.evaluate((target) => {
      const h = window.__huaibei;
      if (!h) throw new Error('no app on the page');
      h.store.setState({ shareOpen: false, importDraft: null, reportFor: null, legendOpen: true });
      const next = target === '' ? '#' : target;
      return new Promise<void>((resolve) => {
        if (location.hash === next) return resolve();
        window.addEventListener('hashchange', () => resolve(), { once: true });
        location.hash = next;
      });
    }, hash);
    await waitForMapIdle(page);
    return;
  }
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(`${baseUrl()}${hash}`);
  await waitForMapIdle(page);
}

export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = window.__huaibei;
      // The saved imports join after the bundled map: a test reads the app once they are in (or given up on).
      const s = h?.store.getState();
      return (
        !!h &&
        !!s &&
        s.data !== null &&
        s.savedImports !== 'reading' &&
        h.map.isStyleLoaded() &&
        !!h.map.getLayer('city-outline')
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

/**
 * Waits until the address bar shows a hash that satisfies the predicate, and returns it. Reads the
 * hash again on each navigation of the page (replaceState and hash changes count), never by a timer.
 */
export async function waitForHash(
  page: Page,
  test: (hash: string) => boolean,
  timeout = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let wake = () => {};
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame()) wake();
  };
  page.on('framenavigated', onNavigated);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    for (;;) {
      // Listen before reading, so a change between the read and the wait is not missed.
      const changed = new Promise<boolean>((resolve) => {
        wake = () => resolve(true);
        timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
      });
      const hash = await page.evaluate(() => location.hash);
      if (test(hash)) return hash;
      if (!(await changed)) {
        const last = await page.evaluate(() => location.hash);
        if (test(last)) return last;
        throw new Error(`hash never matched; last: ${last}`);
      }
      clearTimeout(timer);
    }
  } finally {
    clearTimeout(timer);
    page.off('framenavigated', onNavigated);
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

/** Taps one of the top bar's less used actions, which sit under its "more" button. */
export async function tapMenuItem(page: Page, testId: string): Promise<void> {
  const item = page.getByTestId(testId);
  if (!(await item.isVisible())) await page.getByTestId('more-button').tap();
  await item.tap();
}

/** Every segment's firm count as the chain view shows it (opens the chain panel and closes it again). */
export async function segmentCounts(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('nav-chain').tap();
  await page.locator('[data-seg]').first().waitFor();
  const counts = await page
    .locator('[data-seg]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-seg'), e.getAttribute('data-count')])),
    );
  await page.getByTestId('nav-chain').tap();
  return counts as Record<string, string>;
}
