/**
 * The one parser and validator of the long format
 * `indicator,period,region,sector,qualification,value,unit,source,status`,
 * used by the seeds, API uploads and the CLI.
 *
 * Issues are `{ line, column, value, message, messageVi, code }`: `line` is the 1-based
 * physical line of the file (header = line 1, embedded newlines in quoted
 * fields counted); `column` is always the canonical column *name* (`region`),
 * or null for whole-line/file problems. At most `maxErrors` (default 100)
 * errors and warnings are kept each; `stats` counts them all. A row with any
 * error is left out of `rows`; callers must not store anything when
 * `errors.length > 0` (use `ok`).
 *
 * Former provinces (63 → 34 reform) are mapped onto the unit they now belong
 * to. Counts (`persons`) of several former provinces that land in the same
 * cell are added up, because a merged unit's value is the sum of its parts;
 * rates cannot be added and are rejected.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Observation, ObservationStatus, Unit } from './observation';
import { LONG_COLUMNS, OBSERVATION_STATUSES, OBSERVATION_UNITS } from './observation';
import { checkCsvText, decodeCsvBytes, detectDelimiter, firstInvalidUtf8, legacyEncodingIssue, mapHeader, type Delimiter, type LongColumn, type LongIssue } from './csv-sniff';
import { getIndicator, INDICATORS, suggestIndicator, type Indicator } from '../labour/codes-indicators';
import { GROUP_HELP, GROUP_HELP_VI, OCCUPATION_HELP, OCCUPATION_HELP_VI, resolveGroup, resolveOccupation, suggestOccupation, type BreakdownAxis } from '../labour/codes-breakdowns';
import { getRegion, getFormerProvince, resolveRegion, suggestRegion, SOCIO_ECONOMIC_REGIONS, PROVINCES } from '../labour/codes-regions';
import { resolveSector, suggestSector, SECTORS } from '../labour/codes-sectors';
import { resolveQualification, suggestQualification, QUALIFICATIONS } from '../labour/codes-qualifications';
import { foldKey } from '../labour/codes-normalize';
import { memoLabels } from './memo';
import { excerpt, MAX_CELL_VALUE, MAX_LABEL_CHARS, MAX_SOURCE_CHARS, populationCap, textFieldProblem } from './plausibility';

export type { LongIssue } from './csv-sniff';

/** Period label: `2023` or `2023-Q4`. */
export const periodSchema = z.string().regex(/^(19|20|21)\d{2}(-Q[1-4])?$/, 'expected a year like 2023 or a quarter like 2023-Q4');

const SECTOR_CODES = new Set(SECTORS.map((s) => s.code));

/** True when `code` is a valid canonical code on `axis` (the `sector` column of the long format). */
export function isBreakdownCode(axis: BreakdownAxis, code: string): boolean {
  if (axis === 'group') return resolveGroup(code) === code;
  if (axis === 'occupation') return resolveOccupation(code) === code;
  return SECTOR_CODES.has(code);
}

/** Zod shape of one valid observation (for JSON inputs; CSV goes through the validator). */
export const observationSchema = z.object({
  indicator: z.enum(INDICATORS.map((i) => i.code) as [string, ...string[]]),
  period: periodSchema,
  region: z.string().refine((c) => getRegion(c) !== undefined, 'unknown region code'),
  /** A sector code, or a group / occupation code for indicators on those axes (checked below). */
  sector: z.string().min(1),
  qualification: z.enum(QUALIFICATIONS.map((q) => q.code) as [string, ...string[]]),
  value: z.number().finite().nonnegative(),
  unit: z.enum(OBSERVATION_UNITS as unknown as [Unit, ...Unit[]]),
  source: z.string().trim().min(1),
  status: z.enum(OBSERVATION_STATUSES),
}).superRefine((o, ctx) => {
  const axis = getIndicator(o.indicator)?.axis ?? 'sector';
  if (!isBreakdownCode(axis, o.sector)) {
    ctx.addIssue({ code: 'custom', path: ['sector'], message: axis === 'group' ? GROUP_HELP : axis === 'occupation' ? OCCUPATION_HELP : 'unknown sector code' });
  }
});

export const longOptionsSchema = z.object({
  /** Clock for the "future period" check (tests inject it). */
  now: z.date().optional(),
  /** How many errors (and, separately, warnings) to keep; the rest are counted. */
  maxErrors: z.number().int().positive().max(100_000).optional(),
  /** Streams only: characters gathered before a parse batch (default 1 Mi; small values exercise batching in tests). */
  batchChars: z.number().int().positive().optional(),
});
export type LongOptions = z.input<typeof longOptionsSchema>;

