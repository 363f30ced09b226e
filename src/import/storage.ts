// What the browser's storage (IndexedDB) did when asked: the app says it in words, never with the
// exception's own text, which is English, technical and sometimes empty. The exception's text is
// kept as a detail the notice may show in small print.

/** What was asked of the storage. */
export type StorageOp = 'read' | 'save' | 'remove';

/**
 * Why it was not done: no answer in time (a known WebKit bug, a blocked or broken storage), no
 * storage at all for this site (private browsing, storage switched off, no IndexedDB), no room
 * left, or any other refusal.
 */
export type StorageReason = 'timeout' | 'unavailable' | 'full' | 'failed';

export interface StorageProblem {
  op: StorageOp;
  reason: StorageReason;
  /** The browser's own words (name: message), '' when there are none (a timeout). */
  detail: string;
}

/** Reading at start: storage that has not answered in this time is taken as not answering. */
export const READ_DEADLINE_MS = 4000;
/** Writing a large import takes seconds on a tablet; past this, the write is said to have failed. */
export const WRITE_DEADLINE_MS = 20_000;

/** The storage did not answer in time (the operation may still finish later). */
export class StorageTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from the browser's storage within ${ms} ms`);
    this.name = 'StorageTimeout';
  }
}

/** The promise, or a StorageTimeout once `ms` have passed without it settling. */
export function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StorageTimeout(ms)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

const field = (e: unknown, key: 'name' | 'message'): string => {
  const v = typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
};

// DOMException names IndexedDB gives when the site may not store anything, or the store is broken.
const UNAVAILABLE = new Set(['SecurityError', 'InvalidStateError', 'NotAllowedError', 'UnknownError']);

/** An exception from the storage, as a problem the notice can put in words. */
export function problemOf(e: unknown, op: StorageOp): StorageProblem {
  if (e instanceof StorageTimeout) return { op, reason: 'timeout', detail: '' };
  const name = field(e, 'name');
  const message = typeof e === 'object' && e !== null ? field(e, 'message') : String(e);
  const detail = name && message ? `${name}: ${message}` : name || message;
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return { op, reason: 'full', detail };
  // No IndexedDB at all (an old or locked-down browser; Node in the unit tests).
  if (UNAVAILABLE.has(name) || e instanceof ReferenceError || typeof indexedDB === 'undefined')
    return { op, reason: 'unavailable', detail };
  return { op, reason: 'failed', detail };
}

export type Stored = { ok: true } | { ok: false; problem: StorageProblem };

/** Runs one storage write: ok, or why the browser refused (or did not answer in `ms`). */
export async function storing(
  op: Exclude<StorageOp, 'read'>,
  run: () => Promise<unknown>,
  ms = WRITE_DEADLINE_MS,
): Promise<Stored> {
  try {
    await withDeadline(run(), ms);
    return { ok: true };
  } catch (e) {
    return { ok: false, problem: problemOf(e, op) };
  }
}
