// A generated enterprise roster as a Chinese spreadsheet exports it: UTF-8, Chinese headers, AMap
// (GCJ-02) coordinates, a comma inside every 10th name (so that name is quoted), and a small share
// of the faults real rosters have. Deterministic: the same seed gives the same bytes everywhere.

/** Seeded PRNG: the same rows on every run and machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADER = [
  '编号',
  '企业名称',
  '所属区县',
  '产业链环节',
  '主营产品',
  '企业地址',
  '高德经度',
  '高德纬度',
  '数据来源',
] as const;

/** Generated GCJ-02 points stay inside this box (Huaibei's, rounded). */
export const BBOX = { west: 116.4, east: 117.0, south: 33.3, north: 34.2 };

/** Area names as rosters write them, with a rough share of firms and a centre (GCJ-02) they cluster around. */
const AREAS: readonly { name: string; weight: number; centre: [number, number] }[] = [
  { name: '相山区', weight: 0.28, centre: [116.8, 33.96] },
  { name: '杜集区', weight: 0.12, centre: [116.83, 34.04] },
  { name: '烈山区', weight: 0.18, centre: [116.82, 33.89] },
  { name: '濉溪县', weight: 0.24, centre: [116.77, 33.91] },
  { name: '高新区', weight: 0.12, centre: [116.87, 33.95] },
  { name: '临涣化工园区', weight: 0.06, centre: [116.58, 33.69] },
];
/** Chain segments by their names in public/data/chain.json (the import maps names to ids). */
const SEGMENTS = [
  '正极材料',
  '负极材料',
  '隔膜',
  '电池铝箔',
  '动力电池',
  '动力电池箱体',
  '氢燃料电池',
  '加氢站',
  '陶铝新材料',
  '铝合金轮毂',
  '铝基汽车零部件',
  '充电桩壳体',
  '智能充换电设备',
  '汽车玻璃',
  '专用车零部件',
  '其他汽车零部件',
  '汽车销售与服务',
  '二手车',
  '汽配流通',
  '维修保养与检测',
];
const PRODUCTS = [
  '磷酸铁锂',
  '三元正极材料',
  '锂电池隔膜',
  '电池铝箔',
  '电池模组',
  '电池箱体',
  '铝合金轮毂',
  '车身结构件',
  '充电桩',
  'OLED车灯',
  '汽车玻璃',
  '燃料电池电堆',
  '储氢瓶',
  '汽车线束',
  '整车销售',
  '汽车维修',
];
const ROADS = [
  '人民路',
  '淮海路',
  '长山路',
  '孟山路',
  '龙山路',
  '南黎路',
  '梧桐路',
  '相山路',
  '沱河路',
  '濉河路',
];
const SOURCES = ['企查查', '天眼查', '经信局名录', '招商台账'];
const PREFIXES = ['淮北', '安徽', '淮北市', '濉溪', '安徽省'];
const TRADE =
  '华宇恒通瑞丰鑫源卓越金泰宏达新创盛世博远中天汇鼎弘毅永信德润嘉和正隆海川锦程天成星辰翔龙凯旋益民昌顺';
const INDUSTRIES = [
  '',
  '新能源',
  '新能源科技',
  '汽车零部件',
  '电池材料',
  '铝业',
  '新材料',
  '智能装备',
  '动力电池',
  '汽车电子',
  '氢能科技',
  '充电设备',
  '精密制造',
  '汽车销售服务',
];
const SUFFIXES = ['有限公司', '科技有限公司', '股份有限公司', '有限责任公司'];

/** The faults generated rows can have, and the share of rows with each (one fault per row at most). */
export const FAULTS = {
  /** Empty name: the import refuses the row. */
  missingName: 0.004,
  /** No coordinates at all: kept, placed by its area. */
  emptyPoint: 0.005,
  /** "待定" or "-" in the coordinate columns. */
  textPoint: 0.002,
  /** Latitude in the longitude column and vice versa. */
  swappedPoint: 0.002,
  /** 0, 0: a spreadsheet's default. */
  zeroPoint: 0.002,
  /** An area outside the city (萧县, a neighbouring county). */
  unknownArea: 0.003,
  /** A segment the chain model does not have. */
  unknownSegment: 0.004,
  /** The last two cells missing (a row cut short). */
  shortRow: 0.002,
} as const;
export type Fault = keyof typeof FAULTS;
const FAULT_KINDS = Object.keys(FAULTS) as Fault[];

export interface GeneratedCsv {
  text: string;
  rows: number;
  quotedNames: number;
  nameLength: { min: number; max: number };
  faults: Record<Fault, number>;
}

