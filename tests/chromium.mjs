// The one way our scripts start a browser: Debian's Chromium (never a downloaded one), headless.
// Also what `npm test` checks before it starts: a Chromium to drive and a CJK font for it to draw with.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

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

// Debian packages that provide what is missing.
const PACKAGES = { chromium: 'chromium', font: 'fonts-wqy-microhei' };

/**
 * What the machine lacks for the browser tests, and what to do about it. Pure: the probes come in,
 * so the unit tests can play a bare machine, a user without root, or a wrong CHROMIUM_PATH.
 * `message` is the one line to print when the run cannot go on (null when it can, or after `install`).
 * HUAIBEI_NO_APT=1 behaves as a machine where apt-get cannot be used (e.g. not root).
 */
export function checkMachine({ env, isRoot, isExecutable, hasCommand, zhFonts }) {
  const explicit = env.CHROMIUM_PATH || null;
  const chromium = explicit ?? DEFAULT_CHROMIUM;
  const haveChromium = isExecutable(chromium);
  const haveFont = zhFonts.trim() !== '';
  const install = [];
  if (!haveChromium && !explicit) install.push(PACKAGES.chromium);
  if (!haveFont) install.push(PACKAGES.font);
  const canInstall = install.length > 0 && isRoot && hasCommand('apt-get') && env.HUAIBEI_NO_APT !== '1';
  let message = null;
  if (!haveChromium && explicit)
    message = `npm test: CHROMIUM_PATH=${explicit} is not an executable Chromium: point it at one, or unset it and run \`apt-get install ${[PACKAGES.chromium, ...install].join(' ')}\``;
  else if (install.length > 0 && !canInstall) {
    const what = [!haveChromium && 'Chromium', !haveFont && 'a CJK font'].filter(Boolean).join(' and ');
    const orPath = haveChromium ? '' : ' (or set CHROMIUM_PATH to a Chromium)';
    message = `npm test needs ${what}: run \`sudo apt-get install ${install.join(' ')}\`${orPath}`;
  }
  return { chromium, install: canInstall ? install : [], message };
}

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The real probes of this machine, for checkMachine. */
export function machineProbes(env = process.env) {
  return {
    env,
    isRoot: process.getuid?.() === 0,
    isExecutable: executable,
    hasCommand: (cmd) => (env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, cmd))),
    zhFonts: (() => {
      try {
        return execFileSync('fc-list', [':lang=zh', 'family'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        return ''; // no fontconfig at all: no font either
      }
    })(),
  };
}

/** One headless Chromium; contexts made from it start with no cache and no storage of their own. */
export async function launchChromium({ extraArgs = [] } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

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
  const { chromium } = await import('playwright-core');
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
