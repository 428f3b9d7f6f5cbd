/**
 * New fields with a policy target: beside the trend forecast, a target path
 * (logistic growth from the latest observation to the target level in the
 * target year, the engine's `logistic` method), the graduates per year needed
 * to follow it, and the gap to today's training output.
 *
 * Graduates needed in year t = (growth of the target path + exits) ÷ entry
 * rate, averaged over the years up to the target year. Exits use the field's
 * replacement rate (age-based from the national system, openings.ts), else its exit rate.
 */
import { basisFromMask, statusBit } from './basis';
import { fitSeries } from './engine';
import type { GridBase } from './recompute';
import type { PathSeries, TargetPath, TargetSpec } from './types';

/**
 * Default targets. Only the semiconductor target is a quantified workforce
 * target in a decision; hydrogen and carbon markets have timelines but no
 * workforce number, so their levels are our stated assumptions (basis
 * `assumption`), meant to be replaced by the ministry's figures.
 */
export const DEFAULT_TARGETS: TargetSpec[] = [
  {
    field: 'semiconductors',
    decision: 'Decision 1017/QĐ-TTg (21 Sep 2024): semiconductor HR programme to 2030, vision 2050',
    basis: 'decision',
    level: 50_000,
    year: 2030,
    qualification: 'university',
    components: [
      { id: 'design', nameVi: 'Thiết kế vi mạch', nameEn: 'Chip design', level: 15_000 },
      { id: 'fabrication', nameVi: 'Chế tạo, đóng gói, kiểm thử và khâu khác', nameEn: 'Fabrication, packaging, testing and other stages', level: 35_000 },
    ],
    noteVi:
      'Mục tiêu: đào tạo ít nhất 50.000 nhân lực bán dẫn trình độ đại học trở lên đến 2030 (≥ 42.000 kỹ sư/cử nhân, 7.500 thạc sĩ, 500 tiến sĩ; 15.000 thiết kế, 35.000 chế tạo–đóng gói–kiểm thử). Ở đây hiểu là số lao động trình độ đại học trở lên trong lĩnh vực vào năm 2030.',
    noteEn:
      'Target: train at least 50,000 semiconductor workers with a university degree or above by 2030 (≥ 42,000 engineers/bachelors, 7,500 master’s, 500 PhDs; 15,000 in design, 35,000 in fabrication, packaging and testing). Read here as the field’s university-level workforce in 2030.',
  },
  {
    field: 'hydrogen',
    decision: 'Decision 165/QĐ-TTg (7 Feb 2024): Hydrogen Energy Strategy to 2030, vision 2050',
    basis: 'assumption',
    level: 5_000,
    year: 2030,
    qualification: 'ALL',
    noteVi:
      'Chiến lược đặt mục tiêu sản lượng hydro 100.000–500.000 tấn/năm đến 2030 nhưng không có mục tiêu nhân lực. Mức 5.000 lao động năm 2030 (khoảng 2,5 lần năm 2025, tăng ~20%/năm) là giả định minh họa của mô hình, cần thay bằng số liệu của Bộ.',
    noteEn:
      'The strategy targets 100,000–500,000 t of hydrogen a year by 2030 but sets no workforce number. The 5,000 workers in 2030 (about 2.5× 2025, ~20% growth a year) are an illustrative assumption of the model, to be replaced by the ministry’s figure.',
  },
  {
    field: 'carbon-markets',
    decision: 'Decree 06/2022/NĐ-CP (7 Jan 2022): carbon exchange pilot from 2025, official operation from 2028',
    basis: 'assumption',
    level: 10_000,
    year: 2028,
    qualification: 'university',
    noteVi:
      'Nghị định 06/2022 quy định lộ trình: thí điểm sàn giao dịch từ 2025, vận hành chính thức từ 2028; không có mục tiêu nhân lực. Mức 10.000 chuyên gia (MRV, kiểm kê, phát triển dự án) đến 2028 là giả định của mô hình; con số 150.000 do doanh nghiệp nêu (2024) chưa được kiểm chứng.',
    noteEn:
      'Decree 06/2022 sets the timeline: pilot exchange from 2025, official operation from 2028, with no workforce number. The 10,000 specialists (MRV, inventories, project development) by 2028 are our assumption; an industry claim of 150,000 (2024) is unverified.',
  },
];

