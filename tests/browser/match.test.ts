import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/load-bundled';
import type { MatchResult } from '../../src/domain/match';
import { explainPart, matchNamesOf } from '../../src/i18n/match-explain';
import { readPublic } from '../fixtures/load';
import { bundledMatch } from '../fixtures/match';
import {
  type AppPage,
  gotoApp,
  openBrowser,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  useApp,
  waitForHash,
  waitForMapIdle,
} from './harness';

const SHOTS = new URL('../../screenshots/', import.meta.url);

// ---- Expectations computed apart from the app: straight from the shipped files --------------------

const publicText = (path: string) => readFileSync(new URL(`../../public/${path}`, import.meta.url), 'utf8');

interface ChainFile {
  segments: { id: string; name: { zh: string; en: string }; areas: string[] }[];
}
interface AreasFile {
  areas: { id: string; name: { zh: string; en: string } }[];
}

const chainFile = JSON.parse(publicText('data/chain.json')) as ChainFile;
const areasFile = JSON.parse(publicText('data/areas.json')) as AreasFile;
const firms = Papa.parse<Record<string, string>>(publicText('data/enterprises.csv'), {
  header: true,
  skipEmptyLines: true,
}).data;

/** The battery-box segment found by its Chinese name, the area the plan puts it in, and its makers. */
const box = chainFile.segments.find((s) => s.name.zh === '动力电池箱体');
const boxArea = areasFile.areas.find((a) => a.id === box?.areas[0]);
const boxMakers = firms.filter((r) => (r.segments ?? '').split(';').includes(box?.id ?? '?'));

// ---- And what the domain computes, to compare the view with -----------------------------------

const data = await loadBundled(readPublic);
const { rank, anchors, placements } = bundledMatch(data);
const partnerCount = (r: MatchResult) => {
  const top = r.areas[0];
  return top ? top.peers.length + top.suppliers.length + top.customers.length : 0;
};

// ---- Page helpers ----------------------------------------------------------------------------------

/** The ranked rows as the panel shows them. */
async function shownRanking(app: AppPage) {
  return app.page.locator('[data-testid=match-panel] li.match-area').evaluateAll((els) =>
    els.map((el) => ({
      area: el.getAttribute('data-area'),
      rank: Number(el.getAttribute('data-rank')),
      score: Number(el.getAttribute('data-score')),
      peers: Number(el.getAttribute('data-peers')),
      suppliers: Number(el.getAttribute('data-suppliers')),
      customers: Number(el.getAttribute('data-customers')),
    })),
  );
}

/** The match overlay as the map holds it: its layers, its lines and its partner rings by role. */
async function mapOverlay(app: AppPage) {
  return app.page.evaluate(() => {
    const map = window.__huaibei?.map;
    if (!map) throw new Error('no map');
    const src = map.getStyle().sources.match as
      | { data: { features: { geometry: { type: string }; properties: Record<string, unknown> }[] } }
      | undefined;
    const lines = src ? src.data.features.filter((f) => f.geometry.type === 'LineString') : [];
    return {
      layers: map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith('match-')),
      lines: lines.map((f) => ({ role: String(f.properties.role), key: String(f.properties.key) })),
      rings: (src?.data.features ?? [])
        .filter((f) => f.properties.kind === 'partner')
        .map((f) => ({ role: String(f.properties.role), key: String(f.properties.key) })),
    };
  });
}

/** Every button and chip in the panel is at least a finger tall. */
async function smallTargets(app: AppPage): Promise<string[]> {
  return app.page
    .locator('[data-testid=match-panel] button, [data-testid=match-panel] summary')
    .evaluateAll((els) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.height < 44 || r.width < 44);
        })
        .map((el) => `${el.className}: ${el.textContent} (${Math.round(el.getBoundingClientRect().height)})`),
    );
}

