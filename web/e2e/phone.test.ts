/**
 * Issue 17 §5: at 390 px (a phone) no page scrolls sideways, the training planner shows each
 * cell's gap and flag on screen, the navigation strip scrolls with a visible cue at the hidden end,
 * and the labels of the ranked bar charts do not overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import vi from '../src/i18n/vi.json';
import { chromiumAvailable } from './harness';
import { ALL_PAGES, startDashboard, waitForPage, type Dashboard } from './session';

const hasChromium = chromiumAvailable();
const PHONE = { width: 390, height: 844 };
let app: Dashboard;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** Pairs of boxes that overlap (touching edges count as apart). */
function collisions(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0 && h > 0) out.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return out;
}

/** Bounding boxes of a chart's category tick labels (the y axis of horizontal bars). */
async function tickBoxes(page: Page, frame: string): Promise<Box[]> {
  // Recharts draws tick labels in their own layer: the y axis's are those left of the axis line.
  return (await page.evaluate(`(() => {
    const axis = document.querySelector('${frame} .recharts-yAxis .recharts-cartesian-axis-line').getBoundingClientRect();
    return [...document.querySelectorAll('${frame} .recharts-cartesian-axis-tick-label text')]
      .map((el) => ({ r: el.getBoundingClientRect(), text: (el.textContent || '').slice(0, 40) }))
      .filter(({ r }) => r.right <= axis.left + 20)
      .map(({ r, text }) => ({ x: r.x, y: r.y, width: r.width, height: r.height, text }));
  })()`)) as Box[];
}

interface StackedTable {
  caption: string;
  rows: number;
  /** CSS display of a body row (`flex` = a card). */
  display: string;
  /** How far the table's box scrolls sideways, in px. */
  overflow: number;
  /** The title and key cells of the first three visible cards. */
  cells: { role: string; label: string; left: number; right: number }[];
}

/** The DataTables on screen, as laid out. A string: it runs in the page. */
const STACKED = `[...document.querySelectorAll('table.data-table.stacking')].filter((t) => t.checkVisibility()).map((t) => {
  const wrap = t.closest('.table-wrap') || t;
  const rows = [...t.querySelectorAll('tbody tr')];
  return {
    caption: wrap.getAttribute('aria-label') || '',
    rows: rows.length,
    display: rows[0] ? getComputedStyle(rows[0]).display : '',
    overflow: wrap.scrollWidth - wrap.clientWidth,
    cells: rows.slice(0, 3).flatMap((r) => [...r.querySelectorAll('td[data-phone="title"], td[data-phone="key"]')].map((c) => {
      const box = c.getBoundingClientRect();
      return { role: c.getAttribute('data-phone'), label: c.getAttribute('data-label') || '', left: box.left, right: box.right };
    })),
  };
})`;

const pageWidth = (page: Page) => page.evaluate('Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)') as Promise<number>;

