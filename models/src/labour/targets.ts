/**
 * New fields beside what their decisions say (target-decisions.ts): the trend forecast, the
 * decision's own target (training plan, production target or timeline) and, only where the decision
 * gives people to train, a workforce path for the policy scenarios (logistic growth from the latest
 * observation to `workforceLevelOf`, the engine's `logistic` method; basis `assumption`), with the
 * graduates per year needed to follow it.
 *
 * Graduates needed in year t = (growth of the target path + exits) ÷ entry
 * rate, averaged over the years up to the target year. Exits use the field's
 * replacement rate (age-based from the national system, openings.ts), else its exit rate.
 */
import { basisFromMask, statusBit } from './basis';
import { fitSeries } from './engine';
import type { GridBase } from './grid-base';
import { trainingPlan } from './target-decisions';
import type { PathSeries, TargetPath, TargetSpec } from './types';
import { rootOf } from './hierarchy';

export { DEFAULT_TARGETS, assumedWorkforcePath, trainingPlan } from './target-decisions';

/**
 * Workforce level the policy scenarios steer toward in the target year, or null where the decision
 * gives no people to train. For a training target it is an ASSUMPTION: the latest workforce plus
 * everyone the target still calls for at an even pace from `baseYear + 1` (exits ignored).
 * Production and timeline targets (hydrogen, carbon market) give none: no decision states one.
 */
export function workforceLevelOf(spec: TargetSpec, latest: number, baseYear: number): number | null {
  const t = spec.training;
  if (spec.kind !== 'training' || !t) return null;
  const span = spec.year - t.startYear + 1;
  const left = Math.max(0, Math.min(span, spec.year - baseYear));
  return latest + (t.total * left) / span;
}

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
  const root = rootOf(dr);
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
  const level = workforceLevelOf(spec, latestPoint.value, grid.baseYear);
  const path: PathSeries =
    level === null
      ? { periods: [], mean: [], intervals: [] }
      : targetPath(
          node.history.map((p) => p.value),
          grid.baseYear,
          level,
          spec.year,
          grid.horizon,
          levels,
        );

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
  const years = level === null ? 0 : Math.max(0, Math.min(spec.year, grid.baseYear + grid.horizon) - grid.baseYear);
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
  const plan = trainingPlan(spec, grid.baseYear);
  return {
    field: spec.field,
    kind: spec.kind,
    decision: spec.decision,
    decisionVi: spec.decisionVi,
    date: spec.date,
    quoteVi: spec.quoteVi,
    quoteEn: spec.quoteEn,
    basis: spec.basis,
    targetLevel: level,
    targetYear: spec.year,
    qualification: spec.qualification,
    ...(plan ? { training: plan } : {}),
    ...(spec.production ? { production: spec.production, exampleWorkersPerKt: spec.exampleWorkersPerKt } : {}),
    ...(spec.milestones ? { milestones: spec.milestones } : {}),
    ...(spec.claims ? { claims: spec.claims } : {}),
    latest: { period: latestPoint.period, value: latestPoint.value, source: latestPoint.source },
    trend,
    target: path,
    graduatesNeededPerYear: level === null ? {} : needed,
    currentGraduatesPerYear: current,
    gap: level === null ? {} : gap,
    trendShortfall: level === null ? null : level - trendAt,
    noteVi: spec.noteVi,
    noteEn: spec.noteEn,
    status: 'modelled',
    dataBasis,
    source:
      level === null
        ? `LMO model: trend = engine forecast of the field's workforce (${[...new Set(node.history.map((p) => p.source))].join('; ')}); targets quoted from ${spec.decision}`
        : `LMO model: logistic workforce path (assumption: everyone ${spec.decision} still calls for joins the field); trend = engine forecast of the field's workforce (${[...new Set(node.history.map((p) => p.source))].join('; ')})`,
  };
}
