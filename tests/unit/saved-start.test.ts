import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BundledData, loadBundled } from '../../src/data/load-bundled';
import { storageText } from '../../src/i18n/storage-text';
import { t } from '../../src/i18n/t';
import { nextImportId } from '../../src/import/merge';
import type { ImportedDataset, ReportRow } from '../../src/import/pipeline';
import {
  KEPT_REPORT_ROWS,
  keptCopy,
  reportLeftOut,
  reportTotalsOf,
  upgradeSaved,
} from '../../src/import/saved-imports';
import { problemOf, StorageTimeout, storing, withDeadline } from '../../src/import/storage';
import { isSavedImport } from '../../src/model/saved-import';
import { afterFirstDraw, type SavedReaders, startSavedData } from '../../src/state/load-saved';
import { createAppStore } from '../../src/state/store';
import { DEFAULT_CHARGING, NO_FILTERS, NO_TARGET_FILTER, type ShareState } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';
import { importedDataset } from '../fixtures/records';

let data: BundledData;
beforeAll(async () => {
  data = await loadBundled(readPublic);
});
afterEach(() => {
  vi.useRealTimers();
});

/** One report line per row of a 50,000-row file, two reasons taking turns. */
function bigReport(rows: number): ReportRow[] {
  return Array.from(
    { length: rows },
    (_, i): ReportRow =>
      i % 2 === 0
        ? {
            line: i + 2,
            column: '产业链环节',
            code: 'row.unknownSegment' as const,
            params: { segment: `环节${i}` },
            severity: 'warning' as const,
            rejected: false,
          }
        : {
            line: i + 2,
            column: '企业名称',
            code: 'row.noName' as const,
            params: {},
            severity: 'error' as const,
            rejected: true,
          },
  );
}

const dataset = importedDataset;

/** An import of one firm (a copy of the first bundled one under the import's id). */
function oneFirm(id: string): ImportedDataset {
  const first = data.enterprises[0];
  if (!first) throw new Error('no bundled enterprise');
  const firm = { ...first, id: `${id}.r2`, key: `${id}.r2`, name: { zh: '示例', en: '示例' } };
  return dataset(id, { enterprises: [firm], rowCount: 1 });
}

describe('the saved copy of an import', () => {
  const full = dataset('u1', { rowCount: 50_000, report: bigReport(50_000) });

  it('keeps the first report lines and the counts of all of them, by reason', () => {
    const kept = keptCopy(full);
    expect(kept.report).toHaveLength(KEPT_REPORT_ROWS);
    expect(kept.report).toEqual(full.report.slice(0, KEPT_REPORT_ROWS));
    expect(kept.reportTotals).toEqual({
      rows: 50_000,
      errors: 25_000,
      byCode: [
        { code: 'row.unknownSegment', n: 25_000, example: full.report[0] },
        { code: 'row.noName', n: 25_000, example: full.report[1] },
      ],
    });
    expect(reportLeftOut(kept)).toBe(50_000 - KEPT_REPORT_ROWS);
    // What the report shows of the whole: the same counts from the cut copy as from the full one.
    expect(reportTotalsOf(kept)).toEqual(reportTotalsOf(full));
    // Everything else is kept as it was.
    expect({ ...kept, report: full.report, reportTotals: undefined }).toEqual({
      ...full,
      reportTotals: undefined,
    });
    // What is written is far smaller than the whole report.
    expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(full).length / 50);
  });

  it('is read back by the saved-import check, and cut again gives the same', () => {
    const kept = keptCopy(full);
    expect(isSavedImport(JSON.parse(JSON.stringify(kept)))).toBe(true);
    expect(keptCopy(kept)).toBe(kept);
    expect(upgradeSaved(kept)).toEqual(kept);
    // Damaged counts are not trusted: the import is left out rather than shown wrong.
    expect(isSavedImport({ ...kept, reportTotals: { rows: 'many' } })).toBe(false);
  });

  it('leaves a short report whole, with nothing left out', () => {
    const small = dataset('u2', { report: bigReport(10) });
    expect(keptCopy(small)).toBe(small);
    expect(reportLeftOut(small)).toBe(0);
    expect(reportTotalsOf(small)).toMatchObject({ rows: 10, errors: 5 });
  });

  it('reads an import saved whole by an earlier version, and cuts it as saving does', () => {
    // As an earlier version saved it: the whole report, no counts.
    const old = JSON.parse(JSON.stringify(full)) as ImportedDataset;
    expect(isSavedImport(old)).toBe(true);
    const up = upgradeSaved(old);
    expect(up.report).toHaveLength(KEPT_REPORT_ROWS);
    expect(up.reportTotals?.rows).toBe(50_000);
    expect(reportLeftOut(up)).toBe(50_000 - KEPT_REPORT_ROWS);
  });
});

