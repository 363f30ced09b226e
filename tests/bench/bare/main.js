// Baseline for the benchmark: the least code that draws the app's GeoJSON with maplibre.
// The gap between this page and the app is what the app itself costs before the first draw.
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// maplibre builds its worker URL at run time, which Vite cannot see: hand it the bundled file.
setWorkerUrl(workerUrl);

const FILES = ['city', 'districts', 'neighbours', 'townships'];

async function fetchJson(name) {
  const res = await fetch(`geo/${name}.geojson`);
  if (!res.ok) throw new Error(`geo/${name}.geojson: HTTP ${res.status}`);
  return res.json();
}

const [city, districts, neighbours, townships] = await Promise.all(FILES.map(fetchJson));

const area = (id, fill, line) => [
  { id: `${id}-fill`, type: 'fill', source: id, paint: { 'fill-color': fill, 'fill-opacity': 0.5 } },
  { id: `${id}-line`, type: 'line', source: id, paint: { 'line-color': line, 'line-width': 1 } },
];

// No glyphs and no sprite, like the app: CJK labels come from local fonts and nothing else is fetched.
const style = {
  version: 8,
  sources: {
    neighbours: { type: 'geojson', data: neighbours },
    districts: { type: 'geojson', data: districts },
    city: { type: 'geojson', data: city },
    townships: { type: 'geojson', data: townships },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#e9ecef' } },
    ...area('neighbours', '#dee2e6', '#adb5bd'),
    ...area('districts', '#cfe2f3', '#4a6fa5'),
    ...area('city', '#ffffff', '#1f3a52'),
    {
      id: 'townships',
      type: 'circle',
      source: 'townships',
      paint: { 'circle-radius': 3, 'circle-color': '#1f3a52' },
    },
    {
      id: 'districts-label',
      type: 'symbol',
      source: 'districts',
      layout: { 'text-field': ['get', 'name_zh'], 'text-font': ['sans-serif'], 'text-size': 14 },
    },
  ],
};

const map = new MaplibreMap({
  container: 'map',
  style,
  bounds: [
    [116.388, 33.283],
    [117.045, 34.25],
  ],
});
window.__bare = map;
// The data is inline in the style, so the first idle is the first complete draw of it.
map.once('idle', () => {
  window.__bareIdle = performance.now();
});
