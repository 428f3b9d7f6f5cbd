/**
 * PX-Web table → long-format observations, driven by a small JSON mapping an
 * analyst writes (like the wide format's). Every value goes through the
 * long-format validator, so codes, units and periods follow the same rules as
 * a CSV upload.
 *
 * Columns are read as follows:
 * - a column named in `dimensions` takes that role (`ignore` drops it, also for value columns);
 * - a header that is or ends with a period (`2015`, `Prel. 2016`, `Male 2015`) is a value
 *   column for that period; its prefix (`Male`) is a label of the breakdown (sector column);
 * - a `Year` column whose cells are periods gives the period of each row;
 * - a column of text labels whose header names regions/provinces is the region; the first
 *   other label column is the breakdown (sector column); any further one must be declared;
 * - remaining numeric columns are value columns whose header is a breakdown label (`15 - 24`).
 *
 * Labels (cells of dimension columns and value-column prefixes) go through `labels`
 * (exact, then ignoring case/diacritics, then — for breakdown labels only — the `*` fallback); `ignore` skips the row or
 * column. Breakdown parts are concatenated, so `mapping.sector: "T:"` (or a label mapped to
 * `"T:"`) combined with a column label `15 - 24` gives the group `T:15-24`.
 */
import { foldKey } from '../codes/normalize';
import { FORMER_PROVINCES, getRegion, resolveRegion } from '../codes/regions';
import type { LongIssue } from './csv-sniff';
import type { LongResult } from './long-format';
import type { ObservationStatus, Unit } from './observation';
import type { PxwebTable } from './pxweb';
import { classifyColumns, makeLabeller, type PxwebColumn, type PxwebLabeller, type PxwebRole } from './pxweb-columns';
import { pxwebPeriod, pxwebValue } from './pxweb-values';
import { cleanNumber, createFeed, type Feed } from './sdmx-feed';

export type { PxwebRole } from './pxweb-columns';

export interface PxwebMapping {
  indicator: string;
  unit: Unit;
  /** Multiplier, e.g. 1000 for "thousand persons". */
  scale?: number;
  source: string;
  status: ObservationStatus;
  /** Defaults when no column gives them: region `VN`, sector `TOTAL` (or a group prefix like `T:`), qualification `ALL`. */
  region?: string;
  sector?: string;
  qualification?: string;
  /** Header label → role of that column. */
  dimensions?: Record<string, PxwebRole>;
  /** Label → code (or `ignore`); key `*` is the fallback for labels not listed. */
  labels?: Record<string, string>;
}

export interface PxwebOptions {
  now?: Date;
  maxErrors?: number;
  /**
   * Percentages of former provinces that were merged into a larger unit cannot be
   * added up: `error` (default, as the long format) or `skip` them with one warning.
   */
  mergedRates?: 'error' | 'skip';
}

const FORMER_BY_NAME = new Map<string, string>();
for (const f of FORMER_PROVINCES) for (const n of [f.vi, f.en, f.ascii]) FORMER_BY_NAME.set(foldKey(n), f.code);

/**
 * PX-Web tables predate the 2025 reform, so a province name means the former
 * province: "Lao Cai" is former 10, not today's Lào Cai (15, which also took in
 * Yên Bái). Returns the former code, or the label unchanged when it is not a
 * former province's name (regions, the country, codes).
 */
export function historicalRegion(label: string): string {
  const k = foldKey(label)
    .replace(/^(thanhpho|tinh|tp|province|city)/, '')
    .replace(/(city|province)$/, '');
  return FORMER_BY_NAME.get(foldKey(label)) ?? FORMER_BY_NAME.get(k) ?? label;
}

type ValueColumn = Extract<PxwebColumn, { kind: 'value' }>;
type PxwebRow = PxwebTable['rows'][number];

/** Cells and rows left out, each kind reported once as a warning at the end. */
interface Skipped {
  na: number;
  firstNa: number;
  rates: number;
  firstRate?: LongIssue;
}

