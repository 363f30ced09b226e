// Builds public/data/enterprises.csv from the researched list in ../shared/data/enterprises.csv.
// Run by hand when the research changes: `node scripts/build-enterprises.mjs [source.csv]`.
// Every researched row is kept. Nothing is guessed: the segment, area and confidence texts of the
// source are mapped by the explicit tables below, and the source's own wording is kept beside them.
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';

const SOURCE = process.argv[2] ?? new URL('../../shared/data/enterprises.csv', import.meta.url).pathname;
const OUT = new URL('../public/data/enterprises.csv', import.meta.url).pathname;

const AREAS = {
  濉溪县: 'suixi',
  相山区: 'xiangshan',
  烈山区: 'lieshan',
  杜集区: 'duji',
  市高新区: 'hitech',
  临涣化工园区: 'linhuan',
  '': '',
};
const PARKS = new Set(['hitech', 'linhuan']);

// Source segment text → chain segment ids (public/data/chain.json). An empty list means the
// source names no NEV-chain activity we can place (e.g. coal machinery, methanol): the firm is
// kept and shown as "unclassified", never forced into a segment.
const SEGMENTS = {
  陶铝材料: ['ceramic-al-material', 'ceramic-al-parts'],
  '陶铝材料 (R&D)': ['ceramic-al-material'],
  电池箱体: ['battery-box'],
  电池零部件: ['battery-components'],
  电池回收: ['battery-recycling'],
  '电池回收/电池零部件': ['battery-recycling', 'battery-components'],
  电池铝箔: ['al-foil'],
  '铝箔/铝板带': ['al-materials'],
  '再生铝/铝合金': ['al-materials'],
  铝基材料: ['al-materials'],
  铝箔: ['al-materials'],
  '铝基/机电': ['al-materials'],
  铝板带: ['al-materials'],
  铝基新能源材料: ['al-materials'],
  汽车零部件: ['auto-parts'],
  '车辆/汽摩配': ['auto-parts'],
  '汽车零部件(变速器)': ['auto-parts'],
  '汽车零部件/智能控制 (unconfirmed)': ['auto-parts'],
  铝合金轮毂: ['al-wheel'],
  装备制造: [],
  '装备制造(煤机)': [],
  '专用车(电动功能车)': ['special-vehicle'],
  '专用车(环卫)': ['special-vehicle'],
  '汽车销售/后市场': ['auto-trade'],
  汽车电子: ['vehicle-electronics'],
  '(unconfirmed)': [],
  '正极材料(磷酸铁/磷酸铁锂)': ['cathode'],
  // Coke-oven gas is the feedstock of the plan's by-product hydrogen, not hydrogen itself.
  '焦化/焦炉煤气': ['h2-feedstock'],
  '煤基醇类(甲醇/乙醇)': [],
  化工新材料: [],
  // Dimethyl carbonate is an electrolyte solvent.
  电解液溶剂: ['electrolyte'],
  '新能源 (unconfirmed)': [],
  精细化工: [],
  汽车后市场: ['aftermarket-services'],
  '': [],
};

/** The weakest level a confidence note mentions: "high (firm); medium (area)" → medium. */
function confidence(text) {
  for (const level of ['low', 'medium', 'high']) if (new RegExp(`\\b${level}\\b`).test(text)) return level;
  throw new Error(`no confidence level in "${text}"`);
}

/** How precisely the site is known. None of the researched rows has a surveyed site. */
function precision(row, area) {
  if (row.lon && row.lat) return row.location_basis.startsWith('COARSE') ? 'park' : 'district';
  if (!area) return 'unknown';
  return PARKS.has(area) ? 'park' : 'district';
}

const rows = Papa.parse(readFileSync(SOURCE, 'utf8'), { header: true, skipEmptyLines: true }).data;
const out = rows.map((row, i) => {
  const area = AREAS[row.area];
  const segments = SEGMENTS[row.segment];
  if (area === undefined) throw new Error(`row ${i + 2}: unmapped area "${row.area}"`);
  if (segments === undefined) throw new Error(`row ${i + 2}: unmapped segment "${row.segment}"`);
  return {
    id: `ent-${String(i + 1).padStart(3, '0')}`,
    name_zh: row.name_zh,
    name_en: row.name_en,
    area,
    segments: segments.join(';'),
    segment_source: row.segment,
    products: row.products,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    precision: precision(row, area),
    location_basis: row.location_basis,
    confidence: confidence(row.confidence),
    confidence_note: row.confidence,
    source: row.source,
  };
});
writeFileSync(OUT, `${Papa.unparse(out, { newline: '\n' })}\n`);
console.log(`${out.length} enterprises → ${OUT}`);
