import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { t } from '../../src/i18n/t';
import { zh } from '../../src/i18n/zh';
import {
  decode,
  detectEncoding,
  ENCODINGS,
  type Encoding,
  type EncodingGuess,
  isNotText,
  type NotText,
} from '../../src/import/encoding';
import { ImportFailure } from '../../src/import/failure';
import { sniff } from '../../src/import/pipeline';
import { fixtureBytes } from '../fixtures/import-fixtures';

function guessOf(bytes: Uint8Array): EncodingGuess {
  const g = detectEncoding(bytes);
  if (isNotText(g)) throw new Error(`refused as not text: ${g.notText}`);
  return g;
}

/** Why the bytes were refused, rendered in both languages. */
function refusalOf(bytes: Uint8Array): { code: NotText['notText']; zh: string; en: string } {
  const g = detectEncoding(bytes);
  if (!isNotText(g)) throw new Error(`accepted as ${g.encoding}`);
  return { code: g.notText, zh: t('zh', g.notText), en: t('en', g.notText) };
}

/** What sniff throws, or a failed expectation when it does not throw an ImportFailure. */
function sniffFailure(bytes: Uint8Array, name: string, size = bytes.length): ImportFailure {
  try {
    sniff(bytes, name, size);
  } catch (e) {
    if (e instanceof ImportFailure) return e;
    throw e;
  }
  throw new Error('sniff did not fail');
}

const utf16 = (text: string, le: boolean): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = le ? c & 0xff : c >> 8;
    out[3 + i * 2] = le ? c >> 8 : c & 0xff;
  }
  return out;
};

describe('detectEncoding on the fixtures', () => {
  it('reads the GBK roster as GB18030 without a BOM, and its bytes are not UTF-8', () => {
    const bytes = fixtureBytes('roster-gbk.csv');
    expect(guessOf(bytes)).toEqual({ encoding: 'gb18030', bom: false });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('decodes the GBK header and rows to Chinese with nothing replaced', () => {
    const { text, replaced } = decode(fixtureBytes('roster-gbk.csv'), 'gb18030');
    expect(replaced).toBe(0);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('编号,企业名称,所属区县,产业链环节,主营产品,企业地址,高德经度,高德纬度,数据来源');
    expect(lines[1]).toContain('示例电池箱体科技有限公司,高新区,动力电池箱体');
    expect(text).toContain('濉溪县');
  });

  it('shows a wrong choice of encoding as replaced characters', () => {
    expect(decode(fixtureBytes('roster-gbk.csv'), 'utf-8').replaced).toBeGreaterThan(50);
  });

  it('detects the UTF-8 BOM and drops it when decoding', () => {
    const bytes = fixtureBytes('roster-utf8-bom.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(guessOf(bytes)).toEqual({ encoding: 'utf-8', bom: true });
    const { text } = decode(bytes, 'utf-8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('编号,企业名称')).toBe(true);
  });

  it('reads UTF-8 without a BOM as UTF-8', () => {
    expect(guessOf(fixtureBytes('roster-semicolon.csv'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(guessOf(fixtureBytes('chargers-bd09.csv'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(guessOf(new TextEncoder().encode('id,name\n1,a\n'))).toEqual({ encoding: 'utf-8', bom: false });
  });
});

describe('detectEncoding on UTF-16', () => {
  it.each<[string, boolean, Encoding]>([
    ['little-endian', true, 'utf-16le'],
    ['big-endian', false, 'utf-16be'],
  ])('detects %s text by its BOM and decodes it', (_label, le, encoding) => {
    const bytes = utf16('编号,企业名称\r\n1,示例\r\n', le);
    expect(guessOf(bytes)).toEqual({ encoding, bom: true });
    expect(decode(bytes, encoding)).toEqual({ text: '编号,企业名称\r\n1,示例\r\n', replaced: 0 });
  });
});

describe('detectEncoding on files that are not text', () => {
  it.each<[string, number[], RegExp]>([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], /PNG/],
    ['an .xlsx (zip) file', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], /xlsx|zip/i],
    ['an old .xls file', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /\.xls/],
    ['a PDF', [...new TextEncoder().encode('%PDF-1.7\n')], /PDF/],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], /JPEG/],
    ['text with a NUL byte', [...new TextEncoder().encode('id,name\n1,a'), 0, 0x41], /NUL/],
    [
      'bytes full of control codes',
      Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)),
      /control/,
    ],
  ])('refuses %s with a reason in both languages', (_label, bytes, en) => {
    const why = refusalOf(Uint8Array.from(bytes));
    expect(why.en).toMatch(en);
    expect(why.zh.length).toBeGreaterThan(4);
  });

  it('accepts tabs, form feeds and CRLF', () => {
    expect(guessOf(new TextEncoder().encode('a\tb\r\n1\t2\f\r\n'))).toEqual({
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('sniff turns a refusal into an ImportFailure carrying the reason', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const f = sniffFailure(png, 'photo.csv');
    expect(f.code).toBe('import.fail.png');
    expect(t('en', f.code, f.params)).toMatch(/PNG/);
    expect(f.message).toContain(f.code);
  });
});

describe('a sample that ends in the middle of a character', () => {
  const gbk = fixtureBytes('roster-gbk.csv');
  // The header line's end, then one byte into the first Chinese character of line 2's name.
  const cut = gbk.indexOf(0x0a) + 1 + 'R001,'.length + 1;

  it('decodes the part before the cut and counts no replaced character when partial', () => {
    const sample = gbk.subarray(0, cut);
    expect(decode(sample, 'gb18030').replaced).toBe(1);
    expect(decode(sample, 'gb18030', true)).toEqual({
      text: '编号,企业名称,所属区县,产业链环节,主营产品,企业地址,高德经度,高德纬度,数据来源\r\nR001,',
      replaced: 0,
    });
  });

  it('sniff of such a sample reports nothing replaced and still reads the header', () => {
    const s = sniff(gbk.subarray(0, cut), 'roster-gbk.csv', gbk.length);
    expect(s.encoding).toBe('gb18030');
    expect(s.replaced).toBe(0);
    expect(s.header[1]).toBe('企业名称');
  });

  it('keeps a UTF-8 file cut mid-character as UTF-8', () => {
    const utf8 = fixtureBytes('chargers-bd09.csv');
    const at = utf8.indexOf(0x0a) + 2; // one byte into 示 (3 bytes in UTF-8)
    const s = sniff(utf8.subarray(0, at), 'chargers-bd09.csv', utf8.length);
    expect(s.encoding).toBe('utf-8');
    expect(s.replaced).toBe(0);
  });
});

describe('encoding labels', () => {
  it('names every encoding in both languages', () => {
    expect(ENCODINGS).toEqual(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']);
    for (const e of ENCODINGS) {
      expect(zh[`import.encoding.${e}`]).not.toBe('');
      expect(en[`import.encoding.${e}`]).not.toBe('');
    }
    expect(zh['import.encoding.gb18030']).toContain('GBK');
  });
});
