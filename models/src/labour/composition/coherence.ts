/**
 * Invariant checks of the one-system model, each returning a count of
 * violations (all must be 0). The bench's coherence table sums them over every
 * scenario, region and year with {@link addCoherence}.
 */

export interface CoherenceCounts {
  /** Years where employment > labour force. */
  employmentAboveLabourForce: number;
  /** Part-years above their parent. */
  partsExceedingParent: number;
  /** Negative values. */
  negativeValues: number;
  /** Parent-years whose parts add up to it off by more than 1e-6 relative. */
  sumMismatches: number;
  /** Cells ≥ 1,000 in base below 20 % of base within 10 years, parent not falling alike. */
  vanishingCells: number;
  /** Flagged or ranked rows below the minimum size. */
  smallCellsFlaggedOrRanked: number;
}

/** All-zero table to accumulate into. */
export function emptyCoherence(): CoherenceCounts {
  return { employmentAboveLabourForce: 0, partsExceedingParent: 0, negativeValues: 0, sumMismatches: 0, vanishingCells: 0, smallCellsFlaggedOrRanked: 0 };
}

/** Field-by-field sum of two tables. */
export function addCoherence(a: CoherenceCounts, b: Partial<CoherenceCounts>): CoherenceCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof CoherenceCounts)[]) out[k] += b[k] ?? 0;
  return out;
}

/** Years where employment exceeds the labour force (beyond `relTol` of it). */
export function countEmploymentAboveLabourForce(emp: readonly number[], lf: readonly number[], relTol = 1e-9): number {
  return emp.filter((e, t) => e > lf[t]! * (1 + relTol)).length;
}

/** Part-years where a part exceeds its parent (beyond `relTol` of the parent). */
export function countPartsExceedingParent(parent: readonly number[], parts: Record<string, readonly number[]>, relTol = 1e-9): number {
  let n = 0;
  for (const path of Object.values(parts)) path.forEach((v, t) => (n += v > parent[t]! + relTol * Math.abs(parent[t]!) ? 1 : 0));
  return n;
}

/** Negative (or non-finite) values among the given paths. */
export function countNegative(values: readonly number[] | Record<string, readonly number[]>): number {
  const paths = Array.isArray(values) ? [values as readonly number[]] : Object.values(values as Record<string, readonly number[]>);
  return paths.reduce((n, p) => n + p.filter((v) => !(v >= 0)).length, 0);
}

/** Years where Σ parts differs from the parent by more than `relTol` × |parent| (1e-6). */
export function countSumMismatches(parent: readonly number[], parts: Record<string, readonly number[]>, relTol = 1e-6): number {
  const paths = Object.values(parts);
  return parent.filter((p, t) => {
    const sum = paths.reduce((s, path) => s + path[t]!, 0);
    return Math.abs(sum - p) > relTol * Math.max(Math.abs(p), Number.MIN_VALUE);
  }).length;
}

/** A cell's forecast and its parent's, for the bounded-change check. */
export interface CellPath {
  /** Cell level in the base year. */
  base: number;
  /** Cell forecast for base + 1, base + 2, … */
  path: readonly number[];
  /** Parent level in the base year. */
  parentBase: number;
  /** Parent forecast on the same years. */
  parentPath: readonly number[];
}

export interface VanishOptions {
  /** Smallest base size the rule covers (1,000 workers). */
  minBase?: number;
  /** Least fraction of base to keep (0.2). */
  minRetention?: number;
  /** Years the rule covers (10). */
  years?: number;
}

/**
 * Cells with ≥ 1,000 in the base year that fall below 20 % of base within 10
 * years while their parent does not fall alike. "Alike" means the cell's share
 * of its parent keeps ≥ 20 % of its base share: a cell that falls only because
 * its whole parent falls is not counted.
 */
export function countVanishingCells(cells: readonly CellPath[], options: VanishOptions = {}): number {
  const { minBase = 1000, minRetention = 0.2, years = 10 } = options;
  return cells.filter((c) => {
    if (!(c.base >= minBase)) return false;
    return c.path.slice(0, years).some((v, t) => {
      const cellRatio = v / c.base;
      if (cellRatio >= minRetention) return false;
      const parentRatio = c.parentBase > 0 ? c.parentPath[t]! / c.parentBase : 1;
      return !(parentRatio > 0) || cellRatio / parentRatio < minRetention * (1 - 1e-9);
    });
  }).length;
}