function makeName(rand: () => number, withComma: boolean): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // 12–23 characters in all, the comma included.
  const length = 12 + Math.floor(rand() * 12);
  const core = withComma ? length - 1 : length;
  let prefix = '';
  let industry = '';
  let suffix = '';
  let trade = 0;
  // Draw parts until the trade name (字号) left over is 2–8 characters; fall back to the shortest.
  for (let attempt = 0; attempt < 30; attempt++) {
    prefix = pick(PREFIXES);
    industry = pick(INDUSTRIES);
    suffix = pick(SUFFIXES);
    // No "…科技科技有限公司".
    if (industry.endsWith('科技') && suffix.startsWith('科技')) suffix = '有限公司';
    trade = core - prefix.length - industry.length - suffix.length;
    if (trade >= 2 && trade <= 8) break;
  }
  if (trade < 2 || trade > 8) {
    prefix = '淮北';
    industry = '';
    suffix = '有限公司';
    trade = core - prefix.length - suffix.length;
  }
  let name = '';
  for (let i = 0; i < trade; i++) name += TRADE[Math.floor(rand() * TRADE.length)];
  return withComma ? `${prefix}${name},${industry}${suffix}` : `${prefix}${name}${industry}${suffix}`;
}

/** n rows (plus the header) of CSV text, CRLF line ends as Excel writes them. */
export function generateCsv(n: number, seed: number): GeneratedCsv {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<Fault, number>;
  const lines: string[] = [HEADER.join(',')];
  let quotedNames = 0;
  let minName = Number.POSITIVE_INFINITY;
  let maxName = 0;
  for (let i = 0; i < n; i++) {
    let fault: Fault | null = null;
    let roll = rand();
    for (const k of FAULT_KINDS) {
      if (roll < FAULTS[k]) {
        fault = k;
        break;
      }
      roll -= FAULTS[k];
    }
    if (fault) faults[fault] += 1;

    let areaRoll = rand();
    let area = AREAS[0] as (typeof AREAS)[number];
    for (const a of AREAS) {
      if (areaRoll < a.weight) {
        area = a;
        break;
      }
      areaRoll -= a.weight;
    }
    const withComma = i % 10 === 9;
    const name = makeName(rand, withComma);
    minName = Math.min(minName, name.length);
    maxName = Math.max(maxName, name.length);
    let nameCell = withComma ? `"${name}"` : name;
    if (withComma) quotedNames += 1;
    if (fault === 'missingName') nameCell = '';

    // ~8 % of rows leave the area blank (the import derives it from the point).
    let areaCell = rand() < 0.08 ? '' : area.name;
    if (fault === 'unknownArea') areaCell = '萧县';

    const segRoll = rand();
    const segments: string[] = [];
    if (segRoll >= 0.1) segments.push(pick(SEGMENTS));
    if (segRoll >= 0.8) {
      const second = pick(SEGMENTS);
      if (second !== segments[0]) segments.push(second);
    }
    if (fault === 'unknownSegment') segments.push('光伏组件');

    const productCell =
      rand() < 0.6 ? (rand() < 0.3 ? `${pick(PRODUCTS)}、${pick(PRODUCTS)}` : pick(PRODUCTS)) : '';
    const addressCell = rand() < 0.55 ? `${area.name}${pick(ROADS)}${1 + Math.floor(rand() * 300)}号` : '';

    // 70 % clustered around their area's centre (σ ≈ 4 km), the rest anywhere in the box.
    let lon: number;
    let lat: number;
    if (rand() < 0.7) {
      lon = area.centre[0] + gauss() * 0.04;
      lat = area.centre[1] + gauss() * 0.036;
    } else {
      lon = BBOX.west + rand() * (BBOX.east - BBOX.west);
      lat = BBOX.south + rand() * (BBOX.north - BBOX.south);
    }
    lon = clamp(lon, BBOX.west, BBOX.east);
    lat = clamp(lat, BBOX.south, BBOX.north);
    let lonCell = lon.toFixed(6);
    let latCell = lat.toFixed(6);
    if (fault === 'emptyPoint') {
      lonCell = '';
      latCell = '';
    } else if (fault === 'textPoint') {
      lonCell = rand() < 0.5 ? '待定' : '-';
      latCell = lonCell;
    } else if (fault === 'swappedPoint') {
      [lonCell, latCell] = [latCell, lonCell];
    } else if (fault === 'zeroPoint') {
      lonCell = '0';
      latCell = '0';
    }

    const cells = [
      `HB${String(i + 1).padStart(6, '0')}`,
      nameCell,
      areaCell,
      segments.join('；'),
      productCell,
      addressCell,
      lonCell,
      latCell,
      pick(SOURCES),
    ];
    if (fault === 'shortRow') cells.length -= 2;
    lines.push(cells.join(','));
  }
  return {
    text: `${lines.join('\r\n')}\r\n`,
    rows: n,
    quotedNames,
    nameLength: { min: minName, max: maxName },
    faults,
  };
}
