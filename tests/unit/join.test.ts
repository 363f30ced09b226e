import { describe, expect, it } from 'vitest';
import type { Charger } from '../../src/data/chargers';
import { loadBundled } from '../../src/data/load-bundled';
import type { Enterprise } from '../../src/data/types';
import { changesBetween } from '../../src/domain/changes';
import { joinImport, shownWith } from '../../src/import/join';
import { withImports } from '../../src/import/merge';
import type { ImportedDataset } from '../../src/import/pipeline';
import { readPublic } from '../fixtures/load';
import { enterprise, importedDataset } from '../fixtures/records';

const bundled = await loadBundled(readPublic);
const keys = {
  enterprises: new Set(bundled.enterprises.map((e) => e.key)),
  chargers: new Set(bundled.chargers.map((c) => c.key)),
};

const dataset = (id: string, over: Partial<ImportedDataset>) =>
  importedDataset(id, { unplaced: { enterprises: [], chargers: [] }, ...over });
const firm = (id: string, over: Partial<Enterprise> = {}) =>
  enterprise({
    id,
    key: id,
    name: { zh: `企业${id}`, en: '' },
    area: 'hitech',
    segments: ['battery-box'],
    ...over,
  });
const site = (id: string): Charger => ({ ...(bundled.chargers[0] as Charger), id, key: id, line: 2 });

const first = bundled.enterprises[0] as Enterprise;
const IMPORTS: Record<string, ImportedDataset> = {
  add: dataset('u1', { enterprises: [firm('u1.a'), firm('u1.b')] }),
  replaceFirms: dataset('u2', { mode: 'replace', enterprises: [firm('u2.a')] }),
  replaceSites: dataset('u3', { kind: 'chargers', mode: 'replace', chargers: [site('u3.s')] }),
  addSites: dataset('u4', { kind: 'chargers', chargers: [site('u4.s')] }),
  update: dataset('u5', {
    enterprises: [firm('u5.x', { area: first.area })],
    duplicates: {
      action: 'update',
      matches: [
        {
          line: 2,
          key: 'u5.x',
          name: 'x',
          existingKey: first.key,
          existingId: first.id,
          existingName: 'x',
          by: 'id',
        },
      ],
    },
  }),
  // Saved before rows were kept apart: its unplaced rows are filtered, not counted.
  old: (() => {
    const { unplaced: _, ...d } = dataset('u6', {
      enterprises: [firm('u6.a'), firm('u6.b', { lngLat: null, area: null })],
    });
    return d;
  })(),
};

describe('shownWith', () => {
  // Every order of up to three of the imports above: the data shown with one more joined.
  const names = Object.keys(IMPORTS);
  const orders: string[][] = [];
  for (const a of names)
    for (const b of names) for (const c of names) if (new Set([a, b, c]).size === 3) orders.push([a, b, c]);

  it('makes from the data shown what withImports makes from the imports, in every order', () => {
    for (const order of orders) {
      const list = order.map((n) => IMPORTS[n] as ImportedDataset);
      const before = withImports(bundled, list.slice(0, 2));
      const want = withImports(bundled, list);
      const got = shownWith(before, keys, list[2] as ImportedDataset);
      expect(
        got.enterprises.map((e) => e.key),
        order.join(' '),
      ).toEqual(want.enterprises.map((e) => e.key));
      expect(
        got.chargers.map((c) => c.key),
        order.join(' '),
      ).toEqual(want.chargers.map((c) => c.key));
    }
  });
});

describe('joinImport', () => {
  it('matches the rows, applies the choice and lists the changes as the page did before', () => {
    const again = { ...first, id: 'u7.r2', key: 'u7.r2', line: 2, ownId: first.id };
    const fresh = firm('u7.r3', { line: 3 });
    const read = dataset('u7', { enterprises: [again, fresh] });
    const shown = withImports(bundled, []);
    const joined = joinImport(read, shown, keys, bundled.chain, 'update', new Set(['id', 'name_zh']));
    expect(joined.duplicates?.matches.map((m) => [m.key, m.existingKey, m.by])).toEqual([
      ['u7.r2', first.key, 'id'],
    ]);
    // The update stands in the bundled record's place: the change list sees one firm added.
    expect(joined.changes?.counts.added).toBe(1);
    expect(joined.changes?.added.map((f) => f.key)).toEqual(['u7.r3']);
    expect(joined.changes?.counts.removed).toBe(0);
    const sameAs = new Map([[first.key, first.key]]);
    const direct = changesBetween(bundled.chain, shown, withImports(bundled, [joined]), sameAs);
    expect(joined.changes?.counts).toEqual(direct.counts);
    const skipped = joinImport(read, shown, keys, bundled.chain, 'skip', new Set());
    expect(skipped.enterprises.map((e) => e.key)).toEqual(['u7.r3']);
    // The mapping step's look ahead: the same matches, and no change list made.
    const ahead = joinImport(read, shown, keys, bundled.chain, 'update', new Set(['id', 'name_zh']), false);
    expect(ahead.duplicates?.matches).toEqual(joined.duplicates?.matches);
    expect(ahead.changes).toBeUndefined();
  });

  it('lists the firms a replacing roster takes away, and leaves site lists unmatched', () => {
    const shown = withImports(bundled, []);
    const roster = joinImport(
      IMPORTS.replaceFirms as ImportedDataset,
      shown,
      keys,
      bundled.chain,
      'update',
      new Set(),
    );
    expect(roster.changes?.counts.removed).toBe(bundled.enterprises.length);
    expect(roster.duplicates).toBeUndefined();
    const sites = joinImport(
      IMPORTS.addSites as ImportedDataset,
      shown,
      keys,
      bundled.chain,
      'update',
      new Set(),
    );
    expect(sites.changes?.charging.after.sites).toBe((sites.changes?.charging.before.sites ?? 0) + 1);
  });
});
