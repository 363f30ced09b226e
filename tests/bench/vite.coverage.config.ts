import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The charger-coverage bench page: the app's coverage() (bucket index) against a brute-force
// nearest-charger loop, on 50,000 generated chargers. It reads the app's public/ for the city
// outline and the bundled chargers.
export default defineConfig({
  root: fileURLToPath(new URL('./coverage', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  build: {
    target: 'es2022',
    // Out of dist/ (the app's) and out of the source tree; .bench/ is git-ignored.
    outDir: fileURLToPath(new URL('../../.bench/coverage', import.meta.url)),
    emptyOutDir: true,
  },
});
