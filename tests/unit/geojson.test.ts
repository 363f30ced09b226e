import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseJson, validateFeatureCollection } from '../../src/data/geojson';
import { loadBundled } from '../../src/data/load-bundled';
import { issueReason } from '../../src/i18n/t';
import { readPublic, withOverrides } from '../fixtures/load';

const POLY_RULES = {
  geometry: ['Polygon', 'MultiPolygon'] as const,
  props: v.looseObject({ name_zh: v.string('json.text') }),
};
const square = (name: unknown) => ({
  type: 'Feature',
  properties: { name_zh: name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116, 33],
        [117, 33],
        [117, 34],
        [116, 33],
      ],
    ],
  },
});

describe('validateFeatureCollection', () => {
  it('keeps valid features and reports none', () => {
    const r = validateFeatureCollection(
      { type: 'FeatureCollection', features: [square('甲')] },
      'x.geojson',
      {
        geometry: [...POLY_RULES.geometry],
        props: POLY_RULES.props,
      },
    );
    expect(r.value.features).toHaveLength(1);
    expect(r.issues).toEqual([]);
  });

  it.each([
    [
      'a feature with a Point where polygons are required',
      { type: 'Feature', properties: { name_zh: 'a' }, geometry: { type: 'Point', coordinates: [116, 33] } },
      'geometry',
    ],
    [
      'a feature with no geometry',
      { type: 'Feature', properties: { name_zh: 'a' }, geometry: null },
      'geometry',
    ],
    ['a feature with a missing name', square(undefined), 'name_zh'],
    ['a feature with a numeric name', square(42), 'name_zh'],
    [
      'a feature with a non-numeric coordinate',
      { ...square('a'), geometry: { type: 'Polygon', coordinates: [[['116', 33]]] } },
      'geometry',
    ],
    [
      'a feature with an out-of-range latitude',
      {
        ...square('a'),
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116, 133],
              [117, 33],
              [116, 33],
            ],
          ],
        },
      },
      'geometry',
    ],
    [
      'a feature with empty rings',
      { ...square('a'), geometry: { type: 'Polygon', coordinates: [] } },
      'geometry',
    ],
    ['something that is not a feature', 'hello', undefined],
  ])('reports %s with its index and field, keeping the others', (_label, bad, field) => {
    const r = validateFeatureCollection(
      { type: 'FeatureCollection', features: [square('ok'), bad] },
      'd.geojson',
      { geometry: [...POLY_RULES.geometry], props: POLY_RULES.props },
    );
    expect(r.value.features).toHaveLength(1);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'd.geojson', row: 1, severity: 'error' });
    expect(r.issues[0]?.field).toBe(field);
    expect(r.issues[0]?.code).toMatch(/^(geo|json)\./);
    for (const lang of ['zh', 'en'] as const) {
      const text = r.issues[0] ? issueReason(lang, r.issues[0]) : '';
      expect(text.length).toBeGreaterThan(0);
      // Every placeholder of the template is filled.
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a Feature instead of a collection', square('a')],
    ['a collection without features', { type: 'FeatureCollection' }],
  ])('rejects a document that is %s with one file-level issue', (_label, doc) => {
    const r = validateFeatureCollection(doc, 'f.geojson', {
      geometry: ['Polygon'],
      props: v.looseObject({}),
    });
    expect(r.value.features).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.file).toBe('f.geojson');
  });
});

describe('parseJson', () => {
  it('turns a syntax error into an issue naming the file', () => {
    const r = parseJson('{"type": "FeatureCollection", "features": [', 'geo/districts.geojson');
    expect(r.value).toBeNull();
    expect(r.issues[0]?.file).toBe('geo/districts.geojson');
    expect(r.issues[0] ? issueReason('en', r.issues[0]) : undefined).toMatch(/JSON/);
  });
});

describe('loadBundled', () => {
  it('loads every shipped file without a single issue', async () => {
    const d = await loadBundled(readPublic);
    expect(d.issues).toEqual([]);
    expect(d.districts.features.map((f) => f.properties.name_zh).sort()).toEqual(
      ['杜集区', '濉溪县', '烈山区', '相山区'].sort(),
    );
    expect(d.city.features).toHaveLength(1);
    expect(d.neighbours.features).toHaveLength(12);
    expect(d.townships.features).toHaveLength(23);
    expect(d.transport.features.length).toBeGreaterThan(0);
    expect(d.areas.areas).toHaveLength(6);
  });

  it('reads the same a part per task as at once, its issues in the same order', async () => {
    let waits = 0;
    const files = withOverrides({ 'geo/townships.geojson': null, 'geo/city.geojson': '<html>' });
    const sliced = await loadBundled(files, {
      wait: async () => {
        waits += 1;
      },
    });
    expect(waits).toBeGreaterThanOrEqual(5);
    const whole = await loadBundled(files);
    expect(sliced.issues.map((i) => i.file)).toEqual(['geo/townships.geojson', 'geo/city.geojson']);
    expect(sliced).toEqual(whole);
  });

  it('reports a missing file and still loads the rest', async () => {
    const d = await loadBundled(withOverrides({ 'geo/townships.geojson': null }));
    expect(d.issues).toHaveLength(1);
    expect(d.issues[0]).toMatchObject({ file: 'geo/townships.geojson' });
    expect(d.issues[0] ? issueReason('en', d.issues[0]) : undefined).toMatch(/HTTP 404/);
    expect(d.townships.features).toEqual([]);
    expect(d.districts.features).toHaveLength(4);
  });

  it('reports a corrupt file as corrupt, not as empty', async () => {
    const d = await loadBundled(withOverrides({ 'geo/districts.geojson': '{"type":"FeatureCo' }));
    expect(d.issues).toHaveLength(1);
    expect(d.issues[0] ? issueReason('en', d.issues[0]) : undefined).toMatch(/corrupt/);
    expect(d.districts.features).toEqual([]);
    expect(d.areas.areas).toHaveLength(6);
  });

  it('reports an HTML error page served in place of GeoJSON', async () => {
    const d = await loadBundled(withOverrides({ 'geo/city.geojson': '<!doctype html><title>404</title>' }));
    expect(d.issues.map((i) => i.file)).toEqual(['geo/city.geojson']);
  });
});
