import { describe, expect, it } from 'vitest';
import type { BundledData } from '../../src/data/load-bundled';
import { applyDuplicates, findDuplicates, normaliseFirmName } from '../../src/import/duplicates';
import { withImports } from '../../src/import/merge';
import type { ImportedDataset } from '../../src/import/pipeline';
import { enterprise } from '../fixtures/records';

describe('normaliseFirmName', () => {
  it.each([
    ['安徽相邦复合材料有限公司', '安徽相邦复合材料有限责任公司'],
    ['安徽相邦复合材料有限公司', '安徽相邦复合材料股份有限公司'],
    ['安徽相邦复合材料有限公司', '安徽相邦复合材料'],
    ['萃星（安徽）循环科技有限公司', '萃星(安徽)循环科技有限公司'],
    ['萃星【安徽】循环科技有限公司', '萃星安徽循环科技有限公司'],
    ['安徽 相邦 复合材料有限公司', '安徽相邦复合材料有限公司'],
    ['安徽相邦复合材料有限公司\u3000', '安徽相邦复合材料有限公司'],
    ['ＡＢＣ新能源有限公司', 'abc新能源有限公司'],
    ['淮北１号电池厂', '淮北1号电池厂'],
    ['Anhui Xiangbang Composite Materials Co., Ltd.', 'anhui xiangbang composite materials'],
  ])('%s = %s', (a, b) => {
    expect(normaliseFirmName(a)).toBe(normaliseFirmName(b));
  });

  it.each([
    ['安徽相邦复合材料有限公司', '安徽相邦新材料有限公司'],
    ['淮北华孚聚氨酯有限公司', '淮北华孚聚氨酯科技有限公司'],
    ['萃星（安徽）循环科技有限公司', '萃星（江苏）循环科技有限公司'],
    ['安徽国轩象铝科技有限公司', '国轩控股集团淮北新能源汽车动力锂电池零部件生产基地项目'],
    ['淮北1号电池厂', '淮北2号电池厂'],
    ['有限公司', '股份有限公司'],
  ])('%s ≠ %s', (a, b) => {
    expect(normaliseFirmName(a)).not.toBe(normaliseFirmName(b));
  });

  it('never reduces a name that is only a legal form to nothing', () => {
    expect(normaliseFirmName('有限公司')).not.toBe('');
  });
});

const existing = [
  enterprise({ id: 'ent-001', name: { zh: '安徽相邦复合材料有限公司', en: '' }, area: 'hitech' }),
  enterprise({ id: 'ent-002', name: { zh: '淮北华孚聚氨酯有限公司', en: '' }, area: 'suixi' }),
  enterprise({ id: 'ent-003', name: { zh: '安徽国轩象铝科技有限公司', en: '' }, area: null }),
];

const row = (line: number, ownId: string, zh: string, area: (typeof existing)[number]['area']) => ({
  key: `u1.r${line}`,
  line,
  ownId,
  name: { zh, en: '' },
  area,
});
const cands = existing.map((e) => ({ ...e, ownId: e.id }));

describe('findDuplicates', () => {
  it('matches by id first, whatever the name', () => {
    const m = findDuplicates([row(2, 'ent-002', '华孚', 'duji')], cands);
    expect(m).toEqual([expect.objectContaining({ line: 2, existingId: 'ent-002', by: 'id' })]);
  });

  it('else by normalised name within the same area', () => {
    const m = findDuplicates(
      [
        row(2, '', '安徽相邦复合材料股份有限公司', 'hitech'),
        row(3, '', '淮北华孚聚氨酯有限公司', 'duji'),
        row(4, '', '安徽国轩象铝科技（有限公司）', null),
        row(5, 'x-9', '安徽相邦新材料有限公司', 'hitech'),
      ],
      cands,
    );
    expect(m.map((x) => [x.line, x.existingId, x.by])).toEqual([
      [2, 'ent-001', 'name'],
      [4, 'ent-003', 'name'],
    ]);
  });

  it('matches an existing record once: a repeated row in the file is not a second match', () => {
    const m = findDuplicates(
      [row(2, '', '安徽相邦复合材料有限公司', 'hitech'), row(3, '', '安徽相邦复合材料有限公司', 'hitech')],
      cands,
    );
    expect(m.map((x) => x.line)).toEqual([2]);
  });

  it('an id the import made up never matches', () => {
    expect(
      findDuplicates(
        [row(2, '', '别的企业', 'hitech')],
        cands.slice(0, 1).map((c) => ({ ...c, ownId: '' })),
      ),
    ).toEqual([]);
  });
});

