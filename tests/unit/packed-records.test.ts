import { beforeAll, describe, expect, it } from 'vitest';
import { type BundledData, loadBundled } from '../../src/data/load-bundled';
import type { Enterprise } from '../../src/data/types';
import {
  columnCount,
  forgetPackedLists,
  isPacked,
  packChargers,
  packEnterprises,
  packedListsOf,
  packMatches,
  packSliced,
  SLICE,
  transferablesOf,
  unpack,
  unpackDataset,
  unpackSliced,
} from '../../src/import/packed-records';
import type { ImportedDataset } from '../../src/import/pipeline';
import {
  type ColumnKey,
  fromStored,
  GROUP_BYTES,
  generationOf,
  inTurn,
  joinStored,
  newGeneration,
  orphanColumns,
  splitStored,
  storedForm,
} from '../../src/import/saved-imports';
import { isSavedImport } from '../../src/model/saved-import';
import { readPublic } from '../fixtures/load';
import { importedDataset } from '../fixtures/records';

let data: BundledData;
beforeAll(async () => {
  data = await loadBundled(readPublic);
});

/** n firms made from the bundled ones, each with its own key, half of them with a file id. */
function firms(n: number): Enterprise[] {
  return Array.from({ length: n }, (_, i) => {
    const e = data.enterprises[i % data.enterprises.length] as Enterprise;
    const own = i % 2 === 0 ? { ownId: i % 4 === 0 ? '' : `f${i}` } : {};
    return { ...e, id: `u1.${e.id}-${i}`, key: `u1.${e.key}-${i}`, line: i + 2, ...own };
  });
}

describe('packed records', () => {
  it('gives back the bundled firms and charging sites exactly, nulls and all', () => {
    expect(data.enterprises.some((e) => e.lngLat === null)).toBe(true);
    expect(unpack(packEnterprises(data.enterprises))).toEqual(data.enterprises);
    // A site imported with little said of it: no count, power, point, district, date.
    const bare = data.chargers.slice(0, 3).map((c) => ({
      ...c,
      connectors: null,
      powerKw: null,
      lngLat: null,
      district: null,
      township: null,
      commissioned: null,
      illustrative: false,
    }));
    const sites = [...data.chargers, ...bare];
    expect(unpack(packChargers(sites))).toEqual(sites);
  });

  it('tells an absent file id from an empty one', () => {
    const xs = firms(8);
    const back = unpack<Enterprise>(packEnterprises(xs));
    expect(back).toEqual(xs);
    expect(back.map((e) => ('ownId' in e ? e.ownId : 'absent'))).toEqual(
      xs.map((e) => ('ownId' in e ? e.ownId : 'absent')),
    );
  });

  it('keeps any text: separators, NUL, quotes, surrogate pairs, empty strings', () => {
    const odd = ['', '\u0000', 'a;b', '"q"', '𠀀🚗', '\n\r\t', '淮北'];
    const xs = firms(odd.length).map((e, i) => ({
      ...e,
      name: { zh: odd[i] as string, en: odd[(i + 1) % odd.length] as string },
      segments: odd.slice(0, i),
      address: odd[i] as string,
    }));
    expect(unpack(packEnterprises(xs))).toEqual(xs);
  });

  it('reads a name back the same whether its English is the Chinese, another text of its length, or none', () => {
    const names = [
      { zh: '淮北', en: '淮北' },
      { zh: '淮北', en: '濉溪' },
      { zh: 'ab', en: 'abc' },
      { zh: 'abc', en: 'ab' },
      { zh: '', en: '' },
      { zh: '甲', en: '' },
      { zh: '', en: 'A' },
    ];
    const xs = firms(names.length).map((e, i) => ({ ...e, name: names[i] as Enterprise['name'] }));
    expect(unpack<Enterprise>(packEnterprises(xs)).map((e) => e.name)).toEqual(names);
  });

  it('gives the same records a slice at a time, past one slice, and packs the same a column at a time', async () => {
    const xs = firms(SLICE * 2 + 17);
    const p = packEnterprises(xs);
    expect(await unpackSliced(p)).toEqual(xs);
    expect(await packSliced('enterprise', xs)).toEqual(p);
  });

  it('holds a repeated value once (a file name in every source) and reads it back the same', () => {
    const xs = firms(100).map((e, i) => ({ ...e, source: 'roster.csv (2026-11-30)', address: `路${i}号` }));
    const p = packEnterprises(xs);
    const source = p.columns.find((c) => c.name === 'source');
    const address = p.columns.find((c) => c.name === 'address');
    expect(source?.text).toBe('roster.csv (2026-11-30)');
    expect(source?.index?.length).toBe(100);
    expect(address?.index).toBeUndefined();
    expect(unpack(p)).toEqual(xs);
    const bad = packEnterprises(xs);
    const col = bad.columns.find((c) => c.name === 'source');
    if (!col?.index) throw new Error('no index');
    col.index[3] = 1;
    expect(isPacked(bad)).toBe(false);
  });

  it('keeps duplicate matches', () => {
    const m = [
      {
        line: 3,
        key: 'u1.a',
        name: 'A',
        existingKey: 'ent-001',
        existingId: 'ent-001',
        existingName: 'A',
        by: 'id' as const,
      },
      {
        line: 9,
        key: 'u1.b',
        name: 'B',
        existingKey: 'ent-002',
        existingId: 'ent-002',
        existingName: 'B′',
        by: 'name' as const,
      },
    ];
    expect(unpack(packMatches(m))).toEqual(m);
  });

  it('hands over every buffer to transfer, and survives a structured clone', () => {
    const p = packEnterprises(firms(10));
    const buffers = transferablesOf(p);
    // id, key, name, segments, …: every string column has ends; line and lngLat have values.
    expect(buffers.length).toBeGreaterThanOrEqual(p.columns.length);
    expect(isPacked(structuredClone(p))).toBe(true);
    expect(unpack(structuredClone(p))).toEqual(unpack(p));
  });

  it('refuses a damaged set rather than rebuild wrong records', () => {
    const good = () => packEnterprises(firms(5));
    expect(isPacked(good())).toBe(true);
    const cut = good();
    const name = cut.columns.find((c) => c.name === 'name');
    if (!name?.text) throw new Error('no name column');
    name.text = name.text.slice(0, -1);
    expect(isPacked(cut)).toBe(false);
    const short = good();
    const line = short.columns.find((c) => c.name === 'line');
    if (!line?.values) throw new Error('no line column');
    line.values = line.values.subarray(1);
    expect(isPacked(short)).toBe(false);
    const swapped = good();
    swapped.columns.reverse();
    expect(isPacked(swapped)).toBe(false);
    expect(isPacked({ ...good(), type: 'charger' })).toBe(false);
    expect(isPacked({ ...good(), length: 6 })).toBe(false);
    expect(isPacked(null)).toBe(false);
  });
});

