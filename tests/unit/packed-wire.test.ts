import { beforeAll, describe, expect, it } from 'vitest';
import { type BundledData, loadBundled } from '../../src/data/load-bundled';
import type { Enterprise } from '../../src/data/types';
import { runWhole } from '../../src/domain/slices';
import { packDataset, packEnterprises, SLICE, unpack, unpackDataset } from '../../src/import/packed-records';
import {
  datasetFromWire,
  datasetToWire,
  fromWireWhole,
  recordsToWire,
  textOf,
  toWireSliced,
  wireTransferables,
} from '../../src/import/packed-wire';
import type { ReportRow } from '../../src/import/pipeline';
import { readPublic } from '../fixtures/load';
import { importedDataset } from '../fixtures/records';

let data: BundledData;
beforeAll(async () => {
  data = await loadBundled(readPublic);
});

/** n firms made from the bundled ones, with text of every sort in their names and addresses. */
function firms(n: number): Enterprise[] {
  const odd = ['', '\u0000', 'a;b', '"q"', '𠀀🚗', '\n\r\t', '淮北市相山区'];
  return Array.from({ length: n }, (_, i) => {
    const e = data.enterprises[i % data.enterprises.length] as Enterprise;
    return {
      ...e,
      id: `u1.${e.id}-${i}`,
      key: `u1.${e.key}-${i}`,
      line: i + 2,
      name: { zh: `${e.name.zh}${odd[i % odd.length]}`, en: odd[(i + 3) % odd.length] as string },
      address: `${odd[i % odd.length]}${i}号`,
    };
  });
}

describe('packed records on the wire between the page and the worker', () => {
  it('carry the text of every column as bytes, hand every buffer over, and read back the same import', async () => {
    const xs = firms(2 * SLICE + 31);
    // A report longer than a slice, with a line break and quotes in its texts and a row for the whole file.
    const report: ReportRow[] = xs.map((e, i) => ({
      line: e.line,
      column: i % 2 ? '企业名称' : 'lon',
      code: 'row.pointOutside',
      params: { lon: 117.5 + i / 1000, lat: 33.9, text: `第${i}行\n"引号"` },
      severity: 'warning',
      rejected: i % 7 === 0,
    }));
    report.push({
      column: '(csv)',
      code: 'import.note.noRows',
      params: {},
      severity: 'error',
      rejected: false,
    });
    const ds = importedDataset('u1', { enterprises: xs, rowCount: xs.length, report });
    const wire = datasetToWire(await packDataset(ds, undefined, null));
    expect(wire.report).toEqual([]);
    expect(wire.reportLines).toBeInstanceOf(Uint8Array);
    const columns = wire.packed.enterprises.columns;
    expect(columns.filter((c) => c.text !== undefined)).toEqual([]);
    expect(columns.filter((c) => c.utf8 !== undefined).map((c) => c.name)).toContain('address');
    // A message with its transfer list, as postMessage makes it: the sender's buffers are gone after.
    const sent = structuredClone(wire, { transfer: wireTransferables(wire) });
    expect(columns.every((c) => c.utf8 === undefined || c.utf8.byteLength === 0)).toBe(true);
    expect(wire.reportLines?.byteLength).toBe(0);
    const back = await unpackDataset(await datasetFromWire(sent));
    expect(back?.enterprises).toEqual(xs);
    expect(back?.rowCount).toBe(xs.length);
    expect(back?.report).toEqual(report);
    expect(back?.report.at(-1)).not.toHaveProperty('line');
  });

  it('sends as it is a report that JSON would change (a number that is not finite)', async () => {
    const report: ReportRow[] = [
      {
        line: 2,
        column: 'lon',
        code: 'row.pointOutside',
        params: { lon: Number.NaN },
        severity: 'warning',
        rejected: false,
      },
    ];
    const wire = datasetToWire(await packDataset(importedDataset('u1', { report }), undefined, null));
    expect(wire.reportLines).toBeUndefined();
    const back = await datasetFromWire(structuredClone(wire, { transfer: wireTransferables(wire) }));
    expect(back.report[0]?.params.lon).toBeNaN();
  });

  it('keeps as text a column with a lone surrogate, which bytes would turn into U+FFFD', () => {
    const xs = firms(3).map((e, i) => ({ ...e, address: i === 1 ? 'A\uD800B' : e.address }));
    const wire = runWhole(recordsToWire(packEnterprises(xs)));
    const address = wire.columns.find((c) => c.name === 'address');
    expect(address?.text).toContain('A\uD800B');
    expect(address?.utf8).toBeUndefined();
    expect(wire.columns.find((c) => c.name === 'key')?.utf8).toBeInstanceOf(Uint8Array);
    expect(unpack<Enterprise>(fromWireWhole(wire)).map((e) => e.address)).toEqual(xs.map((e) => e.address));
  });

  it('is made a column per slice, the same in slices as at once', async () => {
    const p = packEnterprises(firms(50));
    const work = recordsToWire(p);
    let slices = 1;
    while (!work.next().done) slices += 1;
    expect(slices).toBe(p.columns.length);
    const sliced = await toWireSliced(p, () => Promise.resolve());
    expect(sliced).toEqual(runWhole(recordsToWire(packEnterprises(firms(50)))));
    expect(unpack(fromWireWhole(sliced))).toEqual(firms(50));
  });

  it('decodes a long column in parts, a character cut between two parts whole again', () => {
    const text = '淮北𠀀🚗a;b\u0000相山区'.repeat(7);
    const utf8 = new TextEncoder().encode(text);
    // Parts of 5 bytes cut the 3- and 4-byte characters at every place there is.
    const work = textOf(utf8, 5);
    let step = work.next();
    let parts = 1;
    while (!step.done) {
      parts += 1;
      step = work.next();
    }
    expect(step.value).toBe(text);
    expect(parts).toBe(Math.ceil(utf8.length / 5));
    expect(runWhole(textOf(utf8))).toBe(text);
  });
});
