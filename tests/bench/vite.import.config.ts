import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The import bench page: the app's own import (src/import: worker, papaparse, checks, gcoord) on a
// generated 100,000-row CSV, against papaparse alone. It reads the app's public/ for the bundled
// data the import is checked against (chain segments, areas, district shapes, townships).
export default defineConfig({
  root: fileURLToPath(new URL('./import', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  build: {
    target: 'es2022',
    // Out of dist/ (the app's) and out of the source tree; .bench/ is git-ignored.
    outDir: fileURLToPath(new URL('../../.bench/import', import.meta.url)),
    emptyOutDir: true,
  },
});
