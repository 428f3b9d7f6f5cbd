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
import { foldKey } from '../labour/codes-normalize';
import { FORMER_PROVINCES, getRegion, resolveRegion } from '../labour/codes-regions';
import type { LongIssue } from './csv-sniff';
import type { LongResult } from './long-format';
import type { ObservationStatus, Unit } from './observation';
import type { PxwebTable } from './pxweb';
import { cleanLabel, pxwebPeriod, pxwebValue, splitPeriodLabel } from './pxweb-values';
import { cleanNumber, createFeed } from './sdmx-feed';

export type PxwebRole = 'region' | 'sector' | 'qualification' | 'period' | 'ignore';

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
  const k = foldKey(label).replace(/^(thanhpho|tinh|tp|province|city)/, '').replace(/(city|province)$/, '');
  return FORMER_BY_NAME.get(foldKey(label)) ?? FORMER_BY_NAME.get(k) ?? label;
}

type Column =
  | { kind: 'dim'; role: Exclude<PxwebRole, 'ignore'> }
  | { kind: 'value'; prefix: string; period?: { period: string; preliminary: boolean } }
  | { kind: 'skip' };

const REGION_HEADER = /region|provinc|cities|city|vung|tinh|diaphuong/;
const PERIOD_HEADER = /^(year|years|nam|time|period|ky|quarter|quy)$/;

