// The site's Content-Security-Policy, written into the built index.html as a <meta> (vite.config.ts):
// a static site has no server to send it as a header. Scripts only from the site itself (no
// inline script, no eval); workers from the site and from blob: (maplibre may start its worker
// from a blob); images and fetches from the site, data: and blob:, and the hosts of the optional
// online basemaps the build offers (their tiles are fetched and drawn as images, never run).

/** Tile hosts of the online basemaps: OpenStreetMap always, Tianditu only in a build with its token. */
export const OSM_HOST = 'https://tile.openstreetmap.org';
export const TIANDITU_HOST = 'https://t0.tianditu.gov.cn';

export function contentSecurityPolicy({ tianditu }: { tianditu: boolean }): string {
  const tiles = [OSM_HOST, ...(tianditu ? [TIANDITU_HOST] : [])];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
    // React and maplibre set inline style attributes through the CSSOM, which a policy does not
    // govern; no <style> element or style="" markup is ever written, so no 'unsafe-inline'.
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...tiles]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", 'data:', 'blob:', ...tiles]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
