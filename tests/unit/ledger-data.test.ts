import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateLedger } from '../../src/data/ledger';
import { loadBundled } from '../../src/data/load-bundled';
import { buildStyle } from '../../src/layers/style';
import { freshness, todayIso } from '../../src/model/dates';
import { layerInputFor } from '../fixtures/layer-input';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);

describe('the bundled ledger data', () => {
  it('loads without issues, and every record carries its dates or says unknown', () => {
    expect(data.issues).toEqual([]);
    expect(data.ledger.staleAfterMonths).toBe(24);
    expect(data.enterprises).toHaveLength(48);
    // Filled from the source strings: 12 firms' sources name no date.
    expect(data.enterprises.filter((e) => e.sourceDate === '')).toHaveLength(12);
    for (const c of data.chargers) expect([c.sourceDate, c.checked]).toEqual(['2026-11-25', '2026-11-25']);
    expect([data.areas.sourceDate, data.areas.checked]).toEqual(['2023', '2026-11-25']);
    for (const g of data.goals) expect([g.sourceDate, g.checked]).toEqual(['2023', '2026-11-25']);
  });

  it('the enterprise CSV says "unknown" rather than leaving a date blank', async () => {
    const text = await readPublic('data/enterprises.csv');
    const [header = '', ...rows] = text.trim().split('\n');
    expect(header).toContain('source_date,checked');
    expect(rows.filter((r) => r.includes(',unknown,unknown,')).length).toBe(12);
  });

  it('ledger.json is checked: a bad threshold is reported and the default used', () => {
    expect(validateLedger({ version: 1, staleAfterMonths: 24 }, 'l.json')).toEqual({
      value: { staleAfterMonths: 24 },
      issues: [],
    });
    const bad = validateLedger({ version: 1, staleAfterMonths: '24', extra: 1 }, 'l.json');
    expect(bad.value.staleAfterMonths).toBe(24);
    expect(bad.issues.map((i) => i.field)).toEqual(['extra', 'staleAfterMonths']);
    expect(validateLedger({ version: 1, staleAfterMonths: 0 }, 'l.json').issues[0]?.code).toBe('json.min');
  });
});

describe('the map marks stale firms', () => {
  it('the outer ring is drawn for exactly the firms whose source is past the threshold', () => {
    const style = buildStyle(layerInputFor(data));
    const layer = style.layers.find((l) => l.id === 'enterprises-stale');
    if (!layer || !('filter' in layer) || !('source' in layer)) throw new Error('no stale ring');
    const source = style.sources[layer.source as string] as { data: FeatureCollection<Point> };
    const f = featureFilter(layer.filter, 'test');
    const ringed = new Set(
      source.data.features
        .filter((x) => f.filter({ zoom: 10 }, { type: 1, properties: x.properties ?? {} } as never))
        .map((x) => String(x.properties?.key)),
    );
    const today = todayIso();
    const placed = new Set(source.data.features.map((x) => String(x.properties?.key)));
    const stale = data.enterprises
      .filter((e) => placed.has(e.key) && freshness(e.sourceDate, today, 24) === 'stale')
      .map((e) => e.key);
    expect(stale.length).toBeGreaterThan(0);
    expect(ringed).toEqual(new Set(stale));
  });
});
