/**
 * End-to-end (issue 13 §2): build a scenario with the sliders, share its link (a new page shows
 * the same scenario and lever values), compare it with the baseline, and keep the builder and the
 * compare view inside a 390 px wide screen. Any console error fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import vi from '../src/i18n/vi.json';
import { chromiumAvailable } from './harness';
import { startDashboard, type Dashboard } from './session';

const hasChromium = chromiumAvailable();
let dash: Dashboard;
const open = (path: string, viewport?: { width: number; height: number }): Promise<Page> => dash.open(path, viewport);

const lever = (page: Page, id: string) => page.locator(`[data-lever="${id}"]`);
const scenarioOf = (page: Page) => new URL(page.url()).searchParams.get('scenario');

/** Presses a key on a lever's slider, as a user does (each release applies the scenario). */
async function slide(page: Page, id: string, key: string, times: number): Promise<void> {
  const slider = lever(page, id).locator('input[type="range"]');
  await slider.focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

let built = '';

describe.skipIf(!hasChromium)('scenario builder in Chromium', () => {
  beforeAll(async () => {
    dash = await startDashboard();
  });

  afterAll(async () => {
    await dash?.stop();
  });

  it('builds a scenario with the sliders and redraws the overview for it', async () => {
    const page = await open('?page=overview');
    await page.waitForSelector('figure[data-chart-frame="labour-force-employment-baseline"][data-has-data="true"]', { timeout: 60_000 });
    await page.getByText(vi.scenario.build, { exact: true }).click();
    // Baseline values come from the server beside each lever.
    await expect.poll(async () => lever(page, 'valueAddedGrowth.C').locator('.lever-baseline').textContent(), { timeout: 30_000 }).toMatch(/%\/năm/);
    await slide(page, 'productivityGrowthChange', 'ArrowLeft', 5);
    await slide(page, 'trainingOutputChange.college', 'ArrowRight', 4);
    await expect.poll(() => scenarioOf(page), { timeout: 60_000 }).toMatch(/^u-[0-9a-f]{16}$/);
    // The last slider release wins: wait until the URL holds the scenario with both levers.
    await expect
      .poll(
        async () => {
          const id = scenarioOf(page);
          const info = (await (await fetch(`${dash.url}/api/scenarios/${id}`)).json()) as { parameters: Record<string, unknown> };
          return info.parameters;
        },
        { timeout: 60_000 },
      )
      .toEqual({ productivityGrowthChange: -0.5, trainingOutputChange: { college: 20 } });
    built = scenarioOf(page)!;
    await page.waitForSelector(`figure[data-chart-frame="labour-force-employment-${built}"][data-has-data="true"]:not([data-updating="true"]) .recharts-line`, {
      timeout: 60_000,
    });
    expect(await page.locator('select[name="scenario"]').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(vi.scenario.custom);
    const summary = (await page.locator(`[data-custom-scenario="${built}"]`).textContent()) ?? '';
    expect(summary).toContain('-0,5 điểm %/năm');
    expect(summary).toContain('+20 %');
    await page.close();
  });

  it('opens the shared link in a new page with the same scenario and lever values', async () => {
    expect(built).not.toBe('');
    const page = await open(`?page=overview&scenario=${built}`);
    // A custom scenario opens the builder by itself, at its parameters.
    await expect.poll(async () => lever(page, 'productivityGrowthChange').locator('input[type="number"]').inputValue(), { timeout: 30_000 }).toBe('-0.5');
    expect(await lever(page, 'productivityGrowthChange').locator('input[type="range"]').inputValue()).toBe('-0.5');
    expect(await lever(page, 'trainingOutputChange.college').locator('input[type="number"]').inputValue()).toBe('20');
    expect(await lever(page, 'valueAddedGrowth.C').locator('input[type="number"]').inputValue()).not.toBe('');
    await page.waitForSelector(`figure[data-chart-frame="labour-force-employment-${built}"][data-has-data="true"]`, { timeout: 60_000 });
    await page.close();
  });

  it('compares the scenario with the baseline: differences as a chart and a table, marked as model output', async () => {
    const page = await open(`?page=overview&scenario=${built}`);
    await page.getByRole('checkbox', { name: vi.compare.toggle }).check();
    expect(new URL(page.url()).searchParams.get('compare')).toBe('baseline');
    const frame = page.locator(`figure[data-chart-frame="compare-national-baseline-${built}"]`);
    await frame.and(page.locator('[data-has-data="true"]')).waitFor({ timeout: 60_000 });
    expect(await frame.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await frame.locator('.badge-modelled').first().textContent()).toContain(vi.status.modelled);
    // The scenario moves national employment: some B − A is not zero (its sign is the model's business).
    const diffs = await frame.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.textContent ?? ''));
    const demand = await frame.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[6]?.textContent ?? ''));
    console.log(`[e2e] national B − A by year: employment ${diffs.join(', ')}; labour demand ${demand.join(', ')}`);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.some((d) => /^[+-]\d/.test(d))).toBe(true);
    // Slower productivity growth needs more workers for the same value added: labour demand (before the
    // labour-force limit) rises, even where employment is held by the labour force.
    expect(demand.length).toBe(diffs.length);
    expect(demand.every((d) => /^\+\d/.test(d))).toBe(true);

    // The training planner compares cells: more college graduates raise new supply.
    await page.goto(`${dash.url}/?page=training&scenario=${built}&compare`, { waitUntil: 'domcontentloaded' });
    const cells = page.locator(`figure[data-chart-frame^="compare-training-VN-baseline-${built}"]`);
    await cells.and(page.locator('[data-has-data="true"]')).waitFor({ timeout: 60_000 });
    const supply = await cells.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[6]?.textContent ?? ''));
    expect(supply.some((d) => /^\+/.test(d))).toBe(true);
    await page.close();
  });

  it('fits a 390 px screen with the builder open and the compare view on', async () => {
    for (const view of ['overview', 'regions']) {
      const page = await open(`?page=${view}&scenario=${built}&compare=baseline`, { width: 390, height: 844 });
      await page.waitForSelector('[data-lever="productivityGrowthChange"] input[type="number"]', { timeout: 30_000 });
      await page.waitForSelector('figure[data-chart-frame^="compare-"][data-has-data="true"]', { timeout: 60_000 });
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, view).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('logged no console errors', () => {
    expect(dash.consoleErrors).toEqual([]);
  });
});
