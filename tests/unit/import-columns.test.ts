import { describe, expect, it } from 'vitest';
import { CHARGER_COLUMNS } from '../../src/data/chargers';
import { remembered } from '../../src/data/csv';
import { ENTERPRISE_COLUMNS } from '../../src/data/enterprises';
import {
  type ColumnMapping,
  detectKind,
  FIELDS,
  normaliseHeader,
  requiredFields,
  suggestMapping,
} from '../../src/import/columns';
import {
  nameIndex,
  normaliseBoolean,
  normaliseConfidence,
  normaliseDate,
  normaliseKind,
  normaliseNumber,
  normalisePrecision,
  normaliseStatus,
  resolveList,
  splitLonLat,
  withoutSuffix,
} from '../../src/import/normalise';
import { suggestCrs } from '../../src/import/pipeline';
import { bundledContext, fixtureBytes, sniffBytes } from '../fixtures/import-fixtures';

const ROSTER_GBK = [
  '编号',
  '企业名称',
  '所属区县',
  '产业链环节',
  '主营产品',
  '企业地址',
  '高德经度',
  '高德纬度',
  '数据来源',
];
const CHARGERS_BD = [
  '站点名称',
  '运营商',
  '类型',
  '充电桩数',
  '百度经度',
  '百度纬度',
  '所属区县',
  '投运时间',
  '运营状态',
];

/** No column feeds two fields. */
function expectOneFieldPerColumn(m: ColumnMapping): void {
  const cols = Object.values(m);
  expect(new Set(cols).size).toBe(cols.length);
}

describe('normaliseHeader', () => {
  it.each([
    ['功率 (kW)', '功率kw'],
    ['功率（千瓦）', '功率kw'],
    ['\uFEFF编号', '编号'],
    ['Name_ZH', 'namezh'],
    ['【经度】', '经度'],
    ['企业 名称：', '企业名称'],
  ])('normalises %j to %j', (raw, norm) => {
    expect(normaliseHeader(raw)).toBe(norm);
  });
});

describe('suggestMapping', () => {
  it('maps the GBK roster header (as decoded from the file) onto the enterprise fields', () => {
    const s = sniffBytes(fixtureBytes('roster-gbk.csv'), 'roster-gbk.csv');
    expect(s.header).toEqual(ROSTER_GBK);
    expect(s.mapping).toEqual<ColumnMapping>({
      id: 0,
      name_zh: 1,
      area: 2,
      segments: 3,
      products: 4,
      address: 5,
      lon: 6,
      lat: 7,
      source: 8,
    });
  });

  it('maps a Baidu charger list onto the charger fields, 所属区县 to district', () => {
    expect(suggestMapping(CHARGERS_BD, 'chargers')).toEqual<ColumnMapping>({
      name: 0,
      operator: 1,
      kind: 2,
      connectors: 3,
      lon: 4,
      lat: 5,
      district: 6,
      commissioned: 7,
      status: 8,
    });
  });

  it('maps our own export headers to themselves, so an export imports again', () => {
    const identity = (cols: readonly string[]) => Object.fromEntries(cols.map((c, i) => [c, i]));
    expect(suggestMapping(ENTERPRISE_COLUMNS, 'enterprises')).toEqual(identity(ENTERPRISE_COLUMNS));
    expect(suggestMapping(CHARGER_COLUMNS, 'chargers')).toEqual(identity(CHARGER_COLUMNS));
  });

  it('matches English, spaced, bracketed and BOM-prefixed headers', () => {
    expect(
      suggestMapping(
        ['\uFEFFID', 'Company', 'Longitude', 'Latitude', 'Industry', '主营 产品'],
        'enterprises',
      ),
    ).toEqual<ColumnMapping>({ id: 0, name_zh: 1, lon: 2, lat: 3, segment_source: 4, products: 5 });
    expect(suggestMapping(['名称', '功率 (kW)', '桩数（个）'], 'chargers')).toEqual<ColumnMapping>({
      name: 0,
      power_kw: 1,
    });
  });

  it('gives each column to one field at most, the first field that claims it', () => {
    // 名称 is an alias of both name_zh and name; 区县 of both area and district.
    const e = suggestMapping(['名称', '区县', '名称'], 'enterprises');
    expect(e).toEqual<ColumnMapping>({ name_zh: 0, area: 1 });
    const c = suggestMapping(['区县', '所属区县'], 'chargers');
    expect(c).toEqual<ColumnMapping>({ district: 0 });
    for (const m of [
      e,
      c,
      suggestMapping(ROSTER_GBK, 'enterprises'),
      suggestMapping(CHARGERS_BD, 'chargers'),
    ])
      expectOneFieldPerColumn(m);
  });

  it('only maps fields of the kind asked for', () => {
    const m = suggestMapping(CHARGERS_BD, 'enterprises');
    for (const f of Object.keys(m)) expect(FIELDS.enterprises).toContain(f);
    // 站点名称 names a station, not a firm; 所属区县 becomes the area; 运营状态 the firm's status.
    expect(m).toEqual<ColumnMapping>({ lon: 4, lat: 5, area: 6, status: 8 });
  });

  it('maps nothing for headers it does not know', () => {
    expect(suggestMapping(['列1', '列2', 'foo'], 'enterprises')).toEqual({});
  });
});

