import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { formatNumber, t } from '../../src/i18n/t';
import { zh } from '../../src/i18n/zh';
import { LAYERS } from '../../src/layers/registry';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('dictionaries', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty message in either language', () => {
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(zh) as (keyof typeof zh)[])
      expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
  });

  it('name every registered layer', () => {
    for (const l of LAYERS) expect(zh[l.labelKey]).toBeTruthy();
  });
});

describe('t', () => {
  it('picks the English plural form by the count', () => {
    expect(t('en', 'chain.firms', { n: 1 })).toBe('1 firm');
    expect(t('en', 'chain.firms', { n: 0 })).toBe('0 firms');
    expect(t('en', 'chain.firms', { n: 2 })).toBe('2 firms');
    expect(t('zh', 'chain.firms', { n: 1 })).toBe('1 家');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'issues.count', { n: 3 })).toBe('3 data issues');
    expect(t('zh', 'issues.count', { n: 3 })).toBe('3 条数据问题');
    expect(t('en', 'issues.count')).toBe('{n} data issues');
    expect(t('en', 'issues.count', { n: 1 })).toBe('1 data issue');
  });

  it('formats numbers for each language', () => {
    expect(formatNumber('en', 1980.44)).toBe('1,980.4');
    expect(formatNumber('zh', 1980.44)).toBe('1,980.4');
  });
});
