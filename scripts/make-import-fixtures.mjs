// Generates the import test fixtures in tests/fixtures/import/: spreadsheets as Chinese users bring
// them (GBK Excel exports, AMap GCJ-02 and Baidu BD-09 coordinates, broken rows) plus expected.json
// with the WGS84 point every converted coordinate must come back to (within ~2 m).
//
// Usage: `node scripts/make-import-fixtures.mjs` (run once; the outputs are committed).
// Deterministic: no randomness, every point is fixed below and checked to lie in its district
// (public/geo/districts.geojson, turf booleanPointInPolygon). Every firm and site is fictional and
// named with 示例.
//
// GBK: Node has no GBK encoder. The reverse map is built by decoding every GBK double-byte
// sequence (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F) with TextDecoder('gbk'); ASCII is written
// as is. The encoded file is decoded again and must equal the text exactly.
//
// roster-gbk.csv — GBK, CRLF, GCJ-02 (高德经度/高德纬度). Line 1 is the header. Expected outcome:
//   line  2  R001 battery-box maker (动力电池箱体), 高新区, point in the High-tech Zone (龙湖片区)
//            → imported: area hitech, segment battery-box, point within 2 m of expected.json
//   line  3  R002 alloy-wheel maker (铝合金轮毂), 烈山区 → imported: area lieshan, al-wheel
//   line  4  R003 fuel-cell firm (氢燃料电池), 濉溪县, point at the Linhuan park → imported: suixi, fuel-cell
//   line  5  R004 EMPTY name → rejected (column 企业名称)
//   line  6  R005 longitude text “东经116.8” → imported without a point; error on column 高德经度
//   line  7  R006 longitude and latitude cells swapped → imported without a point; error on 高德经度
//            saying the two may be swapped
//   line  8  R007 point in Nanjing → imported without a point; error on 高德经度 (outside Huaibei)
//   line  9  R008 unknown segment 无人机 → imported with no segment; error on column 产业链环节
//   line 10  R002 again (duplicate id) → imported and kept; warning on column 编号
//   line 11  R010 name containing <img src=x onerror=alert(1)> → imported, name kept as literal text;
//            warning on column 企业名称
//   line 12  R011 empty area, point in Suixi → imported, area suixi derived from the point; warning
//            on column 所属区县
//   line 13  R012 name beginning with =HYPERLINK("http://example.com") → imported as text (the export
//            test checks it is neutralised with a leading ')
// roster-utf8-bom.csv — UTF-8 with BOM, CRLF, WGS84 (经度/纬度), 3 good rows (lines 2–4).
// roster-semicolon.csv — UTF-8, ';' delimiter, LF, WGS84, 3 good rows with quoted cells containing
//   commas (主营产品, 企业地址, and a two-segment 产业链环节 list).
// chargers-bd09.csv — UTF-8, LF, BD-09 (百度经度/百度纬度), 5 sites (lines 2–6): kinds 直流快充 /
//   交流慢充 / 换电站, dates in Chinese spreadsheet styles, statuses 运营中 / 在建, districts by name
//   (one without suffix, one empty → derived from the point).
// roster-swapped-columns.csv — UTF-8, WGS84; the column named 经度 holds the latitudes and 纬度 the
//   longitudes in every row (3 rows) → the sniff suggests swapLonLat.
// roster.geojson — FeatureCollection of 3 WGS84 points with Chinese property names.
// empty.csv — 0 bytes. header-only.csv — the roster header line and nothing else.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point } from '@turf/turf';
import gcoord from 'gcoord';

