import type { IssueCode } from '../data/types';

/** What a file's first bytes say about it, before any text is decoded. */
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  encoding: Encoding;
  /** The file starts with a byte-order mark (stripped when decoding). */
  bom: boolean;
}

/** A file that is not text at all, with why (an issue template code). */
export interface NotText {
  notText: IssueCode;
}

const SIGNATURES: { bytes: number[]; code: IssueCode }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: 'import.fail.xlsx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], code: 'import.fail.xls' },
  { bytes: [0x25, 0x50, 0x44, 0x46], code: 'import.fail.pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'import.fail.png' },
  { bytes: [0xff, 0xd8, 0xff], code: 'import.fail.jpeg' },
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
  for (const s of SIGNATURES) if (startsWith(sample, s.bytes)) return { notText: s.code };
  let control = 0;
  for (const b of sample) {
    if (b === 0) {
      return { notText: 'import.fail.nulBytes' };
    }
    // Tab, LF, CR and form feed are fine in text; other C0 controls are not.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control += 1;
  }
  if (sample.length > 0 && control / sample.length > 0.01) {
    return { notText: 'import.fail.controlChars' };
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

/** Every encoding the user can choose, in menu order (the labels are in the dictionaries). */
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];
