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
// empty.csv — 0 bytes. header-only.csv — the roster header line and nothing else (→ "no data rows").
//
// Issue 15 (nothing counted that is not on the map, nothing dropped without a line):
// roster-unclosed-quote.csv — 10 lines, 9 rows. Line 4's name opens a quote it never closes; the
//   next quote is in line 8's quoted products cell, so a parser swallows lines 4–8 into one cell.
//   Every row must come back, with one report line on line 4 giving the span 4–8.
// roster-dms.csv — coordinates in degrees-minutes-seconds (116°48′30″E, 116度48分, 33°57'N,
//   33°57'30"N), one row only in a combined 经纬度 cell, and one unreadable cell (minutes ≥ 60,
//   reported with its row and column).
// roster-crs-column.csv — plain 经度/纬度 headers and a 坐标系 column: BD09 / 百度 on most rows, one
//   GCJ02, one empty (the sniffed choice, BD-09), one unknown system (reported).
// sites-polygons.geojson — features that are areas, lines, several points and a point, plus one
//   with no geometry and no area (kept apart as not placed).
// chargers-other-province.csv — a charger list in GCJ-02 with no site-kind column: stations in
//   Nanjing and Suzhou (not placed: not counted), one in Huaibei, one with an absurd longitude and
//   a Huaibei district (counted by its district), one with an absurd longitude and no district.
// roster-json.txt — a valid GeoJSON FeatureCollection named .txt, over 256 KB.
// roster-unmapped-columns.csv — a segment column headed 产业环节, and two columns no field takes
//   (联系电话, 员工人数), which the mapping step and the report name.

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
expected['header-only.csv'] = { encoding: 'utf-8', crs: 'wgs84', dataRows: 0, rows: [] };

// ---- Issue 15 fixtures -------------------------------------------------------------------------

// roster-unclosed-quote.csv: written by hand, as a broken export would be.
{
  const good = [
    ['Q001', '示例引号甲有限公司', '相山区', '汽车玻璃', '车窗玻璃', P.xiangshan],
    ['Q002', '示例引号乙有限公司', '烈山区', '铝合金轮毂', '铝合金轮毂', P.lieshan],
    ['Q003', '示例引号未闭合有限公司', '杜集区', '专用车整车', '环卫专用车', P.duji],
    ['Q004', '示例引号丙有限公司', '濉溪县', '电池铝箔', '电池铝箔', P.suixi],
    ['Q005', '示例引号丁有限公司', '相山区', '汽车电子与车载智能终端', '车载终端', P.xiangshan2],
    ['Q006', '示例引号戊有限公司', '烈山区', '铝基汽车零部件', '控制臂', P.lieshan2],
    ['Q007', '示例引号己有限公司', '杜集区', '专用车零部件', '铝合金轮毂, 轮毂涂装', P.duji2],
    ['Q008', '示例引号庚有限公司', '濉溪县', '动力电池回收（梯次利用与再生利用）', '梯次利用', P.suixi2],
    ['Q009', '示例引号辛有限公司', '高新区', 'OLED 车灯模组', 'OLED 尾灯', P.hitechXinqu],
  ];
  const lines = ['编号,企业名称,所属区县,产业链环节,主营产品,经度,纬度'];
  for (const [id, name, area, seg, prod, p] of good) {
    const nameCell = id === 'Q003' ? `"${name}` : name;
    lines.push([id, nameCell, area, seg, quote(prod, ','), ...wgs(p)].join(','));
  }
  const text = `${lines.join('\n')}\n`;
  if (lines.length !== 10 || !lines[7]?.includes('"铝合金轮毂')) throw new Error('unclosed-quote layout');
  writeFileSync(`${OUT}roster-unclosed-quote.csv`, text);
  expected['roster-unclosed-quote.csv'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    dataRows: 9,
    quote: { line: 4, span: '4–8' },
    rows: good.map(([id, name, , , , p], i) => ({ line: i + 2, id, name, wgs84: wgs(p) })),
  };
}

