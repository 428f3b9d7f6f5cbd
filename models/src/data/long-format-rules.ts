/**
 * Label rules of the long format: each column's raw text → its canonical code,
 * or the issue (code, English and Vietnamese message, with a near-miss
 * suggestion) that names the problem. A validator gets its own memoised set:
 * a million rows hold few distinct labels.
 */
import { z } from 'zod';
import type { ObservationStatus, Unit } from './observation';
import { getIndicator, INDICATORS, suggestIndicator, type Indicator } from '../codes/indicators';
import { GROUP_HELP, GROUP_HELP_VI, OCCUPATION_HELP, OCCUPATION_HELP_VI, resolveGroup, resolveOccupation, suggestOccupation } from '../codes/breakdowns';
import { resolveRegion, suggestRegion, SOCIO_ECONOMIC_REGIONS, PROVINCES } from '../codes/regions';
import { resolveSector, suggestSector } from '../codes/sectors';
import { resolveQualification, suggestQualification, QUALIFICATIONS } from '../codes/qualifications';
import { foldKey } from '../codes/normalize';
import { memoLabels } from './memo';

/** Period label: `2023` or `2023-Q4`. */
export const periodSchema = z.string().regex(/^(19|20|21)\d{2}(-Q[1-4])?$/, 'expected a year like 2023 or a quarter like 2023-Q4');

/** A resolved label, or the issue that rejects it (`message`/`messageVi` name the valid codes). */
export type Resolved<T> = { ok: true; value: T; mappedFrom?: string } | { ok: false; message: string; messageVi: string; code: string };

const UNITS: Record<string, Unit> = {
  persons: 'persons',
  person: 'persons',
  nguoi: 'persons',
  percent: 'percent',
  '%': 'percent',
  phantram: 'percent',
  pct: 'percent',
  billionvnd: 'billion_vnd',
  tydong: 'billion_vnd',
  billionsvnd: 'billion_vnd',
  vndbillion: 'billion_vnd',
};
const STATUSES: Record<string, ObservationStatus> = {
  official: 'official',
  chinhthuc: 'official',
  modelled: 'modelled',
  modeled: 'modelled',
  uoctinh: 'modelled',
  mohinh: 'modelled',
  survey: 'survey',
  dieutra: 'survey',
  international: 'international',
  quocte: 'international',
  illustrative: 'illustrative',
  minhhoa: 'illustrative',
};
/** Precedence when merged former provinces carry different statuses: the weakest wins. */
export const STATUS_RANK: Record<ObservationStatus, number> = { official: 0, international: 1, survey: 2, modelled: 3, illustrative: 4 };

const memo = <T>(fn: (raw: string) => Resolved<T>) => memoLabels(fn, 100_000);

const REGION_HELP =
  `expected VN, a region code (${SOCIO_ECONOMIC_REGIONS.map((r) => r.code).join(', ')}) or a province code ` +
  `(${PROVINCES[0].code}–${PROVINCES[PROVINCES.length - 1].code}, 34 units since 1 Jul 2025); former province codes and names (63 units) are accepted and mapped`;

const REGION_HELP_VI = `cần VN, mã vùng (${SOCIO_ECONOMIC_REGIONS.map((r) => r.code).join(', ')}) hoặc mã tỉnh (${PROVINCES[0].code}–${PROVINCES[PROVINCES.length - 1].code}, 34 đơn vị từ 1/7/2025); mã và tên 63 tỉnh cũ được chấp nhận và chuyển sang đơn vị mới`;

/** The resolvers of one validator, one per column (the `sector` column is read on the indicator's axis). */
export interface LongResolvers {
  indicator: (raw: string) => Resolved<Indicator>;
  period: (raw: string) => Resolved<string>;
  region: (raw: string) => Resolved<string>;
  breakdown: (indicator: Indicator | undefined, raw: string) => Resolved<string>;
  qualification: (raw: string) => Resolved<string>;
  unit: (raw: string) => Resolved<Unit>;
  status: (raw: string) => Resolved<ObservationStatus>;
}

