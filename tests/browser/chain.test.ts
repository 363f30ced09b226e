import { describe, expect, it } from 'vitest';
import { segmentFirmCounts } from './bundled-counts';
import {
  type AppPage,
  gotoApp,
  project,
  TABLET_LANDSCAPE,
  useApp,
  waitForHash,
  waitForMapIdle,
} from './harness';

/** Goes close enough that the firm's dot stands apart from its neighbours, then taps it. */
async function tapFirm(app: AppPage, id: string) {
  const pos = await app.page.evaluate((firm) => window.__huaibei?.firmPosition(firm) ?? null, id);
  if (!pos) throw new Error(`firm ${id} is not on the map`);
  await app.page.evaluate((center) => window.__huaibei?.map.jumpTo({ center, zoom: 14 }), pos);
  await waitForMapIdle(app.page);
  const p = await project(app.page, pos);
  // A click, not a touch: headless Chromium can drop the first synthetic touch after a camera jump.
  await app.page.mouse.click(p.x, p.y);
}

describe('the industrial chain on a landscape tablet', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('shows every segment with the number of firms the bundled data has for it', async () => {
    await gotoApp(app.page);
    await app.page.getByTestId('nav-chain').tap();
    const nodes = app.page.locator('[data-seg]');
    await expect.poll(() => nodes.count()).toBe(43);
    const shown = await nodes.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-seg'), Number(el.getAttribute('data-count'))] as const),
    );
    const expected = segmentFirmCounts();
    for (const [seg, n] of shown) expect(n, String(seg)).toBe(expected.get(String(seg)) ?? 0);
    // The thresholds are in the data (strong ≥ 3, weak 1–2, missing 0) and the view follows them.
    expect(await app.page.locator('[data-seg=al-materials]').getAttribute('class')).toContain(
      'status-strong',
    );
    expect(await app.page.locator('[data-seg=battery-box]').getAttribute('class')).toContain('status-weak');
    expect(await app.page.locator('[data-seg=h2-byproduct]').getAttribute('class')).toContain(
      'status-missing',
    );
    await waitForHash(app.page, (h) => h.includes('panel=chain'));
  });

  it('filters the map to a segment when it is tapped, and highlights the areas the plan assigns it', async () => {
    await gotoApp(app.page, '#v=1&panel=chain');
    await app.page.locator('[data-seg=battery-box]').tap();
    await waitForHash(
      app.page,
      (h) => h.includes('f=seg:battery-box') && h.includes('sel=segment:battery-box'),
    );
    await waitForMapIdle(app.page);
    const highlight = await app.page.evaluate(() => window.__huaibei?.map.getFilter('areas-selected-line'));
    expect(highlight).toEqual(['in', ['get', 'area'], ['literal', ['hitech']]]);
    await gotoApp(app.page, '#v=1&f=seg:battery-box');
    // A firm of another segment is filtered out: tapping where it is drawn opens no firm.
    await tapFirm(app, 'ent-024');
    await expect
      .poll(() => app.page.evaluate(() => window.__huaibei?.store.getState().selection?.kind ?? null))
      .not.toBe('enterprise');
    // The battery-box maker is still there.
    await tapFirm(app, 'ent-003');
    await expect
      .poll(() => app.page.getByTestId('enterprise-card').getAttribute('data-enterprise'))
      .toBe('ent-003');
  });

  it('zooms into a cluster of firms tapped from afar instead of guessing one', async () => {
    await gotoApp(app.page);
    const pos = await app.page.evaluate(() => window.__huaibei?.firmPosition('ent-010') ?? null);
    if (!pos) throw new Error('ent-010 is not on the map');
    const before = await app.page.evaluate(() => window.__huaibei?.map.getZoom() ?? 0);
    const p = await project(app.page, pos);
    await app.page.touchscreen.tap(p.x, p.y);
    await expect
      .poll(() => app.page.evaluate(() => window.__huaibei?.map.getZoom() ?? 0))
      .toBeGreaterThan(before + 1);
    expect(await app.page.evaluate(() => window.__huaibei?.store.getState().selection)).toBeNull();
  });

  it('opens a firm card from its dot, with what it makes, how precisely it is located and its sources', async () => {
    await gotoApp(app.page);
    await tapFirm(app, 'ent-024');
    const card = app.page.getByTestId('enterprise-card');
    await expect.poll(() => card.getAttribute('data-enterprise')).toBe('ent-024');
    expect(await card.locator('h2').textContent()).toBe('淮北色耐特智能制造有限公司');
    expect(await card.getByTestId('enterprise-location').textContent()).toContain('只写明所在县区');
    expect(await card.getByTestId('enterprise-location').textContent()).toContain('示意位置');
    expect(await card.getByTestId('enterprise-source').textContent()).toMatch(/依据公开资料 \d+ 条/);
    // The sources themselves and the research notes are behind a closed section, one tap away.
    const basis = card.getByTestId('enterprise-basis');
    expect(await basis.getAttribute('open')).toBeNull();
    await basis.locator('summary').tap();
    expect(await basis.getAttribute('open')).not.toBeNull();
    expect(await basis.textContent()).toContain('安徽日报');
    const links = await basis.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    await waitForHash(app.page, (h) => h.includes('sel=enterprise:ent-024'));
  });

  it('restores a shared link with a segment selected: panel, segment, filter and highlight', async () => {
    const hash = '#v=1&layers=enterprises,areas&sel=segment:al-wheel&lang=zh&f=seg:al-wheel&panel=chain';
    for (const reload of [false, true]) {
      if (reload) await app.page.reload();
      else await gotoApp(app.page, hash);
      await waitForMapIdle(app.page);
      const card = app.page.getByTestId('segment-card');
      await expect.poll(() => card.getAttribute('data-segment')).toBe('al-wheel');
      expect(await app.page.locator('[data-seg=al-wheel]').getAttribute('aria-pressed')).toBe('true');
      // The data contradicts the plan here: the only wheel maker is in Duji, the plan says Lieshan.
      expect(await card.getByTestId('segment-discrepancies').textContent()).toContain('烈山区');
      const s = await app.page.evaluate(() => window.__huaibei?.store.getState().filters.segment);
      expect(s).toBe('al-wheel');
      expect(await app.page.evaluate(() => window.__huaibei?.map.getFilter('areas-selected-line'))).toEqual([
        'in',
        ['get', 'area'],
        ['literal', ['lieshan']],
      ]);
    }
  });

  it("shows an area's assigned segments with what is there and what is missing", async () => {
    await gotoApp(app.page, '#v=1&sel=area:linhuan');
    const rows = app.page.locator('.card li[data-segment]');
    await expect.poll(() => rows.count()).toBe(3);
    const here = await rows.evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => [el.getAttribute('data-segment'), Number(el.getAttribute('data-here'))]),
      ),
    );
    expect(here).toEqual({ electrolyte: 1, 'h2-byproduct': 0, 'fuel-cell': 0 });
    expect(await app.page.locator('.card li[data-segment=h2-byproduct]').textContent()).toContain('缺口');
  });

  it('lists the missing and weak segments in the target list, with where the plan wants them', async () => {
    await gotoApp(app.page, '#v=1&panel=targets');
    const panel = app.page.getByTestId('targets-panel');
    await expect.poll(() => panel.locator('[data-target]').count()).toBeGreaterThan(10);
    for (const seg of ['auto-glass', 'oled-lamp', 'h2-byproduct']) {
      expect(await panel.locator(`[data-target=${seg}]`).getAttribute('data-status')).toBe('missing');
    }
    expect(await panel.locator('[data-target=h2-byproduct] [data-area-chip=linhuan]').count()).toBe(1);
    expect(await panel.locator('[data-target=al-materials]').count()).toBe(0);
  });

  it('finds a firm by its Chinese or English name and goes to it', async () => {
    await gotoApp(app.page);
    await app.page.getByTestId('nav-search').tap();
    const input = app.page.getByRole('searchbox');
    await input.fill('gotion');
    await expect.poll(() => app.page.locator('[data-result]').count()).toBe(2);
    await input.fill('色耐特');
    await app.page.locator('[data-result=ent-024]').tap();
    await expect
      .poll(() => app.page.getByTestId('enterprise-card').getAttribute('data-enterprise'))
      .toBe('ent-024');
    await waitForMapIdle(app.page);
    expect(await app.page.evaluate(() => window.__huaibei?.map.getZoom() ?? 0)).toBeGreaterThanOrEqual(11.9);
  });

  // ---- Firm cards and search, in the visitor's language (the same page: one load per file) ----
  // Latin words a Chinese card may show: units, acronyms of the trade. Names are marked data-name.
  const LATIN_OK = new Set(['OLED', 'DMC', 'LFP', 'BMS', 'PACK', 'PV', 'km', 't']);
  /** The card's visible text without its names (a closed section's content is not visible). */
  const visibleText = () =>
    app.page.getByTestId('enterprise-card').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const n of copy.querySelectorAll('[data-name]')) n.remove();
      for (const d of copy.querySelectorAll('details:not([open])'))
        for (const c of [...d.children]) if (c.tagName !== 'SUMMARY') c.remove();
      return copy.textContent ?? '';
    });

  it.each(['ent-003', 'ent-024', 'ent-038', 'ent-042', 'ent-005'])(
    'shows %s with no Latin prose in Chinese and no Chinese in English',
    async (id) => {
      await gotoApp(app.page, `#v=1&sel=enterprise:${id}`);
      await expect
        .poll(() => app.page.getByTestId('enterprise-card').getAttribute('data-enterprise'))
        .toBe(id);
      expect(await app.page.getByTestId('enterprise-status').textContent()).toMatch(
        /^(已投产|在建|已签约|建设状态不详)$/,
      );
      const zh = await visibleText();
      const latin = (zh.match(/[A-Za-z]+/g) ?? []).filter((w) => !LATIN_OK.has(w));
      expect(latin, zh).toEqual([]);
      await gotoApp(app.page, `#v=1&lang=en&sel=enterprise:${id}`);
      await expect.poll(() => app.page.getByTestId('enterprise-status').textContent()).toMatch(/^[A-Z]/);
      const en = await visibleText();
      expect(en.match(/\p{Script=Han}+/gu) ?? [], en).toEqual([]);
    },
  );

  it.each([
    ['隔膜', 'zh', '产业链环节'],
    ['separator', 'en', 'Chain segment'],
  ])('finds the separators for %j, saying why', async (query, lang, why) => {
    await gotoApp(app.page, `#v=1&lang=${lang}`);
    await app.page.getByTestId('nav-search').tap();
    await app.page.getByRole('searchbox').fill(query);
    const hit = app.page.locator('[data-result="segment:separator"]');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.textContent()).toContain(why);
  });

  it('lists every area and every firm with nothing typed, the six with no location included and marked', async () => {
    await gotoApp(app.page, '#v=1');
    await app.page.getByTestId('nav-search').tap();
    const list = app.page.getByTestId('browse-list');
    await expect.poll(() => list.locator('[data-result^="area:"]').count()).toBe(6);
    const noArea = list.locator('[data-browse-area=none]');
    await noArea.locator('summary').tap();
    const unplaced = await app.page.evaluate(() =>
      (window.__huaibei?.store.getState().data?.enterprises ?? [])
        .filter((e) => !e.area && !e.lngLat)
        .map((e) => e.id),
    );
    expect(unplaced).toHaveLength(6);
    for (const id of unplaced) {
      expect(await noArea.locator(`[data-result=${id}]`).textContent()).toContain('位置不明，地图上未标出');
    }
    // Every firm is in one group or another.
    expect(await list.locator('details [data-result]').count()).toBe(48);
    // Reachable by keyboard: a firm opens its card from the list.
    await noArea.locator(`[data-result=${unplaced[0]}]`).focus();
    await app.page.keyboard.press('Enter');
    await expect
      .poll(() => app.page.getByTestId('enterprise-card').getAttribute('data-enterprise'))
      .toBe(unplaced[0]);
  });

  it('finds firms by what they make: 铝 lists the aluminium firms with their product line', async () => {
    await gotoApp(app.page, '#v=1');
    await app.page.getByTestId('nav-search').tap();
    await app.page.getByRole('searchbox').fill('铝箔');
    const foil = app.page.locator('[data-result=ent-007]');
    await expect.poll(() => foil.count()).toBe(1);
    expect(await foil.textContent()).toContain('产品：电池铝箔');
    await app.page.getByRole('searchbox').fill('<img src=x onerror=alert(1)>'.repeat(3));
    await expect.poll(() => app.page.getByTestId('search-panel').textContent()).toContain('没有找到');
    expect(await app.page.locator('img[src=x]').count()).toBe(0);
  });
});

