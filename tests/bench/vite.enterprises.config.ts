import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The enterprise-layer bench page: the app's own domain code and layer builders against plain
// baselines, on 100,000 generated firms. It reads the app's public/ for the real chain model.
export default defineConfig({
  root: fileURLToPath(new URL('./enterprises', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  build: {
    target: 'es2022',
    // Out of dist/ (the app's) and out of the source tree; .bench/ is git-ignored.
    outDir: fileURLToPath(new URL('../../.bench/enterprises', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