/** One imbalance row for the minimum-size check. */
export interface SizedRow {
  /** Base-year employment of the cell. */
  size: number;
  /** Net openings over the horizon (expansion + replacement); used only when `replacement` is missing. */
  openings?: number;
  /** Replacement demand over the horizon (with `expansion`, gives the gross openings the rule reads). */
  replacement?: number;
  /** Net expansion over the horizon (negative in a shrinking cell). */
  expansion?: number;
  /** Flag shown; only 'shortage' and 'surplus' count as flagged. */
  flag?: string | null;
  /** Rank shown (null/undefined when not ranked). */
  rank?: number | null;
}

/**
 * Gross openings of a cell: replacement + max(0, expansion). The size rule reads the FLOW volume
 * (the people who must be hired), not net openings: a large shrinking cell whose job losses
 * cancel its replacement demand still hires real people and can be assessed.
 */
export function grossOpenings(replacement: number, expansion: number): number {
  return replacement + Math.max(0, expansion);
}

/** Rows below the minimum size (5,000 base workers or 500 GROSS openings) that are flagged or ranked anyway. */
export function countSmallFlaggedOrRanked(rows: readonly SizedRow[], minSize = 5000, minOpenings = 500): number {
  return rows.filter((r) => {
    const gross = r.replacement !== undefined ? grossOpenings(r.replacement, r.expansion ?? 0) : r.openings;
    const small = r.size < minSize || (gross !== undefined && gross < minOpenings);
    const flagged = r.flag === 'shortage' || r.flag === 'surplus';
    const ranked = r.rank !== undefined && r.rank !== null;
    return small && (flagged || ranked);
  }).length;
}

/** Gradual adjustment of the unemployment rate when demand outruns supply. */
export interface GradualCap {
  /** Unemployment rate (share) of the year before the first capped year (the base year). */
  baseRate: number;
  /** Largest fall of the rate in one year (share, 0.002 = 0.2 percentage points). */
  maxFallPerYear: number;
}

/**
 * Employment ceiling per year: labour force × (1 − floor_t), where the floor is u_min, or with
 * `gradual` the slowest-falling path floor_t = max(u_min, u_{t−1} − maxFallPerYear), u_{t−1} the
 * rate realised the year before (1 − employment ÷ labour force, so a year below the ceiling
 * restarts the path from its own, higher rate). The market tightens step by step instead of
 * jumping to the floor in the first forecast year.
 * @param total national employment (demand) per year, before the cap
 */
export function employmentCeilings(total: ArrayLike<number>, lf: ArrayLike<number | undefined>, minUnemploymentRate: number, gradual?: GradualCap): number[] {
  const out: number[] = [];
  let prev = gradual ? Math.max(gradual.baseRate, minUnemploymentRate) : minUnemploymentRate;
  for (let t = 0; t < total.length; t++) {
    const l = lf[t];
    if (l === undefined || !Number.isFinite(l)) {
      out.push(Infinity);
      continue;
    }
    const floor = gradual ? Math.max(minUnemploymentRate, prev - gradual.maxFallPerYear) : minUnemploymentRate;
    const ceiling = l * (1 - floor);
    out.push(ceiling);
    const e = Math.min(total[t]!, ceiling);
    if (gradual && l > 0) prev = Math.max(minUnemploymentRate, 1 - e / l);
  }
  return out;
}

/**
 * Keep demand inside supply: in each year where Σ sector employment exceeds the ceiling
 * (labour force × (1 − u_min), or the gradual path of {@link employmentCeilings}), every sector
 * is scaled by the same factor so the total equals that ceiling (sector shares unchanged, so the
 * economy's mix is kept and only the level gives way). Years below the ceiling are untouched.
 * @returns the capped employment, the factor used each year (1 = untouched) and the capped year indices.
 */
export function capToLabourForce(
  emp: Record<string, readonly number[]>,
  lf: readonly number[],
  minUnemploymentRate: number,
  gradual?: GradualCap,
): { employment: Record<string, number[]>; factors: number[]; cappedYears: number[] } {
  if (!(minUnemploymentRate >= 0 && minUnemploymentRate < 1)) throw new Error(`minUnemploymentRate must be in [0, 1); got ${minUnemploymentRate}.`);
  const names = Object.keys(emp);
  const totals = lf.map((_, t) => names.reduce((s, k) => s + emp[k]![t]!, 0));
  const ceilings = employmentCeilings(totals, lf, minUnemploymentRate, gradual);
  const factors = totals.map((total, t) => (total > ceilings[t]! && total > 0 ? ceilings[t]! / total : 1));
  return {
    employment: Object.fromEntries(names.map((k) => [k, emp[k]!.map((v, t) => v * factors[t]!)])),
    factors,
    cappedYears: factors.flatMap((f, t) => (f < 1 ? [t] : [])),
  };
}