const OUT = fileURLToPath(new URL('../tests/fixtures/import/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const districts = JSON.parse(
  readFileSync(new URL('../public/geo/districts.geojson', import.meta.url), 'utf8'),
).features;

// ---- GBK encoding ------------------------------------------------------------------------------

function gbkReverseMap() {
  const dec = new TextDecoder('gbk');
  const map = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

const GBK = gbkReverseMap();

function encodeGbk(text) {
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else {
      const pair = GBK.get(ch);
      if (!pair) throw new Error(`not encodable in GBK: ${ch} (U+${c.toString(16)})`);
      out.push(...pair);
    }
  }
  const bytes = Uint8Array.from(out);
  const back = new TextDecoder('gbk').decode(bytes);
  if (back !== text) throw new Error('GBK round trip failed');
  return bytes;
}

// ---- Points ------------------------------------------------------------------------------------

const ADCODE = { duji: '340602', xiangshan: '340603', lieshan: '340604', suixi: '340621' };
const label = (adcode) => {
  const f = districts.find((d) => d.properties.adcode === adcode);
  return [f.properties.label_lng, f.properties.label_lat];
};

/** A WGS84 point, asserted to lie inside the district with this adcode. */
function inDistrict(adcode, [lon, lat], dLon = 0, dLat = 0) {
  const p = [Number((lon + dLon).toFixed(6)), Number((lat + dLat).toFixed(6))];
  const f = districts.find((d) => d.properties.adcode === adcode);
  if (!booleanPointInPolygon(point(p), f)) throw new Error(`${p} is not in ${adcode}`);
  return p;
}

const P = {
  // areas.json footprint centres of the High-tech Zone (龙湖片区 lies in Duji, 新区 in Lieshan) and
  // of the Linhuan park (Suixi).
  hitechLonghu: inDistrict(ADCODE.duji, [116.8875, 33.96]),
  hitechXinqu: inDistrict(ADCODE.lieshan, [116.85, 33.86]),
  linhuan: inDistrict(ADCODE.suixi, [116.598, 33.667]),
  lieshan: inDistrict(ADCODE.lieshan, label(ADCODE.lieshan)),
  lieshan2: inDistrict(ADCODE.lieshan, label(ADCODE.lieshan), 0.01, -0.012),
  suixi: inDistrict(ADCODE.suixi, label(ADCODE.suixi)),
  suixi2: inDistrict(ADCODE.suixi, label(ADCODE.suixi), -0.018, -0.021),
  xiangshan: inDistrict(ADCODE.xiangshan, label(ADCODE.xiangshan)),
  xiangshan2: inDistrict(ADCODE.xiangshan, label(ADCODE.xiangshan), -0.016, -0.013),
  xiangshan3: inDistrict(ADCODE.xiangshan, label(ADCODE.xiangshan), 0.004, 0.006),
  duji: inDistrict(ADCODE.duji, label(ADCODE.duji)),
  duji2: inDistrict(ADCODE.duji, label(ADCODE.duji), 0.032, 0.074),
  // Xinjiekou, Nanjing: far outside Huaibei.
  nanjing: [118.783, 32.0415],
};

const fix6 = (x) => x.toFixed(6);
const toCrs = (p, crs) => gcoord.transform(p, gcoord.WGS84, crs).map(fix6);
const gcj = (p) => toCrs(p, gcoord.GCJ02);
const bd = (p) => toCrs(p, gcoord.BD09);
const wgs = (p) => p.map((x) => Number(x.toFixed(6)));

// ---- CSV ---------------------------------------------------------------------------------------

// A cell is quoted when it must be, and also when it holds a comma (as in the semicolon file).
const quote = (v, delim) => (/["\r\n,]/.test(v) || v.includes(delim) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows, { delim = ',', eol = '\r\n' } = {}) =>
  rows.map((r) => r.map((v) => quote(String(v), delim)).join(delim)).join(eol) + eol;

const SOURCE = '示例数据（虚构，测试用）';
const ROSTER_HEAD = ['编号', '企业名称', '所属区县', '产业链环节', '主营产品', '企业地址'];
const expected = {
  note: 'WGS84 originals of every fixture point (generated by scripts/make-import-fixtures.mjs); all firms and sites are fictional',
};

// roster-gbk.csv
{
  const g = gcj;
  const [, xsLat] = g(P.xiangshan2);
  const [djLon, djLat] = g(P.duji);
  const rows = [
    // line, id, name, area, segment, products, address, [lon, lat] cells, expectation
    [
      2,
      'R001',
      '示例电池箱体科技有限公司',
      '高新区',
      '动力电池箱体',
      '铝合金电池箱体',
      '淮北高新区龙湖片区示例路1号',
      g(P.hitechLonghu),
      { wgs84: wgs(P.hitechLonghu), area: 'hitech', segments: ['battery-box'] },
    ],
    [
      3,
      'R002',
      '示例轮毂制造有限公司',
      '烈山区',
      '铝合金轮毂',
      '铝合金轮毂',
      '烈山区示例大道8号',
      g(P.lieshan),
      { wgs84: wgs(P.lieshan), area: 'lieshan', segments: ['al-wheel'] },
    ],
    [
      4,
      'R003',
      '示例氢能动力有限公司',
      '濉溪县',
      '氢燃料电池',
      '燃料电池电堆',
      '濉溪县临涣示例园区',
      g(P.linhuan),
      { wgs84: wgs(P.linhuan), area: 'suixi', segments: ['fuel-cell'] },
    ],
    [
      5,
      'R004',
      '',
      '相山区',
      '汽车玻璃',
      '汽车玻璃',
      '相山区示例街',
      g(P.xiangshan),
      { rejected: true, column: '企业名称' },
    ],
    [
      6,
      'R005',
      '示例经度文本有限公司',
      '相山区',
      '汽车玻璃',
      '车窗玻璃',
      '相山区示例街2号',
      ['东经116.8', xsLat],
      { wgs84: null, column: '高德经度', reason: 'not a number' },
    ],
    [
      7,
      'R006',
      '示例经纬颠倒有限公司',
      '杜集区',
      '专用车整车',
      '环卫专用车',
      '杜集区示例路3号',
      [djLat, djLon],
      { wgs84: null, intended: wgs(P.duji), column: '高德经度', reason: 'swapped' },
    ],
    [
      8,
      'R007',
      '示例南京分公司',
      '相山区',
      '动力电池',
      '电池模组',
      '江苏省南京市示例路',
      g(P.nanjing),
      { wgs84: null, column: '高德经度', reason: 'outside Huaibei' },
    ],
    [
      9,
      'R008',
      '示例无人机有限公司',
      '杜集区',
      '无人机',
      '植保无人机',
      '杜集区示例路9号',
      g(P.duji2),
      { wgs84: wgs(P.duji2), segments: [], column: '产业链环节', reason: 'unknown segment' },
    ],
    [
      10,
      'R002',
      '示例轮毂二厂有限公司',
      '烈山区',
      '铝基汽车零部件',
      '铝合金控制臂',
      '烈山区示例大道10号',
      g(P.lieshan2),
      { wgs84: wgs(P.lieshan2), column: '编号', reason: 'duplicate id' },
    ],
    [
      11,
      'R010',
      '示例<img src=x onerror=alert(1)>标记有限公司',
      '高新区',
      'OLED 车灯模组',
      'OLED 尾灯',
      '淮北高新区新区片区示例路',
      g(P.hitechXinqu),
      { wgs84: wgs(P.hitechXinqu), column: '企业名称', reason: 'markup kept as text' },
    ],
    [
      12,
      'R011',
      '示例濉溪派生有限公司',
      '',
      '铝基汽车零部件',
      '铝合金副车架',
      '濉溪县示例镇',
      g(P.suixi),
      { wgs84: wgs(P.suixi), area: 'suixi', column: '所属区县', reason: 'area derived from point' },
    ],
    [
      13,
      'R012',
      '=HYPERLINK("http://example.com")示例公式有限公司',
      '相山区',
      '汽车电子与车载智能终端',
      '车载终端',
      '相山区示例街13号',
      g(P.xiangshan3),
      { wgs84: wgs(P.xiangshan3), reason: 'formula text kept; neutralised on export' },
    ],
  ];
  const table = [
    [...ROSTER_HEAD, '高德经度', '高德纬度', '数据来源'],
    ...rows.map(([, id, name, area, seg, prod, addr, [lon, lat]]) => [
      id,
      name,
      area,
      seg,
      prod,
      addr,
      lon,
      lat,
      SOURCE,
    ]),
  ];
  rows.forEach(([line], i) => {
    if (line !== i + 2) throw new Error(`row ${i} is on line ${i + 2}, not ${line}`);
  });
  writeFileSync(`${OUT}roster-gbk.csv`, encodeGbk(csv(table)));
  expected['roster-gbk.csv'] = {
    encoding: 'gbk',
    crs: 'gcj02',
    rows: rows.map(([line, id, name, , , , , , exp]) => ({ line, id, name, ...exp })),
  };
}

// roster-utf8-bom.csv and roster-semicolon.csv (WGS84)
{
  const good = [
    ['B001', '示例铝箔材料有限公司', '濉溪县', '电池铝箔', '电池铝箔', '濉溪县示例工业园', P.suixi2],
    ['B002', '示例玻璃科技有限公司', '相山区', '汽车玻璃', '汽车前挡玻璃', '相山区示例路5号', P.xiangshan],
    ['B003', '示例专用车有限公司', '杜集区', '专用车整车', '冷链专用车', '杜集区示例路6号', P.duji],
  ];
  const head = [...ROSTER_HEAD, '经度', '纬度', '数据来源'];
  const table = [head, ...good.map(([id, n, a, s, pr, ad, p]) => [id, n, a, s, pr, ad, ...wgs(p), SOURCE])];
  writeFileSync(`${OUT}roster-utf8-bom.csv`, `\uFEFF${csv(table)}`);
  expected['roster-utf8-bom.csv'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    rows: good.map(([id, name, , , , , p], i) => ({ line: i + 2, id, name, wgs84: wgs(p) })),
  };

  const semi = [
    [
      'S001',
      '示例轮毂涂装有限公司',
      '烈山区',
      '铝合金轮毂,铝基汽车零部件',
      '铝合金轮毂, 轮毂涂装',
      '淮北市烈山区, 示例路 2 号',
      P.lieshan2,
      ['al-wheel', 'al-auto-parts'],
    ],
    [
      'S002',
      '示例充电设备有限公司',
      '相山区',
      '智能充换电设备',
      '直流充电桩, 换电柜',
      '淮北市相山区, 示例大道 7 号',
      P.xiangshan2,
      ['charging-equipment'],
    ],
    [
      'S003',
      '示例电池回收有限公司',
      '濉溪县',
      '动力电池回收（梯次利用与再生利用）',
      '梯次利用, 再生利用',
      '濉溪县, 示例镇',
      P.linhuan,
      ['battery-recycling'],
    ],
  ];
  const semiTable = [
    head,
    ...semi.map(([id, n, a, s, pr, ad, p]) => [id, n, a, s, pr, ad, ...wgs(p), SOURCE]),
  ];
  writeFileSync(`${OUT}roster-semicolon.csv`, csv(semiTable, { delim: ';', eol: '\n' }));
  expected['roster-semicolon.csv'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    rows: semi.map(([id, name, , , products, address, p, segments], i) => ({
      line: i + 2,
      id,
      name,
      products,
      address,
      segments,
      wgs84: wgs(p),
    })),
  };
}

// chargers-bd09.csv
{
  const sites = [
    // name, operator, kind, connectors, point, district, date, status, expectation
    [
      '示例相山快充站',
      '示例运营商甲',
      '直流快充',
      '12',
      P.xiangshan3,
      '相山区',
      '2024/5/1',
      '运营中',
      {
        kind: 'dc_fast',
        connectors: 12,
        district: ADCODE.xiangshan,
        commissioned: '2024-05-01',
        status: 'operating',
      },
    ],
    [
      '示例濉溪慢充站',
      '示例运营商乙',
      '交流慢充',
      '8个',
      P.suixi2,
      '濉溪县',
      '2023年11月2日',
      '运营中',
      {
        kind: 'ac_slow',
        connectors: 8,
        district: ADCODE.suixi,
        commissioned: '2023-11-02',
        status: 'operating',
      },
    ],
    [
      '示例烈山换电站',
      '示例运营商丙',
      '换电站',
      '4',
      P.lieshan,
      '烈山',
      '2025-03-15',
      '运营中',
      {
        kind: 'swap',
        connectors: 4,
        district: ADCODE.lieshan,
        commissioned: '2025-03-15',
        status: 'operating',
      },
    ],
    [
      '示例杜集快充站',
      '示例运营商甲',
      '直流快充',
      '20',
      P.duji2,
      '杜集区',
      '2027年1月1日',
      '在建',
      {
        kind: 'dc_fast',
        connectors: 20,
        district: ADCODE.duji,
        commissioned: '2027-01-01',
        status: 'planned',
      },
    ],
    [
      '示例高新区慢充站',
      '示例运营商乙',
      '交流慢充',
      '6',
      P.hitechLonghu,
      '',
      '2022.8.8',
      '运营中',
      {
        kind: 'ac_slow',
        connectors: 6,
        district: ADCODE.duji,
        commissioned: '2022-08-08',
        status: 'operating',
      },
    ],
  ];
  const table = [
    ['站点名称', '运营商', '类型', '充电桩数', '百度经度', '百度纬度', '所属区县', '投运时间', '运营状态'],
    ...sites.map(([n, op, k, c, p, d, date, st]) => [n, op, k, c, ...bd(p), d, date, st]),
  ];
  writeFileSync(`${OUT}chargers-bd09.csv`, csv(table, { eol: '\n' }));
  expected['chargers-bd09.csv'] = {
    encoding: 'utf-8',
    crs: 'bd09',
    rows: sites.map(([name, operator, , , p, , , , exp], i) => ({
      line: i + 2,
      name,
      operator,
      wgs84: wgs(p),
      ...exp,
    })),
  };
}

// roster-swapped-columns.csv
{
  const rows = [
    ['W001', '示例陶铝部件有限公司', '高新区', '陶铝新材料汽车轻量化关键零部件', P.hitechXinqu],
    ['W002', '示例车灯有限公司', '相山区', 'OLED 车灯模组', P.xiangshan2],
    ['W003', '示例车身有限公司', '濉溪县', '新能源车身（一体化车身结构件）', P.suixi],
  ];
  const table = [
    ['编号', '企业名称', '所属区县', '产业链环节', '经度', '纬度'],
    ...rows.map(([id, n, a, s, p]) => [id, n, a, s, fix6(p[1]), fix6(p[0])]),
  ];
  writeFileSync(`${OUT}roster-swapped-columns.csv`, csv(table, { eol: '\n' }));
  expected['roster-swapped-columns.csv'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    rows: rows.map(([id, name, , , p], i) => ({ line: i + 2, id, name, wgs84: wgs(p) })),
  };
}

// roster.geojson
{
  const feats = [
    ['G001', '示例氢能装备有限公司', '濉溪县', '储氢装备（高压气态、低温液态）', P.linhuan],
    ['G002', '示例汽车电子有限公司', '相山区', '汽车电子与车载智能终端', P.xiangshan3],
    ['G003', '示例专用车部件有限公司', '杜集区', '专用车零部件', P.duji2],
  ];
  const fc = {
    type: 'FeatureCollection',
    features: feats.map(([id, name, area, seg, p]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: p },
      properties: { 编号: id, 企业名称: name, 所属区县: area, 产业链环节: seg, 数据来源: SOURCE },
    })),
  };
  writeFileSync(`${OUT}roster.geojson`, `${JSON.stringify(fc, null, 2)}\n`);
  expected['roster.geojson'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    rows: feats.map(([id, name, , , p], i) => ({ line: i + 1, id, name, wgs84: wgs(p) })),
  };
}

// empty.csv and header-only.csv
writeFileSync(`${OUT}empty.csv`, '');
writeFileSync(`${OUT}header-only.csv`, csv([[...ROSTER_HEAD, '经度', '纬度', '数据来源']]));

// Short arrays of numbers on one line, as the formatter (biome) writes them.
const json = JSON.stringify(expected, null, 2).replace(
  /\[\s+([^[\]{}]*?)\s+\]/g,
  (_m, inner) => `[${inner.split(/,\s+/).join(', ')}]`,
);
writeFileSync(`${OUT}expected.json`, `${json}\n`);
console.log(`wrote fixtures to ${OUT}`);
