import { describe, expect, it } from 'vitest';
import { addMonths, endOfPeriod, freshness, readDate } from '../../src/model/dates';

const TODAY = '2026-12-02';

describe('readDate: the bad-input table of issue 14', () => {
  it.each([
    ['2024/5/1', '2024-05-01', null],
    ['2024年5月', '2024-05', null],
    ['2024年5月1日', '2024-05-01', null],
    ['2024年', '2024', null],
    ['2024.05', '2024-05', null],
    ['2024-05-01', '2024-05-01', null],
    ['2024-05-01 10:30:00', '2024-05-01', null],
    ['20240501', '2024-05-01', null],
    ['２０２４／５／１', '2024-05-01', null],
    ['45413', '2024-05-01', null],
    ['2022', '2022', null],
    ['', '', null],
    ['   ', '', null],
    ['近期', '', 'unparsable'],
    ['2024-13', '', 'unparsable'],
    ['2023-02-29', '', 'unparsable'],
    ['12345', '', 'unparsable'],
    ['2027', '', 'future'],
    ['2026-12-03', '', 'future'],
    ['2027年1月', '', 'future'],
    ['2026', '2026', null],
    ['2026-12', '2026-12', null],
    ['2026-12-02', '2026-12-02', null],
  ])('%j → %j (%s)', (raw, date, problem) => {
    expect(readDate(raw, TODAY)).toEqual({ date, problem });
  });
});

describe('staleness at its threshold', () => {
  it('takes the last day a partial date can stand for', () => {
    expect(endOfPeriod('2024')).toBe('2024-12-31');
    expect(endOfPeriod('2024-02')).toBe('2024-02-29');
    expect(endOfPeriod('2024-05-01')).toBe('2024-05-01');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('a day-precise source exactly 24 months old is current, a day older is stale', () => {
    expect(freshness('2024-12-02', '2026-12-02', 24)).toBe('current');
    expect(freshness('2024-12-01', '2026-12-02', 24)).toBe('stale');
  });

  it('a month or a year counts from its end', () => {
    expect(freshness('2024-12', '2026-12-31', 24)).toBe('current');
    expect(freshness('2024-12', '2027-01-01', 24)).toBe('stale');
    expect(freshness('2024-11', '2026-12-02', 24)).toBe('stale');
    expect(freshness('2024', '2026-12-31', 24)).toBe('current');
    expect(freshness('2024', '2027-01-01', 24)).toBe('stale');
  });

  it('no date is unknown, never stale', () => {
    expect(freshness('', TODAY, 24)).toBe('unknown');
    expect(freshness('unknown', TODAY, 24)).toBe('unknown');
  });
});

describe('segmentFreshness', async () => {
  const { segmentFreshness } = await import('../../src/domain/staleness');
  const byKey = new Map([
    ['a', { sourceDate: '2024-12-02' }],
    ['b', { sourceDate: '2024-12-01' }],
    ['c', { sourceDate: '' }],
  ]);
  it('a segment whose only firm is stale says so; at the threshold it is not', () => {
    expect(segmentFreshness(['b'], byKey, TODAY, 24)).toEqual({ total: 1, stale: 1, allStale: true });
    expect(segmentFreshness(['a'], byKey, TODAY, 24)).toEqual({ total: 1, stale: 0, allStale: false });
  });
  it('counts the stale ones of several; an undated firm is not stale; an empty segment is not', () => {
    expect(segmentFreshness(['a', 'b', 'c'], byKey, TODAY, 24)).toEqual({
      total: 3,
      stale: 1,
      allStale: false,
    });
    expect(segmentFreshness(['b', 'c'], byKey, TODAY, 24).allStale).toBe(false);
    expect(segmentFreshness([], byKey, TODAY, 24).allStale).toBe(false);
  });
});