export interface LongStats {
  /** Physical lines read, header included. */
  lines: number;
  /** Data records seen (blank lines excluded). */
  records: number;
  /** Valid rows returned (after merging former provinces). */
  rows: number;
  errorCount: number;
  warningCount: number;
  /** Rows whose region named a former province. */
  formerProvinceRows: number;
  /** Cells where counts of several former provinces were added up. */
  mergedCells: number;
  /** Rows per indicator. */
  indicators: Record<string, number>;
  periods: { min: string; max: string } | null;
}

export interface LongResult {
  ok: boolean;
  rows: Observation[];
  /** Physical line of each row in `rows` (its first line when former provinces were merged). */
  lines?: number[];
  errors: LongIssue[];
  warnings: LongIssue[];
  stats: LongStats;
  /** Delimiter found in the header (CSV entry points only). */
  delimiter?: string;
}

export interface LongValidator {
  /**
   * Feed one parsed record. The first record is the header. `line` is the
   * physical line where the record starts; omit it to let the validator count
   * (records must then arrive in file order, blank lines included).
   */
  push(record: readonly string[], line?: number): void;
  /** Record a CSV syntax problem (e.g. an unclosed quote) on the line of the last pushed record. */
  syntaxError(message: string): void;
  finish(): LongResult;
}

type Resolved<T> = { ok: true; value: T; mappedFrom?: string } | { ok: false; message: string; messageVi: string; code: string };

const UNITS: Record<string, Unit> = {
  persons: 'persons', person: 'persons', nguoi: 'persons', percent: 'percent', '%': 'percent', phantram: 'percent', pct: 'percent',
  billionvnd: 'billion_vnd', tydong: 'billion_vnd', billionsvnd: 'billion_vnd', vndbillion: 'billion_vnd',
};
const STATUSES: Record<string, ObservationStatus> = {
  official: 'official', chinhthuc: 'official', modelled: 'modelled', modeled: 'modelled', uoctinh: 'modelled', mohinh: 'modelled', survey: 'survey', dieutra: 'survey',
  international: 'international', quocte: 'international', illustrative: 'illustrative', minhhoa: 'illustrative',
};
const STATUS_RANK: Record<ObservationStatus, number> = { official: 0, international: 1, survey: 2, modelled: 3, illustrative: 4 };

const memo = <T>(fn: (raw: string) => Resolved<T>) => memoLabels(fn, 100_000);

const REGION_HELP = `expected VN, a region code (${SOCIO_ECONOMIC_REGIONS.map((r) => r.code).join(', ')}) or a province code `
  + `(${PROVINCES[0].code}–${PROVINCES[PROVINCES.length - 1].code}, 34 units since 1 Jul 2025); former province codes and names (63 units) are accepted and mapped`;

const REGION_HELP_VI = `cần VN, mã vùng (${SOCIO_ECONOMIC_REGIONS.map((r) => r.code).join(', ')}) hoặc mã tỉnh (${PROVINCES[0].code}–${PROVINCES[PROVINCES.length - 1].code}, 34 đơn vị từ 1/7/2025); mã và tên 63 tỉnh cũ được chấp nhận và chuyển sang đơn vị mới`;
const EMPTY_EN = 'The file is empty: expected a header row and at least one data row.';
const EMPTY_VI = 'Tệp rỗng: cần một dòng tiêu đề và ít nhất một dòng số liệu.';

function periodStart(p: string): number {
  const year = Number(p.slice(0, 4));
  const q = p.length > 4 ? Number(p[6]) : 1;
  return Date.UTC(year, (q - 1) * 3, 1);
}

