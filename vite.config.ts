import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative base: the built site works from any sub-path (file share, intranet folder, CDN prefix).
  base: './',
  plugins: [react()],
  // deck.gl is imported lazily; pre-bundle it so the first dev visit does not reload when it arrives.
  optimizeDeps: { include: ['@deck.gl/maplibre', '@deck.gl/layers', '@deck.gl/extensions'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Stable vendor chunks: an app update does not invalidate the cached map engine.
        manualChunks(id: string) {
          if (id.includes('node_modules/maplibre-gl')) return 'maplibre';
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