describe('detectKind', () => {
  it('tells a roster from a charger list', () => {
    expect(detectKind(ROSTER_GBK)).toBe('enterprises');
    expect(detectKind(CHARGERS_BD)).toBe('chargers');
    expect(detectKind(ENTERPRISE_COLUMNS)).toBe('enterprises');
    expect(detectKind(CHARGER_COLUMNS)).toBe('chargers');
  });

  it('falls back to enterprises when the header says nothing either way', () => {
    expect(detectKind(['名称', '经度', '纬度'])).toBe('enterprises');
    expect(detectKind([])).toBe('enterprises');
  });
});

describe('requiredFields', () => {
  it('needs a name and nothing else', () => {
    expect(requiredFields('enterprises')).toEqual(['name_zh']);
    expect(requiredFields('chargers')).toEqual(['name']);
  });
});

describe('suggestCrs', () => {
  it.each<[string[], string, string | null]>([
    [ROSTER_GBK, 'gcj02', '高德经度'],
    [CHARGERS_BD, 'bd09', '百度经度'],
    [['name', 'gcj_lng', 'gcj_lat'], 'gcj02', 'gcj_lng'],
    [['name', 'bd09_lng', 'bd09_lat'], 'bd09', 'bd09_lng'],
    [['名称', '腾讯经度', '腾讯纬度'], 'gcj02', '腾讯经度'],
    [['编号', '企业名称', '经度', '纬度'], 'wgs84', null],
  ])('suggests from %j', (header, crs, reason) => {
    expect(suggestCrs(header)).toEqual({ crs, reason });
  });
});

describe('cell normalisers', () => {
  it.each([
    ['2024/5/1', '2024-05-01'],
    ['2023年11月2日', '2023-11-02'],
    ['2022.8.8', '2022-08-08'],
    ['2024-05-01 08:30:00', '2024-05-01'],
    ['20240501', '2024-05-01'],
    [' 2024 年 5 月 1 日 ', '2024-05-01'],
    ['去年', '去年'],
    ['5/1/2024', '5/1/2024'],
  ])('normaliseDate(%j) = %j', (raw, out) => {
    expect(normaliseDate(raw)).toBe(out);
  });

  it.each([
    ['12个', '12'],
    ['8 台', '8'],
    ['1,200', '1200'],
    ['60kW', '60'],
    ['120 千瓦', '120'],
    ['116.8°', '116.8'],
    ['１１６．８', '116.8'],
    ['－5', '-5'],
    ['东经116.8', '东经116.8'],
    ['', ''],
  ])('normaliseNumber(%j) = %j', (raw, out) => {
    expect(normaliseNumber(raw)).toBe(out);
  });

  it.each([
    ['直流快充', 'dc_fast'],
    ['超充', 'dc_fast'],
    ['交流慢充', 'ac_slow'],
    ['换电站', 'swap'],
    ['加氢站', 'hydrogen'],
    ['ac_slow', 'ac_slow'],
    ['其他', '其他'],
  ])('normaliseKind(%j) = %j', (raw, out) => {
    expect(normaliseKind(raw)).toBe(out);
  });

  it.each([
    ['运营中', 'operating'],
    ['正常', 'operating'],
    ['在建', 'planned'],
    ['规划', 'planned'],
    ['停运', 'closed'],
    ['未知', '未知'],
  ])('normaliseStatus(%j) = %j', (raw, out) => {
    expect(normaliseStatus(raw)).toBe(out);
  });

  it('reads yes/no, confidence and precision words', () => {
    expect(['是', 'yes', '1', '示意'].map(normaliseBoolean)).toEqual(['true', 'true', 'true', 'true']);
    expect(['否', 'No', '0', ''].map(normaliseBoolean)).toEqual(['false', 'false', 'false', 'false']);
    expect(normaliseBoolean('也许')).toBe('也许');
    expect(['高', '中', '低', 'HIGH'].map(normaliseConfidence)).toEqual(['high', 'medium', 'low', 'high']);
    expect(['精确', '园区', '区县', '未知'].map(normalisePrecision)).toEqual([
      'exact',
      'park',
      'district',
      'unknown',
    ]);
  });

  it('splits an AMap location cell and refuses anything else', () => {
    expect(splitLonLat('116.8,33.9')).toEqual(['116.8', '33.9']);
    expect(splitLonLat(' 116.8， 33.9 ')).toEqual(['116.8', '33.9']);
    expect(splitLonLat('116.8 33.9')).toEqual(['116.8', '33.9']);
    expect(splitLonLat('116.8')).toBeNull();
    expect(splitLonLat('东经116.8,北纬33.9')).toBeNull();
  });

  it('drops Chinese place suffixes', () => {
    expect(['烈山区', '濉溪县', '淮北市', '临涣镇', '相山街道'].map(withoutSuffix)).toEqual([
      '烈山',
      '濉溪',
      '淮北',
      '临涣',
      '相山',
    ]);
  });
});

