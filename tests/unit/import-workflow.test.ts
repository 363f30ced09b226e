import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/t';
import { ImportFailure } from '../../src/import/failure';
import { ImportCancelled } from '../../src/import/import-client';
import type { ImportedDataset } from '../../src/import/pipeline';
import { upgradeSaved } from '../../src/import/saved-imports';
import {
  commitImport,
  failureOf,
  type ImportStore,
  optionsFrom,
  removeImport,
} from '../../src/import/workflow';
import { fixtureBytes, sniffBytes } from '../fixtures/import-fixtures';
import { importedDataset } from '../fixtures/records';

const ds = (id: string) => importedDataset(id);

/** A store of the shape the workflows need, recording every call. */
function fakeStore(imports: ImportedDataset[], data: ImportStore['data'] = null) {
  const calls: string[] = [];
  const s: ImportStore = {
    bundled: null,
    data,
    imports,
    setImports: (next) => {
      calls.push(`setImports ${next.map((i) => i.id).join(',')}`);
      s.imports = next;
    },
    setStorageError: (m) => calls.push(`setStorageError ${m === null ? 'null' : 'message'}`),
    setSaving: (id, on) => calls.push(`setSaving ${id} ${on}`),
    startImport: (f) => calls.push(`startImport ${f === null ? 'null' : 'file'}`),
    showReport: (id) => calls.push(`showReport ${id}`),
  };
  return { get: () => s, calls };
}

describe('removeImport', () => {
  it('takes the import off the map at once, then says why it could not be deleted from storage', async () => {
    const { get, calls } = fakeStore([ds('u1'), ds('u2'), ds('u3')]);
    await removeImport('u2', get);
    expect(get().imports.map((i) => i.id)).toEqual(['u1', 'u3']);
    // Node has no IndexedDB: the delete fails, and the store is told.
    expect(calls).toEqual(['setImports u1,u3', 'setStorageError message']);
  });
});

describe('commitImport', () => {
  it('refuses with a code before the data is loaded, and touches nothing', async () => {
    const { get, calls } = fakeStore([]);
    const s = sniffBytes(fixtureBytes('roster-utf8-bom.csv'), 'roster-utf8-bom.csv');
    const job = commitImport(
      new File([], 'x.csv'),
      optionsFrom(s, null, 'u1'),
      get,
      () => {},
      async () => {},
    );
    await expect(job.result).rejects.toMatchObject({ code: 'import.fail.noData' });
    expect(calls).toEqual([]);
  });
});

describe('optionsFrom', () => {
  const s = sniffBytes(fixtureBytes('roster-gbk.csv'), 'roster-gbk.csv');

  it('starts from what was detected, under the given dataset id', () => {
    expect(optionsFrom(s, null, 'u4')).toMatchObject({
      datasetId: 'u4',
      fileName: 'roster-gbk.csv',
      encoding: 'gb18030',
      kind: 'enterprises',
      crs: 'gcj02',
      mode: 'join',
      confidence: 'medium',
      mapping: s.mapping,
    });
  });

  it('keeps the user’s kind, system, mode and confidence across a re-read', () => {
    const prev = { ...optionsFrom(s, null, 'u1'), kind: 'chargers' as const, crs: 'bd09' as const };
    const o = optionsFrom(s, { ...prev, mode: 'replace', confidence: 'low' }, 'u1');
    expect(o).toMatchObject({ kind: 'chargers', crs: 'bd09', mode: 'replace', confidence: 'low' });
    // The mapping is suggested again for the kind the user chose.
    expect(o.mapping).not.toEqual(s.mapping);
  });
});

describe('failureOf', () => {
  it('passes a failure through, makes one of any other error, and none of a cancel', () => {
    const f = new ImportFailure('import.fail.tooBig', { size: 60, limit: 50 });
    expect(failureOf(f)).toBe(f);
    expect(failureOf(new ImportCancelled('cancelled'))).toBeNull();
    const other = failureOf(new Error('boom'));
    expect(other).toMatchObject({ code: 'import.fail.other', params: { message: 'boom' } });
    expect(other ? t('en', other.code, other.params) : '').toBe('import failed: boom');
    expect(other ? t('zh', other.code, other.params) : '').toBe('导入失败：boom');
  });
});

describe('upgradeSaved', () => {
  it('keeps the sentences of an import saved before codes, under a code that shows them', () => {
    const old = {
      ...ds('u1'),
      report: [
        {
          line: 5,
          column: '企业名称',
          severity: 'error',
          rejected: true,
          reason: { zh: '缺少', en: 'missing' },
        },
      ],
      notes: [{ zh: '所有行都有问题', en: 'every row has a problem' }],
    } as unknown as ImportedDataset;
    const up = upgradeSaved(old);
    expect(up.report).toEqual([
      {
        line: 5,
        column: '企业名称',
        severity: 'error',
        rejected: true,
        code: 'import.row.saved',
        params: { text: '缺少 / missing' },
      },
    ]);
    expect(up.notes).toEqual([
      { code: 'import.row.saved', params: { text: '所有行都有问题 / every row has a problem' } },
    ]);
    expect(t('en', 'import.row.saved', { text: 'x' })).toBe('x');
  });

  it('leaves a current import as it is', () => {
    const now = {
      ...ds('u2'),
      report: [
        {
          column: 'id',
          severity: 'warning' as const,
          rejected: false,
          code: 'row.duplicateId' as const,
          params: { id: 'a' },
        },
      ],
      notes: [{ code: 'import.note.nothingImported' as const, params: {} }],
    };
    expect(upgradeSaved(now)).toEqual(now);
  });
});
