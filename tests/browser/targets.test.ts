import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TARGET_COLUMNS } from '../../src/export/target-list';
import { zh } from '../../src/i18n/zh';
import { segmentFirmCounts } from './bundled-counts';
import {
  gotoApp,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  tapMenuItem,
  useApp,
  waitForHash,
  waitForMapIdle,
} from './harness';

interface SegmentRow {
  id: string;
  chain: string;
  areas: string[];
  name: { zh: string; en: string };
  plan: { zh: string; en: string };
  planSection: string;
}

const chainJson = JSON.parse(
  readFileSync(new URL('../../public/data/chain.json', import.meta.url), 'utf8'),
) as { segments: SegmentRow[]; statusRules: { strongMin: number } };

/** The missing and weak segments of a chain that the plan places in an area, worked out from the files. */
function expectedTargets(chain: string | null, area: string | null): SegmentRow[] {
  const counts = segmentFirmCounts();
  return chainJson.segments.filter(
    (s) =>
      (counts.get(s.id) ?? 0) < chainJson.statusRules.strongMin &&
      (chain === null || s.chain === chain) &&
      (area === null || s.areas.includes(area)),
  );
}

const sorted = (xs: (string | null)[]) => [...xs].sort();
const listed = (page: Page) =>
  page
    .getByTestId('targets-panel')
    .locator('li[data-target]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-target')));

const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** Controls in the panel smaller than a finger (44 px either way). */
const smallControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=targets-panel] :is(button, summary)')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { el: el.textContent?.trim(), w: r.width, h: r.height };
      })
      .filter((b) => b.w < 44 || b.h < 44),
  );

type WithPrint = Window & { __printCalls?: number };

// Hydrogen in the Linhuan Chemical Park: by-product hydrogen and fuel cells, both missing.
const HYDROGEN_LINHUAN = expectedTargets('hydrogen', 'linhuan');