describe('the storage problem, in words', () => {
  const dom = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('sorts what the browser throws into a few reasons, keeping its words as the detail', () => {
    expect(problemOf(new StorageTimeout(4000), 'read')).toEqual({
      op: 'read',
      reason: 'timeout',
      detail: '',
    });
    expect(problemOf(dom('QuotaExceededError', 'The quota has been exceeded.'), 'save')).toEqual({
      op: 'save',
      reason: 'full',
      detail: 'QuotaExceededError: The quota has been exceeded.',
    });
    // Node has no IndexedDB: as a browser with storage switched off.
    expect(problemOf(new ReferenceError('indexedDB is not defined'), 'read').reason).toBe('unavailable');
  });

  it('says it in sentences of the interface language, never with the exception text', () => {
    const p = problemOf(dom('UnknownError', 'Internal error opening backing store'), 'read');
    for (const lang of ['zh', 'en'] as const) {
      const text = storageText(lang, p, 'imports');
      expect(text).not.toContain('UnknownError');
      expect(text).not.toContain('backing store');
      expect(text).toBe(
        `${t(lang, `storage.why.${p.reason}`)}${lang === 'en' ? ' ' : ''}${t(lang, 'storage.imports.read')}`,
      );
    }
    expect(storageText('zh', { op: 'read', reason: 'timeout', detail: '' }, 'imports')).toBe(
      '本机浏览器的存储没有响应。之前保存在本机的导入暂时无法显示，地图先显示内置数据；现在导入的数据刷新页面后可能丢失。',
    );
    expect(storageText('en', { op: 'save', reason: 'full', detail: '' }, 'imports')).toBe(
      'This browser’s storage is full. This import could not be kept on this device: it will be gone after a reload.',
    );
  });

  it('gives up on a write that does not answer', async () => {
    vi.useFakeTimers();
    const never = new Promise<void>(() => {});
    const r = storing('save', () => never, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await r).toEqual({ ok: false, problem: { op: 'save', reason: 'timeout', detail: '' } });
    await expect(withDeadline(Promise.resolve(7), 10)).resolves.toBe(7);
  });
});

const shared = (over: Partial<ShareState>): ShareState => ({
  camera: { zoom: 12, lat: 33.9, lng: 116.8, bearing: 0, pitch: 0 },
  layers: ['areas', 'enterprises'],
  selection: null,
  lang: 'zh',
  filters: NO_FILTERS,
  panel: null,
  charging: DEFAULT_CHARGING,
  tourStep: null,
  match: null,
  targets: NO_TARGET_FILTER,
  ...over,
});

describe('starting before the saved imports are read', () => {
  it('shows the bundled data at once, and the imports join when they arrive', () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().dataLoaded(data);
    expect(store.getState().data?.enterprises).toHaveLength(data.enterprises.length);
    store.getState().savedImportsLoaded([oneFirm('u1')]);
    expect(store.getState().savedImports).toBe('read');
    expect(store.getState().data?.enterprises).toHaveLength(data.enterprises.length + 1);
    expect(store.getState().imports.map((i) => i.id)).toEqual(['u1']);
  });

  it('restores a link that selects an imported firm once the imports arrive', () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().applyShared(shared({ selection: { kind: 'enterprise', id: 'u1.r2' } }), []);
    store.getState().dataLoaded(data);
    // Not in the bundled data, but the saved imports may have it: held, not rejected.
    expect(store.getState().selection).toEqual({ kind: 'enterprise', id: 'u1.r2' });
    expect(store.getState().linkRejected).toEqual([]);
    store.getState().savedImportsLoaded([oneFirm('u1')]);
    expect(store.getState().selection).toEqual({ kind: 'enterprise', id: 'u1.r2' });
    expect(store.getState().linkRejected).toEqual([]);
    expect(store.getState().data?.enterprises.some((e) => e.id === 'u1.r2')).toBe(true);
  });

  it('also when the imports arrive before the bundled data', () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().applyShared(shared({ selection: { kind: 'enterprise', id: 'u1.r2' } }), []);
    store.getState().savedImportsLoaded([oneFirm('u1')]);
    store.getState().dataLoaded(data);
    expect(store.getState().selection).toEqual({ kind: 'enterprise', id: 'u1.r2' });
    expect(store.getState().linkRejected).toEqual([]);
  });

  it('says the link part is gone when the imports do not have it, or do not come', () => {
    const absent = createAppStore('');
    absent.getState().savedImportsReading();
    absent.getState().applyShared(shared({ selection: { kind: 'enterprise', id: 'u9.r2' } }), []);
    absent.getState().dataLoaded(data);
    absent.getState().savedImportsLoaded([oneFirm('u1')]);
    expect(absent.getState().selection).toBeNull();
    expect(absent.getState().linkRejected).toEqual(['sel']);

    const silent = createAppStore('');
    silent.getState().savedImportsReading();
    silent.getState().applyShared(shared({ selection: { kind: 'charger', id: 'u1.c1' } }), []);
    silent.getState().dataLoaded(data);
    silent.getState().savedImportsUnanswered();
    expect(silent.getState().selection).toBeNull();
    expect(silent.getState().linkRejected).toEqual(['sel']);
    expect(silent.getState().storageError).toEqual({ op: 'read', reason: 'timeout', detail: '' });
  });

  it('still rejects at once what only the bundled data could have (a segment)', () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().applyShared(shared({ selection: { kind: 'segment', id: 'no-such-segment' } }), []);
    store.getState().dataLoaded(data);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().linkRejected).toEqual(['sel']);
  });

  it('lets the user choose meanwhile: a selection made while waiting is theirs', () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().applyShared(shared({ selection: { kind: 'enterprise', id: 'u9.r2' } }), []);
    store.getState().dataLoaded(data);
    const bundled = data.enterprises[1]?.id ?? '';
    store.getState().select({ kind: 'enterprise', id: bundled });
    store.getState().savedImportsLoaded([]);
    expect(store.getState().selection).toEqual({ kind: 'enterprise', id: bundled });
    expect(store.getState().linkRejected).toEqual([]);
  });

  it('keeps imports made while storage was silent, after the saved ones that come late', () => {
    const store = createAppStore('');
    store.getState().savedImportsReading();
    store.getState().dataLoaded(data);
    store.getState().savedImportsUnanswered();
    const made = nextImportId(
      store.getState().imports,
      store.getState().savedImports !== 'read',
      1_700_000_000_000,
    );
    // Not u1: a saved u1 may still arrive, and saving this one as u1 would overwrite it.
    expect(made).not.toMatch(/^u\d+$/);
    store.getState().setImports([oneFirm(made)]);
    store.getState().savedImportsLoaded([oneFirm('u1')]);
    expect(store.getState().imports.map((i) => i.id)).toEqual(['u1', made]);
    // The timeout notice goes once storage has answered.
    expect(store.getState().storageError).toBeNull();
    expect(nextImportId(store.getState().imports)).toBe('u2');
  });
});