/** Logistic target path for `horizon` years after the last value, reaching `level` in `year`. */
export function targetPath(history: readonly number[], lastYear: number, level: number, year: number, horizon: number, levels: number[]): PathSeries {
  const periods = Array.from({ length: horizon }, (_, i) => String(lastYear + i + 1));
  const values = history.map((v) => Math.max(v, 1)); // logistic needs positive values; 1 person ≈ none
  if (year <= lastYear) {
    return { periods, mean: periods.map(() => level), intervals: [] };
  }
  const fit = fitSeries({ values, start: String(lastYear - values.length + 1), frequency: 1 }, 'logistic', {
    target: { level, period: String(year) },
  });
  const fc = fit.forecast(horizon, { levels });
  return { periods, mean: fc.mean, intervals: fc.intervals.map((iv) => ({ level: iv.level, lower: iv.lower, upper: iv.upper })) };
}

/**
 * Compute the target path of one new field from its grid base.
 * @param replacementRate the field's replacement rate per year (age-based, from the national
 *   system); default: the grid's exit rates (measured exits or documented defaults)
 * @returns null when the field has no national history in `spec.qualification`.
 */
export function computeTarget(gb: GridBase, spec: TargetSpec, entryRate: number, replacementRate?: number): TargetPath | null {
  const { grid } = gb;
  const [dr, , dq] = grid.reconciler.dims;
  const root = dr.codes.find((c) => !dr.parent.get(c));
  const node = grid.nodes.find((n) => n.region === root && n.sector === spec.field && n.qualification === spec.qualification);
  if (!node || node.history.length === 0) return null;
  const nodeOff = grid.nodes.indexOf(node);
  const dataBasis = basisFromMask(gb.gapBasis?.[nodeOff] ?? node.history.reduce((m, p) => m | statusBit(p.status), 0));
  const latestPoint = node.history[node.history.length - 1];
  const levels = grid.levels;
  const trend: PathSeries = {
    periods: Array.from({ length: grid.horizon }, (_, i) => String(grid.baseYear + i + 1)),
    mean: [...node.mean],
    intervals: node.intervals.map((iv) => ({ level: iv.level, lower: [...iv.lower], upper: [...iv.upper] })),
  };
  const path = targetPath(node.history.map((p) => p.value), grid.baseYear, spec.level, spec.year, grid.horizon, levels);

  // Bottom cells of the field in the target's levels: exit rate and today's graduates.
  const levelsOf = spec.qualification === 'ALL' ? dq.bottom : [spec.qualification];
  const bottomR = new Set(dr.bottom);
  let empW = 0;
  let exitW = 0;
  const current: Record<string, number> = {};
  const baseByLevel: Record<string, number> = {};
  grid.nodes.forEach((n, off) => {
    if (!bottomR.has(n.region) || !levelsOf.includes(n.qualification)) return;
    empW += n.base;
    exitW += n.base * gb.exits.rate[off];
    current[n.qualification] = (current[n.qualification] ?? 0) + gb.supply.latestGrad[off];
    baseByLevel[n.qualification] = (baseByLevel[n.qualification] ?? 0) + n.base;
  });
  const exitRate = replacementRate ?? (empW > 0 ? exitW / empW : gb.exits.rate[0] || 0.02);
  const years = Math.max(0, Math.min(spec.year, grid.baseYear + grid.horizon) - grid.baseYear);
  let needTotal = 0;
  let prev = latestPoint.value;
  for (let t = 0; t < years; t++) {
    const v = path.mean[t];
    needTotal += (Math.max(0, v - prev) + exitRate * prev) / entryRate;
    prev = v;
  }
  const needPerYear = years > 0 ? needTotal / years : 0;
  const needed: Record<string, number> = {};
  const totalBase = levelsOf.reduce((s, q) => s + (baseByLevel[q] ?? 0), 0);
  for (const q of levelsOf) needed[q] = totalBase > 0 ? (needPerYear * (baseByLevel[q] ?? 0)) / totalBase : needPerYear / levelsOf.length;
  const gap: Record<string, number> = {};
  for (const q of levelsOf) {
    current[q] = current[q] ?? 0;
    gap[q] = needed[q] - current[q];
  }
  const at = spec.year - grid.baseYear - 1;
  const trendAt = at >= 0 && at < trend.mean.length ? trend.mean[at] : trend.mean[trend.mean.length - 1];
  return {
    field: spec.field,
    decision: spec.decision,
    basis: spec.basis,
    targetLevel: spec.level,
    targetYear: spec.year,
    qualification: spec.qualification,
    ...(spec.components ? { components: spec.components } : {}),
    latest: { period: latestPoint.period, value: latestPoint.value, source: latestPoint.source },
    trend,
    target: path,
    graduatesNeededPerYear: needed,
    currentGraduatesPerYear: current,
    gap,
    trendShortfall: spec.level - trendAt,
    noteVi: spec.noteVi,
    noteEn: spec.noteEn,
    status: 'modelled',
    dataBasis,
    source: `LMO model: logistic path to the target of ${spec.decision}; trend = engine forecast of the field's workforce (${[...new Set(node.history.map((p) => p.source))].join('; ')})`,
  };
}
