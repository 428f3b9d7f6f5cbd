/**
 * Set-up shared by the issue 17 browser tests (Vietnamese text, accessibility, phone layout): a
 * private build served by a private API server (or `LMO_E2E_URL`, a running server, for quick
 * local runs), one Chromium, console errors collected, and helpers to open a page and wait for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWeb, launchBrowser, startServer, type RunningServer } from './harness';

/** Every page of the dashboard (the upload page opens to its sign-in form without a token). */
export const ALL_PAGES = ['overview', 'regions', 'sectors', 'new-fields', 'training', 'methodology', 'upload'] as const;

export interface Dashboard {
  url: string;
  context: BrowserContext;
  consoleErrors: string[];
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startDashboard(): Promise<Dashboard> {
  const reuse = Boolean(process.env.LMO_E2E_URL);
  const dist = reuse ? '' : mkdtempSync(join(tmpdir(), 'lmo-web-dist-'));
  let server: RunningServer;
  if (reuse) server = await startServer();
  else [, server] = await Promise.all([buildWeb(dist), startServer({ webDist: dist })]);
  const browser = await launchBrowser();
  const consoleErrors: string[] = [];
  return {
    url: server.url,
    context: browser.context,
    consoleErrors,
    async open(path, viewport) {
      const page = await browser.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${path}: ${msg.text()} @ ${msg.location().url}`);
      });
      page.on('pageerror', (err) => consoleErrors.push(`${path}: ${err.message}`));
      await page.goto(`${server.url}/${path}`, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async stop() {
      await browser.close();
      await server.stop();
      if (dist) rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has drawn its data (a chart frame, a table row, the planner cards or the sign-in form) and its requests settled. */
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForSelector(
    '[data-has-data="true"], table.data-table tbody tr, [data-testid="planner-cards"] li, form input[type="password"], [data-state="error"], [data-state="empty"]',
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForSelector('[data-state="loading"]', { state: 'detached', timeout: 30_000 }).catch(() => undefined);
}
