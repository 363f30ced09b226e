import { readFileSync } from 'node:fs';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

// A tiny PMTiles v3 archive written here from the bundled GeoJSON, so the basemap tests need no
// download: Huaibei's districts as the Protomaps schema's `water` polygons (drawn in a colour of
// their own) and the township seats as `places` localities, zooms 6 to 10, uncompressed.

const GEO = new URL('../../public/geo/', import.meta.url);
const readGeo = (name: string) => JSON.parse(readFileSync(new URL(name, GEO), 'utf8'));

function varint(out: number[], n: number) {
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

export interface FixtureOptions {
  /** The box the header claims (default: Huaibei's). */
  bounds?: [number, number, number, number];
  /** Bytes of tile data the header claims beyond the real tiles: the caller appends that many (a padded archive). */
  padBytes?: number;
}

/** Huaibei's box, as the districts span it. */
export const HUAIBEI_BOX: [number, number, number, number] = [116.35, 33.27, 117.1, 34.2];

export function buildFixturePmtiles({
  bounds = HUAIBEI_BOX,
  padBytes = 0,
}: FixtureOptions = {}): Uint8Array<ArrayBuffer> {
  const districts = readGeo('districts.geojson');
  const townships = readGeo('townships.geojson');
  const water = {
    type: 'FeatureCollection',
    features: districts.features.map((f: { geometry: unknown; properties: { name_zh?: string } }) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { kind: 'water', name: f.properties.name_zh ?? '' },
    })),
  };
  const places = {
    type: 'FeatureCollection',
    features: townships.features.map((f: { geometry: unknown; properties: { name_zh: string } }) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { kind: 'locality', name: f.properties.name_zh, min_zoom: 6, population_rank: 10 },
    })),
  };
  const minZoom = 6;
  const maxZoom = 10;
  const opts = { maxZoom, indexMaxZoom: maxZoom, extent: 4096, buffer: 64 };
  const waterIndex = new GeoJSONVT(water as never, opts);
  const placesIndex = new GeoJSONVT(places as never, opts);
  const tiles: { id: number; data: Uint8Array }[] = [];
  const [w, s, e, n] = HUAIBEI_BOX;
  for (let z = minZoom; z <= maxZoom; z++) {
    for (let x = lonToX(w, z); x <= lonToX(e, z); x++) {
      for (let y = latToY(n, z); y <= latToY(s, z); y++) {
        const layers: Record<string, never> = {};
        const wt = waterIndex.getTile(z, x, y);
        const pt = placesIndex.getTile(z, x, y);
        if (wt) layers.water = wt as never;
        if (pt) layers.places = pt as never;
        if (!wt && !pt) continue;
        tiles.push({ id: zxyToTileId(z, x, y), data: fromGeojsonVt(layers, { version: 2, extent: 4096 }) });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  // The root directory: ids as deltas, run lengths, lengths, offsets (0: right after the previous).
  const dir: number[] = [];
  varint(dir, tiles.length);
  let last = 0;
  for (const t of tiles) {
    varint(dir, t.id - last);
    last = t.id;
  }
  for (const _ of tiles) varint(dir, 1);
  for (const t of tiles) varint(dir, t.data.length);
  let offset = 0;
  tiles.forEach((t, i) => {
    varint(dir, i === 0 ? 1 : 0); // offset + 1 for the first, then contiguous
    offset += t.data.length;
  });
  const tileBytes = offset;
  const meta = new TextEncoder().encode(
    JSON.stringify({
      name: 'huaibei-test-fixture',
      vector_layers: [
        { id: 'water', fields: { kind: 'String', name: 'String' } },
        { id: 'places', fields: { kind: 'String', name: 'String' } },
      ],
    }),
  );
  const HEADER = 127;
  const rootOffset = HEADER;
  const metaOffset = rootOffset + dir.length;
  const leafOffset = metaOffset + meta.length;
  const dataOffset = leafOffset;
  const out = new Uint8Array(dataOffset + tileBytes);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, dir.length);
  u64(24, metaOffset);
  u64(32, meta.length);
  u64(40, leafOffset);
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, tileBytes + padBytes);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  out[96] = 1; // clustered
  out[97] = 1; // internal compression: none
  out[98] = 1; // tile compression: none
  out[99] = 1; // MVT
  out[100] = minZoom;
  out[101] = maxZoom;
  const e7 = (at: number, v: number) => view.setInt32(at, Math.round(v * 1e7), true);
  e7(102, bounds[0]);
  e7(106, bounds[1]);
  e7(110, bounds[2]);
  e7(114, bounds[3]);
  out[118] = 8;
  e7(119, (bounds[0] + bounds[2]) / 2);
  e7(123, (bounds[1] + bounds[3]) / 2);
  out.set(dir, rootOffset);
  out.set(meta, metaOffset);
  let at = dataOffset;
  for (const t of tiles) {
    out.set(t.data, at);
    at += t.data.length;
  }
  return out;
}