/** A decimal degree → degrees, minutes and seconds, rounded to whole seconds, in several spellings. */
function dms(value, style) {
  const total = Math.round(Math.abs(value) * 3600);
  const d = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  return { text: style(d, m, sec), value: Number((d + m / 60 + sec / 3600).toFixed(7)) };
}
const UNICODE = (h) => (d, m, s) => `${d}°${m}′${s}″${h}`;
const ASCII = (h) => (d, m, s) => `${d}°${m}'${s}"${h}`;
const CHINESE = (d, m, s) => `${d}度${m}分${s}秒`;

// roster-dms.csv
{
  const rows = [
    ['D001', '示例度分秒甲有限公司', '相山区', P.xiangshan, UNICODE('E'), UNICODE('N')],
    ['D002', '示例度分秒乙有限公司', '烈山区', P.lieshan, CHINESE, CHINESE],
    ['D003', '示例度分秒丙有限公司', '杜集区', P.duji, ASCII('E'), ASCII('N')],
    ['D004', '示例度分甲有限公司', '濉溪县', P.suixi, (d, m) => `${d}°${m}′E`, (d, m) => `${d}°${m}'N`],
    [
      'D005',
      '示例度分乙有限公司',
      '相山区',
      P.xiangshan2,
      (d, m) => `${d}度${m}分`,
      (d, m) => `${d}度${m}分`,
    ],
  ];
  const table = [['编号', '企业名称', '所属区县', '经度', '纬度', '经纬度', '数据来源']];
  const exp = [];
  rows.forEach(([id, name, area, p, lonStyle, latStyle], i) => {
    // Minutes only: rounded to whole minutes, so the expected point is the rounded one.
    const minutesOnly = id === 'D004' || id === 'D005';
    const round = (v) => (minutesOnly ? Math.round(v * 60) / 60 : v);
    const lon = dms(round(p[0]), lonStyle);
    const lat = dms(round(p[1]), latStyle);
    table.push([id, name, area, lon.text, lat.text, '', SOURCE]);
    exp.push({ line: i + 2, id, name, wgs84: [lon.value, lat.value], area: undefined });
  });
  // Only the combined cell, "lng, lat" in degrees-minutes-seconds.
  const c = [dms(P.duji2[0], UNICODE('E')), dms(P.duji2[1], UNICODE('N'))];
  table.push(['D006', '示例合并度分秒有限公司', '杜集区', '', '', `${c[0].text}, ${c[1].text}`, SOURCE]);
  exp.push({ line: 7, id: 'D006', name: '示例合并度分秒有限公司', wgs84: [c[0].value, c[1].value] });
  // Minutes of 75 are no minutes: reported on 经度, the firm kept by its area.
  table.push(['D007', '示例度分错误有限公司', '相山区', '116°75′E', '33°58′N', '', SOURCE]);
  exp.push({ line: 8, id: 'D007', name: '示例度分错误有限公司', wgs84: null, column: '经度' });
  for (const r of exp) {
    if (!r.wgs84) continue;
    const f = districts.find((d) => booleanPointInPolygon(point(r.wgs84), d));
    if (!f) throw new Error(`${r.id} ${r.wgs84} is in no district`);
  }
  writeFileSync(`${OUT}roster-dms.csv`, csv(table));
  expected['roster-dms.csv'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    dataRows: exp.length,
    rows: exp.map(({ area: _a, ...r }) => r),
  };
}

