import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import { chargerGroups } from '../../src/domain/charger-list';
import { areaSegmentRows, segmentWhereText } from '../../src/export/card-text';
import { viewAbout } from '../../src/export/view-about';
import { explainPart, matchNamesOf } from '../../src/i18n/match-explain';
import { pick } from '../../src/i18n/t';
import { selectAnalysis, selectMatch } from '../../src/state/selectors';
import { NO_FILTERS } from '../../src/state/url-hash';
import { readPublic } from '../fixtures/load';

const data = await loadBundled(readPublic);
const base = { data, filters: NO_FILTERS, panel: 'none' as const, match: null };
const flat = (blocks: ReturnType<typeof viewAbout>) =>
  blocks.map((b) => [b.heading, b.quote ?? '', b.cite ?? '', ...b.lines].join('\n')).join('\n');

describe('what a printed view is about', () => {
  it("an area: the plan's wording and section, every segment it is given with firms or a gap", () => {
    for (const area of data.areas.areas) {
      for (const lang of ['zh', 'en'] as const) {
        const text = flat(viewAbout({ ...base, lang, selection: { kind: 'area', id: area.id } }));
        expect(text).toContain(pick(lang, area.specialisation));
        expect(text).toContain(pick(lang, area.role));
        const rows = areaSegmentRows(data, area.id);
        for (const r of rows) {
          expect(text).toContain(pick(lang, r.segment.name));
          expect(text).toContain(segmentWhereText(lang, data, r));
        }
      }
    }
    const zh = flat(viewAbout({ ...base, lang: 'zh', selection: { kind: 'area', id: 'lieshan' } }));
    expect(zh).toMatch(/缺口|已有 \d+ 家/);
  });

  it("a segment: the plan's wording and every firm of it, by name and area", () => {
    const analysis = selectAnalysis(data);
    const seg = analysis.segments.find((r) => r.count > 0);
    expect(seg).toBeDefined();
    if (!seg) return;
    const blocks = viewAbout({ ...base, lang: 'zh', selection: { kind: 'segment', id: seg.segment.id } });
    expect(blocks[0]?.quote).toBe(seg.segment.plan.zh);
    const text = flat(blocks);
    for (const k of seg.enterpriseKeys) {
      const e = data.enterprises.find((x) => x.key === k);
      expect(text).toContain(e?.name.zh);
    }
    // The segment the firms are filtered to, with nothing selected, reads the same.
    expect(
      flat(
        viewAbout({
          ...base,
          lang: 'zh',
          selection: null,
          filters: { ...NO_FILTERS, segment: seg.segment.id },
        }),
      ),
    ).toBe(text);
  });

  it("a match: each top area's reasons, in the panel's own sentences", () => {
    const seg = data.chain.segments[0];
    if (!seg) throw new Error('no segment');
    const match = { segments: [seg.id], radiusKm: data.matchWeights.defaultRadiusKm };
    const text = flat(viewAbout({ ...base, lang: 'en', selection: null, panel: 'match', match }));
    const result = selectMatch(data, match);
    const top = result.areas[0];
    if (!top) throw new Error('no ranking');
    expect(text).toContain(top.name.en);
    for (const p of top.parts)
      expect(text).toContain(explainPart('en', p, { area: top, result, names: matchNamesOf(data) }));
    // Not with the panel closed: the match is not what the view shows then.
    expect(viewAbout({ ...base, lang: 'en', selection: null, match })).toEqual([]);
  });

  it('nothing selected and nothing filtered: nothing to add', () => {
    expect(viewAbout({ ...base, lang: 'zh', selection: null })).toEqual([]);
  });
});

describe('the list of charging sites', () => {
  it('has every site once, by district in the data order, named by the file or placed by its point', () => {
    const groups = chargerGroups(data.chargers, data.districts);
    expect(groups.flatMap((g) => g.sites).length).toBe(data.chargers.length);
    expect(new Set(groups.flatMap((g) => g.sites.map((c) => c.key))).size).toBe(data.chargers.length);
    const order = data.districts.features.map((f) => f.properties.adcode);
    const seen = groups.map((g) => g.district).filter((d) => d !== null);
    expect(seen).toEqual(order.filter((c) => seen.includes(c)));
    for (const g of groups)
      for (const c of g.sites)
        if (c.district && order.includes(c.district)) expect(c.district).toBe(g.district);
  });

  it('puts a site neither named nor placed in a last group of its own', () => {
    const site = data.chargers[0];
    if (!site) throw new Error('no site');
    const lost = { ...site, key: 'lost', district: null, lngLat: null };
    const groups = chargerGroups([site, lost], data.districts);
    expect(groups.at(-1)).toEqual({ district: null, sites: [lost] });
  });
});
