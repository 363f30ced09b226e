import { type Briefing, briefingToFile } from './briefing';

// A short briefing travels in the link itself: `#…&brief=<base64url of its tour file, UTF-8>`.
// Plain base64url, no compression: a briefing short enough for a QR code is a few hundred bytes,
// where deflate saves little and would make decoding asynchronous.

export const BRIEF_KEY = 'brief';
/** Longer than any address a browser or a messaging app passes on whole: such a briefing goes as a file. */
export const MAX_BRIEF_LINK = 4000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isLangPair = (o: Record<string, unknown>) => {
  const keys = Object.keys(o);
  return keys.length > 0 && keys.every((k) => (k === 'zh' || k === 'en') && typeof o[k] === 'string');
};

/** Every {zh, en} of the same text in both languages written once, {zh}: a link is short of room. */
function compactLangs(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(compactLangs);
  if (!isObj(x)) return x;
  if (isLangPair(x) && x.zh === x.en) return { zh: x.zh };
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, compactLangs(v)]));
}

/** The other way: a text given in one language only reads as the same in both. */
function expandLangs(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(expandLangs);
  if (!isObj(x)) return x;
  if (isLangPair(x) && Object.keys(x).length === 1) {
    const text = (x.zh ?? x.en) as string;
    return { zh: text, en: text };
  }
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, expandLangs(v)]));
}

/** The `brief=` value of a briefing. */
export function encodeBriefing(b: Briefing): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(compactLangs(briefingToFile(b)))));
}

/** The tour file a `brief=` value holds, or null when it is not base64url of JSON (a cut or garbled link). */
export function decodeBriefing(value: string): unknown {
  const bytes = fromBase64Url(value);
  if (!bytes) return null;
  try {
    return expandLangs(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    return null;
  }
}

/** The hash without its `brief=` key, and that key's value (null: none). */
export function splitBrief(hash: string): { rest: string; brief: string | null } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  let brief: string | null = null;
  const kept = raw.split('&').filter((pair) => {
    if (!pair.startsWith(`${BRIEF_KEY}=`)) return true;
    brief = pair.slice(BRIEF_KEY.length + 1);
    return false;
  });
  return { rest: kept.length > 0 && kept.join('') !== '' ? `#${kept.join('&')}` : '', brief };
}

/**
 * The link that opens a briefing: the page's address (without its hash) and `#v=1&brief=…`; null
 * when it would be longer than MAX_BRIEF_LINK (then only the file can carry it).
 */
export function briefingLink(pageHref: string, b: Briefing): string | null {
  const base = pageHref.split('#')[0] ?? pageHref;
  const url = `${base}#v=1&${BRIEF_KEY}=${encodeBriefing(b)}`;
  return url.length <= MAX_BRIEF_LINK ? url : null;
}
