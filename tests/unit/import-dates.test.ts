import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../src/data/csv';
import { IMPORTED_AT, importBytes } from '../fixtures/import-fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

// The bad-input table of issue 14, as a roster's date column.
const ROWS: [string, string, string | null][] = [
  ['2024/5/1', '2024-05-01', null],
  ['2024年5月', '2024-05', null],
  ['2024.05', '2024-05', null],
  ['45413', '2024-05-01', null],
  ['近期', '', 'row.badDate'],
  ['', '', 'row.noDate'],
  ['2099-01-01', '', 'row.futureDate'],
];

describe('an import’s date column', () => {
  it('reads the parsable dates, reports the others by row and column, and keeps every row', async () => {
    const csv = `企业名称,所属区县,资料日期\n${ROWS.map(([d], i) => `示例企业${i},相山区,${d}`).join('\n')}\n`;
    const { dataset, sniffed } = await importBytes(utf8(csv), 'dates.csv');
    expect(sniffed.mapping.source_date).toBe(2);
    expect(dataset.enterprises).toHaveLength(ROWS.length);
    ROWS.forEach(([raw, date, code], i) => {
      const line = i + 2;
      const e = dataset.enterprises.find((x) => x.line === line);
      expect(e?.sourceDate, raw).toBe(date);
      const reported = dataset.report.filter((r) => r.line === line);
      if (code === null) expect(reported, raw).toEqual([]);
      else
        expect(
          reported.map((r) => [r.column, r.code, r.rejected]),
          raw,
        ).toEqual([['资料日期', code, false]]);
    });
  });

  it('without a date column, every record takes the day of the import', async () => {
    const { dataset } = await importBytes(
      utf8('企业名称,所属区县\n示例甲,相山区\n示例乙,濉溪县\n'),
      'nodate.csv',
    );
    expect(dataset.enterprises.map((e) => e.sourceDate)).toEqual([
      IMPORTED_AT.slice(0, 10),
      IMPORTED_AT.slice(0, 10),
    ]);
    expect(dataset.enterprises.every((e) => e.checked === '')).toBe(true);
  });

  it.each(['更新日期', '日期', 'date'])('maps a column headed %s to the source date', async (h) => {
    const { sniffed } = await importBytes(utf8(`企业名称,${h}\n示例甲,2024-05\n`), 'h.csv');
    expect(sniffed.mapping.source_date).toBe(1);
  });

  it('reads a text repeated down the column the same on every row, and again for another today', () => {
    const issues: [number, string, string][] = [];
    const add = (line: number, field: string, code: string) => issues.push([line, field, code]);
    const row = { source_date: '2026/12/2' };
    const read = (line: number, today: string) => readDateCell(row, 'source_date', line, today, add as never);
    expect([read(2, '2026-12-03'), read(3, '2026-12-03')]).toEqual(['2026-12-02', '2026-12-02']);
    expect(issues).toEqual([]);
    // The same text is a future date for a today before it: reported for each of its rows.
    expect([read(4, '2026-12-01'), read(5, '2026-12-01')]).toEqual(['', '']);
    expect(issues).toEqual([
      [4, 'source_date', 'row.futureDate'],
      [5, 'source_date', 'row.futureDate'],
    ]);
    expect(readDateCell({ source_date: ' 不详 ' }, 'source_date', 6, '2026-12-03', add as never)).toBe('');
    expect(issues).toHaveLength(2);
  });
});
