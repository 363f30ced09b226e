import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enIssues } from '../../src/i18n/en-issues';
import { zh as all } from '../../src/i18n/zh';
import { zhIssues } from '../../src/i18n/zh-issues';

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

  it('never collide with a key of another dictionary (a spread would silently override it)', async () => {
    // Every feature file of the Chinese dictionary: their keys, counted one by one, are the merged dictionary's.
    const files = readdirSync('src/i18n').filter((f) => /^zh-[a-z]+\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    let count = 0;
    for (const f of files) {
      const mod = (await import(`../../src/i18n/${f.replace(/\.ts$/, '')}`)) as Record<string, object>;
      for (const dict of Object.values(mod)) count += Object.keys(dict).length;
    }
    expect(count).toBe(Object.keys(all).length);
  });

  it('say why, not where: no template names a line, row or file', () => {
    for (const code of used.keys()) {
      expect(zh[code], code).not.toMatch(/第\s*\{?\w*\}?\s*行/);
      expect(en[code], code).not.toMatch(/\bline \{/);
    }
  });
});