// roster-crs-column.csv
{
  const rows = [
    ['C001', '示例百度甲有限公司', '相山区', P.xiangshan, 'BD09'],
    ['C002', '示例百度乙有限公司', '烈山区', P.lieshan, '百度'],
    ['C003', '示例百度丙有限公司', '杜集区', P.duji, 'BD-09'],
    ['C004', '示例百度丁有限公司', '濉溪县', P.suixi, 'bd09ll'],
    ['C005', '示例高德有限公司', '相山区', P.xiangshan2, 'GCJ02'],
    ['C006', '示例未注明有限公司', '烈山区', P.lieshan2, ''],
    ['C007', '示例坐标系不明有限公司', '杜集区', P.duji2, '北京54'],
  ];
  const cells = (p, said) => (said === 'GCJ02' ? gcj(p) : bd(p));
  const table = [
    ['编号', '企业名称', '所属区县', '经度', '纬度', '坐标系', '数据来源'],
    ...rows.map(([id, n, a, p, said]) => [id, n, a, ...cells(p, said), said, SOURCE]),
  ];
  writeFileSync(`${OUT}roster-crs-column.csv`, csv(table, { eol: '\n' }));
  expected['roster-crs-column.csv'] = {
    encoding: 'utf-8',
    crs: 'bd09',
    dataRows: rows.length,
    rows: rows.map(([id, name, , p, said], i) => ({
      line: i + 2,
      id,
      name,
      // The unknown system falls back to the one chosen (BD-09, as sniffed): right here by luck of the fixture.
      wgs84: wgs(p),
      ...(said === '北京54' ? { column: '坐标系' } : {}),
    })),
  };
}

// sites-polygons.geojson
{
  const ring = ([x, y], r) => [
    [x - r, y - r],
    [x + r, y - r],
    [x + r, y + r],
    [x - r, y + r],
    [x - r, y - r],
  ];
  const feats = [
    [
      '示例面状厂区有限公司',
      '相山区',
      { type: 'Polygon', coordinates: [ring(P.xiangshan, 0.004)] },
      'import.row.polygonPoint',
    ],
    [
      '示例多面厂区有限公司',
      '烈山区',
      { type: 'MultiPolygon', coordinates: [[ring(P.lieshan, 0.003)], [ring(P.lieshan2, 0.003)]] },
      'import.row.polygonPoint',
    ],
    [
      '示例线状设施有限公司',
      '杜集区',
      { type: 'LineString', coordinates: [P.duji, [P.duji[0] + 0.01, P.duji[1]]] },
      'import.row.linePoint',
    ],
    [
      '示例多点有限公司',
      '濉溪县',
      { type: 'MultiPoint', coordinates: [P.suixi, P.suixi2] },
      'import.row.multiPointFirst',
    ],
    ['示例点状有限公司', '相山区', { type: 'Point', coordinates: P.xiangshan3 }, null],
    ['示例无几何有限公司', '', null, null],
  ];
  const fc = {
    type: 'FeatureCollection',
    features: feats.map(([name, area, geometry]) => ({
      type: 'Feature',
      geometry,
      properties: { 企业名称: name, 所属区县: area, 数据来源: SOURCE },
    })),
  };
  writeFileSync(`${OUT}sites-polygons.geojson`, `${JSON.stringify(fc, null, 2)}\n`);
  expected['sites-polygons.geojson'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    dataRows: feats.length,
    rows: feats.map(([name, area, , code], i) => ({
      line: i + 1,
      name,
      ...(code ? { code } : {}),
      ...(area ? {} : { unplaced: true }),
    })),
  };
}

// chargers-other-province.csv
{
  const sites = [
    ['示例南京新街口充电站', '示例运营商甲', '12', [118.783, 32.0415], '鼓楼区', 'unplaced'],
    ['示例南京玄武充电站', '示例运营商甲', '8', [118.797, 32.048], '玄武区', 'unplaced'],
    ['示例苏州姑苏充电站', '示例运营商乙', '10', [120.62, 31.31], '姑苏区', 'unplaced'],
    ['示例苏州园区充电站', '示例运营商乙', '6', [120.72, 31.32], '苏州工业园区', 'unplaced'],
    ['示例相山充电站', '示例运营商丙', '4', P.xiangshan3, '相山区', 'placed'],
    ['示例坐标错位充电站', '示例运营商丙', '4', [1167.4, 33.98], '相山区', 'district'],
    ['示例坐标错位无区县站', '示例运营商丙', '2', [1167.4, 33.98], '', 'unplaced'],
  ];
  const cellsOf = (p) => (p[0] > 180 ? p.map(String) : gcj(p));
  const table = [
    ['站点名称', '运营商', '充电桩数', '高德经度', '高德纬度', '所属区县', '投运时间', '运营状态'],
    ...sites.map(([n, op, c, p, d]) => [n, op, c, ...cellsOf(p), d, '2024-05-01', '运营中']),
  ];
  writeFileSync(`${OUT}chargers-other-province.csv`, csv(table, { eol: '\n' }));
  expected['chargers-other-province.csv'] = {
    encoding: 'utf-8',
    crs: 'gcj02',
    dataRows: sites.length,
    rows: sites.map(([name, , , p, , placed], i) => ({
      line: i + 2,
      name,
      placed,
      ...(placed === 'placed' ? { wgs84: wgs(p), district: ADCODE.xiangshan } : {}),
      ...(placed === 'district' ? { district: ADCODE.xiangshan } : {}),
    })),
  };
}

