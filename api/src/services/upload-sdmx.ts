/**
 * format=sdmx: GSO's NSDP releases (SDMX-ML 2.1 structure-specific, e.g.
 * LMIVNM.xml) and SDMX-CSV (ILO and others), through the seed converters' own
 * parser (`parseSdmx`, `sdmxToLong`, `annualMeans` from @lmo/models), so an
 * upload and a seed read the same file the same way. This module checks the
 * optional mapping (extra series codes, status, citation), builds the
 * default citation, adds the annual means of quarterly stocks (as the seeds
 * do: GSO's annual LFS stocks are quarterly averages), and returns the shape
 * every upload format shares.
 */
import { z } from 'zod';
import {
  annualMeans,
  decodeCsvBytes,
  GSO_NSDP_CODES,
  OBSERVATION_STATUSES,
  OBSERVATION_UNITS,
  parseSdmx,
  sdmxSeriesKey,
  sdmxToLong,
  type LongIssue,
  type Observation,
  type SdmxCode,
  type SdmxMessage,
  type SdmxSeries,
} from '@lmo/models';
import { badMapping, warningText, type FormatResult } from './upload-mapping';
import { GSO_NSDP_UNMAPPED } from './upload-sdmx-known';

const codeSchema = z
  .object({
    indicator: z.string().trim().min(1),
    unit: z.enum(OBSERVATION_UNITS as [string, ...string[]]),
    sector: z.string().trim().min(1).optional(),
    qualification: z.string().trim().min(1).optional(),
    region: z.string().trim().min(1).optional(),
    scale: z.number().positive().optional(),
    unitMult: z.number().int().optional(),
  })
  .strict();

/**
 * The mapping of an SDMX upload (optional for GSO's own series): `codes` maps
 * further series keys (SERIES_CODE → { indicator, unit, sector?,
 * qualification?, region?, scale?, unitMult? }) over the built-in GSO map;
 * `status` is required when `codes` names a series outside it; `source`
 * replaces the publisher part of the citation; `frequency` keeps quarters
 * (`Q`), annual values (`A`) or both (default); `unknownSeries: "skip"`
 * skips unmapped series with a warning instead of refusing the file.
 */
export const sdmxUploadMappingSchema = z
  .object({
    codes: z.record(z.string().trim().min(1), codeSchema).default({}),
    status: z.enum(OBSERVATION_STATUSES).optional(),
    source: z.string().trim().min(1).optional(),
    frequency: z.enum(['A', 'Q', 'both']).optional(),
    unknownSeries: z.enum(['error', 'skip']).optional(),
  })
  .strict();
export type SdmxUploadMapping = z.output<typeof sdmxUploadMappingSchema>;

/** `2024-10-09` from the message's Prepared header, or 'release' when the file has none. */
export function releaseLabel(msg: Pick<SdmxMessage, 'prepared'>): string {
  const day = msg.prepared?.trim().slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : 'release';
}

/**
 * The citation of one series: "GSO, NSDP SDMX 2024-10-09 (LMIVNM.xml), LE_PE_NUM";
 * with a mapping `source`: "ILO, ILOSTAT SDMX-CSV 2025-01 (file.csv), UNE_…".
 */
export function sdmxSource(msg: Pick<SdmxMessage, 'prepared'>, fileName: string | undefined, publisher?: string) {
  const head = publisher ?? `GSO, NSDP SDMX ${releaseLabel(msg)}`;
  const file = fileName ? ` (${fileName})` : '';
  return (series: SdmxSeries) => `${head}${file}, ${sdmxSeriesKey(series)}`;
}

/** SDMX issues name their series and period in the message (`Series LE_PE_NUM 2023-Q4: …`): give them their own fields too. */
export function withSeriesFields(i: LongIssue): LongIssue & { series?: string; period?: string } {
  if (i.code === 'UNKNOWN_SERIES') {
    return {
      ...i,
      series: i.value,
      message: `${i.message} To load the rest of the file without it, send the mapping {"unknownSeries": "skip"}.`,
      ...(i.messageVi ? { messageVi: `${i.messageVi} Để nạp phần còn lại của tệp, gửi bảng ánh xạ {"unknownSeries": "skip"}.` } : {}),
    };
  }
  const m = /^Series (\S+?)(?: ((?:19|20|21)\d{2}(?:-Q[1-4])?))?:/.exec(i.message);
  return m ? { ...i, series: m[1], ...(m[2] ? { period: m[2] } : {}) } : i;
}

