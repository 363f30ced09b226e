import { describe, expect, it } from 'vitest';
import type { Charger } from '../../src/data/chargers';
import { loadBundled } from '../../src/data/load-bundled';
import type { AreaId } from '../../src/data/types';
import { capChanges, changesBetween, isEmptyChange, statusChanged } from '../../src/domain/changes';
import { readPublic } from '../fixtures/load';
import { enterprise } from '../fixtures/records';

const data = await loadBundled(readPublic);
const model = data.chain;
const side = (enterprises = data.enterprises, chargers: readonly Charger[] = data.chargers) => ({
  enterprises,
  chargers,
});

describe('changesBetween', () => {
  it('finds nothing between the data and itself', () => {
    const c = changesBetween(model, side(), side());
    expect(isEmptyChange(c)).toBe(true);
  });

  it('names a firm added, and the segment count it raises', () => {
    const extra = enterprise({
      id: 'u1.x',
      name: { zh: '新电池箱厂', en: 'New box maker' },
      area: 'hitech',
      segments: ['battery-box'],
    });
    const c = changesBetween(model, side(), side([...data.enterprises, extra]));
    expect(c.added.map((f) => f.key)).toEqual(['u1.x']);
    expect(c.removed).toEqual([]);
    const box = c.segments.find((s) => s.segment === 'battery-box');
    expect(box?.to.count).toBe((box?.from.count ?? 0) + 1);
  });

  it('reads a firm whose district changed as moved (same key, or same name under a new key)', () => {
    const first = data.enterprises[0];
    if (!first) throw new Error('no bundled firm');
    const to: AreaId = first.area === 'duji' ? 'lieshan' : 'duji';
    const byKey = changesBetween(
      model,
      side(),
      side(data.enterprises.map((e) => (e === first ? { ...e, area: to } : e))),
    );
    expect(byKey.moved).toEqual([expect.objectContaining({ from: first.area, to })]);
    expect(byKey.added).toEqual([]);
    // The roster's copy has a key of its own and no duplicate match (another area): paired by name.
    const copy = { ...first, key: 'u2.r1', id: 'u2.r1', area: to };
    const byName = changesBetween(
      model,
      side(),
      side([...data.enterprises.filter((e) => e !== first), copy]),
    );
    expect(byName.moved.map((m) => m.firm.key)).toEqual(['u2.r1']);
    expect(byName.added).toEqual([]);
    expect(byName.removed).toEqual([]);
  });

  it('pairs an updated record through the duplicate match, and sees its new segments', () => {
    const first = data.enterprises[0];
    if (!first) throw new Error('no bundled firm');
    const updated = {
      ...first,
      key: 'u3.a',
      id: 'u3.a',
      name: { zh: '别名', en: 'Other' },
      segments: ['battery-box'],
    };
    const after = side([...data.enterprises.filter((e) => e !== first), updated]);
    const without = changesBetween(model, side(), after);
    expect(without.added).toHaveLength(1);
    const c = changesBetween(model, side(), after, new Map([['u3.a', first.key]]));
    expect(c.added).toEqual([]);
    expect(c.reclassified).toEqual([expect.objectContaining({ from: first.segments, to: ['battery-box'] })]);
  });

  it('lists firms a replacing roster takes away; the kept copy caps the list, not the count', () => {
    const c = changesBetween(model, side(), side(data.enterprises.slice(0, 40)));
    expect(c.removed.map((f) => f.key)).toEqual(data.enterprises.slice(40).map((e) => e.key));
    const kept = capChanges(c, 3);
    expect(kept.removed).toHaveLength(3);
    expect(kept.counts.removed).toBe(8);
    expect(isEmptyChange(kept)).toBe(false);
  });

  it('says which segments changed status, not only count', () => {
    // Every firm of a weak segment gone: it becomes missing.
    const c = changesBetween(
      model,
      side(),
      side(data.enterprises.filter((e) => !e.segments.includes('battery-box'))),
    );
    expect(statusChanged(c)).toEqual([
      expect.objectContaining({
        segment: 'battery-box',
        from: { count: 1, status: 'weak' },
        to: { count: 0, status: 'missing' },
      }),
    ]);
  });

  it('does not pair two firms that share a name', () => {
    const a = enterprise({ id: 'a', name: { zh: '甲公司', en: '' }, area: 'duji' });
    const b1 = enterprise({ id: 'b1', name: { zh: '甲公司', en: '' }, area: 'lieshan' });
    const b2 = enterprise({ id: 'b2', name: { zh: '甲公司', en: '' }, area: 'suixi' });
    const c = changesBetween(model, side([a], []), side([b1, b2], []));
    expect(c.moved).toEqual([]);
    expect(c.added).toHaveLength(2);
    expect(c.removed).toHaveLength(1);
  });

  it('counts the charging build-out before and after, by district', () => {
    const some = data.chargers.slice(0, 10);
    const c = changesBetween(model, side(data.enterprises, some), side());
    expect(c.charging.before.sites).toBe(10);
    expect(c.charging.after.sites).toBe(data.chargers.length);
    const grown = c.charging.byDistrict.reduce((n, d) => n + d.after - d.before, 0);
    const withDistrict = data.chargers.slice(10).filter((ch) => ch.district !== null).length;
    expect(grown).toBe(withDistrict);
  });
});
