/**
 * Issue 17 §7: axe-core (injected into the page) finds no serious, critical or moderate violation on
 * any page, in Vietnamese and English. Also checked directly: the map tiles' accessible names hold
 * their visible text, no page has two landmarks of one kind with the same name, and every chart is
 * either out of the tab order or a named image with a text summary.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './harness';
import { ALL_PAGES, startDashboard, waitForPage, type Dashboard } from './session';

const hasChromium = chromiumAvailable();
// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script>.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let app: Dashboard;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the whole page (WCAG 2.x A/AA and best practice), with the name-vs-visible-text rule on. */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(`axe.run(document, {
    resultTypes: ['violations'],
    rules: { 'label-content-name-mismatch': { enabled: true } },
  })`)) as { violations: AxeViolation[] };
  return result.violations;
}

const VIEWS = [...ALL_PAGES.map((p) => `?page=${p}`), '?page=regions&view=regions', '?page=new-fields&field=hydrogen', '?page=overview&compare'];

describe.skipIf(!hasChromium)('accessibility (axe-core in Chromium)', () => {
  beforeAll(async () => {
    app = await startDashboard();
  });
  afterAll(async () => {
    await app?.stop();
  });

  for (const lang of ['vi', 'en'] as const) {
    for (const view of VIEWS) {
      it(`${view} in ${lang}: no serious or moderate axe violation`, async () => {
        const page = await app.open(`${view}&lang=${lang}`);
        await waitForPage(page);
        const violations = (await axe(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious' || v.impact === 'moderate');
        const report = violations.map(
          (v) =>
            `${v.impact} ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
        console.log(`[axe] ${view} ${lang}: ${violations.length} serious/moderate violation(s)${report.length ? `\n  ${report.join('\n  ')}` : ''}`);
        expect(report).toEqual([]);
        await page.close();
      });
    }
  }

  it('names each map tile with the text it shows', async () => {
    const page = await app.open('?page=regions');
    await waitForPage(page);
    const tiles = (await page.evaluate(`[...document.querySelectorAll('.tile-g')].map((el) => ({
      name: el.getAttribute('aria-label') || '',
      texts: [...el.querySelectorAll('text')].map((t) => (t.querySelector('tspan') ? [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') : t.textContent || '').trim()).filter(Boolean),
    }))`)) as { name: string; texts: string[] }[];
    expect(tiles.length).toBeGreaterThanOrEqual(34);
    for (const tile of tiles) {
      expect(tile.texts.length).toBeGreaterThan(0);
      // The name begins with what the tile shows, in the same order.
      expect(tile.name.startsWith(tile.texts.join(' ')), `${tile.name} vs ${tile.texts.join(' ')}`).toBe(true);
    }
    await page.close();
  });

  it('gives every chart a name and a text summary, and keeps anonymous SVGs out of the tab order', async () => {
    const page = await app.open('?page=overview');
    await page.waitForSelector('figure[data-chart-frame^="top-imbalances"][data-has-data="true"]', { timeout: 30_000 });
    await waitForPage(page);
    const charts = (await page.evaluate(`[...document.querySelectorAll('figure[data-chart-frame] .chart-canvas')].map((canvas) => {
      const img = canvas.matches('[role="img"]') ? canvas : canvas.querySelector('[role="img"]');
      const focusable = [...canvas.querySelectorAll('[tabindex]')].filter((el) => el.getAttribute('tabindex') !== '-1');
      return { name: img ? img.getAttribute('aria-label') || '' : '', anonymousTabStops: focusable.length };
    })`)) as { name: string; anonymousTabStops: number }[];
    expect(charts.length).toBeGreaterThan(1);
    for (const c of charts) {
      expect(c.name.length, 'a chart without an accessible name').toBeGreaterThan(20);
      expect(c.anonymousTabStops).toBe(0);
    }
    await page.close();
  });

  it('has no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