describe('an import as stored', () => {
  const dataset = (): ImportedDataset => {
    const xs = firms(30);
    return importedDataset('u1', {
      fileName: 'f.csv',
      rowCount: 32,
      enterprises: xs.slice(0, 25),
      unplaced: { enterprises: xs.slice(25).map((e) => ({ ...e, lngLat: null, area: null })), chargers: [] },
      duplicates: {
        action: 'update',
        matches: [
          {
            line: 2,
            key: xs[0]?.key ?? '',
            name: 'n',
            existingKey: 'ent-001',
            existingId: 'ent-001',
            existingName: 'n',
            by: 'id',
          },
        ],
      },
    });
  };

  it('holds no record objects, passes the saved-import check, and reads back the same', async () => {
    const ds = dataset();
    const stored = await storedForm(ds);
    expect(stored.enterprises).toEqual([]);
    expect(stored.unplaced).toEqual({ enterprises: [], chargers: [] });
    expect(stored.duplicates?.matches).toEqual([]);
    expect(isSavedImport(stored)).toBe(true);
    expect(await fromStored(structuredClone(stored))).toEqual(ds);
  });

  it('keeps the columns a new import was rebuilt from until it is saved, and packs anew one changed since', async () => {
    const stored = await storedForm(dataset());
    // Read back from storage, an import is never written again: its columns are let go.
    const loaded = await fromStored(structuredClone(stored));
    expect(loaded && packedListsOf(loaded)).toBeUndefined();
    // From the worker, a new import keeps them for its save.
    const back = await unpackDataset(structuredClone(stored), { keep: true });
    if (!back) throw new Error('not read back');
    expect(packedListsOf(back)).toBeDefined();
    const again = await storedForm(back);
    // The same buffers: nothing packed twice.
    expect(again.packed.enterprises.columns[0]?.ends).toBe(
      (await storedForm(back)).packed.enterprises.columns[0]?.ends,
    );
    forgetPackedLists(back);
    expect(packedListsOf(back)).toBeUndefined();
    expect(await fromStored(structuredClone(await storedForm(back)))).toEqual(back);
    const changed = { ...back, enterprises: back.enterprises.slice(1) };
    const fresh = await storedForm(changed);
    expect(fresh.packed.enterprises.length).toBe(back.enterprises.length - 1);
    expect(await fromStored(structuredClone(fresh))).toEqual(changed);
  });

  it('reads an import saved by an earlier version (records as objects) as it is', async () => {
    const ds = dataset();
    expect(await fromStored(ds)).toBe(ds);
  });

  it('leaves out an import whose columns are damaged', async () => {
    const stored = await storedForm(dataset());
    stored.packed.enterprises.columns.pop();
    expect(await fromStored(stored)).toBeNull();
    const swapped = await storedForm(dataset());
    swapped.packed = { ...swapped.packed, chargers: swapped.packed.enterprises };
    expect(await fromStored(swapped)).toBeNull();
  });
});