describe.skipIf(!hasChromium)('phone layout at 390 px (Chromium)', () => {
  beforeAll(async () => {
    app = await startDashboard();
  });
  afterAll(async () => {
    await app?.stop();
  });

  for (const view of ALL_PAGES) {
    it(`${view}: nothing scrolls the page sideways`, async () => {
      const page = await app.open(`?page=${view}`, PHONE);
      await waitForPage(page);
      const width = await pageWidth(page);
      console.log(`[phone] ${view}: page width ${width} px at ${PHONE.width} px`);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    });
  }

  it('training planner: every card shows the gap and the flag inside the screen', async () => {
    const page = await app.open('?page=training', PHONE);
    await page.waitForSelector('[data-testid="planner-cards"] li', { timeout: 60_000 });
    const cards = page.locator('[data-testid="planner-cards"] li');
    expect(await cards.count()).toBeGreaterThan(10);
    for (const i of [0, 1, 2]) {
      for (const field of ['gap', 'flag']) {
        const box = await cards.nth(i).locator(`[data-field="${field}"]`).boundingBox();
        expect(box, `${field} of card ${i}`).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
    }
    expect(await cards.first().locator('[data-flag]').count()).toBeGreaterThan(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // The national ranking has over 100 cells: 20 cards at a time, not a 25,000 px page.
    expect(await cards.count()).toBe(20);
    await page.getByRole('button', { name: /^Xem thêm \d+ dòng$/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="planner-cards"] li').length > 20);
    expect(await cards.count()).toBe(40);
    // A new filter starts again from the top: 20 cards of the 25 cells of one level, not 25.
    const qual = page.locator('select[name="qual"]');
    await qual.selectOption({ index: 1 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="planner-cards"] li').length <= 20);
    expect(await cards.count()).toBe(20);
    await page.close();
  });

  // Every page that draws a DataTable: the tables as stacked cards, their title and key columns on screen.
  const TABLE_VIEWS: { view: string; keys: string[]; asTable?: string }[] = [
    { view: '?page=methodology', keys: [] },
    { view: '?page=new-fields', keys: [] },
    { view: '?page=overview&compare', keys: [] },
    { view: '?page=training&compare', keys: ['Chênh lệch'] },
    { view: '?page=regions', keys: ['Chênh lệch', 'Đánh giá'], asTable: 'figure[data-chart-frame]' },
    { view: '?page=sectors', keys: ['Chênh lệch', 'Đánh giá'], asTable: 'figure[data-chart-frame^="imbalance"]' },
  ];
  for (const { view, keys, asTable } of TABLE_VIEWS) {
    it(`${view}: tables are cards with the title and key columns on screen, no sideways scroll`, async () => {
      const page = await app.open(view, PHONE);
      await waitForPage(page);
      if (asTable) {
        const frame = page.locator(`${asTable}[data-has-data="true"]`).first();
        await frame.waitFor({ timeout: 60_000 });
        await frame.getByRole('button', { name: vi.chart.viewTable, exact: true }).click();
      }
      await page.waitForSelector('table.data-table.stacking tbody tr', { timeout: 60_000 });
      const tables = (await page.evaluate(STACKED)) as StackedTable[];
      const shown = tables.filter((t) => t.rows > 0);
      console.log(`[phone] ${view}: ${shown.length} tables as cards (${shown.map((t) => `${t.rows} rows, ${t.display}`).join('; ')})`);
      expect(shown.length).toBeGreaterThan(0);
      for (const t of shown) {
        expect(t.display, t.caption).toBe('flex');
        expect(t.overflow, `${t.caption} scrolls sideways by ${t.overflow} px`).toBeLessThanOrEqual(1);
        for (const cell of t.cells) {
          expect(cell.left, `${t.caption}: ${cell.label}`).toBeGreaterThanOrEqual(0);
          expect(cell.right, `${t.caption}: ${cell.label}`).toBeLessThanOrEqual(PHONE.width);
        }
        // The title cell heads each card, the key columns come right after it.
        expect(t.cells.filter((c) => c.role === 'title').length).toBe(Math.min(t.rows, 3));
      }
      const labels = new Set(shown.flatMap((t) => t.cells.filter((c) => c.role === 'key').map((c) => c.label)));
      for (const key of keys)
        expect(
          [...labels].some((l) => l.startsWith(key)),
          `${key} among ${[...labels].join(', ')}`,
        ).toBe(true);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.close();
    });
  }

  it('navigation: the tab strip scrolls, with a cue on the side that hides tabs', async () => {
    const page = await app.open('?page=overview', PHONE);
    await waitForPage(page);
    const strip = page.locator('.main-nav ul');
    const [scrollWidth, clientWidth] = (await strip.evaluate((el) => [el.scrollWidth, el.clientWidth])) as [number, number];
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await page.locator('.main-nav .scroll-cue-right').isVisible()).toBe(true);
    expect(await page.locator('.main-nav .scroll-cue-left').count()).toBe(0);
    await strip.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page.waitForSelector('.main-nav .scroll-cue-left', { timeout: 5_000 });
    await page.waitForSelector('.main-nav .scroll-cue-right', { state: 'detached', timeout: 5_000 });
    await page.close();
  });

  it('navigation: the current tab is brought into view', async () => {
    const page = await app.open('?page=upload', PHONE);
    await waitForPage(page);
    const box = await page.locator('.main-nav a[aria-current="page"]').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width + 1);
    await page.close();
  });

  it('bar labels do not collide (overview top imbalances)', async () => {
    const page = await app.open('?page=overview', PHONE);
    await page.waitForSelector('figure[data-chart-frame^="top-imbalances"][data-has-data="true"] .recharts-cartesian-axis-tick-label text', {
      timeout: 60_000,
    });
    const boxes = await tickBoxes(page, 'figure[data-chart-frame^="top-imbalances"]');
    expect(boxes.length).toBeGreaterThan(4);
    expect(collisions(boxes)).toEqual([]);
    await page.close();
  });

  it('has no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
