/**
 * SDMX message → long-format observations, through the long-format
 * validator (same rules as a CSV upload), plus annual means of quarterly stocks.
 */
import { getIndicator, type IndicatorKind } from '../codes/indicators';
import { resolveRegion } from '../codes/regions';
import type { LongResult } from './long-format';
import type { Observation, ObservationStatus } from './observation';
import { cleanNumber, createFeed, scalePow10 } from './sdmx-feed';
import { GSO_NSDP_CODES } from './sdmx-codes';
import type { SdmxCode, SdmxMessage, SdmxSeries } from './sdmx-types';

export interface SdmxToLongOptions {
  /** Merged over GSO_NSDP_CODES (yours win). Keys: see `sdmxSeriesKey`. */
  codes?: Record<string, SdmxCode>;
  /** Citation for a series, e.g. `GSO, NSDP SDMX release 2024-Q3, ${s.attrs.INDICATOR}`. */
  source: (s: SdmxSeries) => string;
  status: ObservationStatus;
  /** Keep annual (`A`), quarterly (`Q`) or both (default) series. */
  frequency?: 'A' | 'Q' | 'both';
  /** Unmapped series: an `UNKNOWN_SERIES` error (default, for uploads) or skipped with one summary warning (seed converters). */
  unknownSeries?: 'error' | 'skip';
  now?: Date;
  maxErrors?: number;
}

/** Columns that describe a series but do not identify what it measures. */
const NOT_KEY =
  /^(REF_AREA|FREQ|UNIT_MULT|UNIT_MEASURE|DATA_DOMAIN|COUNTERPART_AREA|BASE_PER|DATAFLOW|STRUCTURE|STRUCTURE_ID|ACTION|SOURCE|SOURCE_NOTE|DECIMALS|TIME_FORMAT|COMMENT.*|NOTE_.*|OBS_.*|.*:.*)$/;

/**
 * The key a series is looked up by in the code map: INDICATOR, followed by
 * any other identifying dimension values joined with `.` (GSO series have
 * none, so the key is just `LLF_PE_NUM`; an ILO series may be
 * `EAP_TEAP_SEX_AGE_NB.SEX_T.AGE_YTHADULT_YGE15`). The bare INDICATOR is tried second.
 */
export function sdmxSeriesKey(s: SdmxSeries): string {
  const dims = Object.keys(s.attrs)
    .filter((k) => k !== 'INDICATOR' && !NOT_KEY.test(k))
    .map((k) => s.attrs[k]);
  return [s.attrs.INDICATOR, ...dims].filter((x) => x !== undefined && x !== '').join('.');
}

const COUNTRY = new Set(['VN', 'VNM', '704']);

