/**
 * End-to-end upload flow in Chromium against the real server: sign in with a
 * token → choose a broken file → the server's report with the offending lines
 * highlighted in the browser profile → choose a valid file → confirm → the
 * diff of the new version → roll back; and a World Bank wide file through the
 * wizard (suggested mapping, re-check on change, official cells confirmed).
 * Any console error fails the test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWeb, chromiumAvailable, freePort, launchBrowser, REPO_DIR } from './harness';

const hasChromium = chromiumAvailable();
const EXAMPLES = join(REPO_DIR, 'seeds', 'examples');
const TSX = join(REPO_DIR, 'node_modules', '.bin', 'tsx');

let dir = '';
let url = '';
let token = '';
let server: ChildProcess | null = null;
let output = '';
let browser: { context: BrowserContext; close(): Promise<void> };
const consoleErrors: string[] = [];

describe.skipIf(!hasChromium)('upload flow in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lmo-upload-e2e-'));
    // A private build: other suites rebuilding web/dist at the same time must not pull assets from under this page.
    await buildWeb(join(dir, 'dist'));
    const port = await freePort();
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), WEB_DIST: join(dir, 'dist'), DATABASE_URL: '' };
    // The token is made before the server starts: the CLI never opens a database a server holds.
    const made = spawnSync(TSX, [join(REPO_DIR, 'api', 'src', 'cli', 'token.ts'), 'create', '--role', 'analyst', '--name', 'e2e analyst'], {
      env,
      encoding: 'utf8',
    });
    token = /lmo_[A-Za-z0-9_-]{43}/.exec(made.stdout)?.[0] ?? '';
    if (!token) throw new Error(`token create failed: ${made.stdout}\n${made.stderr}`);
    server = spawn(TSX, [join(REPO_DIR, 'api', 'src', 'server.ts')], { cwd: join(REPO_DIR, 'api'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 200_000;
    for (;;) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server not ready:\n${output}`);
      try {
        if ((await fetch(`${url}/api/gaps?region=VN&horizon=1`)).ok) break;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** GET JSON from the server; one retry, because a pooled keep-alive socket may have just been closed by the server. */
  async function getJson(path: string): Promise<any> {
    try {
      return await (await fetch(url + path)).json();
    } catch {
      return (await fetch(url + path)).json();
    }
  }

  async function open(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${url}/?page=upload&lang=en`, { waitUntil: 'domcontentloaded' });
    return page;
  }

  it('signs in, rejects a broken file line by line, stores a valid one, shows the diff and rolls back', async () => {
    const page = await open();
    // Anonymous: the sign-in form, no upload form.
    await page.waitForSelector('input[type="password"]', { timeout: 60_000 });
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await page.fill('input[type="password"]', token);
    await page.click('form.sign-in button[type="submit"]');
    await page.waitForSelector('[data-testid="signed-in"]');
    expect(await page.evaluate(() => sessionStorage.getItem('lmo.apiToken'))).toBe(token);

    // A broken long file: the report lists lines and columns; the profile highlights them.
    await page.setInputFiles('input[type="file"]', join(EXAMPLES, 'long-invalid.csv'));
    await page.waitForSelector('[data-testid="validation-report"] tbody tr', { timeout: 60_000 });
    const lines = await page.locator('[data-testid="validation-report"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')));
    expect(lines).toEqual(expect.arrayContaining(['2', '3', '4', '5', '7', '8', '9']));
    await page.waitForSelector('[data-testid="profile-head"] tr[data-line="5"].row-invalid');
    expect(await page.locator('[data-testid="profile-head"] tr[data-line="6"].row-invalid').count()).toBe(0);
    expect(await page.locator('[data-testid="profile-head"] tr[data-line="5"] td.cell-invalid').count()).toBe(1);

    // A valid file: dry run passes, confirm stores it, the diff shows the changed cell.
    const file = join(dir, 'update.csv');
    writeFileSync(
      file,
      'indicator,period,region,sector,qualification,value,unit,source,status\n' +
        'employment,2024,VN,TOTAL,ALL,51900000,persons,"GSO annual LFS 2024, cited by Báo Dân tộc (2025)",official\n' +
        'graduates,2024,VN,TOTAL,college,190000,persons,"Example only: modelled by the uploader (e2e test)",modelled\n',
    );
    await page.setInputFiles('input[type="file"]', file);
    await page.waitForSelector('[data-testid="confirm-upload"]', { timeout: 60_000 });
    // The danfojs profile: detected types and sums by region.
    expect(await page.textContent('[data-testid="profile-head"] thead')).toMatch(/value \((int32|float32)\)/);
    expect(await page.textContent('[data-testid="sum-by-region"]')).toContain('52,090,000'); // 51,900,000 + 190,000
    const before = await getJson('/api/health');
    await page.click('[data-testid="confirm-upload"]');
    await page.waitForSelector('[data-testid="upload-done"]', { timeout: 180_000 });
    const after = await getJson('/api/health');
    expect(after.dataVersion.id).toBeGreaterThan(before.dataVersion.id);
    expect(await page.textContent('[data-testid="upload-done"] h2')).toContain(`version ${after.dataVersion.id}`);
    // The first table (totals per period) sits in a closed <details>: wait for the cells table.
    await page.locator('[data-testid="version-diff"] table').last().waitFor();
    expect(await page.textContent('[data-testid="version-diff"]')).toMatch(/cells added, \d+ changed/);

    // The Methodology page scores the uploaded data: a note while the system backtest is refitted in
    // the background, then the new version's own scores (the page asks again by itself).
    const method = await browser.context.newPage();
    await method.goto(`${url}/?page=methodology&lang=en`, { waitUntil: 'domcontentloaded' });
    await method.waitForSelector('[data-testid="system-backtest-verdicts"] li', { timeout: 60_000 });
    await method.waitForSelector('[data-testid="system-backtest-other-data"]', { state: 'detached', timeout: 120_000 });
    expect(await method.textContent('[data-testid="system-backtest"]')).toContain(`data version #${after.dataVersion.id}, the one being viewed`);
    await method.close();

    // Roll back to the previous version from the versions table.
    await page.click(`[data-testid="rollback-${before.dataVersion.id}"]`);
    await page.waitForSelector(`tr[data-version="${before.dataVersion.id}"][aria-current="true"]`, { timeout: 60_000 });
    expect((await getJson('/api/health')).dataVersion.id).toBe(before.dataVersion.id);
    await page.close();
    expect(consoleErrors).toEqual([]);
  });

  it('takes a World Bank wide file through the wizard: suggested mapping, re-check on change, official cells confirmed', async () => {
    const page = await open();
    await page.waitForSelector('input[type="password"]', { timeout: 60_000 });
    await page.fill('input[type="password"]', token);
    await page.click('form.sign-in button[type="submit"]');
    await page.waitForSelector('[data-testid="signed-in"]');

    // Picked under the default (long) format: the years as columns switch to wide and the mapping is suggested.
    await page.setInputFiles('input[type="file"]', join(EXAMPLES, 'wide-worldbank.csv'));
    const wizard = page.locator('[data-testid="wide-wizard"]');
    await wizard.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="switched-wide"]').count()).toBe(1);
    expect(await wizard.getByLabel('Region column').inputValue()).toBe('Country Code');
    expect(await wizard.getByLabel('Indicator').inputValue()).toBe('labour_force');
    expect(await wizard.getByLabel('Status of the figures').inputValue()).toBe('international');
    expect(await wizard.getByLabel(/^Code map/).inputValue()).toBe('VNM = VN');
    expect(await wizard.getByLabel(/^Source/).inputValue()).toMatch(/^World Bank, World Development Indicators, SL\.TLF\.TOTL\.IN/);

    // The dry run of the suggested mapping: GSO's official labour force (2010–2022 in the seeds) would be replaced, listed for confirmation.
    const conflicts = page.locator('[data-testid="official-conflicts"]');
    await conflicts.waitFor({ timeout: 60_000 });
    const official = Number(/replace (\d+) official figures/.exec((await conflicts.textContent()) ?? '')?.[1]);
    expect(official).toBeGreaterThanOrEqual(6);
    expect(await conflicts.locator('tbody tr').count()).toBe(official);
    expect(await conflicts.textContent()).toContain('2022');
    // The preview shows the file's values, not NaN.
    await page.waitForSelector('[data-testid="profile-head"] tr[data-line="8"]');
    expect(await page.textContent('[data-testid="profile-head"]')).not.toContain('NaN');
    expect(await page.textContent('[data-testid="profile-head"] tr[data-line="8"]')).toContain('55951059');

    // Changing the mapping checks the same file again, without picking it: 2022 alone is one official cell, then back to all years.
    await wizard.getByLabel('From period').selectOption('2022');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="official-conflicts"] tbody tr').length === 1, null, { timeout: 60_000 });
    expect(JSON.parse(await page.getByLabel('Mapping (JSON)').inputValue())).toMatchObject({ periodColumns: ['2022'] });
    await wizard.getByLabel('From period').selectOption('1960');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="official-conflicts"] tbody tr').length === n, official, { timeout: 60_000 });

    const before = await getJson('/api/health');
    await page.click('[data-testid="official-agree"]');
    await page.click('[data-testid="confirm-replace-official"]');
    await page.waitForSelector('[data-testid="upload-done"]', { timeout: 180_000 });
    expect(await page.textContent('[data-testid="upload-done"]')).toContain(`${official} official figures were replaced`);
    const after = await getJson('/api/health');
    expect(after.dataVersion.id).toBeGreaterThan(before.dataVersion.id);
    // The first table (totals per period) sits in a closed <details>: wait for the cells table.
    await page.locator('[data-testid="version-diff"] table').last().waitFor();
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});