/** Create an incremental validator; see the module comment for the issue format. */
export function createLongValidator(options: LongOptions = {}): LongValidator {
  const opts = longOptionsSchema.parse(options);
  const now = (opts.now ?? new Date()).getTime();
  const maxIssues = opts.maxErrors ?? 100;

  const errors: LongIssue[] = [];
  const warnings: LongIssue[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const addError = (e: LongIssue) => {
    errorCount++;
    if (errors.length < maxIssues) errors.push(e);
  };
  const addWarning = (w: LongIssue) => {
    warningCount++;
    if (warnings.length < maxIssues) warnings.push(w);
  };

  let header: Partial<Record<LongColumn, number>> | null = null;
  let headerBroken = false;
  let width = 0;
  let nextLine = 1;
  let lastAt = 1;
  let records = 0;

  const rows: Observation[] = [];
  const rowLine: number[] = [];
  const rowFormer: (string | undefined)[] = [];
  const seen = new Map<number | string, number>(); // cell key → row index
  const mergedParts = new Map<number, Set<string>>(); // row index → former codes combined (only cells touched by mapping)
  const formerUse = new Map<string, { count: number; line: number }>();
  let formerRows = 0;
  const perIndicator: Record<string, number> = {};
  const sources = new Map<string, string>();
  const ids = { ind: new Map<string, number>(), per: new Map<string, number>(), reg: new Map<string, number>(), sec: new Map<string, number>(), qual: new Map<string, number>() };
  const intern = (m: Map<string, number>, k: string) => {
    let v = m.get(k);
    if (v === undefined) {
      v = m.size;
      m.set(k, v);
    }
    return v;
  };

  const starts = new Map<string, number>();
  const cacheStart = (p: string) => {
    const t = periodStart(p);
    starts.set(p, t);
    return t;
  };

  const indicatorOf = memo<Indicator>((raw) => {
    const hit = getIndicator(raw) ?? INDICATORS.find((i) => foldKey(i.code) === foldKey(raw));
    if (hit) return { ok: true, value: hit };
    const s = suggestIndicator(raw);
    return { ok: false, code: 'UNKNOWN_INDICATOR', message: `Unknown indicator "${raw}"${s ? ` — did you mean "${s}"?` : ''}; valid: ${INDICATORS.map((i) => i.code).join(', ')}.`,
      messageVi: `Không biết chỉ tiêu "${raw}"${s ? ` — có phải là "${s}"?` : ''}; hợp lệ: ${INDICATORS.map((i) => i.code).join(', ')}.` };
  });
  const periodOf = memo<string>((raw) => {
    const norm = raw.toUpperCase().replace(/^(\d{4})\s*[-/ ]?\s*Q([1-4])$/, '$1-Q$2');
    const r = periodSchema.safeParse(norm);
    if (r.success) return { ok: true, value: norm };
    return { ok: false, code: 'BAD_PERIOD', message: `Bad period "${raw}": expected a year like 2023 or a quarter like 2023-Q4.`, messageVi: `Kỳ "${raw}" không hợp lệ: cần năm (2023) hoặc quý (2023-Q4).` };
  });
  const regionOf = memo<string>((raw) => {
    const r = resolveRegion(raw);
    if (r) return { ok: true, value: r.code, mappedFrom: r.mappedFrom };
    const s = suggestRegion(raw);
    return { ok: false, code: 'UNKNOWN_REGION', message: `Unknown region "${raw}"${s ? ` — did you mean ${s}?` : ''}; ${REGION_HELP}.`,
      messageVi: `Không biết địa bàn "${raw}"${s ? ` — có phải là ${s}?` : ''}; ${REGION_HELP_VI}.` };
  });
  const sectorOf = memo<string>((raw) => {
    const r = resolveSector(raw);
    if (r) return { ok: true, value: r };
    const s = suggestSector(raw);
    return { ok: false, code: 'UNKNOWN_SECTOR', message: `Unknown sector "${raw}"${s ? ` — did you mean "${s}"?` : ''}; expected TOTAL, B-F, G-U, a VSIC 2018 section letter A–U or a new field (semiconductors, hydrogen, carbon-markets, ai-digital).`,
      messageVi: `Không biết ngành "${raw}"${s ? ` — có phải là "${s}"?` : ''}; cần TOTAL, B-F, G-U, chữ cái ngành cấp 1 VSIC 2018 (A–U) hoặc lĩnh vực mới (semiconductors, hydrogen, carbon-markets, ai-digital).` };
  });
  const groupOf = memo<string>((raw) => {
    const g = resolveGroup(raw);
    if (g) return { ok: true, value: g };
    return { ok: false, code: 'UNKNOWN_GROUP', message: `Unknown group "${raw}": ${GROUP_HELP}.`, messageVi: `Không biết nhóm "${raw}": ${GROUP_HELP_VI}.` };
  });
  const occupationOf = memo<string>((raw) => {
    const o = resolveOccupation(raw);
    if (o) return { ok: true, value: o };
    const s = suggestOccupation(raw);
    return { ok: false, code: 'UNKNOWN_OCCUPATION', message: `Unknown occupation "${raw}"${s ? ` — did you mean "${s}"?` : ''}; ${OCCUPATION_HELP}.`,
      messageVi: `Không biết nghề "${raw}"${s ? ` — có phải là "${s}"?` : ''}; ${OCCUPATION_HELP_VI}.` };
  });
  /** The `sector` column is read on the indicator's axis; with an unknown indicator any axis is accepted. */
  const breakdownOf = (indicator: Indicator | undefined, raw: string): Resolved<string> => {
    const axis = indicator?.axis ?? 'sector';
    if (axis === 'group') return groupOf(raw);
    if (axis === 'occupation') return occupationOf(raw);
    const r = sectorOf(raw);
    if (r.ok || indicator) return r;
    const g = groupOf(raw);
    if (g.ok) return g;
    const o = occupationOf(raw);
    return o.ok ? o : r;
  };
  const qualOf = memo<string>((raw) => {
    const r = resolveQualification(raw);
    if (r) return { ok: true, value: r };
    const s = suggestQualification(raw);
    return { ok: false, code: 'UNKNOWN_QUALIFICATION', message: `Unknown qualification "${raw}"${s ? ` — did you mean "${s}"?` : ''}; valid: ${QUALIFICATIONS.map((q) => q.code).join(', ')}.`,
      messageVi: `Không biết trình độ "${raw}"${s ? ` — có phải là "${s}"?` : ''}; hợp lệ: ${QUALIFICATIONS.map((q) => q.code).join(', ')}.` };
  });
  const unitOf = memo<Unit>((raw) => {
    const u = UNITS[raw] ?? UNITS[foldKey(raw) || raw];
    return u ? { ok: true, value: u } : { ok: false, code: 'UNKNOWN_UNIT', message: `Unknown unit "${raw}"; expected persons, percent or billion_vnd.`, messageVi: `Không biết đơn vị "${raw}"; cần persons (người), percent (%) hoặc billion_vnd (tỷ đồng).` };
  });
  const statusOf = memo<ObservationStatus>((raw) => {
    const s = STATUSES[foldKey(raw)];
    return s ? { ok: true, value: s } : { ok: false, code: 'UNKNOWN_STATUS', message: `Unknown status "${raw}"; expected official, international, modelled, survey or illustrative.`, messageVi: `Không biết trạng thái "${raw}"; cần official (chính thức), international (quốc tế), modelled (mô hình), survey (khảo sát) hoặc illustrative (minh hoạ).` };
  });

  function setHeader(record: readonly string[], line: number) {
    const map = mapHeader(record, line);
    header = map.index;
    ix = LONG_COLUMNS.map((c) => map.index[c] ?? 0);
    width = record.length;
    map.warnings.forEach(addWarning);
    if (map.errors.length) {
      headerBroken = true;
      map.errors.forEach(addError);
    }
  }

  // Cheap pre-test so the common clean field skips textFieldProblem.
  const hasControl = (raw: string) => {
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
    }
    return false;
  };

  function check<T>(r: Resolved<T>, line: number, column: LongColumn, raw: string): T | undefined {
    if (r.ok) return r.value;
    addError({ line, column, value: raw, message: r.message, messageVi: r.messageVi, code: r.code });
    return undefined;
  }

  // Column positions, fixed once the header is read (no per-row closures: this loop runs a million times).
  let ix: number[] = [];

  function pushData(rec: readonly string[], line: number) {
    if (rec.length !== width) {
      const hint = rec.length > width ? ' A value that contains the delimiter must be in "double quotes".' : '';
      const hintVi = rec.length > width ? ' Giá trị có chứa dấu phân cách phải đặt trong "ngoặc kép".' : '';
      addError({
        line, column: null, value: excerpt(rec.join(',')), code: 'FIELD_COUNT',
        message: `Line has ${rec.length} fields but the header has ${width}; check the delimiter and quoting.${hint}`,
        messageVi: `Dòng có ${rec.length} trường nhưng tiêu đề có ${width}; kiểm tra dấu phân cách và dấu ngoặc kép.${hintVi}`,
      });
      return;
    }
    const before = errorCount;
    // Length and control characters first: an overlong or binary field is neither resolved nor echoed in full.
    for (let c = 0; c < ix.length; c++) {
      const raw = rec[ix[c]];
      const p = raw.length > MAX_LABEL_CHARS || hasControl(raw)
        ? textFieldProblem(raw, c === 7 ? MAX_SOURCE_CHARS : MAX_LABEL_CHARS) : null;
      if (p) addError({ line, column: LONG_COLUMNS[c], value: excerpt(raw), code: p.code, message: `${LONG_COLUMNS[c]}: ${p.message}`, messageVi: `${LONG_COLUMNS[c]}: ${p.messageVi}` });
    }
    if (errorCount > before) return;
    const iRaw = rec[ix[0]].trim();
    const pRaw = rec[ix[1]].trim();
    const rRaw = rec[ix[2]].trim();
    const sRaw = rec[ix[3]].trim();
    const qRaw = rec[ix[4]].trim();
    const vRaw = rec[ix[5]].trim();
    const uRaw = rec[ix[6]].trim();
    const srcRaw = rec[ix[7]].trim();
    const stRaw = rec[ix[8]].trim();
    const indicator = check(indicatorOf(iRaw), line, 'indicator', iRaw);
    const period = check(periodOf(pRaw), line, 'period', pRaw);
    const regionR = regionOf(rRaw);
    const region = check(regionR, line, 'region', rRaw);
    const sector = check(breakdownOf(indicator, sRaw), line, 'sector', sRaw);
    const qualification = check(qualOf(qRaw), line, 'qualification', qRaw);
    const unit = check(unitOf(uRaw), line, 'unit', uRaw);
    const status = check(statusOf(stRaw), line, 'status', stRaw);
    if (!srcRaw) addError({ line, column: 'source', value: '', code: 'MISSING_SOURCE', message: 'Every row needs a source a person can follow (publication, table, year).', messageVi: 'Mỗi dòng cần nguồn số liệu tra cứu được (ấn phẩm, bảng, năm).' });

    let value = NaN;
    if (vRaw === '') {
      addError({ line, column: 'value', value: '', code: 'MISSING_VALUE', message: 'The value is empty.', messageVi: 'Giá trị để trống.' });
    } else {
      value = Number(vRaw);
      const c1 = vRaw.length > 1 ? vRaw.charCodeAt(1) | 0x20 : 0;
      if (!Number.isFinite(value) || c1 === 0x78 || c1 === 0x62 || c1 === 0x6f) { // 0x…, 0b…, 0o… are not decimal
        value = NaN;
        const hint = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(vRaw) || /^\d+,\d+$/.test(vRaw)
          ? ' Use a dot for decimals and no thousands separators (1234567.5, not 1.234.567,5).'
          : '';
        addError({ line, column: 'value', value: vRaw, code: 'NOT_A_NUMBER', message: `Value "${vRaw}" is not a number.${hint}`, messageVi: `Giá trị "${vRaw}" không phải là số.${hint ? ' Dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn (1234567.5, không phải 1.234.567,5).' : ''}` });
      } else if (value < 0) {
        addError({ line, column: 'value', value: vRaw, code: 'NEGATIVE_VALUE', message: `Value ${vRaw} is negative; counts and shares cannot be below 0.`, messageVi: `Giá trị ${vRaw} âm; số người và tỷ lệ không thể nhỏ hơn 0.` });
      } else if (unit === 'percent' && value > 100) {
        addError({ line, column: 'value', value: vRaw, code: 'PERCENT_OVER_100', message: `Value ${vRaw} is over 100 for a percentage.`, messageVi: `Giá trị ${vRaw} vượt quá 100 đối với tỷ lệ phần trăm.` });
      } else if (value >= MAX_CELL_VALUE) {
        addError({ line, column: 'value', value: vRaw, code: 'VALUE_TOO_LARGE', message: `Value ${vRaw} is implausibly large: every value must be below 10^12 (check the scale and the unit).`, messageVi: `Giá trị ${vRaw} lớn bất thường: mọi giá trị phải nhỏ hơn 10^12 (kiểm tra hệ số nhân và đơn vị).` });
      } else if (unit === 'persons' && region !== undefined && value > populationCap(region)) {
        const cap = populationCap(region);
        addError({ line, column: 'value', value: vRaw, code: 'EXCEEDS_POPULATION', message: `Value ${vRaw} persons is more than any plausible population of ${region} (at most ${cap.toLocaleString('en')}); check the scale (thousands vs persons).`, messageVi: `Giá trị ${vRaw} người lớn hơn mọi mức dân số hợp lý của ${region} (tối đa ${cap.toLocaleString('en')}); kiểm tra hệ số nhân (nghìn người hay người).` });
      }
    }
    if (indicator && unit && indicator.unit !== unit) {
      addError({ line, column: 'unit', value: uRaw, code: 'UNIT_MISMATCH', message: `${indicator.code} is measured in ${indicator.unit}, not ${unit}.`, messageVi: `${indicator.code} tính bằng ${indicator.unit}, không phải ${unit}.` });
    }
    if (indicator && period && indicator.observed && (starts.get(period) ?? cacheStart(period)) > now) {
      addError({ line, column: 'period', value: pRaw, code: 'FUTURE_PERIOD', message: `Period ${period} is in the future; ${indicator.code} is an observed stock or rate, so only past and current periods can be uploaded (flows such as graduates may carry plans).`,
        messageVi: `Kỳ ${period} ở tương lai; ${indicator.code} là số liệu quan sát (số tồn hoặc tỷ lệ) nên chỉ tải lên được kỳ đã qua hoặc hiện tại (chỉ tiêu dòng như số tốt nghiệp có thể là kế hoạch).` });
    }
    if (errorCount > before) return;

    const mappedFrom = regionR.ok ? regionR.mappedFrom : undefined;
    if (mappedFrom) {
      formerRows++;
      const u = formerUse.get(mappedFrom);
      if (u) u.count++;
      else formerUse.set(mappedFrom, { count: 1, line });
    }
    const former = mappedFrom ?? (getFormerProvince(region!) ? region : undefined);
    // 5+9+6+7+3 = 30 bits: stays a V8 small integer, so the Map does not allocate heap numbers.
    // An id beyond its field's capacity would spill into the next field (a false duplicate), so such rows use a string key.
    const ki = intern(ids.ind, indicator!.code);
    const kp = intern(ids.per, period!);
    const kr = intern(ids.reg, region!);
    const ks = intern(ids.sec, sector!);
    const kq = intern(ids.qual, qualification!);
    const key: number | string = ki < 32 && kp < 512 && kr < 64 && ks < 128 && kq < 8
      ? (((ki * 512 + kp) * 64 + kr) * 128 + ks) * 8 + kq
      : `${ki},${kp},${kr},${ks},${kq}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      const prevFormer = rowFormer[prev];
      const canMerge = former && prevFormer && former !== prevFormer && (mappedFrom || mergedParts.has(prev))
        && !(mergedParts.get(prev)?.has(former));
      if (canMerge && unit === 'percent') {
        addError({ line, column: 'region', value: rRaw, code: 'MERGE_PERCENT', message: `Former province ${former} and ${prevFormer} (line ${rowLine[prev]}) both belong to ${region} now; percentages cannot be added. Upload counts, or the rate of the new unit.`,
          messageVi: `Tỉnh cũ ${former} và ${prevFormer} (dòng ${rowLine[prev]}) nay cùng thuộc ${region}; không thể cộng tỷ lệ phần trăm. Hãy tải số người, hoặc tỷ lệ của đơn vị mới.` });
        return;
      }
      if (canMerge) {
        const row = rows[prev];
        row.value += value;
        if (row.source !== srcRaw && !row.source.split(' + ').includes(srcRaw)) row.source = `${row.source} + ${srcRaw}`;
        if (STATUS_RANK[status!] > STATUS_RANK[row.status]) row.status = status!;
        // The earlier row may be a current unit's own former code (79 before 74 is added): start its set here.
        let parts = mergedParts.get(prev);
        if (!parts) mergedParts.set(prev, (parts = new Set([prevFormer])));
        parts.add(former);
        return;
      }
      addError({ line, column: null, value: `${indicator!.code},${period},${region},${sector},${qualification}`, code: 'DUPLICATE_KEY', message: `Duplicate of line ${rowLine[prev]}: same indicator, period, region, sector and qualification.`, messageVi: `Trùng với dòng ${rowLine[prev]}: cùng chỉ tiêu, kỳ, địa bàn, ngành và trình độ.` });
      return;
    }
    // Sources repeat on most rows: share one string instead of a copy per row (memory on million-row files).
    let source = sources.get(srcRaw);
    if (source === undefined) {
      source = srcRaw;
      if (sources.size < 10_000) sources.set(srcRaw, srcRaw);
    }
    seen.set(key, rows.length);
    if (mappedFrom) mergedParts.set(rows.length, new Set([former!]));
    rowLine.push(line);
    rowFormer.push(former);
    perIndicator[indicator!.code] = (perIndicator[indicator!.code] ?? 0) + 1;
    rows.push({ indicator: indicator!.code, period: period!, region: region!, sector: sector!, qualification: qualification!, value, unit: unit!, source, status: status! });
  }

  return {
    syntaxError(message) {
      addError({
        line: lastAt, column: null, value: '', code: 'CSV_SYNTAX',
        message: `CSV syntax: ${message}. Check quotes (a field with commas or line breaks must be in "double quotes", a quote inside it doubled "").`,
        messageVi: `Lỗi cú pháp CSV: ${message}. Kiểm tra dấu ngoặc kép (trường chứa dấu phẩy hoặc xuống dòng phải nằm trong "ngoặc kép", dấu ngoặc kép bên trong phải viết đôi "").`,
      });
    },
    push(record, line) {
      const at = line ?? nextLine;
      lastAt = at;
      let span = 1;
      if (line === undefined) {
        for (const f of record) {
          let i = f.indexOf('\n');
          while (i >= 0) {
            span++;
            i = f.indexOf('\n', i + 1);
          }
        }
        nextLine += span;
      }
      if (record.length === 0 || (record.length === 1 && record[0].trim() === '')) return;
      if (!header) return setHeader(record, at);
      records++;
      if (headerBroken) return;
      pushData(record, at);
    },
    finish() {
      if (!header) {
        addError({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
      } else if (records === 0 && !headerBroken) {
        addError({ line: 2, column: null, value: '', code: 'EMPTY_FILE', message: 'The file has a header but no data rows.', messageVi: 'Tệp chỉ có dòng tiêu đề, không có dòng số liệu.' });
      }
      for (const [code, u] of formerUse) {
        const f = getFormerProvince(code)!;
        const to = getRegion(f.current)!;
        addWarning({ line: u.line, column: 'region', value: code, code: 'FORMER_PROVINCE', message: `Former province ${f.code} ${f.vi} is part of ${to.code} ${to.vi} since 1 Jul 2025: ${u.count} row(s) mapped (first at line ${u.line}).`,
          messageVi: `Tỉnh cũ ${f.code} ${f.vi} thuộc ${to.code} ${to.vi} từ 1/7/2025: đã chuyển ${u.count} dòng (đầu tiên ở dòng ${u.line}).` });
      }
      const partial = new Map<string, { count: number; line: number; parts: string }>();
      let merged = 0;
      for (const [i, parts] of mergedParts) {
        if (parts.size > 1) merged++;
        const unit = getRegion(rows[i].region)!;
        const missing = (unit.formerCodes ?? []).filter((c) => !parts.has(c));
        if (missing.length === 0) continue;
        const p = partial.get(unit.code);
        if (p) p.count++;
        else partial.set(unit.code, { count: 1, line: rowLine[i], parts: `has ${[...parts].join(', ')}; missing ${missing.join(', ')}` });
      }
      for (const [code, p] of partial) {
        addWarning({ line: p.line, column: 'region', value: code, code: 'PARTIAL_MERGE', message: `${p.count} cell(s) of ${code} ${getRegion(code)!.vi} cover only some of its former provinces (first at line ${p.line}: ${p.parts}); their values are partial.`,
          messageVi: `${p.count} ô của ${code} ${getRegion(code)!.vi} chỉ gồm một phần các tỉnh cũ (đầu tiên ở dòng ${p.line}); giá trị chưa đầy đủ.` });
      }
      let min: string | null = null;
      let max: string | null = null;
      for (const p of ids.per.keys()) {
        if (min === null || p < min) min = p;
        if (max === null || p > max) max = p;
      }
      return {
        ok: errorCount === 0,
        rows,
        lines: rowLine,
        errors,
        warnings,
        stats: {
          lines: nextLine - 1, records, rows: rows.length, errorCount, warningCount,
          formerProvinceRows: formerRows, mergedCells: merged, indicators: perIndicator,
          periods: min && max ? { min, max } : null,
        },
      };
    },
  };
}

function failed(issue: LongIssue): LongResult {
  return {
    ok: false, rows: [], errors: [issue], warnings: [],
    stats: { lines: 0, records: 0, rows: 0, errorCount: 1, warningCount: 0, formerProvinceRows: 0, mergedCells: 0, indicators: {}, periods: null },
  };
}

/**
 * Parse and validate a whole long-format CSV held as text (UTF-8 already
 * decoded; a BOM is stripped). Delimiter `,` `;` or tab is detected from the header.
 */
export function parseLongCsv(text: string, options: LongOptions = {}): LongResult {
  const enc = checkCsvText(text);
  if (!enc.ok) return failed(enc.issue);
  if (enc.text.trim() === '') return failed({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
  const delimiter = detectDelimiter(enc.text);
  const v = createLongValidator(options);
  Papa.parse<string[]>(enc.text, {
    delimiter,
    skipEmptyLines: false,
    step: (r) => {
      v.push(r.data);
      for (const e of r.errors) v.syntaxError(e.message);
    },
  });
  const out = v.finish();
  // A trailing newline is not a line of its own.
  out.stats.lines = enc.text.endsWith('\n') ? out.stats.lines - 1 : out.stats.lines;
  return { ...out, delimiter };
}

/** Same as `parseLongCsv`, from raw bytes: rejects (and names) non-UTF-8 encodings. */
export function parseLongCsvBytes(bytes: Uint8Array, options: LongOptions = {}): LongResult {
  const enc = decodeCsvBytes(bytes);
  if (!enc.ok) return failed(enc.issue);
  return parseLongCsv(enc.text, options);
}

const BATCH_CHARS = 1 << 20;

/**
 * Validate a long-format CSV arriving in chunks (a Node stream, a web
 * `ReadableStream`, or any async iterable of bytes or text) without keeping
 * the text: bytes are decoded incrementally (UTF-8 only; UTF-16 and legacy
 * encodings are named and rejected), whole records are parsed batch by batch
 * and fed to `createLongValidator`. Only the resulting rows are kept.
 */
export async function parseLongStream(chunks: AsyncIterable<Uint8Array | string>, options: LongOptions = {}): Promise<LongResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const v = createLongValidator(options);
  const batch = longOptionsSchema.parse(options).batchChars ?? BATCH_CHARS;
  let delimiter: Delimiter | undefined;
  // Fixed from the header: a batch may hold a single line, too little for Papa to guess from.
  let newline: '\n' | '\r\n' = '\n';
  let buf = '';
  let first = true;
  let linesDone = 0;
  // Incremental scan for the last newline outside quotes, so a long quoted field is not rescanned per chunk.
  let scanned = 0;
  let inQuotes = false;
  let cut = -1;
  const feed = (text: string) => {
    // An empty batch is a blank line (the validator counts it); Papa would emit nothing.
    if (text === '') return v.push(['']);
    Papa.parse<string[]>(text, {
      delimiter: delimiter!,
      newline,
      skipEmptyLines: false,
      step: (r) => {
        v.push(r.data);
        for (const e of r.errors) v.syntaxError(e.message);
      },
    });
  };
  const countLines = (t: string) => {
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) linesDone++;
  };
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      if (first) {
        const enc = decodeCsvBytes(chunk.subarray(0, 4));
        if (!enc.ok && enc.encoding.startsWith('UTF-16')) return failed(enc.issue);
      }
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // Skip continuation bytes of a character begun in the previous chunk, then find the bad byte's line.
        let from = 0;
        while (from < 3 && (chunk[from] & 0xc0) === 0x80) from++;
        const bad = Math.max(0, firstInvalidUtf8(chunk, from));
        let inChunk = 0;
        for (let i = 0; i < bad; i++) if (chunk[i] === 10) inChunk++;
        return failed(legacyEncodingIssue(linesDone + 1 + (buf.match(/\n/g)?.length ?? 0) + inChunk));
      }
    }
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = text === '';
    }
    buf += text;
    if (delimiter === undefined) {
      if (buf.indexOf('\n') < 0) continue;
      const checked = checkCsvText(buf);
      if (!checked.ok) return failed(checked.issue);
      delimiter = detectDelimiter(buf);
      if (buf[buf.indexOf('\n') - 1] === '\r') newline = '\r\n';
    }
    // Parse in batches of about 1 MB: each Papa.parse call has a fixed setup cost.
    if (buf.length < batch) continue;
    for (; scanned < buf.length; scanned++) {
      const c = buf.charCodeAt(scanned);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) cut = scanned;
    }
    if (cut < 0) continue;
    const part = buf.slice(0, newline === '\r\n' && buf[cut - 1] === '\r' ? cut - 1 : cut);
    buf = buf.slice(cut + 1);
    scanned -= cut + 1;
    cut = -1;
    const checked = checkCsvText(part);
    if (!checked.ok) return failed({ ...checked.issue, line: checked.issue.line + linesDone });
    feed(part);
    countLines(part);
    linesDone++;
  }
  try {
    buf += decoder.decode();
  } catch {
    return failed(legacyEncodingIssue(linesDone + 1 + (buf.match(/\n/g)?.length ?? 0)));
  }
  if (delimiter === undefined) {
    if (buf.trim() === '') return failed({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
    delimiter = detectDelimiter(buf);
    const nl = buf.indexOf('\n');
    if (nl > 0 && buf[nl - 1] === '\r') newline = '\r\n';
  }
  // The file's final line break ends the last line; it does not start another.
  if (buf !== '') feed(buf.endsWith(newline) ? buf.slice(0, -newline.length) : buf.endsWith('\n') ? buf.slice(0, -1) : buf);
  const out = v.finish();
  return { ...out, delimiter };
}

/** Write observations as long-format CSV (`\n` line ends, header first, quoting only when needed). */
export function toLongCsv(rows: readonly Observation[]): string {
  const data = rows.map((r) => LONG_COLUMNS.map((c) => (c === 'value' ? String(r.value) : r[c])));
  return `${Papa.unparse({ fields: [...LONG_COLUMNS], data }, { newline: '\n' })}\n`;
}