describe('a large import stored as an entry and its columns apart', () => {
  const large = () =>
    importedDataset('u7', {
      fileName: 'big.csv',
      rowCount: SLICE * 2 + 5,
      enterprises: firms(SLICE * 2 + 5),
    });
  /** An in-memory store of the columns, keyed as IndexedDB would (by the key's parts). */
  const columnsOf = (columns: [ColumnKey, unknown][]) =>
    new Map(columns.map(([k, c]) => [JSON.stringify(k), structuredClone(c)]));

  it('keeps the columns of a list past one slice in groups under their own keys, and reads back the same', async () => {
    const ds = large();
    const { entry, columns } = splitStored(await storedForm(ds), 'g1');
    expect(columns.map(([k]) => k)).toEqual(columns.map((_, g) => ['u7', 'g1', 'enterprises', g]));
    // Every column once, in order.
    expect(columns.flatMap(([, group]) => group.map((c) => c.name))).toEqual(
      (await storedForm(ds)).packed.enterprises.columns.map((c) => c.name),
    );
    // The entry holds none of the records' text: it is the small part every start reads whole.
    expect(entry.packed.enterprises.columns).toEqual([]);
    expect(JSON.stringify(entry).length).toBeLessThan(5000);
    expect(generationOf(entry)).toBe('g1');
    expect(isSavedImport(entry)).toBe(true);
    const store = columnsOf(columns);
    const joined = await joinStored(structuredClone(entry), async (k) => store.get(JSON.stringify(k)));
    expect(await fromStored(joined)).toEqual(ds);
  });

  it('cuts the columns of 20,000 firms into groups of at most GROUP_BYTES, bar a larger single column', async () => {
    const ds = importedDataset('u9', { enterprises: firms(20_000) });
    const { entry, columns } = splitStored(await storedForm(ds), 'g1');
    expect(columns.length).toBeGreaterThan(1);
    expect(columns.length).toBeLessThan(columnCount('enterprise'));
    for (const [, group] of columns) {
      const bytes = group.reduce(
        (n, c) =>
          n +
          2 * (c.text?.length ?? 0) +
          [c.ends, c.values, c.counts, c.flags, c.index].reduce((m, a) => m + (a?.byteLength ?? 0), 0),
        0,
      );
      if (group.length > 1) expect(bytes).toBeLessThanOrEqual(GROUP_BYTES);
    }
    const store = columnsOf(columns);
    expect(await fromStored(await joinStored(entry, async (k) => store.get(JSON.stringify(k))))).toEqual(ds);
  });

  it('refuses an entry one of whose groups is missing, or from another save', async () => {
    const { entry, columns } = splitStored(await storedForm(large()), 'g1');
    const store = columnsOf(columns);
    store.delete(JSON.stringify(['u7', 'g1', 'enterprises', columns.length - 1]));
    expect(await fromStored(await joinStored(entry, async (k) => store.get(JSON.stringify(k))))).toBeNull();
    const other = columnsOf(splitStored(await storedForm(large()), 'g2').columns);
    expect(await fromStored(await joinStored(entry, async (k) => other.get(JSON.stringify(k))))).toBeNull();
  });

  it('keeps a small import in its entry', async () => {
    const ds = importedDataset('u8', { enterprises: firms(10) });
    const { entry, columns } = splitStored(await storedForm(ds), 'g1');
    expect(columns).toEqual([]);
    expect(generationOf(entry)).toBeNull();
    expect(await fromStored(await joinStored(structuredClone(entry), async () => undefined))).toEqual(ds);
  });

  it('finds the columns no entry names: an earlier save of an import, or one whose entry is gone', () => {
    const keys = [
      ['u1', 'g2', 'enterprises', 0],
      ['u1', 'g1', 'enterprises', 0],
      ['u2', 'g1', 'chargers', 4],
      'stray',
    ];
    const named = new Map<string, string | null>([['u1', 'g2']]);
    expect(orphanColumns(keys, named)).toEqual([
      ['u1', 'g1', 'enterprises', 0],
      ['u2', 'g1', 'chargers', 4],
      'stray',
    ]);
  });

  it('leaves the columns of a save this page may still be writing (its entry not written yet)', () => {
    const old = `${(Date.now() - 60_000).toString(36)}.1`;
    const now = newGeneration();
    const keys = [
      ['u3', old, 'enterprises', 0],
      ['u4', now, 'enterprises', 0],
    ];
    const since = Date.now() - 1000;
    expect(orphanColumns(keys, new Map(), since)).toEqual([['u3', old, 'enterprises', 0]]);
  });
});

describe('the storage work of one import', () => {
  it('runs in turn: a removal started during a slow save waits for it, a failure does not block the next', async () => {
    const done: string[] = [];
    const slow = inTurn('u1', async () => {
      await new Promise((r) => setTimeout(r, 30));
      done.push('save u1');
    });
    const other = inTurn('u2', async () => {
      done.push('save u2');
    });
    const remove = inTurn('u1', async () => {
      done.push('remove u1');
    });
    await Promise.all([slow, other, remove]);
    // Another import's work does not wait; the removal comes after the save it would have raced.
    expect(done).toEqual(['save u2', 'save u1', 'remove u1']);
    const failed = inTurn('u3', async () => {
      throw new Error('quota');
    });
    const after = inTurn('u3', async () => 'ran');
    await expect(failed).rejects.toThrow('quota');
    expect(await after).toBe('ran');
  });
});
