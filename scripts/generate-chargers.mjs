// Generates public/data/chargers.csv: an ILLUSTRATIVE charging network for Huaibei. No public list
// of Huaibei's chargers exists (see ../shared/data/README.md), so every row is made up, marked
// `illustrative=true`, and named "示意…站 #n" by "示意运营商 A/B/C". It exists so the charging
// layer and its analysis can be built and tested; it must never be read as real sites.
//
// Usage: `node scripts/generate-chargers.mjs [outPath]` (default public/data/chargers.csv).
// Deterministic: one seeded PRNG (mulberry32, SEED below) drives every random choice, and the
// inputs are read in file order, so the same inputs give a byte-identical file.
//
// How sites are placed:
// 1. Grid sites (most rows). A cell of ../shared/data/chargers-grid.csv is drawn with probability
//    ∝ its 2024 station count, among the cells whose centre is in Huaibei (`in_huaibei=true`). The
//    site is put at a uniformly random point inside that 0.01° cell. A point outside
//    public/geo/city.geojson (turf booleanPointInPolygon) is rejected and a new cell and point are
//    drawn. The grid (real AMap-derived counts, unlicensed) is used only as weights: no cell, count
//    or coordinate of it is written out.
// 2. Township sites: one site within ~1.5 km of each township seat point of
//    public/geo/townships.geojson (the plan's 乡乡全覆盖), commissioned 2022 or later.
// 3. Motorway sites: one DC site near each motorway service area and junction of
//    public/geo/transport.geojson inside Huaibei (points closer than 2 km to an earlier one are
//    merged), again kept only inside the city.
// 4. Swap stations: 8, near "hubs" = the busiest grid cells, taken greedily at least 3 km apart.
// 5. Hydrogen stations: 2, within ~2 km of the Linhuan park (116.598 E, 33.667 N), status planned
//    and commissioned in 2026 (the plan: 适度超前布局加氢站).
// Commissioning dates of operating sites spread over 2019-01-01 … 2025-10-31 with a density that
// grows linearly with time (date fraction = sqrt(u)).
// District = adcode of the district polygon (public/geo/districts.geojson) containing the point.
// Township = code of the NEAREST township seat point in the same district. This is nearest-seat
// assignment, because no township polygons exist; units without a seat point (some subdistricts and
// every quasi-township zone) therefore never receive a site.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import Papa from 'papaparse';

const SEED = 20240601;
const TOTAL_SITES = 400;
const SWAP_SITES = 8;
const LINHUAN = [116.598, 33.667];
const START = Date.UTC(2019, 0, 1);
const END = Date.UTC(2025, 9, 31);
const DAY = 86_400_000;
const GRID_URL = new URL('../../shared/data/chargers-grid.csv', import.meta.url);
const GEO = (name) => new URL(`../public/geo/${name}`, import.meta.url);
const OUT = process.argv[2] ?? fileURLToPath(new URL('../public/data/chargers.csv', import.meta.url));
// Short, since it repeats on every row; README states the full provenance of the weights.
const SOURCE = `illustrative: scripts/generate-chargers.mjs seed ${SEED}; weights: 2024 stations per 0.01° cell, pzq123456/EVChargerSite (not shipped)`;
// The day the illustrative sites were generated: their source date and the day they were checked
// (there is nothing else to check them against). Fixed, so a re-run gives the same file.
const GENERATED_ON = '2026-11-25';
const COLUMNS = [
  'id',
  'name',
  'operator',
  'kind',
  'connectors',
  'power_kw',
  'lon',
  'lat',
  'district',
  'township',
  'commissioned',
  'status',
  'illustrative',
  'source',
  'source_date',
  'checked',
];

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const between = (lo, hi) => lo + (hi - lo) * rand();
const intBetween = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (items) => items[Math.floor(rand() * items.length)];
const round5 = (x) => Math.round(x * 1e5) / 1e5;

const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));
const city = readJson(GEO('city.geojson'));
const districts = readJson(GEO('districts.geojson'));
const seats = readJson(GEO('townships.geojson')).features;
const transport = readJson(GEO('transport.geojson')).features;

let gridText;
try {
  gridText = readFileSync(GRID_URL, 'utf8');
} catch {
  console.error(`generate-chargers: cannot read ${fileURLToPath(GRID_URL)} (the shared research data)`);
  process.exit(1);
}
const cells = Papa.parse(gridText.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
  .data.filter((r) => r.in_huaibei === 'true' && Number(r.station_count) > 0)
  .map((r) => ({
    west: Number(r.cell_sw_lon),
    south: Number(r.cell_sw_lat),
    size: Number(r.cell_size_deg),
    weight: Number(r.station_count),
  }));
const totalWeight = cells.reduce((s, c) => s + c.weight, 0);

const districtBoxes = districts.features.map((f) => ({ f, box: bbox(f) }));
function districtOf(lon, lat) {
  const p = point([lon, lat]);
  for (const { f, box } of districtBoxes) {
    if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
    if (booleanPointInPolygon(p, f)) return f.properties.adcode;
  }
  return null;
}
const inCity = (lon, lat) => city.features.some((f) => booleanPointInPolygon(point([lon, lat]), f));

// Squared distance in a local plane (lon scaled by cos 34°): good enough to rank nearby seats.
const COS = Math.cos((34 * Math.PI) / 180);
const d2 = (a, b) => ((a[0] - b[0]) * COS) ** 2 + (a[1] - b[1]) ** 2;
function nearestSeat(lngLat, district) {
  let best = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const s of seats) {
    if (s.properties.district_adcode !== district) continue;
    const d = d2(lngLat, s.geometry.coordinates);
    if (d < bestD) {
      bestD = d;
      best = s.properties.code;
    }
  }
  return best;
}