export function pxwebToLong(table: PxwebTable, mapping: PxwebMapping, opts: PxwebOptions = {}): LongResult {
  const feed = createFeed({ now: opts.now, maxErrors: opts.maxErrors });
  for (const e of table.errors) feed.error(e);
  const headerLine = table.rows.length ? table.rows[0].line - 1 : 1;
  const mapErr = (column: string | null, value: string, code: string, message: string, messageVi: string) => feed.error({ line: headerLine, column, value, code, message, messageVi });

  const exact = new Map(Object.entries(mapping.labels ?? {}).map(([k, v]) => [cleanLabel(k), v]));
  const folded = new Map([...exact].map(([k, v]) => [foldKey(k), v]));
  // `*` is a fallback for breakdown labels only: region and qualification names resolve by themselves.
  const label = (raw: string, breakdown = true): string => exact.get(raw) ?? folded.get(foldKey(raw)) ?? (breakdown ? exact.get('*') : undefined) ?? raw;
  const roles = new Map(Object.entries(mapping.dimensions ?? {}).map(([k, v]) => [foldKey(k), v]));

  let breakdownTaken = Object.values(mapping.dimensions ?? {}).includes('sector');
  const cols: Column[] = table.header.map((h, c) => {
    const role = roles.get(foldKey(h));
    if (role === 'ignore') return { kind: 'skip' };
    if (role) return { kind: 'dim', role };
    const split = splitPeriodLabel(h);
    if (split) return { kind: 'value', prefix: split.prefix, period: split.period };
    const cells = table.rows.map((r) => r.cells[c]).filter((x) => x !== '');
    if (cells.length && PERIOD_HEADER.test(foldKey(h)) && cells.every((x) => pxwebPeriod(x))) return { kind: 'dim', role: 'period' };
    const numeric = cells.every((x) => {
      try {
        pxwebValue(x);
        return true;
      } catch {
        return false;
      }
    });
    if (numeric) return { kind: 'value', prefix: h };
    if (REGION_HEADER.test(foldKey(h))) return { kind: 'dim', role: 'region' };
    // The first other label column is the breakdown (sector, group or occupation labels).
    if (!breakdownTaken) {
      breakdownTaken = true;
      return { kind: 'dim', role: 'sector' };
    }
    mapErr(h, h, 'UNMAPPED_COLUMN', `Column "${h}" holds labels: say in the mapping's "dimensions" whether it is region, sector, qualification, period or ignore.`,
      `Cột "${h}" chứa nhãn: hãy khai báo trong "dimensions" của ánh xạ cột này là region, sector, qualification, period hay ignore.`);
    return { kind: 'skip' };
  });
  const periodDim = cols.some((c) => c.kind === 'dim' && c.role === 'period');
  const valueCols = cols.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'value');
  if (valueCols.length === 0) mapErr(null, '', 'NO_VALUE_COLUMNS', 'No value columns found in the table.', 'Không tìm thấy cột giá trị nào trong bảng.');
  if (valueCols.some(([c]) => c.kind === 'value' && !c.period) && !periodDim) {
    mapErr(null, '', 'NO_PERIOD', 'No period found: the table needs year columns (2015, Prel. 2016) or a Year column, or declare one in "dimensions".',
      'Không tìm thấy kỳ: bảng cần các cột năm (2015, Prel. 2016) hoặc một cột Năm, hoặc khai báo trong "dimensions".');
  }

  const scale = mapping.scale ?? 1;
  const groupPrefix = mapping.sector?.endsWith(':') ? mapping.sector : '';
  let na = 0;
  let firstNa = 0;
  let skippedRates = 0;
  let firstRate: LongIssue | undefined;
  for (const row of table.rows) {
    let period: { period: string; preliminary: boolean } | null = null;
    let region = mapping.region ?? 'VN';
    let qualification = mapping.qualification ?? 'ALL';
    const sectorParts: string[] = [];
    let skip = false;
    cols.forEach((c, i) => {
      if (c.kind !== 'dim' || skip) return;
      const cell = row.cells[i];
      if (c.role === 'period') {
        period = pxwebPeriod(cell);
        if (!period) feed.error({ line: row.line, column: table.header[i], value: cell, code: 'BAD_PERIOD', message: `Column "${table.header[i]}": "${cell}" is not a year like 2016 or Prel. 2016.`, messageVi: `Cột "${table.header[i]}": "${cell}" không phải là năm (2016 hoặc Prel. 2016).` });
        return;
      }
      const v = label(cell, c.role === 'sector');
      if (v === 'ignore') skip = true;
      else if (c.role === 'region') region = historicalRegion(v);
      else if (c.role === 'qualification') qualification = v;
      else sectorParts.push(v);
    });
    if (skip || (periodDim && !period)) continue;
    if (opts.mergedRates === 'skip' && mapping.unit === 'percent') {
      const r = resolveRegion(region);
      // PX-Web tables predate the 2025 reform: every province label is a former province, so a merged unit's
      // label (even the one whose name it kept, like Ho Chi Minh) gives only part of the new unit.
      if (r && (getRegion(r.code)?.formerCodes?.length ?? 0) > 1) {
        skippedRates++;
        firstRate ??= { line: row.line, column: 'region', value: region, code: 'MERGED_RATE_SKIPPED', message: '', messageVi: '' };
        continue;
      }
    }
    for (const [c, i] of valueCols) {
      if (c.kind !== 'value') continue;
      const parts = [...sectorParts];
      if (c.prefix) {
        const p = label(c.prefix);
        if (p === 'ignore') continue;
        parts.push(p);
      }
      const sector = parts.length ? groupPrefix + parts.join('') : mapping.sector ?? 'TOTAL';
      const per = c.period ?? period;
      if (!per) continue;
      const cell = row.cells[i];
      const where = `Column "${table.header[i]}"`;
      let value: number | null;
      try {
        value = pxwebValue(cell);
      } catch {
        feed.error({ line: row.line, column: table.header[i], value: cell, code: 'NOT_A_NUMBER', message: `${where}: value "${cell}" is not a number (use . for decimals; .. means not available).`, messageVi: `Cột "${table.header[i]}": giá trị "${cell}" không phải là số (dùng dấu . cho phần thập phân; .. là không có số liệu).` });
        continue;
      }
      if (value === null) {
        if (na++ === 0) firstNa = row.line;
        continue;
      }
      feed.push({ indicator: mapping.indicator, period: per.period, region, sector, qualification, value: cleanNumber(value * scale), unit: mapping.unit,
        source: per.preliminary ? `${mapping.source} (preliminary)` : mapping.source, status: mapping.status },
      { line: row.line, where, whereVi: `Cột "${table.header[i]}"` });
    }
  }
  if (na > 0) {
    feed.warning({ line: firstNa, column: null, value: '..', code: 'VALUE_NOT_AVAILABLE', message: `${na} cell(s) are not available (..) and were skipped (first on line ${firstNa}).`, messageVi: `${na} ô không có số liệu (..) và đã bị bỏ qua (đầu tiên ở dòng ${firstNa}).` });
  }
  if (firstRate) {
    feed.warning({ ...firstRate, message: `${skippedRates} row(s) of rates for former provinces now merged into a larger unit were skipped: a rate cannot be added up (first on line ${firstRate.line}).`,
      messageVi: `Đã bỏ qua ${skippedRates} dòng tỷ lệ của các tỉnh cũ nay đã sáp nhập: không thể cộng tỷ lệ (đầu tiên ở dòng ${firstRate.line}).` });
  }
  const last = table.rows.length ? table.rows[table.rows.length - 1].line : headerLine;
  return feed.finish(last);
}
