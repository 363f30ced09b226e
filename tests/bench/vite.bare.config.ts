import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bare maplibre page the app is compared against. It is built with the same Vite as the app so
// both pages pay for the same bundler output, and it reads the app's own public/ so it draws the same files.
export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  build: {
    target: 'es2022',
    // Out of dist/ (the app's) and out of the source tree; .bench/ is git-ignored.
    outDir: fileURLToPath(new URL('../../.bench/bare', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
