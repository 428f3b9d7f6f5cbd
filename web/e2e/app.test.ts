/**
 * End-to-end: the built app on the real API server in Chromium. Every page must render data
 * in Vietnamese and English, the language switch and shared links must work, and any console
 * error fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import vi from '../src/i18n/vi.json';
import en from '../src/i18n/en.json';
import { buildWeb, chromiumAvailable, launchBrowser, startServer, type RunningServer } from './harness';

const hasChromium = chromiumAvailable();
const PAGES = ['overview', 'regions', 'sectors', 'new-fields', 'training', 'methodology'] as const;
const TEXT = { vi, en } as const;

let server: RunningServer;
let dist = '';
let browser: { context: BrowserContext; close(): Promise<void> };
const consoleErrors: string[] = [];

/** Records console errors and uncaught exceptions of a page; the last test asserts there were none. */
function watch(page: Page, path: string): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${path}: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${path}: ${err.message}`));
}

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  watch(page, path);
  await page.goto(`${server.url}/${path}`, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Waits until some chart frame or table on the page shows data. */
async function waitForData(page: Page): Promise<void> {
  await page.waitForSelector('[data-has-data="true"], table.data-table tbody tr', { timeout: 30_000 });
}

/**
 * The honesty rule: wherever an illustrative (generated) value is on screen, the note saying so is
 * on screen too. Waits for the page's requests to settle first, so late charts are included.
 */
async function expectIllustrativeNoted(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const illustrative = await page.locator('[data-status="illustrative"]:visible').count();
  const notes = await page.locator('[data-illustrative-note]:visible').count();
  console.log(`[e2e] ${new URL(page.url()).search}: ${illustrative} illustrative badges, ${notes} notes`);
  if (illustrative > 0) {
    expect(await page.locator('[data-illustrative-note]:visible').count(), `${page.url()}: ${illustrative} illustrative badges without a note`).toBeGreaterThan(
      0,
    );
  }
}

describe.skipIf(!hasChromium)('dashboard in Chromium', () => {
  beforeAll(async () => {
    // A private build served by a private server: concurrent builds of web/dist cannot interfere.
    // The server seeds and computes on its first start, so it starts while Vite builds (it reads
    // the static files per request).
    dist = mkdtempSync(join(tmpdir(), 'lmo-web-dist-'));
    [, server] = await Promise.all([buildWeb(dist), startServer({ webDist: dist })]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  for (const lang of ['vi', 'en'] as const) {
    for (const pageId of PAGES) {
      it(`renders ${pageId} with data in ${lang}`, async () => {
        const page = await open(`?page=${pageId}&lang=${lang}`);
        await waitForData(page);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        const current = page.locator('.main-nav a[aria-current="page"]');
        expect((await current.textContent())?.trim()).toBe(TEXT[lang].nav[pageId]);
        // Every page shows modelled numbers, so the badge must be visible somewhere.
        expect(await page.locator('.badge-modelled').first().textContent()).toContain(TEXT[lang].status.modelled);
        await expectIllustrativeNoted(page);
        await page.close();
      });
    }
  }

  it('overview shows official KPIs with sources and numbers in vi-VN format', async () => {
    const page = await open('?page=overview');
    await page.waitForSelector('[data-indicator="labour_force"] .kpi-value');
    const card = page.locator('[data-indicator="labour_force"]');
    expect(await card.locator('.kpi-value').textContent()).toMatch(/^\d+,\d triệu$/);
    expect(await card.locator('.badge').textContent()).toContain(vi.status.official);
    expect((await card.locator('.kpi-source').textContent())?.length).toBeGreaterThan(10);
    // A string, not a function: transpiled helpers (__name) would not exist in the page.
    const mark = (await page.evaluate(`new Promise((ok) => {
      const read = () => {
        const entry = performance.getEntriesByName('first-chart-data')[0];
        if (entry) ok(entry.startTime);
        else setTimeout(read, 50);
      };
      read();
    })`)) as number;
    console.log(`[e2e] first-chart-data at ${Math.round(mark)} ms after navigation`);
    expect(mark).toBeGreaterThan(0);
    await page.close();
  });

  it('overview: labour force, employment and unemployment rate on a real year axis, with the 2021 break marked', async () => {
    const page = await open('?page=overview');
    await waitForData(page);
    const frame = page.locator('figure[data-chart-frame^="labour-force-employment"]');
    await frame.locator('text.recharts-cartesian-axis-tick-value').first().waitFor();
    // The year ticks (the y axes write "40 Tr" and "6,0%").
    const ticks = (
      await frame
        .locator('text.recharts-cartesian-axis-tick-value')
        .evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? '').trim(), x: e.getBoundingClientRect().x + e.getBoundingClientRect().width / 2 })))
    )
      .filter((t) => /^\d{4}$/.test(t.text))
      .map((t) => ({ label: Number(t.text), x: t.x }))
      .sort((a, b) => a.label - b.label);
    expect(ticks.length).toBeGreaterThan(2);
    // Equal steps in years are equal distances on screen.
    const perYear = ticks.slice(1).map((t, i) => (t.x - ticks[i].x) / (t.label - ticks[i].label));
    for (const d of perYear) expect(Math.abs(d - perYear[0])).toBeLessThan(1);
    const svgText = await frame.locator('svg').first().textContent();
    if (ticks[0].label <= 2020) expect(svgText).toContain(vi.chart.breakLfs.replace('{{year}}', '2021'));
    // Under the chart, the system's own backtest (vi-VN decimals), linking to its details.
    const note = frame.locator('[data-testid="system-backtest-note"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Kiểm định ngược của chính hệ thống \(năm gốc 2015–2019.*Việc làm .*MASE \d,\d\d \(naive \d,\d\d\)/);
    await note.getByRole('link').click();
    await page.waitForSelector('[data-testid="system-backtest"]');
    await page.close();
  });

  it('regions: the map legend lists every class, cut at the flag thresholds, incl. uncertain and too small', async () => {
    const page = await open('?page=regions');
    await waitForData(page);
    const items = page.locator('[data-map-legend] li');
    expect(await items.count()).toBe(10);
    const text = (await page.locator('[data-map-legend]').textContent()) ?? '';
    expect(text).toContain(vi.flag.uncertain);
    expect(text).toContain(vi.flag['too-small']);
    await page.close();
  });

  it('downloads a chart as PNG (recharts SVG on a canvas) and as CSV with its source', async () => {
    const page = await open('?page=overview&lang=en');
    await waitForData(page);
    const frame = page.locator('figure[data-has-data="true"]').first();
    const [png] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /Download PNG/ }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);
    await frame.getByRole('button', { name: /Download data/ }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /Download CSV \(international\)/ }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFFYear,')).toBe(true);
    // Every export says what its numbers are and where they come from.
    const header = text.slice(1).split('\r\n')[0].split(',');
    expect(header).toContain('status');
    expect(header).toContain('source');
    expect(text).toMatch(/,official[,+]/);
    expect(text).toMatch(/,modelled[,+]/);
    expect(text).toMatch(/\r\n2030,/);
    expect(text).toContain('Source: ');
    await page.close();
  });

  it('methodology lists the five statuses and the levels of detail with their status', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = await browser.context.newPage();
      watch(page, `?page=methodology&lang=${lang}`);
      const apiPaths: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/')) apiPaths.push(new URL(r.url()).pathname);
      });
      await page.goto(`${server.url}/?page=methodology&lang=${lang}`, { waitUntil: 'domcontentloaded' });
      // The accuracy report is one stored answer (GET /api/accuracy), not one forecast per series.
      await page.waitForSelector('[data-testid="accuracy-summary"]');
      await page.waitForSelector('[data-testid="accuracy-tiers"] tbody tr');
      // The system's own backtest reads the same answer: two verdicts, on the very seed data served.
      await page.waitForSelector('[data-testid="system-backtest-verdicts"] li');
      expect(await page.locator('[data-testid="system-backtest-verdicts"] li').count()).toBe(2);
      expect(await page.locator('[data-testid="system-backtest-other-data"]').count()).toBe(0);
      expect(apiPaths.filter((p) => p === '/api/accuracy')).toHaveLength(1);
      expect(apiPaths.filter((p) => p === '/api/forecasts')).toHaveLength(0);
      await page.waitForSelector('[data-testid="status-list"]');
      const items = page.locator('[data-testid="status-list"] [data-status-item]');
      expect(await items.count()).toBe(5);
      const words = (await items.locator('.badge').allTextContents()).map((w) => w.trim());
      for (const status of ['official', 'international', 'modelled', 'survey', 'illustrative'] as const) {
        expect(
          words.some((w) => w.endsWith(TEXT[lang].status[status])),
          status,
        ).toBe(true);
      }
      await page.waitForSelector('[data-testid="data-levels"]');
      const levelRows = page.locator('[data-testid="data-levels"] tbody tr');
      if ((await levelRows.count()) > 0) {
        expect(await page.locator('[data-testid="data-levels"] tbody [data-status="official"]').count()).toBeGreaterThan(0);
      }
      await expectIllustrativeNoted(page);
      await page.close();
    }
  });

  it('shows the illustrative note on a province view that rests on generated detail', async () => {
    const page = await open('?page=training&lang=en&region=79');
    await waitForData(page);
    await expectIllustrativeNoted(page);
    // Not vacuous once the seeds mark generated detail: then this view must carry the note.
    const meta = (await (await fetch(`${server.url}/api/meta`)).json()) as { dataLevels?: { level: string; status: string }[] };
    const generated = (meta.dataLevels ?? []).some((l) => l.level === 'province-section-qualification' && l.status === 'illustrative');
    console.log(`[e2e] province × section × qualification illustrative in dataLevels: ${generated}`);
    if (generated) expect(await page.locator('[data-illustrative-note]:visible').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('switches language from the header and keeps the view', async () => {
    const page = await open('?page=regions&horizon=5');
    await waitForData(page);
    expect(await page.locator('h1').textContent()).toBe(vi.regions.title);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').textContent()).toBe(en.regions.title);
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('page')).toBe('regions');
    expect(url.searchParams.get('horizon')).toBe('5');
    await page.close();
  });

  it('restores a shared training-planner link', async () => {
    // A flag the data give this area (which flags occur depends on the seeded data and thresholds).
    const gaps = (await (await fetch(`${server.url}/api/gaps?region=79&horizon=5`)).json()) as {
      rows: { sector: string; qualification: string; flag: string }[];
    };
    // The planner lists VSIC sections × levels (broad groups and totals are not its rows).
    const present = new Set(gaps.rows.filter((r) => /^[A-U]$/.test(r.sector) && r.qualification !== 'ALL').map((r) => r.flag));
    const flag = ['shortage', 'surplus', 'uncertain', 'balanced', 'too-small'].find((f) => present.has(f))!;
    const page = await open(`?page=training&lang=en&region=79&horizon=5&flag=${flag}&sort=openings&dir=asc`);
    await waitForData(page);
    expect(await page.locator('select[name="region"]').inputValue()).toBe('79');
    expect(await page.locator('select[name="flag"]').inputValue()).toBe(flag);
    expect(await page.locator('input[type="radio"][value="5"]').first().isChecked()).toBe(true);
    const flags = await page.locator('table.data-table tbody [data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')));
    expect(flags.length).toBeGreaterThan(0);
    expect(new Set(flags)).toEqual(new Set([flag]));
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    await page.close();
  });

  it('opens a province from the tile map', async () => {
    const page = await open('?page=regions&lang=en');
    await waitForData(page);
    await page.locator('g[data-code="79"]').click();
    await page.waitForSelector('[data-area="79"]');
    expect(new URL(page.url()).searchParams.get('region')).toBe('79');
    await page.close();
  });

  it('keeps danfojs out of the initial load and of the upload page until it is needed', async () => {
    const page = await browser.context.newPage();
    watch(page, 'upload');
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${server.url}/?page=overview`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: vi.nav.upload }).click();
    await page.waitForFunction(() => document.querySelector('.main-nav a[aria-current="page"]')?.getAttribute('href')?.includes('page=upload'));
    await page.waitForSelector('main h1');
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(scripts.map(async (url) => (await fetch(url)).text().then((t) => t.length)));
    // danfojs is a multi-megabyte chunk; nothing that large may be fetched before a file is chosen.
    expect(Math.max(...sizes)).toBeLessThan(1_000_000);
    await page.close();
  });

  it('shows the API problem detail when a request fails', async () => {
    const page = await open('?page=training&lang=en&region=XX');
    await page.waitForSelector('[data-state="error"]');
    expect(await page.locator('[data-state="error"]').textContent()).toMatch(/400/);
    expect(await page.getByRole('button', { name: en.state.retry }).count()).toBeGreaterThan(0);
    // The failed request is the point of this test; its console message is expected.
    for (let i = consoleErrors.length - 1; i >= 0; i--) if (consoleErrors[i].includes('region=XX')) consoleErrors.splice(i, 1);
    await page.close();
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
