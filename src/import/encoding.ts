/** What a file's first bytes say about it, before any text is decoded. */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  encoding: Encoding;
  /** The file starts with a byte-order mark (stripped when decoding). */
  bom: boolean;
}

/** A file that is not text at all, with the reason in both languages. */
export interface NotText {
  notText: { zh: string; en: string };
}

const SIGNATURES: { bytes: number[]; zh: string; en: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    zh: '这是 Excel（.xlsx）或其他压缩文件，不是 CSV。请在 Excel 中“另存为 CSV（UTF-8）”后再导入',
    en: 'this is an Excel (.xlsx) or other zip file, not CSV. Save it as "CSV UTF-8" in Excel, then import that',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    zh: '这是旧版 Excel（.xls）文件，不是 CSV。请另存为 CSV 后再导入',
    en: 'this is an old Excel (.xls) file, not CSV. Save it as CSV, then import that',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], zh: '这是 PDF 文件，不是表格', en: 'this is a PDF, not a table' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], zh: '这是 PNG 图片，不是表格', en: 'this is a PNG image, not a table' },
  { bytes: [0xff, 0xd8, 0xff], zh: '这是 JPEG 图片，不是表格', en: 'this is a JPEG image, not a table' },
];

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/**
 * Guesses the encoding from the first bytes (a sample is enough: 64 KB or more). A BOM decides;
 * otherwise text that is valid UTF-8 is UTF-8, and anything else is read as GB18030, the superset
 * of GBK and GB2312 that Chinese Excel writes. Known binary formats and bytes that no text file
 * has (NUL, most control codes) are refused with a reason.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess | NotText {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  for (const s of SIGNATURES) if (startsWith(sample, s.bytes)) return { notText: { zh: s.zh, en: s.en } };
  let control = 0;
  for (const b of sample) {
    if (b === 0) {
      return {
        notText: {
          zh: '文件含有空字节，不是文本表格（可能是图片、压缩包或 Excel 文件）',
          en: 'the file contains NUL bytes: it is not a text table (an image, archive or Excel file?)',
        },
      };
    }
    // Tab, LF, CR and form feed are fine in text; other C0 controls are not.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control += 1;
  }
  if (sample.length > 0 && control / sample.length > 0.01) {
    return {
      notText: {
        zh: '文件含有大量控制字符，不是文本表格',
        en: 'the file is full of control characters: it is not a text table',
      },
    };
  }
  return { encoding: isUtf8(sample) ? 'utf-8' : 'gb18030', bom: false };
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
function isUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function isNotText(g: EncodingGuess | NotText): g is NotText {
  return 'notText' in g;
}

/**
 * Bytes → text with the browser's decoder. The BOM is dropped; undecodable bytes become U+FFFD and
 * are counted, so a wrong choice of encoding shows up in the mapping step instead of as garbage.
 * `partial`: the bytes are the start of a file, so a character cut at the end is left out.
 */
export function decode(
  bytes: Uint8Array,
  encoding: Encoding,
  partial = false,
): { text: string; replaced: number } {
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes, { stream: partial });
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced += 1;
  return { text, replaced };
}

export const ENCODING_LABELS: Record<Encoding, { zh: string; en: string }> = {
  'utf-8': { zh: 'UTF-8', en: 'UTF-8' },
  gb18030: { zh: 'GBK / GB18030（中文 Excel 默认）', en: 'GBK / GB18030 (Chinese Excel default)' },
  'utf-16le': { zh: 'UTF-16 LE', en: 'UTF-16 LE' },
  'utf-16be': { zh: 'UTF-16 BE', en: 'UTF-16 BE' },
};
