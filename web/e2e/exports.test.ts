/**
 * End-to-end downloads in Chromium: the training planner and a chart downloaded as Excel (.xlsx),
 * CSV for Vietnamese Excel (`;`, decimal comma) and international CSV, each opened and checked
 * column by column against the table on screen (the gap "Chênh lệch" included), with the
 * sources sheet naming sources, statuses and the data version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import type { Locator, Page } from 'playwright-core';
import vi from '../src/i18n/vi.json';
import { chromiumAvailable } from './harness';
import { startDashboard, type Dashboard } from './session';

const hasChromium = chromiumAvailable();
let dash: Dashboard;

type Format = 'xlsx' | 'csv-vi' | 'csv-intl';

/** Opens the download menu of `scope` and saves one format; resolves to the file's bytes and name. */
async function download(page: Page, scope: Locator, format: Format): Promise<{ name: string; bytes: Buffer }> {
  await scope.locator('[data-download-menu]').first().click();
  const [file] = await Promise.all([page.waitForEvent('download'), scope.locator(`[data-format="${format}"]`).first().click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** Header texts of a table on screen (without the sort icons). */
async function screenHeaders(table: Locator): Promise<string[]> {
  return (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
}

/** A number as the Vietnamese UI writes it (1.234 · −2,5% · +12) → 1234 · -2.5 · 12. */
function viNumber(text: string): number {
  return Number(
    text
      .replace(/[−–]/g, '-')
      .replace(/[+%\s]/g, '')
      .replace(/\./g, '')
      .replace(',', '.'),
  );
}

function readXlsx(bytes: Buffer) {
  const wb = XLSX.read(bytes, { type: 'buffer', cellNF: true });
  const data = wb.Sheets[wb.SheetNames[0]];
  return {
    wb,
    data,
    rows: XLSX.utils.sheet_to_json<(string | number)[]>(data, { header: 1, defval: null }),
    meta: XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[1]], { header: 1 }),
  };
}

/** The table part of a CSV (up to the blank line before the footer), parsed with its dialect. */
function readCsv(bytes: Buffer, delimiter: ';' | ','): { text: string; rows: string[][]; footer: string[] } {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [table, footer = ''] = text.slice(1).split('\r\n\r\n');
  return { text, rows: Papa.parse<string[]>(table, { delimiter }).data, footer: footer.split('\r\n').filter(Boolean) };
}

describe.skipIf(!hasChromium)('downloads in Chromium', () => {
  beforeAll(async () => {
    dash = await startDashboard();
  });

  afterAll(async () => {
    await dash?.stop();
  });

  it('training planner: XLSX and both CSV dialects carry every column on screen, the gap included', async () => {
    const page = await dash.context.newPage();
    await page.goto(`${dash.url}/?page=training&region=VN&horizon=5`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('table.data-table tbody tr');
    const section = page.locator('section[aria-labelledby="planner-heading"]');
    // The planner's own table: the section also holds the flag assumptions' tables (below it).
    const table = section.locator('table.data-table').first();
    const headers = await screenHeaders(table);
    expect(headers).toContain(vi.training.gap);
    const gapIndex = headers.indexOf(vi.training.gap);
    const sectorIndex = headers.indexOf(vi.controls.sector);
    const qualIndex = headers.indexOf(vi.controls.qualification);
    const screenRows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.slice(0, 8).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

    const xlsx = await download(page, section, 'xlsx');
    expect(xlsx.name).toMatch(/^training-plan-VN-.*\.xlsx$/);
    const book = readXlsx(xlsx.bytes);
    expect(book.wb.SheetNames).toEqual([vi.export.dataSheet, vi.export.metaSheet]);
    const exported = book.rows[0].map(String);
    // Every column on screen is in the file: the same header, its parts ("Khoảng 80% — cận dưới") or
    // its coded form ("Loại số liệu (mã)").
    for (const h of headers)
      expect(
        exported.some((e) => e === h || e.startsWith(`${h} — `) || e.startsWith(`${h} (`)),
        `column "${h}"`,
      ).toBe(true);
    for (const h of [vi.training.csvSector, vi.training.csvQualification, vi.export.colStatus, vi.export.colBasis, vi.export.colSource])
      expect(exported).toContain(h);
    // The gap, column by column against the screen: a number in the file equal to the figure shown.
    const gapCol = exported.indexOf(vi.training.gap);
    const sectorCol = exported.indexOf(vi.controls.sector);
    const qualCol = exported.indexOf(vi.controls.qualification);
    for (const cells of screenRows) {
      const row = book.rows.find((r) => r[sectorCol] === cells[sectorIndex].trim() && r[qualCol] === cells[qualIndex].trim());
      expect(row, `${cells[sectorIndex]} · ${cells[qualIndex]}`).toBeTruthy();
      expect(typeof row![gapCol]).toBe('number');
      expect(row![gapCol]).toBe(viNumber(cells[gapIndex]));
    }
    const gapCell = book.data[XLSX.utils.encode_cell({ r: 1, c: gapCol })];
    expect(gapCell.t).toBe('n');
    expect(gapCell.z).toBe('#,##0');
    // The sources sheet: sources, statuses (code and words) and the data version.
    const meta = book.meta;
    expect(meta.filter((r) => r[0] === vi.chart.source).length).toBeGreaterThan(0);
    expect(meta).toContainEqual(expect.arrayContaining([vi.status.label, 'modelled', vi.status.modelled]));
    expect(meta.find((r) => r[0] === vi.app.dataVersion)?.[1]).toMatch(/^#\d+ · /);

    // CSV for Vietnamese Excel: `;`, decimal comma, the same header and the same numbers.
    const csvVi = await download(page, section, 'csv-vi');
    expect(csvVi.name).toMatch(/-vn\.csv$/);
    const v = readCsv(csvVi.bytes, ';');
    expect(v.rows[0]).toEqual(exported);
    const shareCol = exported.indexOf(vi.training.csvImbalanceShare);
    expect(v.rows.slice(1).some((r) => /^-?\d+,\d{2}$/.test(r[shareCol]))).toBe(true);
    expect(v.rows.slice(1).every((r) => !/^-?\d+\.\d/.test(r[shareCol]))).toBe(true);
    v.rows.slice(1).forEach((r, i) => {
      exported.forEach((_, j) => {
        const x = book.rows[i + 1][j];
        if (typeof x === 'number') expect(Number(r[j].replace(',', '.')), `${exported[j]} row ${i + 1}`).toBe(x);
        else expect(r[j]).toBe(x === null ? '' : String(x).replace(/^([=+\-@])/, "'$1"));
      });
    });
    expect(v.footer.some((l) => l.startsWith(`${vi.app.dataVersion}: #`))).toBe(true);

    // International CSV: `,` and a decimal point, the same cells.
    const csvIntl = await download(page, section, 'csv-intl');
    const n = readCsv(csvIntl.bytes, ',');
    expect(n.rows[0]).toEqual(exported);
    n.rows.slice(1).forEach((r, i) => {
      exported.forEach((_, j) => {
        const x = book.rows[i + 1][j];
        if (typeof x === 'number') expect(Number(r[j])).toBe(x);
      });
    });
    expect(n.rows.slice(1).some((r) => /^-?\d+\.\d{2}$/.test(r[shareCol]))).toBe(true);
    await page.close();
  });

  it("a chart: the file holds the table view's columns with sensibly rounded numbers", async () => {
    const page = await dash.context.newPage();
    await page.goto(`${dash.url}/?page=overview`, { waitUntil: 'domcontentloaded' });
    // The national system chart (labour force, employment, unemployment), named by its own frame: a
    // locator by text would re-resolve to whichever chart has data first, and charts fill in any order.
    const frame = page.locator('figure[data-chart-frame="labour-force-employment-baseline"]');
    await page.locator('figure[data-chart-frame="labour-force-employment-baseline"][data-has-data="true"]').waitFor();
    await frame.getByRole('button', { name: vi.chart.viewTable }).click();
    const headers = (await screenHeaders(frame.locator('table.data-table'))).filter((h) => h !== vi.status.label);
    await frame.getByRole('button', { name: vi.chart.viewChart }).click();

    const book = readXlsx((await download(page, frame, 'xlsx')).bytes);
    const exported = book.rows[0].map(String);
    expect(exported.slice(0, headers.length)).toEqual(headers);
    expect(exported.slice(headers.length)).toEqual([vi.export.colStatus, vi.export.colBasis, vi.export.colSource]);
    // Persons are whole numbers (no 53989798.06589011); the rate keeps at most two decimals.
    for (const row of book.rows.slice(1)) {
      for (const x of row) if (typeof x === 'number') expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-6);
    }
    const persons = exported.findIndex((h) => h.startsWith(vi.overview.labourForce));
    const bad = book.rows.slice(1).filter((r) => !(r[persons] === null || Number.isInteger(r[persons])));
    if (bad.length) console.log('[exports] non-integer persons', exported[persons], bad.slice(0, 3));
    expect(bad).toEqual([]);
    expect(book.meta.find((r) => r[0] === vi.app.dataVersion)?.[1]).toMatch(/^#\d+/);
    expect(book.meta.filter((r) => r[0] === vi.status.label).map((r) => r[1])).toEqual(expect.arrayContaining(['official', 'modelled']));

    const csvIntl = (await download(page, frame, 'csv-intl')).bytes.toString('utf8');
    expect(csvIntl).not.toMatch(/\d\.\d{3,}/);
    const csvVi = readCsv((await download(page, frame, 'csv-vi')).bytes, ';');
    expect(csvVi.rows[0]).toEqual(exported);
    for (const r of csvVi.rows.slice(1)) for (const cell of r) if (/^-?[\d,]+$/.test(cell)) expect(cell).toMatch(/^-?\d+(,\d{1,2})?$/);
    await page.close();
  });
});
