// `npm test`: every check the project has, in order, ending with one line "N passed, N failed, N skipped"
// (the only line on stdout: everything else goes to stderr). Lint, typecheck and build count as one
// test each; unit and browser tests count one per test case. `--browser`: the build and the browser
// tests only (`npm run test:browser`).
// First it makes sure the machine can run the browser tests: a Chromium and a CJK font. When they
// are missing it installs them (as root, with apt-get) or stops at once with one line saying what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { checkMachine, machineProbes } from './chromium.mjs';

const browserOnly = process.argv.includes('--browser');
let passed = 0;
let failed = 0;
let skipped = 0;

/** Runs a command with all its output on stderr; true when it succeeded. */
function run(label, cmd, args) {
  process.stderr.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: ['inherit', 2, 2], shell: false });
  return r.status === 0;
}

function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

/** Runs vitest with a JSON report and adds its test counts; a crash with no report counts as one failure. */
function vitest(label, configArgs, report) {
  rmSync(report, { force: true });
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  if (!existsSync(report)) {
    failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A suite that failed to load reports no failed test: count it so the run cannot look green.
  const brokenSuites = r.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  ).length;
  failed += brokenSuites;
  if (!ok && r.numFailedTests === 0 && brokenSuites === 0) failed += 1;
}

function finish() {
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed === 0 ? 0 : 1);
}

// ---- The machine: Chromium and a CJK font, installed here if this run may, or one line and stop ----
let machine = checkMachine(machineProbes());
if (machine.install.length > 0) {
  process.stderr.write(`installing: ${machine.install.join(' ')}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env }).status === 0;
  if (apt(['update', '-qq'])) apt(['install', '-y', '-qq', ...machine.install]);
  machine = checkMachine({ ...machineProbes(), isRoot: false });
}
if (machine.message) {
  console.log(machine.message);
  process.exit(1);
}

if (!browserOnly) {
  step('lint and format (biome)', 'npx', ['biome', 'ci', '.']);
  step('typecheck (tsc, strict)', 'npx', ['tsc', '--noEmit', '-p', '.']);
  vitest('unit tests', [], '.vitest-unit.json');
}
if (step('build (vite)', 'npx', ['vite', 'build'])) {
  vitest('browser tests (Chromium)', ['-c', 'vitest.browser.config.ts'], '.vitest-browser.json');
} else {
  // Every browser test needs the built site: say how many did not run, so they are counted.
  process.stderr.write('browser tests not run: the build failed\n');
  failed += 1;
}
finish();
