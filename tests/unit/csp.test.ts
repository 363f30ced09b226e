import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, OSM_HOST, TIANDITU_HOST } from '../../src/security/csp';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((d) => {
      const [name = '', ...sources] = d.split(' ');
      return [name, sources];
    }),
  ) as Record<string, string[]>;

describe('the Content-Security-Policy', () => {
  it('runs scripts from the site only: no inline script, no eval, workers from the site and blob:', () => {
    const d = directives(contentSecurityPolicy({ tianditu: false }));
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['worker-src']).toEqual(["'self'", 'blob:']);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'self'"]);
    for (const [name, sources] of Object.entries(d))
      expect(
        sources.filter((s) => /unsafe|\*|^https?:$/.test(s)),
        name,
      ).toEqual([]);
  });

  it('lets in the tiles of the online basemaps the build offers, as images and fetches only', () => {
    const osm = directives(contentSecurityPolicy({ tianditu: false }));
    const both = directives(contentSecurityPolicy({ tianditu: true }));
    for (const d of [osm, both]) {
      expect(d['img-src']).toContain(OSM_HOST);
      expect(d['connect-src']).toContain(OSM_HOST);
      expect(d['script-src']).toEqual(["'self'"]);
      expect(d['default-src']).toEqual(["'self'"]);
    }
    // Tianditu only in a build with its token (without it the layer is not offered at all).
    expect(osm['img-src']).not.toContain(TIANDITU_HOST);
    expect(osm['connect-src']).not.toContain(TIANDITU_HOST);
    expect(both['img-src']).toContain(TIANDITU_HOST);
    expect(both['connect-src']).toContain(TIANDITU_HOST);
  });

  it('names the hosts the online basemap layers fetch from', () => {
    const source = readFileSync(new URL('../../src/layers/online-basemap-layer.ts', import.meta.url), 'utf8');
    const hosts = [...source.matchAll(/https:\/\/[a-z0-9.-]+/g)].map((m) => m[0]);
    expect(new Set(hosts)).toEqual(new Set([OSM_HOST, TIANDITU_HOST]));
  });
});