describe('startSavedData', () => {
  const never = <T>() => new Promise<T>(() => {});

  it('says storage is silent after the deadline, and lets what comes late join', async () => {
    vi.useFakeTimers();
    const store = createAppStore('');
    let answer: (v: Awaited<ReturnType<SavedReaders['imports']>>) => void = () => {};
    const read: SavedReaders = {
      imports: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      entered: never,
    };
    void startSavedData(store, read, 4000, Promise.resolve());
    expect(store.getState().savedImports).toBe('reading');
    store.getState().dataLoaded(data);
    // The bundled map does not wait.
    expect(store.getState().data).not.toBeNull();
    await vi.advanceTimersByTimeAsync(3999);
    expect(store.getState().storageError).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(store.getState().savedImports).toBe('unanswered');
    expect(store.getState().storageError).toEqual({ op: 'read', reason: 'timeout', detail: '' });
    expect(store.getState().enteredError).toEqual({ op: 'read', reason: 'timeout', detail: '' });
    answer({ imports: [oneFirm('u1')], problem: null });
    // The late import joins once its derived data is made, a part per task.
    await vi.runAllTimersAsync();
    expect(store.getState().savedImports).toBe('read');
    expect(store.getState().storageError).toBeNull();
    expect(store.getState().data?.enterprises).toHaveLength(data.enterprises.length + 1);
  });

  it('shows a storage that refuses at once, in words, with no wait', async () => {
    const store = createAppStore('');
    // Node has no IndexedDB: the real readers refuse as a browser without storage would.
    await startSavedData(store, undefined, undefined, Promise.resolve());
    expect(store.getState().savedImports).toBe('read');
    expect(store.getState().storageError).toMatchObject({ op: 'read', reason: 'unavailable' });
    expect(store.getState().enteredError).toMatchObject({ op: 'read', reason: 'unavailable' });
  });

  it('reads no import before the map has drawn its first view; entered values at once', async () => {
    vi.useFakeTimers();
    const store = createAppStore('');
    let asked = 0;
    let enteredAsked = 0;
    const read: SavedReaders = {
      imports: async () => {
        asked += 1;
        return { imports: [], problem: null };
      },
      entered: async () => {
        enteredAsked += 1;
        return { values: [], unreadable: 0, problem: null };
      },
    };
    const done = startSavedData(store, read, 4000);
    store.getState().dataLoaded(data);
    await vi.advanceTimersByTimeAsync(500);
    expect(asked).toBe(0);
    expect(enteredAsked).toBe(1);
    expect(store.getState().savedImports).toBe('reading');
    store.getState().setFirstDrawn();
    await done;
    expect(asked).toBe(1);
    expect(store.getState().savedImports).toBe('read');
  });

  it('does not wait for a first draw for ever once the data is in', async () => {
    vi.useFakeTimers();
    const store = createAppStore('');
    let drawn = false;
    void afterFirstDraw(store, 10_000).then(() => {
      drawn = true;
    });
    // Without the data, no clock runs: the map cannot draw before it.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(drawn).toBe(false);
    store.getState().dataLoaded(data);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(drawn).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(drawn).toBe(true);
  });
});
