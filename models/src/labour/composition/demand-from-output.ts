/**
 * Employment by sector from real value added (the BLS / Cedefop way):
 * employment = value added ÷ labour productivity.
 *
 * Two methods, chosen by a documented rule ({@link chooseDemandMethod}):
 * - `productivity`: log productivity ln(VA / E) forecast by the caller's
 *   forecaster; the forecast *growth* is applied to the base year's actual
 *   productivity, so the base year reproduces official employment exactly;
 * - `elasticity`: Δln E = α + β Δln VA fitted by OLS (simple-statistics
 *   `linearRegression`) on the history, β clamped to [0, 1.2]; employment
 *   grows from the official base by α + β Δln VA each year.
 * The value-added path is the scenario lever; by default it is the
 * forecaster's forecast of ln VA.
 */
import { linearRegression, sampleStandardDeviation } from 'simple-statistics';
import { dampedDrift, type PathForecaster } from './forecaster';

export type DemandMethod = 'productivity' | 'elasticity';

/** Fewest history years for the productivity method (5 yearly growth rates). */
export const PRODUCTIVITY_MIN_YEARS = 6;
/** Noisiest productivity history (sd of yearly Δln productivity) the productivity method accepts. */
export const PRODUCTIVITY_MAX_SD = 0.1;
/** Fewest history years for the elasticity regression (3 yearly changes). */
export const ELASTICITY_MIN_YEARS = 4;
/** Range the fitted employment–output elasticity is clamped to. */
export const ELASTICITY_RANGE: readonly [number, number] = [0, 1.2];

export interface DemandFromOutputInput {
  /** Official employment per history year (same years as `valueAdded`; last = base year). */
  employment: readonly number[];
  /** Real value added per history year (constant prices). */
  valueAdded: readonly number[];
  /** Calendar year of the first history value. */
  startYear: number;
  /** Years to forecast after the base year. */
  h: number;
  /** Scenario value-added path for the h forecast years; default: forecast of ln VA. */
  valueAddedPath?: readonly number[];
  /** PathForecaster of ln productivity and ln VA; default {@link dampedDrift}. */
  forecaster?: PathForecaster;
  /** Force a method; default 'auto' ({@link chooseDemandMethod}). */
  method?: DemandMethod | 'auto';
}

export interface DemandFromOutput {
  method: DemandMethod;
  /** Why this method was used (for the methodology page). */
  reason: string;
  /** Base year then the h forecast years. */
  years: number[];
  /** Employment: index 0 is the official base-year figure, exactly. */
  employment: number[];
  /** Productivity VA ÷ E on the same years. */
  productivity: number[];
  /** Value added on the same years (index 0 = base-year history). */
  valueAdded: number[];
  /** The fitted elasticity when the method is 'elasticity'. */
  elasticity?: { alpha: number; beta: number; betaFitted: number; n: number };
}

const dlog = (v: readonly number[]): number[] => v.slice(1).map((x, i) => Math.log(x / v[i]!));

/**
 * Rule: use `productivity` when there are ≥ 6 history years and the yearly
 * change of ln productivity has a standard deviation ≤ 0.10; otherwise use
 * `elasticity` when there are ≥ 4 years and value added has varied; otherwise
 * fall back to `productivity` (with one year, productivity is held constant).
 */
export function chooseDemandMethod(employment: readonly number[], valueAdded: readonly number[]): { method: DemandMethod; reason: string } {
  const n = employment.length;
  const prod = employment.map((e, i) => valueAdded[i]! / e);
  const sd = n >= 3 ? sampleStandardDeviation(dlog(prod)) : Infinity;
  if (n >= PRODUCTIVITY_MIN_YEARS && sd <= PRODUCTIVITY_MAX_SD) {
    return { method: 'productivity', reason: `${n} years of productivity history, sd of yearly log change ${sd.toFixed(3)} ≤ ${PRODUCTIVITY_MAX_SD}` };
  }
  const dva = dlog(valueAdded);
  if (n >= ELASTICITY_MIN_YEARS && sampleStandardDeviation(dva) > 0) {
    return {
      method: 'elasticity',
      reason:
        n < PRODUCTIVITY_MIN_YEARS ? `only ${n} years: productivity trend too short` : `productivity too noisy (sd ${sd.toFixed(3)} > ${PRODUCTIVITY_MAX_SD})`,
    };
  }
  return { method: 'productivity', reason: `only ${n} years and no usable output variation: productivity trend extrapolated` };
}

