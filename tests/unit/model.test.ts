import { bbox } from '@turf/turf';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../src/layers/registry';
import {
  CAMERA_LIMITS,
  decodeMatch,
  HUAIBEI_BBOX,
  HUAIBEI_NEAR,
  isSavedImport,
  LAYER_IDS,
  MAX_MATCH_SEGMENTS,
  SelectionSchema,
  ShareStateSchema,
} from '../../src/model';
import { DEFAULT_CHARGING, NO_FILTERS } from '../../src/state/url-hash';
import { publicJson } from '../fixtures/load';

describe('the model', () => {
  it('lists the same layer ids as the registry, in the same order', () => {
    expect(LAYERS.map((l) => l.id)).toEqual([...LAYER_IDS]);
  });

  it('has the Huaibei box of the city polygon (PROVENANCE.md), inside the camera’s generous limits', async () => {
    const [west, south, east, north] = bbox((await publicJson('geo/city.geojson')) as never);
    expect(HUAIBEI_BBOX.west).toBeCloseTo(west, 3);
    expect(HUAIBEI_BBOX.south).toBeCloseTo(south, 3);
    expect(HUAIBEI_BBOX.east).toBeCloseTo(east, 3);
    expect(HUAIBEI_BBOX.north).toBeCloseTo(north, 2);
    const b = CAMERA_LIMITS.bounds;
    expect(b.west < HUAIBEI_NEAR.west && b.east > HUAIBEI_NEAR.east).toBe(true);
    expect(b.south < HUAIBEI_NEAR.south && b.north > HUAIBEI_NEAR.north).toBe(true);
  });

  it('allows as many match segments in a link as the picker offers, and no more', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(decodeMatch(`${ids.slice(0, MAX_MATCH_SEGMENTS).join(',')}@5`)?.segments).toHaveLength(
      MAX_MATCH_SEGMENTS,
    );
    expect(decodeMatch(`${ids.slice(0, MAX_MATCH_SEGMENTS + 1).join(',')}@5`)).toBeNull();
  });

  it('describes the shared view as the store and the link hold it', () => {
    const view = {
      camera: null,
      layers: ['areas'],
      selection: { kind: 'area', id: 'suixi' },
      lang: 'en',
      filters: NO_FILTERS,
      panel: 'match',
      charging: DEFAULT_CHARGING,
      match: { segments: ['battery-box'], radiusKm: 10 },
    };
    expect(v.is(ShareStateSchema, view)).toBe(true);
    expect(v.is(ShareStateSchema, { ...view, lang: 'fr' })).toBe(false);
    expect(v.is(SelectionSchema, { kind: 'area', id: 'mars' })).toBe(false);
  });
});

describe('a saved import read back from IndexedDB', () => {
  const saved = {
    id: 'imp-1',
    fileName: 'a.csv',
    kind: 'enterprises',
    mode: 'join',
    importedAt: '2026-01-02T03:04:05.000Z',
    format: 'csv',
    enterprises: [{ id: 'x', key: 'x', name: { zh: '甲', en: 'A' }, lngLat: [116.8, 33.9] }],
    chargers: [],
    report: [],
    notes: [],
  };

  it('is kept when it has what the app reads', () => {
    expect(isSavedImport(saved)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'imp-1'],
    ['no id', { ...saved, id: undefined }],
    ['no date to sort by', { ...saved, importedAt: 5 }],
    ['firms that are not a list', { ...saved, enterprises: {} }],
    ['a firm without a name', { ...saved, enterprises: [{ id: 'x', key: 'x', lngLat: null }] }],
    [
      'a point that is not [lng, lat]',
      { ...saved, enterprises: [{ ...saved.enterprises[0], lngLat: 'here' }] },
    ],
  ])('is left out when it has %s', (_label, record) => {
    expect(isSavedImport(record)).toBe(false);
  });
});