export function sdmxToLong(msg: SdmxMessage, opts: SdmxToLongOptions): LongResult {
  const codes = { ...GSO_NSDP_CODES, ...opts.codes };
  const feed = createFeed({ now: opts.now, maxErrors: opts.maxErrors });
  for (const e of msg.errors) feed.error(e);
  const freq = opts.frequency ?? 'both';
  const skipped: string[] = [];
  let missing = 0;
  let firstMissing: { line: number; where: string } | undefined;
  let lastLine = 1;
  for (const s of msg.series) {
    lastLine = Math.max(lastLine, s.line, ...s.obs.map((o) => o.line));
    const key = sdmxSeriesKey(s);
    const code = codes[key] ?? (s.attrs.INDICATOR !== undefined ? codes[s.attrs.INDICATOR] : undefined);
    if (!code) {
      if (opts.unknownSeries === 'skip') skipped.push(key);
      else {
        feed.error({
          line: s.line,
          column: 'INDICATOR',
          value: key,
          code: 'UNKNOWN_SERIES',
          message: `Series ${key} is not mapped to an indicator of this project; map it (codes) or remove it from the file.`,
          messageVi: `Chuỗi ${key} chưa được gắn với chỉ tiêu nào của hệ thống; hãy khai báo (codes) hoặc bỏ chuỗi này khỏi tệp.`,
        });
      }
      continue;
    }
    const mult = code.unitMult ?? (code.unit === 'percent' ? 0 : Number(s.attrs.UNIT_MULT ?? 0));
    if (!Number.isInteger(mult)) {
      feed.error({
        line: s.line,
        column: 'UNIT_MULT',
        value: s.attrs.UNIT_MULT,
        code: 'BAD_UNIT_MULT',
        message: `Series ${key}: UNIT_MULT "${s.attrs.UNIT_MULT}" is not a whole power of ten.`,
        messageVi: `Chuỗi ${key}: UNIT_MULT "${s.attrs.UNIT_MULT}" không phải số mũ nguyên của 10.`,
      });
      continue;
    }
    let region = code.region;
    if (!region) {
      const area = (s.attrs.REF_AREA ?? 'VN').trim();
      region = COUNTRY.has(area.toUpperCase()) ? 'VN' : (resolveRegion(area)?.code ?? area);
    }
    const source = opts.source(s);
    // Scale by powers of ten as one exponent: 51978.4 × 10^3 and 469.1 × 10^9 × 10^-9 stay exact.
    const log = code.scale === undefined ? 0 : Math.log10(code.scale);
    const pow = Number.isInteger(Math.round(log * 1e9) / 1e9) ? Math.round(log) : null;
    for (const o of s.obs) {
      const quarterly = o.period.length > 4;
      if ((freq === 'A' && quarterly) || (freq === 'Q' && !quarterly)) continue;
      const where = `Series ${key} ${o.period}`;
      if (o.value === null) {
        missing++;
        firstMissing ??= { line: o.line, where };
        continue;
      }
      if (o.flag) {
        feed.warning({
          line: o.line,
          column: 'OBS_VALUE',
          value: o.raw,
          code: 'VALUE_FLAG',
          message: `${where}: value "${o.raw}" carries the flag "${o.flag}"; read as ${o.value}.`,
          messageVi: `${where}: giá trị "${o.raw}" có ký hiệu "${o.flag}"; đọc là ${o.value}.`,
        });
      }
      const value = pow === null ? cleanNumber(scalePow10(o.value, mult) * code.scale!) : scalePow10(o.value, mult + pow);
      feed.push(
        {
          indicator: code.indicator,
          period: o.period,
          region,
          sector: code.sector ?? 'TOTAL',
          qualification: code.qualification ?? 'ALL',
          value,
          unit: code.unit,
          source,
          status: opts.status,
        },
        { line: o.line, where, whereVi: `Chuỗi ${key} ${o.period}` },
      );
    }
  }
  if (missing > 0 && firstMissing) {
    feed.warning({
      line: firstMissing.line,
      column: 'OBS_VALUE',
      value: 'na',
      code: 'VALUE_NOT_AVAILABLE',
      message: `${missing} observation(s) are not available (na or empty) and were skipped (first: ${firstMissing.where}).`,
      messageVi: `${missing} quan sát không có số liệu (na hoặc trống) và đã bị bỏ qua (đầu tiên: ${firstMissing.where.replace('Series', 'Chuỗi')}).`,
    });
  }
  if (skipped.length > 0) {
    feed.warning({
      line: 1,
      column: 'INDICATOR',
      value: skipped.slice(0, 20).join(', '),
      code: 'SKIPPED_SERIES',
      message: `${skipped.length} series not mapped to an indicator were skipped: ${skipped.slice(0, 20).join(', ')}${skipped.length > 20 ? ', …' : ''}.`,
      messageVi: `Đã bỏ qua ${skipped.length} chuỗi chưa gắn với chỉ tiêu: ${skipped.slice(0, 20).join(', ')}${skipped.length > 20 ? ', …' : ''}.`,
    });
  }
  return feed.finish(lastLine);
}

/**
 * Annual rows from quarterly ones: for each cell and year with all four
 * quarters, the mean (GSO's annual LFS stocks are quarterly averages). Years
 * with fewer quarters are not produced. Only `kinds` (default stocks) are
 * averaged: flows add up over a year and rates are re-weighted, not averaged.
 */
export function annualMeans(rows: readonly Observation[], opts: { kinds?: IndicatorKind[] } = {}): Observation[] {
  const kinds = new Set(opts.kinds ?? ['stock']);
  const groups = new Map<string, Observation[]>();
  for (const r of rows) {
    if (r.period.length <= 4) continue;
    const ind = getIndicator(r.indicator);
    if (!ind || !kinds.has(ind.kind)) continue;
    const k = [r.indicator, r.period.slice(0, 4), r.region, r.sector, r.qualification].join('|');
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: Observation[] = [];
  for (const g of groups.values()) {
    const quarters = new Set(g.map((r) => r.period));
    if (quarters.size !== 4 || g.length !== 4) continue;
    const first = g[0];
    const sources = [...new Set(g.map((r) => r.source))].join(' + ');
    const mean = cleanNumber(g.reduce((a, r) => a + r.value, 0) / 4);
    out.push({ ...first, period: first.period.slice(0, 4), value: mean, source: `${sources} (annual mean of the four quarters)` });
  }
  return out;
}
