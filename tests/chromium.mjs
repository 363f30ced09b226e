// The one way our scripts start a browser: Debian's Chromium (never a downloaded one), headless,
// in a fresh throwaway profile so no cache or storage carries over between runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which an
// offline machine (and a tablet in the field) does not have; the retries add noise to timings.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with a fresh profile; `close()` shuts it and deletes the profile.
 * Service workers are blocked unless `serviceWorkers: 'allow'`: the app's offline worker would
 * answer from its precache and bypass `page.route`, which tests use to serve broken data files.
 */
export async function launchFreshChromium({
  viewport,
  hasTouch = false,
  locale,
  extraArgs = [],
  serviceWorkers = 'block',
} = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'hb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: viewport ?? { width: 1024, height: 768 },
    hasTouch,
    ...(locale ? { locale } : {}),
    serviceWorkers,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