function dataset(id: string, rows: ReturnType<typeof enterprise>[]): ImportedDataset {
  return {
    id,
    fileName: 'roster.csv',
    kind: 'enterprises',
    mode: 'join',
    importedAt: '2026-12-02T00:00:00Z',
    format: 'csv',
    encoding: 'utf-8',
    crs: 'wgs84',
    rowCount: rows.length,
    rejectedRows: 0,
    enterprises: rows,
    chargers: [],
    report: [],
    notes: [],
  };
}

describe('applying the choice, and re-importing', () => {
  const bundled = { enterprises: existing, chargers: [] } as unknown as BundledData;
  const roster = (id: string) =>
    dataset(id, [
      enterprise({
        id: `${id}.r2`,
        ownId: '',
        name: { zh: '安徽相邦复合材料股份有限公司', en: '' },
        area: 'hitech',
      }),
      enterprise({ id: `${id}.r3`, ownId: '', name: { zh: '淮北新来的企业有限公司', en: '' }, area: 'duji' }),
    ]);

  it('update: the row stands in place of the match, so the count does not change', () => {
    const d = applyDuplicates(roster('u1'), existing, 'update');
    expect(d.duplicates?.matches.map((m) => m.existingId)).toEqual(['ent-001']);
    const shown = withImports(bundled, [d]).enterprises;
    expect(shown).toHaveLength(4);
    expect(shown.filter((e) => e.id === 'ent-001')).toHaveLength(1);
    expect(shown.find((e) => e.id === 'ent-001')?.name.zh).toBe('安徽相邦复合材料股份有限公司');
  });

  it('skip leaves the row out; keep both keeps it', () => {
    expect(withImports(bundled, [applyDuplicates(roster('u1'), existing, 'skip')]).enterprises).toHaveLength(
      4,
    );
    expect(withImports(bundled, [applyDuplicates(roster('u1'), existing, 'keep')]).enterprises).toHaveLength(
      5,
    );
  });

  it('the same roster imported twice changes no count', () => {
    const first = applyDuplicates(roster('u1'), existing, 'update');
    const once = withImports(bundled, [first]).enterprises;
    const second = applyDuplicates(roster('u2'), once, 'update');
    expect(second.duplicates?.matches).toHaveLength(2);
    const twice = withImports(bundled, [first, second]).enterprises;
    expect(twice.map((e) => e.name.zh).sort()).toEqual(once.map((e) => e.name.zh).sort());
    // Removing the first import leaves the second standing where both were.
    expect(withImports(bundled, [second]).enterprises).toHaveLength(4);
  });
});

describe('updatedRecord: a roster row updates what it says, and keeps the rest', async () => {
  const { updatedRecord } = await import('../../src/import/duplicates');
  const old = enterprise({
    id: 'ent-001',
    name: { zh: '安徽相邦复合材料有限公司', en: 'Anhui Xiangbang' },
    area: 'hitech',
    segments: ['ceramic-al-material'],
    status: 'producing',
    sourceDate: '2023-10-30',
    source: '人民网 2023-10-30',
    lngLat: null,
    precision: 'park',
  });
  const row = enterprise({
    id: 'u1.r2',
    ownId: '',
    name: { zh: '安徽相邦复合材料股份有限公司', en: '安徽相邦复合材料股份有限公司' },
    area: 'hitech',
    segments: [],
    status: 'unknown',
    sourceDate: '2026-12-02',
    source: 'roster.csv (2026-12-02)',
    lngLat: null,
    precision: 'park',
  });
  const mapped = new Set(['name_zh', 'area', 'segments', 'status']);

  it('keeps the id, the segments and the status the row leaves empty; takes its name and newer date', () => {
    const u = updatedRecord(old, row, mapped);
    expect([u.id, u.key]).toEqual(['ent-001', 'ent-001']);
    expect(u.name.zh).toBe('安徽相邦复合材料股份有限公司');
    expect(u.segments).toEqual(['ceramic-al-material']);
    expect(u.status).toBe('producing');
    expect(u.sourceDate).toBe('2026-12-02');
    expect(u.source).toBe('人民网 2023-10-30 ; roster.csv (2026-12-02)');
  });

  it('an unmapped column never overwrites, an older date never replaces a newer one, a source is listed once', () => {
    const u = updatedRecord(
      old,
      { ...row, segments: ['battery-box'], sourceDate: '2020' },
      new Set(['name_zh']),
    );
    expect(u.segments).toEqual(['ceramic-al-material']);
    expect(u.sourceDate).toBe('2023-10-30');
    expect(updatedRecord(u, row, mapped).source).toBe('人民网 2023-10-30 ; roster.csv (2026-12-02)');
  });
});