describe('a broken enterprise list', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('lists every bad row with its line and reason, keeps what it can, and shows markup as text', async () => {
    const header =
      'id,name_zh,name_en,area,segments,segment_source,products,address,lon,lat,precision,location_basis,confidence,confidence_note,source';
    const csv = [
      header,
      'x-1,<img src=x onerror="window.__pwned=1">甲公司,,suixi,power-battery,,,,,,district,,high,,src',
      'x-2,乙公司,,mars,power-battery;warp-drive,,,,,,district,,high,,src',
      'x-1,丙公司,,duji,al-wheel,,,,116.82,,district,,medium,,src',
      'x-4,丁公司,,lieshan,al-wheel,,,,33.9,116.8,district,,low,,src',
    ].join('\n');
    await app.context.route('**/data/enterprises.csv', (r) =>
      r.fulfill({ status: 200, body: csv, contentType: 'text/csv' }),
    );
    try {
      await gotoApp(app.page, '', { fresh: true });
      const issues = app.page.getByTestId('data-issues');
      await expect.poll(() => issues.count()).toBe(1);
      await issues.getByRole('button').tap();
      const text = (await issues.textContent()) ?? '';
      for (const needle of [
        '第 2 行',
        'HTML',
        '第 3 行',
        'mars',
        'warp-drive',
        '第 4 行',
        '重复',
        '第 5 行',
        '填反',
      ]) {
        expect(text, needle).toContain(needle);
      }
      expect(
        await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();
      // Every row is still a firm, and still counted where it can be: three power-battery rows… two known.
      await app.page.getByTestId('nav-chain').tap();
      expect(await app.page.locator('[data-seg=power-battery]').getAttribute('data-count')).toBe('2');
      expect(await app.page.locator('[data-seg=al-wheel]').getAttribute('data-count')).toBe('2');
      await app.page.getByTestId('nav-search').tap();
      await app.page.getByRole('searchbox').fill('甲公司');
      expect(await app.page.locator('[data-result=x-1]').textContent()).toContain('<img src=x');
    } finally {
      await app.context.unrouteAll();
    }
  });
});
