import { CHARGER_COLUMNS } from '../data/chargers';
import { ENTERPRISE_COLUMNS } from '../data/enterprises';

export type ImportKind = 'enterprises' | 'chargers';
export type TargetField = (typeof ENTERPRISE_COLUMNS)[number] | (typeof CHARGER_COLUMNS)[number];

/** Target field → index of the file's column that feeds it (absent: not mapped). */
export type ColumnMapping = Partial<Record<TargetField, number>>;

export const FIELDS: Record<ImportKind, readonly TargetField[]> = {
  enterprises: ENTERPRISE_COLUMNS,
  chargers: CHARGER_COLUMNS,
};

// Headers seen in Chinese rosters and operator lists, and our own export's; compared after normalising.
const ALIASES: Record<TargetField, readonly string[]> = {
  id: ['id', '编号', '企业编号', '站点编号', '充电站编号', '序号', 'no', 'code'],
  name_zh: ['name_zh', '企业名称', '公司名称', '单位名称', '企业', '名称', 'name', 'company', 'enterprise'],
  name_en: ['name_en', '英文名称', '英文名', 'englishname', 'nameen'],
  name: ['name', '站点名称', '充电站名称', '电站名称', '名称', '站名', 'station', 'stationname'],
  area: ['area', '区域', '所属区域', '区县', '所属区县', '园区', '所在区域', 'district', 'park'],
  segments: [
    'segments',
    '产业链环节',
    '产业环节',
    '所属环节',
    '所属产业链环节',
    '环节',
    '产业链',
    '细分领域',
    'segment',
    'chainsegment',
  ],
  segment_source: ['segment_source', '行业', '所属行业', '行业分类', 'industry'],
  products: ['products', '主营产品', '主要产品', '产品', '主营业务', '经营范围', 'product'],
  products_zh: ['products_zh', '产品中文', '中文产品'],
  products_en: ['products_en', '英文产品', '产品英文', 'productsen'],
  source_date: [
    'source_date',
    '来源日期',
    '资料日期',
    '发布日期',
    '更新日期',
    '信息日期',
    '数据日期',
    '日期',
    'sourcedate',
    'date',
    'updated',
    'asof',
  ],
  checked: ['checked', '核实日期', '核查日期', '核实时间', '核实', 'verified', 'checkedon'],
  name_note: ['name_note', '名称说明', '名称备注'],
  address: ['address', '地址', '企业地址', '详细地址', '注册地址', '站点地址', 'addr'],
  lon: ['lon', 'lng', 'long', 'longitude', '经度', 'x', '高德经度', '百度经度', 'gcjlng', 'bdlng', 'wgslng'],
  lat: ['lat', 'latitude', '纬度', 'y', '高德纬度', '百度纬度', 'gcjlat', 'bdlat', 'wgslat'],
  precision: ['precision', '位置精度', '精度'],
  location_basis: ['location_basis', '位置依据', '定位依据'],
  confidence: ['confidence', '可信度', '置信度'],
  confidence_note: ['confidence_note', '可信度说明', '备注', 'note', 'remark'],
  source: ['source', '来源', '数据来源', '信息来源', 'url'],
  operator: ['operator', '运营商', '运营单位', '运营企业', '建设单位'],
  kind: ['kind', '类型', '站点类型', '充电类型', '设施类型', 'type'],
  connectors: ['connectors', '充电桩数', '充电桩数量', '桩数', '充电枪数', '枪数', '终端数', '充电终端数'],
  power_kw: ['power_kw', '功率', '总功率', '功率kw', '装机功率', 'power', 'kw'],
  district: ['district', '区县', '所属区县', '行政区', '行政区划', '区县代码'],
  township: ['township', '乡镇', '街道', '乡镇街道', '乡镇代码', '街道代码'],
  commissioned: ['commissioned', '投运日期', '投运时间', '建成时间', '投入运营时间', '上线时间'],
  status: ['status', '状态', '运营状态', '站点状态'],
  illustrative: ['illustrative', '是否示意', '示意'],
};

export const ALL_FIELDS = Object.keys(ALIASES) as TargetField[];

/** Lower case, no spaces, no brackets or units: "功率 (kW)" and "功率kw" compare equal. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-—–:：()（）[\]【】]/g, '')
    .replace(/^(.+?)(kw|千瓦)$/, '$1kw');
}

const NORMALISED: Record<TargetField, Set<string>> = Object.fromEntries(
  Object.entries(ALIASES).map(([k, v]) => [k, new Set(v.map(normaliseHeader))]),
) as Record<TargetField, Set<string>>;

/** Suggests a mapping: each target field takes the first unused column whose header is one of its names. */
export function suggestMapping(header: readonly string[], kind: ImportKind): ColumnMapping {
  const norm = header.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of FIELDS[kind]) {
    const names = NORMALISED[field];
    const i = norm.findIndex((h, j) => !used.has(j) && names.has(h));
    if (i !== -1) {
      mapping[field] = i;
      used.add(i);
    }
  }
  return mapping;
}

// Columns only one kind of file has: a charger list names connectors, power or an operator.
const CHARGER_ONLY: readonly TargetField[] = ['connectors', 'power_kw', 'operator', 'kind', 'commissioned'];
const ENTERPRISE_ONLY: readonly TargetField[] = [
  'segments',
  'products',
  'products_zh',
  'products_en',
  'name_en',
  'segment_source',
];

/** Which kind of list the header looks like; enterprises when it is unclear. */
export function detectKind(header: readonly string[]): ImportKind {
  const c = suggestMapping(header, 'chargers');
  const e = suggestMapping(header, 'enterprises');
  const score = (m: ColumnMapping, only: readonly TargetField[]) =>
    only.filter((f) => m[f] !== undefined).length;
  return score(c, CHARGER_ONLY) > score(e, ENTERPRISE_ONLY) ? 'chargers' : 'enterprises';
}

/** Fields the import cannot do without; every other field has a stated default. */
export function requiredFields(kind: ImportKind): TargetField[] {
  return kind === 'enterprises' ? ['name_zh'] : ['name'];
}

// A column that states each row's coordinate system (坐标系: WGS84 / GCJ02 / 高德 / BD09 / 百度).
const CRS_HEADERS = new Set(
  [
    '坐标系',
    '坐标系统',
    '坐标体系',
    '坐标类型',
    '坐标系类型',
    'crs',
    'srs',
    'coordsys',
    'coordinatesystem',
    'datum',
  ].map(normaliseHeader),
);

/** The column that states each row's coordinate system, if any. */
export function findCrsColumn(header: readonly string[]): number | null {
  const i = header.findIndex((h) => CRS_HEADERS.has(normaliseHeader(h)));
  return i === -1 ? null : i;
}

/**
 * The columns no field reads: not mapped, not the combined "lng,lat" column and not the
 * coordinate-system column. Their cells are not imported, so the mapping step and the report name them.
 */
export function unmappedColumns(
  header: readonly string[],
  kind: ImportKind,
  mapping: ColumnMapping,
  lonLatColumn: number | null,
  crsColumn: number | null,
): number[] {
  const read = new Set<number>();
  for (const f of FIELDS[kind]) {
    const i = mapping[f];
    if (i !== undefined) read.add(i);
  }
  if (lonLatColumn !== null) read.add(lonLatColumn);
  if (crsColumn !== null) read.add(crsColumn);
  return header.map((_, i) => i).filter((i) => !read.has(i));
}
