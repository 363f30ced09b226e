import react from '@vitejs/plugin-react';
import { loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/security/csp.ts';

/**
 * The built index.html carries the site's Content-Security-Policy as its first <meta> after the
 * charset. Build only: the dev server's React refresh needs an inline script.
 */
function cspMeta(): Plugin {
  let tianditu = false;
  return {
    name: 'huaibei-csp',
    apply: 'build',
    configResolved(config) {
      tianditu = (loadEnv(config.mode, config.root, 'VITE_').VITE_TIANDITU_TOKEN ?? '') !== '';
    },
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, before every script and stylesheet it governs.
      handler: (html) => {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset))
          throw new Error('index.html: no <meta charset="UTF-8" /> to put the CSP after');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ tianditu })}" />`;
        return html.replace(charset, `${charset}\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  // Relative base: the built site works from any sub-path (file share, intranet folder, CDN prefix).
  base: './',
  plugins: [
    react(),
    cspMeta(),
    // Offline after the first visit: a Workbox-generated service worker precaches the whole site.
    // The relative base makes the SW script, its scope and the manifest's start_url/scope all './',
    // i.e. the folder the site is deployed in, whatever that is.
    VitePWA({
      strategies: 'generateSW',
      // src/pwa/register-sw.ts registers it (virtual:pwa-register); nothing is injected into index.html.
      injectRegister: false,
      // No skipWaiting: a new deploy installs in the background and waits until every tab of the
      // old one is closed, so a running briefing is never reloaded and never has its lazily loaded
      // chunks swapped under it. The next opening of the app gets the new version.
      registerType: 'prompt',
      manifest: {
        name: '淮北新能源汽车产业布局图',
        short_name: '淮北新能源产业图',
        description: '淮北新能源汽车产业布局图 · Huaibei NEV Industry Map',
        lang: 'zh-CN',
        display: 'standalone',
        theme_color: '#1f3a52',
        background_color: '#ffffff',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Everything the site is made of: the shell, every JS chunk (the lazily loaded deck.gl ones
        // and maplibre's worker .mjs included), CSS, fonts, and every bundled data file.
        globPatterns: ['**/*.{html,js,mjs,css,woff2,svg,png,json,geojson,csv,txt,md}'],
        // The plugin adds the web manifest and its icon itself; globbing them too would list them twice.
        globIgnores: ['manifest.webmanifest', 'icon.svg'],
        // The maplibre chunk is ~1 MB; headroom so a bigger data file still gets precached (the
        // build fails rather than silently leaving a file out).
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // A new deploy's SW deletes precaches left by older Workbox versions (the current one
        // already drops its own stale entries on activation).
        cleanupOutdatedCaches: true,
        // The first visit is served by the SW as soon as it is installed, so a panel opened later
        // in that same visit still gets its lazy chunk offline. Updates still wait (no skipWaiting).
        clientsClaim: true,
        skipWaiting: false,
        // No navigation fallback: only the precached files are answered from the cache; anything
        // else in the folder, and every other origin (OSM / Tianditu tiles), goes to the network
        // untouched. No runtime caching at all.
        navigateFallback: null,
        runtimeCaching: [],
        // Shared links get query strings appended by messengers (e.g. WeChat's ?from=…); the app
        // reads only the hash, so the page still comes from the precache with any query.
        ignoreURLParametersMatching: [/./],
      },
      devOptions: { enabled: false },
    }),
  ],
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