function check(input: DemandFromOutputInput): void {
  const { employment: e, valueAdded: va, h } = input;
  if (e.length === 0 || e.length !== va.length)
    throw new Error(`Employment (${e.length}) and value added (${va.length}) must cover the same, non-empty years.`);
  if (![...e, ...va].every((x) => Number.isFinite(x) && x > 0)) throw new Error('Employment and value added must be finite and > 0.');
  if (!Number.isInteger(h) || h < 0) throw new Error(`Horizon must be a whole number ≥ 0; got ${h}.`);
  const path = input.valueAddedPath;
  if (path && (path.length !== h || !path.every((x) => Number.isFinite(x) && x > 0))) {
    throw new Error(`The value-added path must have ${h} values > 0.`);
  }
}

/** Employment and productivity paths from a value-added path. */
export function demandFromOutput(input: DemandFromOutputInput): DemandFromOutput {
  check(input);
  const { employment: e, valueAdded: va, h } = input;
  const n = e.length;
  const forecaster = input.forecaster ?? ((v: number[], hh: number) => dampedDrift(v, hh));
  const chosen = !input.method || input.method === 'auto' ? chooseDemandMethod(e, va) : { method: input.method, reason: `method set by the caller` };
  const baseE = e[n - 1]!;
  const baseVA = va[n - 1]!;
  const baseProd = baseVA / baseE;
  const lnVA = va.map((x) => Math.log(x));
  const vaPath = input.valueAddedPath
    ? [...input.valueAddedPath]
    : n > 1
      ? forecaster(lnVA, h).mean.map((x) => baseVA * Math.exp(x - lnVA[n - 1]!))
      : new Array<number>(h).fill(baseVA);
  const years = Array.from({ length: h + 1 }, (_, j) => input.startYear + n - 1 + j);
  const valueAdded = [baseVA, ...vaPath];

  if (chosen.method === 'elasticity') {
    const pts = dlog(va).map((x, i) => [x, dlog(e)[i]!]);
    const fit = linearRegression(pts);
    const [lo, hi] = ELASTICITY_RANGE;
    const beta = Math.max(lo, Math.min(hi, fit.m));
    // Keep the mean employment growth of the history when β is clamped.
    const meanX = pts.reduce((s, p) => s + p[0]!, 0) / pts.length;
    const meanY = pts.reduce((s, p) => s + p[1]!, 0) / pts.length;
    const alpha = meanY - beta * meanX;
    const employment = [baseE];
    for (let j = 1; j <= h; j++) employment.push(employment[j - 1]! * Math.exp(alpha + beta * Math.log(valueAdded[j]! / valueAdded[j - 1]!)));
    return {
      ...chosen,
      years,
      employment,
      valueAdded,
      productivity: valueAdded.map((x, j) => x / employment[j]!),
      elasticity: { alpha, beta, betaFitted: fit.m, n: pts.length },
    };
  }
  const lnProd = e.map((x, i) => Math.log(va[i]! / x));
  const growth = n > 1 ? forecaster(lnProd, h).mean.map((x) => x - lnProd[n - 1]!) : new Array<number>(h).fill(0);
  const productivity = [baseProd, ...growth.map((g) => baseProd * Math.exp(g))];
  return { ...chosen, years, productivity, valueAdded, employment: valueAdded.map((x, j) => (j === 0 ? baseE : x / productivity[j]!)) };
}
