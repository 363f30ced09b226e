import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enIssues } from '../../src/i18n/en-issues';
import { zhData } from '../../src/i18n/zh-data';
import { zhIssues } from '../../src/i18n/zh-issues';
import { zhMatch } from '../../src/i18n/zh-match';
import { zhShare } from '../../src/i18n/zh-share';
import { zhTour } from '../../src/i18n/zh-tour';

// The producers of row and import issues: their codes are string literals of these two families.
const SOURCES = [
  'src/data/csv.ts',
  'src/data/enterprises.ts',
  'src/data/chargers.ts',
  ...readdirSync('src/import')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src/import', f)),
];
const CODE = /'((?:row|import\.(?:row|note|fail))\.[A-Za-z.]+)'/g;
const used = new Map<string, string>();
for (const file of SOURCES)
  for (const m of readFileSync(file, 'utf8').matchAll(CODE)) used.set(m[1] as string, file);

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const zh: Record<string, string> = zhIssues;
const en: Record<string, string> = enIssues;

describe('the codes of row checks and imports', () => {
  it('are found in the sources (the scan works)', () => {
    expect(used.size).toBeGreaterThan(50);
    expect(used.get('row.duplicateId')).toBe('src/data/csv.ts');
    expect(used.get('import.fail.tooBig')).toBe('src/import/pipeline.ts');
  });

  it('each have a template in both languages, with the same placeholders', () => {
    for (const [code, file] of used) {
      expect(zh[code], `${code} (${file})`).toBeTruthy();
      expect(en[code], `${code} (${file})`).toBeTruthy();
      expect(placeholders(en[code] ?? ''), code).toEqual(placeholders(zh[code] ?? ''));
    }
  });

  it('leave no template of theirs unused', () => {
    const ours = Object.keys(zhIssues).filter((k) => /^(row|import\.(row|note|fail))\./.test(k));
    expect(ours.filter((k) => !used.has(k))).toEqual([]);
  });

  it('never collide with a key of another dictionary (a spread would silently override it)', () => {
    const others = new Set(Object.keys({ ...zhData, ...zhTour, ...zhMatch, ...zhShare }));
    expect(Object.keys(zhIssues).filter((k) => others.has(k))).toEqual([]);
  });

  it('say why, not where: no template names a line, row or file', () => {
    for (const code of used.keys()) {
      expect(zh[code], code).not.toMatch(/第\s*\{?\w*\}?\s*行/);
      expect(en[code], code).not.toMatch(/\bline \{/);
    }
  });
});