/** Fresh memoised resolvers for one validator. */
export function createLongResolvers(): LongResolvers {
  const indicatorOf = memo<Indicator>((raw) => {
    const hit = getIndicator(raw) ?? INDICATORS.find((i) => foldKey(i.code) === foldKey(raw));
    if (hit) return { ok: true, value: hit };
    const s = suggestIndicator(raw);
    return {
      ok: false,
      code: 'UNKNOWN_INDICATOR',
      message: `Unknown indicator "${raw}"${s ? ` — did you mean "${s}"?` : ''}; valid: ${INDICATORS.map((i) => i.code).join(', ')}.`,
      messageVi: `Không biết chỉ tiêu "${raw}"${s ? ` — có phải là "${s}"?` : ''}; hợp lệ: ${INDICATORS.map((i) => i.code).join(', ')}.`,
    };
  });
  const periodOf = memo<string>((raw) => {
    const norm = raw.toUpperCase().replace(/^(\d{4})\s*[-/ ]?\s*Q([1-4])$/, '$1-Q$2');
    const r = periodSchema.safeParse(norm);
    if (r.success) return { ok: true, value: norm };
    return {
      ok: false,
      code: 'BAD_PERIOD',
      message: `Bad period "${raw}": expected a year like 2023 or a quarter like 2023-Q4.`,
      messageVi: `Kỳ "${raw}" không hợp lệ: cần năm (2023) hoặc quý (2023-Q4).`,
    };
  });
  const regionOf = memo<string>((raw) => {
    const r = resolveRegion(raw);
    if (r) return { ok: true, value: r.code, mappedFrom: r.mappedFrom };
    const s = suggestRegion(raw);
    return {
      ok: false,
      code: 'UNKNOWN_REGION',
      message: `Unknown region "${raw}"${s ? ` — did you mean ${s}?` : ''}; ${REGION_HELP}.`,
      messageVi: `Không biết địa bàn "${raw}"${s ? ` — có phải là ${s}?` : ''}; ${REGION_HELP_VI}.`,
    };
  });
  const qualOf = memo<string>((raw) => {
    const r = resolveQualification(raw);
    if (r) return { ok: true, value: r };
    const s = suggestQualification(raw);
    return {
      ok: false,
      code: 'UNKNOWN_QUALIFICATION',
      message: `Unknown qualification "${raw}"${s ? ` — did you mean "${s}"?` : ''}; valid: ${QUALIFICATIONS.map((q) => q.code).join(', ')}.`,
      messageVi: `Không biết trình độ "${raw}"${s ? ` — có phải là "${s}"?` : ''}; hợp lệ: ${QUALIFICATIONS.map((q) => q.code).join(', ')}.`,
    };
  });
  const unitOf = memo<Unit>((raw) => {
    const u = UNITS[raw] ?? UNITS[foldKey(raw) || raw];
    return u
      ? { ok: true, value: u }
      : {
          ok: false,
          code: 'UNKNOWN_UNIT',
          message: `Unknown unit "${raw}"; expected persons, percent or billion_vnd.`,
          messageVi: `Không biết đơn vị "${raw}"; cần persons (người), percent (%) hoặc billion_vnd (tỷ đồng).`,
        };
  });
  const statusOf = memo<ObservationStatus>((raw) => {
    const s = STATUSES[foldKey(raw)];
    return s
      ? { ok: true, value: s }
      : {
          ok: false,
          code: 'UNKNOWN_STATUS',
          message: `Unknown status "${raw}"; expected official, international, modelled, survey or illustrative.`,
          messageVi: `Không biết trạng thái "${raw}"; cần official (chính thức), international (quốc tế), modelled (mô hình), survey (khảo sát) hoặc illustrative (minh hoạ).`,
        };
  });
  return {
    indicator: indicatorOf,
    period: periodOf,
    region: regionOf,
    breakdown: createBreakdownResolver(),
    qualification: qualOf,
    unit: unitOf,
    status: statusOf,
  };
}

/** The `sector` column: sectors, groups or occupations, by the indicator's axis. */
function createBreakdownResolver(): LongResolvers['breakdown'] {
  const sectorOf = memo<string>((raw) => {
    const r = resolveSector(raw);
    if (r) return { ok: true, value: r };
    const s = suggestSector(raw);
    return {
      ok: false,
      code: 'UNKNOWN_SECTOR',
      message: `Unknown sector "${raw}"${s ? ` — did you mean "${s}"?` : ''}; expected TOTAL, B-F, G-U, a VSIC 2018 section letter A–U or a new field (semiconductors, hydrogen, carbon-markets, ai-digital).`,
      messageVi: `Không biết ngành "${raw}"${s ? ` — có phải là "${s}"?` : ''}; cần TOTAL, B-F, G-U, chữ cái ngành cấp 1 VSIC 2018 (A–U) hoặc lĩnh vực mới (semiconductors, hydrogen, carbon-markets, ai-digital).`,
    };
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
    return {
      ok: false,
      code: 'UNKNOWN_OCCUPATION',
      message: `Unknown occupation "${raw}"${s ? ` — did you mean "${s}"?` : ''}; ${OCCUPATION_HELP}.`,
      messageVi: `Không biết nghề "${raw}"${s ? ` — có phải là "${s}"?` : ''}; ${OCCUPATION_HELP_VI}.`,
    };
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
  return breakdownOf;
}