/** Leaves out the NSDP series the project has no indicator for (unless the mapping maps them); returns their codes. */
function dropUnmappedNsdp(msg: SdmxMessage, codes: Record<string, unknown>): { msg: SdmxMessage; dropped: string[] } {
  const dropped: string[] = [];
  const series = msg.series.filter((s) => {
    const key = sdmxSeriesKey(s);
    const skip = GSO_NSDP_UNMAPPED.has(key) && !Object.hasOwn(codes, key);
    if (skip && !dropped.includes(key)) dropped.push(key);
    return !skip;
  });
  return { msg: { ...msg, series }, dropped };
}

function droppedWarning(dropped: string[]): string {
  const list = dropped.slice(0, 12).join(', ') + (dropped.length > 12 ? ', …' : '');
  return `line 1: ${dropped.length} GSO NSDP series have no indicator in this project and were skipped: ${list} (earnings, urban/rural population, GDP by expenditure, sub-sections and 1994-base accounts; see the mapping "codes" to load one).`;
}

/** Annual means of complete quarterly stocks, unless the file already has that annual value. */
function withAnnualMeans(rows: Observation[]): Observation[] {
  const key = (o: Observation) => `${o.indicator}|${o.period}|${o.region}|${o.sector}|${o.qualification}`;
  const have = new Set(rows.map(key));
  return [...rows, ...annualMeans(rows).filter((o) => !have.has(key(o)))];
}

/** Validates an SDMX upload; `mapping` is untrusted JSON (or undefined). Writes nothing. */
export function parseSdmxUpload(bytes: Uint8Array, mapping: unknown, options: { fileName?: string; now?: Date }): FormatResult {
  const m = sdmxUploadMappingSchema.safeParse(mapping ?? {});
  if (!m.success) return badMapping(m.error);
  const foreign = Object.keys(m.data.codes).filter((c) => !Object.hasOwn(GSO_NSDP_CODES, c));
  if (foreign.length > 0 && !m.data.status) {
    return badMapping(
      null,
      'mapping.status',
      `Series ${foreign.join(', ')} are not GSO NSDP series: give their status in the mapping ("status": "international" for ILO or World Bank data, "official" for GSO or a ministry).`,
      `Chuỗi ${foreign.join(', ')} không phải chuỗi NSDP của TCTK: hãy ghi trạng thái trong bảng ánh xạ ("status": "international" cho số liệu ILO, Ngân hàng Thế giới; "official" cho TCTK hoặc bộ, ngành).`,
    );
  }
  const enc = decodeCsvBytes(bytes);
  if (!enc.ok) return { observations: [], errors: [enc.issue], errorCount: 1, warnings: [], records: 0 };
  const parsed = parseSdmx(enc.text);
  const records = parsed.series.reduce((n, s) => n + s.obs.length, 0);
  const { msg, dropped } = dropUnmappedNsdp(parsed, m.data.codes);
  const r = sdmxToLong(msg, {
    codes: m.data.codes as Record<string, SdmxCode>,
    source: sdmxSource(msg, options.fileName, m.data.source),
    status: m.data.status ?? 'official',
    frequency: m.data.frequency,
    unknownSeries: m.data.unknownSeries ?? 'error',
    now: options.now,
  });
  return {
    observations: r.ok ? (m.data.frequency === 'Q' ? r.rows : withAnnualMeans(r.rows)) : [],
    errors: r.errors.map(withSeriesFields),
    errorCount: Math.max(r.stats.errorCount, r.errors.length),
    warnings: [...(dropped.length ? [droppedWarning(dropped)] : []), ...r.warnings.map(warningText)],
    records,
  };
}