// roster-json.txt: GeoJSON named .txt, over 256 KB, so a sample of it is not JSON.
{
  const N = 500;
  const base = [P.xiangshan, P.lieshan, P.duji, P.suixi];
  const areas = ['相山区', '烈山区', '杜集区', '濉溪县'];
  const features = Array.from({ length: N }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: base[i % 4] },
    properties: {
      编号: `J${String(i + 1).padStart(4, '0')}`,
      企业名称: `示例大文件企业${i + 1}号有限公司`,
      所属区县: areas[i % 4],
      主营产品: `示例产品说明第${i + 1}条：${'铝合金零部件与电池箱体'.repeat(6)}`,
      数据来源: SOURCE,
    },
  }));
  const text = `${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`;
  if (Buffer.byteLength(text) <= 256 * 1024) throw new Error('roster-json.txt must be over 256 KB');
  writeFileSync(`${OUT}roster-json.txt`, text);
  expected['roster-json.txt'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    dataRows: N,
    rows: [0, N - 1].map((i) => ({
      line: i + 1,
      id: features[i].properties.编号,
      name: features[i].properties.企业名称,
      wgs84: wgs(base[i % 4]),
    })),
  };
}

// roster-unmapped-columns.csv
{
  const rows = [
    [
      'M001',
      '示例环节列甲有限公司',
      '相山区',
      '汽车玻璃',
      '0561-0000001',
      '120',
      P.xiangshan,
      ['auto-glass'],
    ],
    ['M002', '示例环节列乙有限公司', '烈山区', '铝合金轮毂', '', '85', P.lieshan, ['al-wheel']],
    ['M003', '示例环节列丙有限公司', '杜集区', '专用车整车', '0561-0000003', '', P.duji, ['special-vehicle']],
  ];
  const table = [
    ['编号', '企业名称', '所属区县', '产业环节', '联系电话', '员工人数', '经度', '纬度'],
    ...rows.map(([id, n, a, seg, tel, staff, p]) => [id, n, a, seg, tel, staff, ...wgs(p)]),
  ];
  writeFileSync(`${OUT}roster-unmapped-columns.csv`, csv(table, { eol: '\n' }));
  expected['roster-unmapped-columns.csv'] = {
    encoding: 'utf-8',
    crs: 'wgs84',
    dataRows: rows.length,
    unmapped: { 联系电话: 2, 员工人数: 2 },
    rows: rows.map(([id, name, , , , , p, segments], i) => ({
      line: i + 2,
      id,
      name,
      segments,
      wgs84: wgs(p),
    })),
  };
}

// Every file's number of data rows, as written here (not as a parser reads them).
for (const [name, file] of Object.entries(expected)) {
  if (name !== 'note' && file.dataRows === undefined) file.dataRows = file.rows.length;
}

// Short arrays of numbers on one line, as the formatter (biome) writes them.
const json = JSON.stringify(expected, null, 2).replace(
  /\[\s+([^[\]{}]*?)\s+\]/g,
  (_m, inner) => `[${inner.split(/,\s+/).join(', ')}]`,
);
writeFileSync(`${OUT}expected.json`, `${json}\n`);
console.log(`wrote fixtures to ${OUT}`);
