import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, TABLET_LANDSCAPE, tapMenuItem, useApp, waitForMapIdle } from './harness';

// The built site runs under the Content-Security-Policy of its index.html (src/security/csp.ts):
// the map, deck.gl, the workers, the service worker, a panel, the import, the share dialog's QR
// code, an online basemap and the tour, with no violation reported; and the policy is in force.

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

const ROSTER = new URL('../fixtures/import/roster-semicolon.csv', import.meta.url);
// A 1×1 PNG standing for an OpenStreetMap tile (the machine is offline).
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp ?? []);

/** Console lines the browser writes when the policy refuses something. */
const cspConsole = (errors: readonly string[], warnings: readonly string[]) =>
  [...errors, ...warnings].filter((m) => /Content Security Policy|Content-Security-Policy/i.test(m));

describe('the built site under its Content-Security-Policy', () => {
  let tiles = 0;
  const app = useApp(TABLET_LANDSCAPE, {
    serviceWorkers: 'allow',
    setup: async ({ page, context }) => {
      await context.route('https://tile.openstreetmap.org/**', (r) => {
        tiles += 1;
        return r.fulfill({ status: 200, contentType: 'image/png', body: TILE });
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: Violation[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__csp.push({
            directive: e.effectiveDirective,
            blocked: e.blockedURI,
            source: `${e.sourceFile}:${e.lineNumber}`,
            sample: e.sample,
          }),
        );
      });
      await gotoApp(page);
    },
  });

  it('carries the policy: scripts from the site only, no eval, no inline script', async () => {
    const policy = await app.page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("worker-src 'self' blob:;");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    // It stands before every script and stylesheet of the page, so it governs them all.
    const first = await app.page.evaluate(() =>
      [...document.head.children]
        .filter((e) => e.matches('script, link[rel=stylesheet], link[rel=modulepreload], meta[http-equiv]'))
        .map((e) => e.tagName.toLowerCase())
        .at(0),
    );
    expect(first).toBe('meta');
    const scripts = await app.page.evaluate(() =>
      [...document.querySelectorAll('script')].map((s) => ({
        src: s.src,
        inline: s.textContent?.trim() ?? '',
      })),
    );
    for (const s of scripts) expect(s.inline, s.src).toBe('');
  });

  it('runs the map, deck.gl, a panel, the import, the share dialog, an online basemap and the tour without a violation', async () => {
    const page = app.page;
    // The service worker registers and takes the page under the same policy.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

    // A panel whose layer is drawn by deck.gl (the charging sites, with its aggregation layers).
    await tapMenuItem(page, 'nav-charging');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window.__huaibei?.map.getLayersOrder() ?? []).some((id) => id.startsWith('deck-')),
        ),
      )
      .toBe(true);
    await waitForMapIdle(page);
    await page.evaluate(() => window.__huaibei?.store.getState().setPanel('none'));
    await tapMenuItem(page, 'nav-chain');
    await page.locator('[data-seg]').first().waitFor();
    await page.evaluate(() => window.__huaibei?.store.getState().setPanel('none'));

    // The import: read and checked in its worker, kept in IndexedDB, its report shown.
    await tapMenuItem(page, 'nav-data');
    await page
      .getByTestId('import-input')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: readFileSync(ROSTER) });
    await page.locator('[data-testid=import-dialog][data-phase=mapping]').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-go').tap();
    await page.locator('[data-testid=report-dialog][data-saving=false]').waitFor({ timeout: 30_000 });
    await page.getByTestId('report-close').tap();
    await page.evaluate(() => window.__huaibei?.store.getState().setPanel('none'));

    // The share dialog draws its QR code as a data: image.
    await tapMenuItem(page, 'share-button');
    await page.getByTestId('share-qr').waitFor();
    await page.getByTestId('share-close').tap();

    // An online basemap: its tiles are fetched from its host and drawn.
    await page.getByTestId('layers-button').tap();
    await page.locator('[data-layer=osm]').tap();
    await expect.poll(() => tiles, { timeout: 20_000 }).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await page.locator('[data-layer=osm]').tap();
    await page.getByTestId('layers-button').tap();

    // The tour: a few steps, each flying the camera and opening its panels.
    await page.getByTestId('tour-button').click();
    await page.getByTestId('tour-panel').waitFor();
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('tour-next').click();
      await waitForMapIdle(page);
    }
    await page.evaluate(() => window.__huaibei?.store.getState().endTour());
    await waitForMapIdle(page);

    expect(await violations(page)).toEqual([]);
    expect(cspConsole(app.errors, app.warnings)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('is in force: an inline script and a string run as code are refused, and said to be', async () => {
    const page = app.page;
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      // A string timer is eval: compiled by the page when it fires (code typed in DevTools is exempt).
      (setTimeout as (code: string, ms: number) => number)('window.__evalRan = true', 0);
    });
    await page.waitForTimeout(200);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
      return { inline: w.__inlineRan === true, eval: w.__evalRan === true };
    });
    expect(ran).toEqual({ inline: false, eval: false });
    await expect
      .poll(async () => (await violations(page)).map((v) => v.directive).sort())
      .toEqual(['script-src', 'script-src-elem']);
  });
});
