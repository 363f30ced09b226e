// `npm test`: every check the project has, in order, ending with one line "N passed, N failed".
// Lint, typecheck and build count as one test each; unit and browser tests count one per test case.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  process.stderr.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
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
  // A suite that failed to load reports no failed test: count it so the run cannot look green.
  const brokenSuites = r.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  ).length;
  failed += brokenSuites;
  if (!ok && r.numFailedTests === 0 && brokenSuites === 0) failed += 1;
}

step('lint and format (biome)', 'npx', ['biome', 'ci', '.']);
step('typecheck (tsc, strict)', 'npx', ['tsc', '--noEmit', '-p', '.']);
vitest('unit tests', [], '.vitest-unit.json');
const built = step('build (vite)', 'npx', ['vite', 'build']);
if (built) vitest('browser tests (Chromium)', ['-c', 'vitest.browser.config.ts'], '.vitest-browser.json');
else process.stderr.write('browser tests skipped: the build failed\n');

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
