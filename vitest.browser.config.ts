import { defineConfig } from 'vitest/config';

// Browser tests: node drives Debian's Chromium through playwright-core against the built site.
// One file at a time: SwiftShader rendering keeps both cores of a 2-core machine busy, and two
// files at once were no faster there (and made 1 s polls time out). HUAIBEI_BROWSER_WORKERS=2 on a bigger machine.
const workers = Number(process.env.HUAIBEI_BROWSER_WORKERS ?? 1);

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