/** Everything a row is read with, so each step takes one argument instead of eight. */
interface PxwebRead {
  table: PxwebTable;
  mapping: PxwebMapping;
  opts: PxwebOptions;
  cols: PxwebColumn[];
  valueCols: (readonly [ValueColumn, number])[];
  periodDim: boolean;
  label: PxwebLabeller;
  feed: Feed;
  skipped: Skipped;
}

/** The dimensions one row gives its values (defaults from the mapping where no column gives them). */
interface RowDims {
  period: { period: string; preliminary: boolean } | null;
  region: string;
  qualification: string;
  sectorParts: string[];
}

/**
 * Turns a parsed PX-Web table into long-format observations with `mapping`
 * (see the module comment for how columns are read). Issues are on the
 * table's physical lines; nothing is kept when any value is wrong.
 */
export function pxwebToLong(table: PxwebTable, mapping: PxwebMapping, opts: PxwebOptions = {}): LongResult {
  const feed = createFeed({ now: opts.now, maxErrors: opts.maxErrors });
  for (const e of table.errors) feed.error(e);
  const headerLine = table.rows.length ? table.rows[0].line - 1 : 1;
  const mapErr = (column: string | null, value: string, code: string, message: string, messageVi: string) =>
    feed.error({ line: headerLine, column, value, code, message, messageVi });
  const label = makeLabeller(mapping.labels);
  const cols = classifyColumns(table, mapping.dimensions, (h) =>
    mapErr(
      h,
      h,
      'UNMAPPED_COLUMN',
      `Column "${h}" holds labels: say in the mapping's "dimensions" whether it is region, sector, qualification, period or ignore.`,
      `Cột "${h}" chứa nhãn: hãy khai báo trong "dimensions" của ánh xạ cột này là region, sector, qualification, period hay ignore.`,
    ),
  );
  const periodDim = cols.some((c) => c.kind === 'dim' && c.role === 'period');
  const valueCols = cols.map((c, i) => [c, i] as const).filter((e): e is readonly [ValueColumn, number] => e[0].kind === 'value');
  if (valueCols.length === 0) mapErr(null, '', 'NO_VALUE_COLUMNS', 'No value columns found in the table.', 'Không tìm thấy cột giá trị nào trong bảng.');
  if (valueCols.some(([c]) => !c.period) && !periodDim) {
    mapErr(
      null,
      '',
      'NO_PERIOD',
      'No period found: the table needs year columns (2015, Prel. 2016) or a Year column, or declare one in "dimensions".',
      'Không tìm thấy kỳ: bảng cần các cột năm (2015, Prel. 2016) hoặc một cột Năm, hoặc khai báo trong "dimensions".',
    );
  }

  const read: PxwebRead = { table, mapping, opts, cols, valueCols, periodDim, label, feed, skipped: { na: 0, firstNa: 0, rates: 0 } };
  for (const row of table.rows) readRow(read, row);
  warnSkipped(feed, read.skipped);
  const last = table.rows.length ? table.rows[table.rows.length - 1].line : headerLine;
  return feed.finish(last);
}

function readRow(read: PxwebRead, row: PxwebRow): void {
  const dims = readRowDims(read, row);
  if (!dims || (read.periodDim && !dims.period)) return;
  if (isSkippedRate(read, row, dims.region)) return;
  for (const [c, i] of read.valueCols) pushValue(read, row, dims, c, i);
}

/** The row's period, region, qualification and breakdown labels; null when a label maps to `ignore` (the row is dropped). */
function readRowDims({ table, mapping, cols, label, feed }: PxwebRead, row: PxwebRow): RowDims | null {
  const dims: RowDims = { period: null, region: mapping.region ?? 'VN', qualification: mapping.qualification ?? 'ALL', sectorParts: [] };
  for (const [i, c] of cols.entries()) {
    if (c.kind !== 'dim') continue;
    const cell = row.cells[i];
    if (c.role === 'period') {
      dims.period = pxwebPeriod(cell);
      if (!dims.period)
        feed.error({
          line: row.line,
          column: table.header[i],
          value: cell,
          code: 'BAD_PERIOD',
          message: `Column "${table.header[i]}": "${cell}" is not a year like 2016 or Prel. 2016.`,
          messageVi: `Cột "${table.header[i]}": "${cell}" không phải là năm (2016 hoặc Prel. 2016).`,
        });
      continue;
    }
    const v = label(cell, c.role === 'sector');
    // Later columns are not read once the row is dropped (their period errors would be noise).
    if (v === 'ignore') return null;
    if (c.role === 'region') dims.region = historicalRegion(v);
    else if (c.role === 'qualification') dims.qualification = v;
    else dims.sectorParts.push(v);
  }
  return dims;
}