describe('name lookups against the bundled data', () => {
  it('finds segments and areas by id, Chinese and English names, ignoring spaces and brackets', async () => {
    const ctx = await bundledContext();
    const segmentOf = nameIndex(ctx.segments);
    expect(segmentOf('动力电池箱体')).toBe('battery-box');
    expect(segmentOf('battery-box')).toBe('battery-box');
    expect(segmentOf('Aluminium-alloy wheels')).toBe('al-wheel');
    expect(segmentOf('OLED车灯模组')).toBe('oled-lamp');
    expect(segmentOf('无人机')).toBeNull();
    const areaOf = nameIndex(ctx.areas.map((a) => ({ id: a.id, names: a.names })));
    expect(areaOf('高新区')).toBe('hitech');
    expect(areaOf('濉溪县')).toBe('suixi');
    expect(areaOf('Lieshan District')).toBe('lieshan');
  });

  it('answers a text repeated down a column once, the same every time, also past its bound', async () => {
    const seen: string[] = [];
    const upper = remembered((s: string) => {
      seen.push(s);
      return s === '' ? null : s.toUpperCase();
    }, 3);
    expect(['a', 'b', 'a', '', 'a', ''].map(upper)).toEqual(['A', 'B', 'A', null, 'A', null]);
    expect(seen).toEqual(['a', 'b', '']);
    // Three texts held: a fourth starts anew, and every answer stays right.
    expect(['c', 'a', 'c'].map(upper)).toEqual(['C', 'A', 'C']);
    expect(seen).toEqual(['a', 'b', '', 'c', 'a']);
    const segmentOf = nameIndex((await bundledContext()).segments);
    expect([segmentOf('动力电池箱体'), segmentOf('动力电池箱体'), segmentOf('无人机')]).toEqual([
      'battery-box',
      'battery-box',
      null,
    ]);
  });

  it('resolves a segment list whose names themselves contain a separator', async () => {
    const segmentOf = nameIndex((await bundledContext()).segments);
    expect(resolveList('储氢装备（高压气态、低温液态）', segmentOf)).toEqual(['h2-storage']);
    expect(resolveList('动力电池；储氢装备（高压气态、低温液态）、氢燃料电池', segmentOf)).toEqual([
      'power-battery',
      'h2-storage',
      'fuel-cell',
    ]);
    expect(resolveList('试验仪器、开发工具与自动检测设备', segmentOf)).toEqual(['test-equipment']);
    expect(
      resolveList('Test instruments, development tools & automated inspection equipment', segmentOf),
    ).toEqual(['test-equipment']);
  });

  it('keeps unknown parts of a list as text and drops empty ones', async () => {
    const segmentOf = nameIndex((await bundledContext()).segments);
    expect(resolveList('铝合金轮毂,, 无人机 ;', segmentOf)).toEqual(['al-wheel', '无人机']);
    expect(resolveList('', segmentOf)).toEqual([]);
    expect(resolveList('a/b|c', () => null)).toEqual(['a', 'b', 'c']);
  });
});