describe('the target list for a visit, on a portrait tablet', () => {
  const app = useApp(TABLET_PORTRAIT);

  it('filters by a chain and an area with chips, and a reload of the link shows the same filter', async () => {
    const page = app.page;
    await gotoApp(page, '#v=1&panel=targets');
    const panel = page.getByTestId('targets-panel');
    const all = expectedTargets(null, null);
    await expect.poll(() => listed(page).then((l) => l.length)).toBe(all.length);
    expect(await panel.getByTestId('targets-count').textContent()).toBe(
      `显示 ${all.length} / ${all.length} 个环节`,
    );
    expect(await panel.getByTestId('targets-filter-now').textContent()).toBe('全部缺链、弱链环节');

    await panel.getByTestId('targets-filter-toggle').tap();
    const chip = panel.locator('[data-filter="target-chain:hydrogen"]');
    const area = panel.locator('[data-filter="target-area:linhuan"]');
    await chip.tap();
    expect(sorted(await listed(page))).toEqual(sorted(expectedTargets('hydrogen', null).map((s) => s.id)));
    await area.tap();
    expect(HYDROGEN_LINHUAN.length).toBeGreaterThan(0);
    expect(sorted(await listed(page))).toEqual(sorted(HYDROGEN_LINHUAN.map((s) => s.id)));
    // On or off reads from the chip itself, not from a hover.
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await area.getAttribute('aria-pressed')).toBe('true');
    expect(await panel.locator('[data-filter="target-area:suixi"]').getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(await panel.getByTestId('targets-count').textContent()).toBe(
      `显示 ${HYDROGEN_LINHUAN.length} / ${all.length} 个环节`,
    );
    // Every entry left is placed by the plan in Linhuan.
    for (const s of HYDROGEN_LINHUAN)
      expect(await panel.locator(`li[data-target=${s.id}] [data-area-chip=linhuan]`).count(), s.id).toBe(1);
    expect(await smallControls(page)).toEqual([]);
    // The map's own firm filter is left alone.
    expect(await page.evaluate(() => window.__huaibei?.store.getState().filters.chains)).toEqual([]);

    await waitForHash(page, (h) => h.includes('targets=chain:hydrogen;area:linhuan'));
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => listed(page).then(sorted)).toEqual(sorted(HYDROGEN_LINHUAN.map((s) => s.id)));
    expect(await panel.getByTestId('targets-filter-now').textContent()).toBe(
      '产业链：氢能与燃料电池；规划落位区域：临涣化工园区',
    );
    await panel.getByTestId('targets-filter-toggle').tap();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await area.getAttribute('aria-pressed')).toBe('true');
    expect(app.errors).toEqual([]);
  });

  it('downloads the listed segments as a CSV that Excel opens, one row each', async () => {
    const page = app.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('targets-csv').tap(),
    ]);
    expect(download.suggestedFilename()).toBe(`huaibei-targets-${today()}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    // Headed in the app's language (the unit tests spell the headers out).
    expect(rows[0]).toEqual(TARGET_COLUMNS.map(([, key]) => zh[key]));
    const counts = segmentFirmCounts();
    const shown = await listed(page);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      shown.map((id) => HYDROGEN_LINHUAN.find((s) => s.id === id)?.name.zh),
    );
    for (const [i, id] of shown.entries()) {
      const seg = HYDROGEN_LINHUAN.find((s) => s.id === id);
      const row = rows[i + 1] ?? [];
      expect(row[1], String(id)).toBe('氢能与燃料电池');
      expect(row[3], String(id)).toBe((counts.get(String(id)) ?? 0) === 0 ? '缺链' : '弱链');
      expect(row[4], String(id)).toBe(String(counts.get(String(id)) ?? 0));
      expect(row[5], String(id)).toContain('临涣化工园区');
      expect(row[6], String(id)).toBe(seg?.planSection);
      expect(row[7], String(id)).toBe(seg?.plan.zh);
    }
  });

  it('prints the filtered target list after the map page, black on white, no column clipped', async () => {
    const page = app.page;
    // The real print dialog would wait for a person: count the calls instead.
    await page.evaluate(() => {
      window.print = () => {
        const w = window as WithPrint;
        w.__printCalls = (w.__printCalls ?? 0) + 1;
      };
    });
    await tapMenuItem(page, 'share-button');
    await page.getByTestId('handout-mode-current').locator('xpath=..').tap();
    // The dialog says the list comes with the handout, and which.
    expect(await page.getByTestId('share-handout-targets').textContent()).toBe(
      `讲解材料最后附招商清单（产业链：氢能与燃料电池；规划落位区域：临涣化工园区，共 ${HYDROGEN_LINHUAN.length} 个环节），可在“招商清单”中筛选。`,
    );
    await page.getByTestId('share-handout-print').tap();
    await expect
      .poll(() => page.evaluate(() => (window as WithPrint).__printCalls ?? 0), { timeout: 30_000 })
      .toBe(1);
    const list = page.getByTestId('handout-targets');
    expect(await list.count()).toBe(1);
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('招商清单');
    expect(text).toContain('筛选条件：产业链：氢能与燃料电池；规划落位区域：临涣化工园区');
    expect(text).toContain(today());
    expect(
      sorted(
        await list
          .locator('tr[data-target]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-target'))),
      ),
    ).toEqual(sorted(HYDROGEN_LINHUAN.map((s) => s.id)));
    for (const s of HYDROGEN_LINHUAN) expect(text).toContain(s.plan.zh);

    await page.emulateMedia({ media: 'print' });
    try {
      expect(await list.isVisible()).toBe(true);
      const cells = await list.locator('th, td').evaluateAll((els) =>
        els.map((el) => {
          const cs = getComputedStyle(el);
          return { clipped: el.scrollWidth > el.clientWidth + 1, color: cs.color, bg: cs.backgroundColor };
        }),
      );
      expect(cells.length).toBeGreaterThan(6);
      expect(cells.filter((c) => c.clipped)).toEqual([]);
      for (const c of cells) {
        expect(c.color).toBe('rgb(0, 0, 0)');
        expect(c.bg).toBe('rgb(255, 255, 255)');
      }
    } finally {
      // Back to no emulation, not 'screen': page.pdf prints with screen rules after that.
      await page.emulateMedia({ media: null });
    }
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
    });
    // The map page, then the list on a page of its own (two entries fit on one).
    expect(pdfPages(pdf)).toBe(2);
    if (existsSync('/usr/bin/pdftotext')) {
      const pages = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
        .toString('utf8')
        .split('\f');
      const flat = (pages[1] ?? '').replace(/\s+/g, '');
      expect(flat).toContain('招商清单');
      for (const s of HYDROGEN_LINHUAN) expect(flat).toContain(s.name.zh);
    }
    // Once printed, the handout is gone with its list.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByTestId('handout-targets').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('the target list in English, on a landscape tablet', () => {
  const app = useApp(TABLET_LANDSCAPE);

  it('opens a link to a filtered list, fits the panel, and clears the filter', async () => {
    const page = app.page;
    await gotoApp(page, '#v=1&lang=en&panel=targets&targets=area:hitech');
    const panel = page.getByTestId('targets-panel');
    const hitech = expectedTargets(null, 'hitech');
    await expect.poll(() => listed(page).then(sorted)).toEqual(sorted(hitech.map((s) => s.id)));
    expect(await panel.getByTestId('targets-filter-now').textContent()).toBe(
      'Area the plan assigns: Huaibei High-tech Zone',
    );
    await panel.getByTestId('targets-filter-toggle').tap();
    expect(await panel.locator('[data-filter="target-area:hitech"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await smallControls(page)).toEqual([]);
    // Nothing in the panel is wider than the panel.
    expect(await panel.locator('.card-body').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await panel.getByTestId('targets-clear').tap();
    const all = expectedTargets(null, null);
    await expect.poll(() => listed(page).then((l) => l.length)).toBe(all.length);
    expect(await panel.getByTestId('targets-count').textContent()).toBe(
      `Showing ${all.length} of ${all.length} segments`,
    );
    await waitForHash(page, (h) => h.includes('panel=targets') && !h.includes('targets='));
  });

  it('shows the whole list for a link naming a chain the data does not have, and says so', async () => {
    const page = app.page;
    await gotoApp(page, '#v=1&lang=en&panel=targets&targets=chain:rockets');
    await expect.poll(() => listed(page).then((l) => l.length)).toBe(expectedTargets(null, null).length);
    expect(await page.getByTestId('link-notice').textContent()).toContain('target list filter');
    expect(app.errors).toEqual([]);
  });
});