/** Whether a point is drawn inside the map, clear of the match panel. */
async function whereOnScreen(app: AppPage, ll: [number, number]): Promise<string> {
  const box = await app.page.getByTestId('match-panel').boundingBox();
  const p = await app.page.evaluate((c) => {
    const map = window.__huaibei?.map;
    if (!map) throw new Error('no map');
    const q = map.project(c);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + q.x, y: r.top + q.y, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, ll);
  if (p.x < p.left || p.x > p.right || p.y < p.top || p.y > p.bottom)
    return `off the map ${JSON.stringify(p)}`;
  if (box && p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height)
    return `under the panel ${JSON.stringify(p)}`;
  return 'visible';
}

async function shot(app: AppPage, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await waitForMapIdle(app.page);
  await app.page.screenshot({ path: new URL(`match-${name}.png`, SHOTS).pathname });
}

describe('the firm-to-park match', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('finds the battery-box segment, its planned area and its maker in the shipped files', () => {
    expect(box?.id).toBe('battery-box');
    expect(boxArea?.id).toBe('hitech');
    expect(boxMakers.length).toBeGreaterThan(0);
  });

  it('ranks the High-tech Zone first for a battery-box maker, picked by touch, and says why', async () => {
    if (!box || !boxArea) throw new Error('battery-box segment missing');
    await gotoApp(app.page);
    await app.page.getByTestId('nav-match').tap();
    const panel = app.page.getByTestId('match-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.getByTestId('match-picker').count()).toBe(1);
    // Segments grouped by chain, each a finger-sized chip.
    expect(await panel.locator('[data-chain]').count()).toBe(data.chain.chains.length);
    expect(await panel.locator('[data-pick]').count()).toBe(data.chain.segments.length);
    expect(await smallTargets(app)).toEqual([]);

    await panel.locator(`[data-pick=${box.id}]`).tap();
    const weights = data.matchWeights;
    const hash = await waitForHash(app.page, (h) => h.includes(`match=${box.id}@${weights.defaultRadiusKm}`));
    expect(hash).toContain('panel=match');

    const expected = rank([box.id], weights.defaultRadiusKm);
    await expect
      .poll(async () => (await shownRanking(app)).map((r) => r.area))
      .toEqual(expected.areas.map((a) => a.area));
    const shown = await shownRanking(app);
    expect(shown[0]?.area).toBe(boxArea.id);
    // Equal scores share a rank, as the domain says.
    expect(shown.map((r) => r.rank)).toEqual(expected.areas.map((a) => a.rank));
    expect(shown.map((r) => r.score)).toEqual(expected.areas.map((a) => a.score));

    // The first row is open: the plan's assignment and the battery-box maker already there, in words.
    const first = panel.locator('li.match-area').first();
    expect(await first.locator('.match-area-name').textContent()).toContain(boxArea.name.zh);
    const plan = (await first.locator('[data-factor=plan] .match-explanation').textContent()) ?? '';
    expect(plan).toContain(box.name.zh);
    expect(plan).toContain(boxArea.name.zh);
    const cluster = (await first.locator('[data-factor=cluster] .match-explanation').textContent()) ?? '';
    for (const maker of boxMakers) expect(cluster).toContain(maker.name_zh);
    // Exactly the domain's sentences, as plain text.
    const top = expected.areas[0];
    for (const p of top?.parts ?? [])
      expect(await first.locator(`[data-factor=${p.factor}] .match-explanation`).textContent()).toBe(
        top && explainPart('zh', p, { area: top, result: expected, names: matchNamesOf(data) }),
      );
    expect(await first.locator('.match-explanation b, .match-explanation a').count()).toBe(0);

    // Its partners, each "in this area": a firm known only to its park gets no made-up distance.
    const peers = first.locator('[data-role=peer] [data-partner]');
    expect(await peers.count()).toBe(top?.peers.length);
    for (const maker of boxMakers) {
      const row = first.locator(`[data-partner=${maker.id}]`);
      expect(await row.textContent()).toContain(maker.name_zh);
      expect(await row.locator('[data-where=inArea]').textContent()).toBe('在本区域');
      expect(await row.textContent()).not.toContain('公里');
    }
    // The maker is there already: no gap to fill in the High-tech Zone.
    expect(await first.getAttribute('data-fills-gap')).toBe('false');
    expect(await panel.getByTestId('match-gap').count()).toBe(0);
    // The rest stay closed until tapped.
    expect(await panel.locator('li.match-area.open').count()).toBe(1);
  });

  it("rings the top area's partners on the map, with no line or distance to a stand-in position", async () => {
    if (!box) throw new Error('battery-box segment missing');
    const panel = app.page.getByTestId('match-panel');
    await waitForMapIdle(app.page);
    expect((await mapOverlay(app)).layers).toEqual(expect.arrayContaining(['match-partner', 'match-anchor']));
    for (const km of data.matchWeights.radiusKmOptions) {
      await panel.locator(`[data-radius="${km}"]`).tap();
      await waitForHash(app.page, (h) => h.includes(`match=${box.id}@${km}`));
      const expected = rank([box.id], km);
      const top = expected.areas[0];
      if (!top) throw new Error('no top area');
      await expect.poll(async () => (await mapOverlay(app)).rings.length).toBe(partnerCount(expected));
      const overlay = await mapOverlay(app);
      // Every bundled firm is known to its district or park only: rings, no lines.
      expect(overlay.lines).toEqual([]);
      expect(overlay.rings.filter((l) => l.role === 'supplier').map((l) => l.key)).toEqual(
        top.suppliers.map((p) => p.enterpriseKey),
      );
      const row = (await shownRanking(app))[0];
      expect(row).toMatchObject({
        area: top.area,
        peers: top.peers.length,
        suppliers: top.suppliers.length,
        customers: top.customers.length,
      });
    }
    await waitForMapIdle(app.page);
    const rendered = await app.page.evaluate(
      () => window.__huaibei?.map.queryRenderedFeatures({ layers: ['match-partner'] }).length ?? 0,
    );
    expect(rendered).toBeGreaterThan(0);
  });

  it("lists the aluminium firms among a box maker's suppliers, and gives the illustrative chargers 0 points", async () => {
    await gotoApp(app.page, '#v=1&panel=match&match=battery-box@10');
    const panel = app.page.getByTestId('match-panel');
    const suixi = panel.locator('li.match-area[data-area=suixi]');
    await expect.poll(() => suixi.count()).toBe(1);
    await suixi.locator('.match-area-btn').tap();
    await expect.poll(() => suixi.getAttribute('class')).toContain('open');
    const al = data.enterprises.filter((e) => e.area === 'suixi' && e.segments.includes('al-materials'));
    expect(al.length).toBeGreaterThan(3);
    for (const e of al)
      expect(await suixi.locator(`[data-role=supplier] [data-partner=${e.id}]`).count()).toBe(1);
    for (const row of await panel.locator('li.match-area').all()) {
      await row.locator('.match-area-btn').tap();
      const charging = row.locator('[data-factor=charging]');
      await expect.poll(() => charging.count()).toBe(1);
      expect(await charging.getAttribute('data-points')).toBe('0');
    }
    expect(await panel.locator('[data-factor=charging] .match-explanation').first().textContent()).toMatch(
      /不计分/,
    );
  });

  it('shows an area on the map when its row is tapped, keeping the match', async () => {
    const panel = app.page.getByTestId('match-panel');
    const before = await app.page.evaluate(() => window.__huaibei?.store.getState().match);
    const second = panel.locator('li.match-area').nth(1);
    const id = await second.getAttribute('data-area');
    await second.locator('.match-area-btn').tap();
    await waitForHash(app.page, (h) => h.includes(`sel=area:${id}`) && h.includes('match='));
    const s = await app.page.evaluate(() => {
      const st = window.__huaibei?.store.getState();
      return { sel: st?.selection, match: st?.match, panel: st?.panel };
    });
    expect(s).toEqual({ sel: { kind: 'area', id }, match: before, panel: 'match' });
    expect(await second.getAttribute('class')).toContain('open');
    // The open row stands for the area card while the panel is open: the card would hide panel or map.
    expect(await app.page.locator(`.card[data-area=${id}]`).isVisible()).toBe(false);
    expect(await panel.isVisible()).toBe(true);
    await waitForMapIdle(app.page);
    // The area is framed: its anchor on screen, beside the panel.
    const anchor = id ? anchors[id as keyof typeof anchors] : undefined;
    if (!anchor) throw new Error(`no anchor for ${id}`);
    expect(await whereOnScreen(app, anchor)).toBe('visible');
    expect(await app.page.evaluate(() => window.__huaibei?.map.getFilter('areas-selected-line'))).toEqual([
      'in',
      ['get', 'area'],
      ['literal', [id]],
    ]);
    expect((await mapOverlay(app)).rings.length).toBeGreaterThan(0);
    // The first row frames the match again: the top area and its partners, the choice unchanged.
    const topRow = panel.locator('li.match-area').first();
    await topRow.locator('.match-area-btn').tap();
    const topId = (await topRow.getAttribute('data-area')) ?? '';
    await waitForHash(app.page, (h) => h.includes(`sel=area:${topId}`) && h.includes('match='));
    expect(await app.page.evaluate(() => window.__huaibei?.store.getState().match)).toEqual(before);
    await waitForMapIdle(app.page);
    const topAnchor = anchors[topId as keyof typeof anchors];
    if (!topAnchor) throw new Error(`no anchor for ${topId}`);
    expect(await whereOnScreen(app, topAnchor)).toBe('visible');
  });

  it('adds segments up to five, in the order picked, and goes back to the ranking', async () => {
    await gotoApp(app.page, '#v=1&panel=match&match=battery-box@10');
    const panel = app.page.getByTestId('match-panel');
    await expect.poll(() => panel.locator('li.match-area').count()).toBe(6);
    expect(await panel.getByTestId('match-picker').count()).toBe(0);
    await panel.getByTestId('match-toggle-picker').tap();
    const picks = data.chain.segments.map((s) => s.id).filter((id) => id !== 'battery-box');
    for (const id of picks.slice(0, 4)) await panel.locator(`[data-pick=${id}]`).tap();
    const chosen = ['battery-box', ...picks.slice(0, 4)];
    await waitForHash(app.page, (h) => h.includes(`match=${chosen.join(',')}@10`));
    // Five chosen: the rest wait until one is removed.
    expect(await panel.locator(`[data-pick=${picks[4]}]`).isDisabled()).toBe(true);
    await panel.locator(`[data-chosen=${picks[0]}]`).tap();
    await waitForHash(app.page, (h) =>
      h.includes(`match=${chosen.filter((x) => x !== picks[0]).join(',')}@10`),
    );
    expect(await panel.locator(`[data-pick=${picks[4]}]`).isDisabled()).toBe(false);
    await panel.getByTestId('match-done').tap();
    expect(await panel.getByTestId('match-picker').count()).toBe(0);
    const expected = rank(
      chosen.filter((x) => x !== picks[0]),
      10,
    );
    await expect
      .poll(async () => (await shownRanking(app)).map((r) => r.area))
      .toEqual(expected.areas.map((a) => a.area));
    expect(await smallTargets(app)).toEqual([]);
  });

  it('restores the panel and the ranking from the link, and on reload', async () => {
    const hash = '#v=1&panel=match&match=battery-box@20';
    const expected = rank(['battery-box'], 20);
    for (const reload of [false, true]) {
      if (reload) await app.page.reload();
      else await gotoApp(app.page, hash);
      await waitForMapIdle(app.page);
      await expect
        .poll(async () => (await shownRanking(app)).map((r) => r.area))
        .toEqual(expected.areas.map((a) => a.area));
      expect(await app.page.locator('[data-radius="20"]').getAttribute('aria-pressed')).toBe('true');
      expect(await app.page.locator('[data-chosen=battery-box]').count()).toBe(1);
      expect((await mapOverlay(app)).rings.length).toBe(partnerCount(expected));
      expect(await app.page.getByTestId('link-notice').count()).toBe(0);
    }
    // Closing the panel takes the lines off the map; the match stays in the link for later.
    await app.page.locator('[data-testid=match-panel] .card-head .icon-btn').tap();
    await waitForHash(app.page, (h) => !h.includes('panel=match') && h.includes('match=battery-box@20'));
    await waitForMapIdle(app.page);
    expect((await mapOverlay(app)).layers).toEqual([]);
  });

  it('fills a gap: says so for an area the plan assigns a segment with no firm yet', async () => {
    // A segment the plan assigns to one area, with no local firm at all (from the shipped files).
    const gap = chainFile.segments.find(
      (s) => s.areas.length === 1 && !firms.some((r) => (r.segments ?? '').split(';').includes(s.id)),
    );
    if (!gap) throw new Error('the data has no unfilled assigned segment');
    const gapArea = areasFile.areas.find((a) => a.id === gap.areas[0]);
    await gotoApp(app.page, `#v=1&panel=match&match=${gap.id}@10`);
    const expected = rank([gap.id], 10);
    expect(expected.areas[0]?.area).toBe(gapArea?.id);
    expect(expected.areas[0]?.gapsFilled).toEqual([gap.id]);
    const first = app.page.locator('li.match-area').first();
    await expect.poll(() => first.getAttribute('data-area')).toBe(gapArea?.id);
    expect(await first.getAttribute('data-fills-gap')).toBe('true');
    const line = (await app.page.getByTestId('match-gap').textContent()) ?? '';
    expect(line).toContain('填补');
    expect(line).toContain(gap.name.zh);
  });

  it.each([
    ['an unknown segment', 'warp-drive@10'],
    ['a distance out of range', 'battery-box@99'],
    ['markup', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E@10'],
    ['too many segments', 'a,b,c,d,e,f@10'],
  ])('rejects a link with %s, says so, and still works', async (_label, value) => {
    await gotoApp(app.page, `#v=1&panel=match&match=${value}`);
    const notice = app.page.getByTestId('link-notice');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('选址匹配');
    expect(await app.page.evaluate(() => window.__huaibei?.store.getState().match)).toBeNull();
    // The panel still opens (the panel key was valid) and picking still works.
    const panel = app.page.getByTestId('match-panel');
    await expect.poll(() => panel.count()).toBe(1);
    await panel.locator('[data-pick=battery-box]').tap();
    await waitForHash(app.page, (h) => h.includes('match=battery-box@'));
    await expect.poll(() => panel.locator('li.match-area').first().getAttribute('data-area')).toBe('hitech');
    expect(app.errors).toEqual([]);
  });
});

describe('the match on tablets, for a person to look at', () => {
  it.each([
    ['portrait', TABLET_PORTRAIT],
    ['landscape', TABLET_LANDSCAPE],
  ])(
    '%s: picks by touch, frames the top area clear of the panel, keeps targets finger-sized',
    async (name, viewport) => {
      const app = await openBrowser(viewport);
      try {
        await gotoApp(app.page, '#v=1&panel=match');
        await shot(app, `${name}-picker`);
        const panel = app.page.getByTestId('match-panel');
        await panel.locator('[data-pick=battery-box]').tap();
        await panel.locator('[data-radius="20"]').tap();
        await waitForHash(app.page, (h) => h.includes('match=battery-box@20'));
        await waitForMapIdle(app.page);
        expect(await smallTargets(app)).toEqual([]);
        // The top area's anchor and each partner are on screen, and not under the panel.
        const top = rank(['battery-box'], 20).areas[0];
        if (!top?.anchor) throw new Error('no anchor');
        const pts: [number, number][] = [top.anchor];
        for (const p of [...top.peers, ...top.suppliers, ...top.customers]) {
          const pos = placements[data.enterprises.findIndex((e) => e.key === p.enterpriseKey)]?.position;
          if (pos) pts.push(pos);
        }
        expect(pts.length).toBeGreaterThan(1);
        for (const p of pts) expect(await whereOnScreen(app, p), JSON.stringify(p)).toBe('visible');
        await shot(app, `${name}-zh`);
        await app.page.getByTestId('lang-toggle').tap();
        await shot(app, `${name}-en`);
        // The top area's partners, scrolled into view.
        await panel.locator('li.match-area.top .match-partners').evaluate((el) => el.scrollIntoView());
        await shot(app, `${name}-partners-en`);
        // Another area tapped: framed beside the panel, its row open, the panel still in front.
        await panel.locator('li.match-area').nth(2).locator('.match-area-btn').tap();
        await expect.poll(() => panel.locator('li.match-area.open').count()).toBe(2);
        await shot(app, `${name}-row-en`);
        expect(app.errors).toEqual([]);
        expect(app.external).toEqual([]);
      } finally {
        await app.close();
      }
    },
  );
});