/** A random point within `km` of a centre (uniform in a square), inside the city; null if none found. */
function near([lon, lat], km) {
  for (let i = 0; i < 100; i += 1) {
    const x = round5(lon + between(-km, km) / (111.32 * COS));
    const y = round5(lat + between(-km, km) / 111.32);
    if (inCity(x, y) && districtOf(x, y)) return [x, y];
  }
  return null;
}

function fromGrid() {
  for (;;) {
    let r = rand() * totalWeight;
    let cell = cells[cells.length - 1];
    for (const c of cells) {
      r -= c.weight;
      if (r < 0) {
        cell = c;
        break;
      }
    }
    const lon = round5(cell.west + rand() * cell.size);
    const lat = round5(cell.south + rand() * cell.size);
    if (inCity(lon, lat) && districtOf(lon, lat)) return [lon, lat];
  }
}

/** A date string, at fraction `lo`…`hi` of 2019-01-01…2025-10-31, denser towards the end. */
function date(lo = 0, hi = 1) {
  const f = lo + (hi - lo) * Math.sqrt(rand());
  return new Date(START + Math.floor((f * (END - START)) / DAY) * DAY).toISOString().slice(0, 10);
}

function chargerKind() {
  if (rand() < 0.55) {
    return { kind: 'dc_fast', connectors: intBetween(2, 6), power: pick([60, 120, 120, 160]) };
  }
  return { kind: 'ac_slow', connectors: intBetween(2, 8), power: 7 };
}

const sites = [];
const add = (lngLat, fields) => sites.push({ lngLat, ...fields });

// 3. Motorway sites.
const motorway = [];
for (const f of transport) {
  if (!f.properties.inside_huaibei) continue;
  const c = f.geometry.coordinates;
  if (motorway.some((m) => d2(m, c) < (2 / 111.32) ** 2)) continue;
  motorway.push(c);
}
for (const c of motorway) {
  const p = near(c, 0.8);
  if (p) add(p, { kind: 'dc_fast', connectors: intBetween(4, 8), power: 160, commissioned: date(0.3) });
}
// 2. Township sites.
for (const s of seats) {
  const p = near(s.geometry.coordinates, 1.5);
  if (p) add(p, { ...chargerKind(), commissioned: date(0.5) });
}
// 4. Swap stations near the busiest cells.
const hubs = [];
for (const c of [...cells].sort((a, b) => b.weight - a.weight || a.west - b.west || a.south - b.south)) {
  const centre = [c.west + c.size / 2, c.south + c.size / 2];
  if (hubs.some((h) => d2(h, centre) < (3 / 111.32) ** 2)) continue;
  hubs.push(centre);
  if (hubs.length === SWAP_SITES) break;
}
for (const h of hubs) {
  const p = near(h, 0.5);
  if (p) add(p, { kind: 'swap', connectors: intBetween(1, 2), power: null, commissioned: date(0.55) });
}
// 5. Hydrogen stations, planned.
for (const month of ['2026-06-30', '2026-12-31']) {
  const p = near(LINHUAN, 2);
  if (p) add(p, { kind: 'hydrogen', connectors: 2, power: null, commissioned: month, status: 'planned' });
}
// 1. Grid sites fill up to the total.
while (sites.length < TOTAL_SITES) add(fromGrid(), { ...chargerKind(), commissioned: date() });

// Ids follow commissioning order (ties keep generation order: Array.prototype.sort is stable).
sites.sort((a, b) => (a.commissioned < b.commissioned ? -1 : a.commissioned > b.commissioned ? 1 : 0));
const NAMES = { dc_fast: '示意充电站', ac_slow: '示意充电站', swap: '示意换电站', hydrogen: '示意加氢站' };
const rows = sites.map((s, i) => {
  const n = i + 1;
  const district = districtOf(s.lngLat[0], s.lngLat[1]);
  return {
    id: `chg-${String(n).padStart(4, '0')}`,
    name: `${NAMES[s.kind]} #${n}`,
    operator: `示意运营商 ${pick(['A', 'A', 'B', 'B', 'C'])}`,
    kind: s.kind,
    connectors: String(s.connectors),
    power_kw: s.power === null ? '' : String(s.power),
    lon: s.lngLat[0].toFixed(5),
    lat: s.lngLat[1].toFixed(5),
    district: district ?? '',
    township: (district && nearestSeat(s.lngLat, district)) ?? '',
    commissioned: s.commissioned,
    status: s.status ?? 'operating',
    illustrative: 'true',
    source: SOURCE,
    source_date: GENERATED_ON,
    checked: GENERATED_ON,
  };
});

writeFileSync(OUT, `${Papa.unparse(rows, { columns: COLUMNS, newline: '\n' })}\n`);
const connectors = rows
  .filter((r) => r.kind === 'dc_fast' || r.kind === 'ac_slow')
  .reduce((s, r) => s + Number(r.connectors), 0);
console.log(`generate-chargers: ${rows.length} sites, ${connectors} charging points -> ${OUT}`);
