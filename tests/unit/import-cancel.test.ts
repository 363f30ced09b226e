import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { ImportedDataset } from '../../src/import/pipeline';
import { commitImport, type ImportStore, optionsFrom } from '../../src/import/workflow';
import { fixtureBytes, sniffBytes } from '../fixtures/import-fixtures';
import { readPublic } from '../fixtures/load';
import { enterprise, importedDataset } from '../fixtures/records';

// Node has no Worker: the worker's part answers at once with one firm, as a finished import does,
// after `duringWorker` (a test's stand-in for what happens on the page while the worker runs).
const worker = vi.hoisted(() => ({ runs: [] as number[], duringWorker: (_run: number) => {} }));
vi.mock('../../src/import/import-client', async (real) => {
  const mod = await real<typeof import('../../src/import/import-client')>();
  return {
    ...mod,
    importFile: () => {
      const run = worker.runs.length;
      worker.runs.push(run);
      worker.duringWorker(run);
      return {
        result: Promise.resolve(
          importedDataset('u9', { rowCount: 1, enterprises: [enterprise({ id: 'x1' })] }),
        ),
        cancel: () => {},
      };
    },
  };
});

const data = await loadBundled(readPublic);

beforeEach(() => {
  worker.runs = [];
  worker.duringWorker = () => {};
});

function fakeStore() {
  const calls: string[] = [];
  const s: ImportStore = {
    bundled: null,
    data,
    imports: [] as ImportedDataset[],
    setImports: (next) => {
      calls.push(`setImports ${next.map((i) => i.id).join(',')}`);
      s.imports = next;
    },
    setStorageError: () => calls.push('setStorageError'),
    setSaving: (id, on) => calls.push(`setSaving ${id} ${on}`),
    startImport: (f) => calls.push(`startImport ${f === null ? 'null' : 'file'}`),
    showReport: (id) => calls.push(`showReport ${id}`),
  };
  return { get: () => s, calls };
}

const options = () => {
  const s = sniffBytes(fixtureBytes('roster-utf8-bom.csv'), 'roster-utf8-bom.csv');
  return optionsFrom(s, null, 'u9');
};

/** The import of a (stand-in) file into the fake store, with `prepare` as the view's preparing. */
const commit = (get: () => ImportStore, prepare: () => Promise<void> = async () => {}) =>
  commitImport(new File([], 'x.csv'), options(), get, () => {}, prepare);

describe('an import while the data shown changes', () => {
  it('runs once more when the data changed while the worker ran, then joins', async () => {
    const { get, calls } = fakeStore();
    // Saved imports join while the first run is in the worker: the data shown is another object.
    worker.duringWorker = (run) => {
      if (run === 0) get().data = { ...data };
    };
    const job = commit(get);
    await expect(job.result).resolves.toMatchObject({ kind: 'added' });
    expect(worker.runs).toEqual([0, 1]);
    expect(calls[0]).toBe('setImports u9');
  });

  it('runs at most twice, however often the data changes', async () => {
    const { get } = fakeStore();
    worker.duringWorker = () => {
      get().data = { ...data };
    };
    const job = commit(get);
    await expect(job.result).resolves.toMatchObject({ kind: 'added' });
    expect(worker.runs).toEqual([0, 1]);
  });

  it('runs once when nothing changed', async () => {
    const { get } = fakeStore();
    await commit(get).result;
    expect(worker.runs).toEqual([0]);
  });
});

describe('cancelling an import after its worker has finished', () => {
  it('a cancel while the view is prepared leaves the map as it was', async () => {
    const { get, calls } = fakeStore();
    let cancel = () => {};
    const job = commit(get, async () => cancel());
    cancel = job.cancel;
    await expect(job.result).rejects.toMatchObject({ message: 'cancelled' });
    expect(get().imports).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('without a cancel the same import joins the map and its report opens', async () => {
    const { get, calls } = fakeStore();
    const job = commit(get);
    await expect(job.result).resolves.toMatchObject({ kind: 'added' });
    expect(get().imports.map((i) => i.id)).toEqual(['u9']);
    expect(calls.slice(0, 4)).toEqual([
      'setImports u9',
      'setSaving u9 true',
      'startImport null',
      'showReport u9',
    ]);
  });
});
