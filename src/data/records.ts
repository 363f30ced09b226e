import type { DataIssue } from './types';

/** Small readers for hand-edited JSON data files: each returns a value or records why not. */
export class RecordReader {
  constructor(
    readonly file: string,
    readonly issues: DataIssue[],
  ) {}

  fail(row: number | undefined, field: string, zh: string, en: string): void {
    this.issues.push({
      file: this.file,
      field,
      reason: { zh, en },
      severity: 'error',
      ...(row === undefined ? {} : { row }),
    });
  }

  obj(v: unknown): Record<string, unknown> | null {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  }

  str(o: Record<string, unknown>, key: string, row?: number): string | null {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.fail(row, key, `缺少文本字段 ${key}`, `missing text field "${key}"`);
    return null;
  }

  num(o: Record<string, unknown>, key: string, row?: number): number | null {
    const v = o[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.fail(row, key, `字段 ${key} 应为数字`, `field "${key}" must be a number`);
    return null;
  }

  bilingual(o: Record<string, unknown>, key: string, row?: number): { zh: string; en: string } | null {
    const b = this.obj(o[key]);
    const zh = b?.zh;
    const en = b?.en;
    if (typeof zh === 'string' && zh.trim() && typeof en === 'string' && en.trim()) return { zh, en };
    this.fail(row, key, `字段 ${key} 需要中文和英文文本`, `field "${key}" needs both zh and en text`);
    return null;
  }

  array(o: Record<string, unknown>, key: string, row?: number): unknown[] | null {
    const v = o[key];
    if (Array.isArray(v)) return v;
    this.fail(row, key, `字段 ${key} 应为数组`, `field "${key}" must be an array`);
    return null;
  }
}