/** With `mergedRates: 'skip'`, a percentage row of a former province now merged into a larger unit is counted and left out. */
function isSkippedRate({ mapping, opts, skipped }: PxwebRead, row: PxwebRow, region: string): boolean {
  if (opts.mergedRates !== 'skip' || mapping.unit !== 'percent') return false;
  const r = resolveRegion(region);
  // PX-Web tables predate the 2025 reform: every province label is a former province, so a merged unit's
  // label (even the one whose name it kept, like Ho Chi Minh) gives only part of the new unit.
  if (!r || (getRegion(r.code)?.formerCodes?.length ?? 0) <= 1) return false;
  skipped.rates++;
  skipped.firstRate ??= { line: row.line, column: 'region', value: region, code: 'MERGED_RATE_SKIPPED', message: '', messageVi: '' };
  return true;
}

/** One cell of a value column → one record (or an error, or a counted `..`). */
function pushValue({ table, mapping, label, feed, skipped }: PxwebRead, row: PxwebRow, dims: RowDims, c: ValueColumn, i: number): void {
  const parts = [...dims.sectorParts];
  if (c.prefix) {
    const p = label(c.prefix);
    if (p === 'ignore') return;
    parts.push(p);
  }
  const groupPrefix = mapping.sector?.endsWith(':') ? mapping.sector : '';
  const sector = parts.length ? groupPrefix + parts.join('') : (mapping.sector ?? 'TOTAL');
  const per = c.period ?? dims.period;
  if (!per) return;
  const cell = row.cells[i];
  const where = `Column "${table.header[i]}"`;
  let value: number | null;
  try {
    value = pxwebValue(cell);
  } catch {
    feed.error({
      line: row.line,
      column: table.header[i],
      value: cell,
      code: 'NOT_A_NUMBER',
      message: `${where}: value "${cell}" is not a number (use . for decimals; .. means not available).`,
      messageVi: `Cột "${table.header[i]}": giá trị "${cell}" không phải là số (dùng dấu . cho phần thập phân; .. là không có số liệu).`,
    });
    return;
  }
  if (value === null) {
    if (skipped.na++ === 0) skipped.firstNa = row.line;
    return;
  }
  feed.push(
    {
      indicator: mapping.indicator,
      period: per.period,
      region: dims.region,
      sector,
      qualification: dims.qualification,
      value: cleanNumber(value * (mapping.scale ?? 1)),
      unit: mapping.unit,
      source: per.preliminary ? `${mapping.source} (preliminary)` : mapping.source,
      status: mapping.status,
    },
    { line: row.line, where, whereVi: `Cột "${table.header[i]}"` },
  );
}

function warnSkipped(feed: Feed, { na, firstNa, rates, firstRate }: Skipped): void {
  if (na > 0) {
    feed.warning({
      line: firstNa,
      column: null,
      value: '..',
      code: 'VALUE_NOT_AVAILABLE',
      message: `${na} cell(s) are not available (..) and were skipped (first on line ${firstNa}).`,
      messageVi: `${na} ô không có số liệu (..) và đã bị bỏ qua (đầu tiên ở dòng ${firstNa}).`,
    });
  }
  if (firstRate) {
    feed.warning({
      ...firstRate,
      message: `${rates} row(s) of rates for former provinces now merged into a larger unit were skipped: a rate cannot be added up (first on line ${firstRate.line}).`,
      messageVi: `Đã bỏ qua ${rates} dòng tỷ lệ của các tỉnh cũ nay đã sáp nhập: không thể cộng tỷ lệ (đầu tiên ở dòng ${firstRate.line}).`,
    });
  }
}
