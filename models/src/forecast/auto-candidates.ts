/**
 * Candidate models for `auto`, fitted once on the (seasonally adjusted)
 * training values. Each can also forecast from any earlier origin with its
 * parameters kept fixed, so rolling-origin errors cost one filter pass
 * instead of one refit per origin. Written with plain loops: `auto` runs
 * thousands of times per request.
 */
import { fitSmoothing, SMOOTHING_GRID, type SmoothingGrid, type TrendKind } from './methods/smoothing';

export interface Candidate {
  method: string;
  /** Forecasts for h = 1..H after the last value. */
  mean(h: number): number[];
  /** Forecasts of values o..o+H−1 made from the first `o` values. */
  fromOrigin(o: number, h: number): number[];
}

/** SES / Holt / damped with parameters from the full fit; states recorded after every step. */
export function smoothingCandidate(y: readonly number[], kind: TrendKind, method: string, grid: SmoothingGrid = SMOOTHING_GRID): Candidate {
  const s = fitSmoothing(y, kind, grid);
  const n = y.length;
  const levels = new Float64Array(n + 1);
  const slopes = new Float64Array(n + 1);
  let l = s.l0,
    b = s.b0;
  levels[0] = l;
  slopes[0] = b;
  for (let t = 0; t < n; t++) {
    const f = l + s.phi * b;
    const e = y[t] - f;
    l = f + s.alpha * e;
    b = s.phi * b + s.beta * e;
    levels[t + 1] = l;
    slopes[t + 1] = b;
  }
  const phi = s.phi;
  const at = (o: number, h: number) => {
    const out = new Array<number>(h);
    let damp = 0,
      pw = 1;
    for (let i = 0; i < h; i++) {
      pw *= phi;
      damp += pw;
      out[i] = levels[o] + damp * slopes[o];
    }
    return out;
  };
  return { method, mean: (h) => at(n, h), fromOrigin: at };
}

/**
 * Theta method (classic at θ = 2: half the least-squares line, half SES on the
 * θ=2 line). In general (1 − 1/θ)·line + (1/θ)·SES level of
 * Z_t = θ·y_t + (1 − θ)·line_t (Fiorucci et al. 2016); other θ are research
 * candidates (bench/theta-variants.ts). From an origin the line (prefix sums,
 * O(1)) and the SES level with its best initial value (one pass) are
 * recomputed on the prefix; α stays fixed. `sse`: the SES's in-sample one-step
 * squared errors on Z.
 */
export function thetaCandidate(y: readonly number[], theta = 2, method = 'theta'): Candidate & { sse: number } {
  const n = y.length;
  // Prefix sums for the regression on t = 0..o−1.
  const sy = new Float64Array(n + 1);
  const sty = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) {
    sy[t + 1] = sy[t] + y[t];
    sty[t + 1] = sty[t] + t * y[t];
  }
  const line = (o: number) => {
    const st = (o * (o - 1)) / 2;
    const stt = ((o - 1) * o * (2 * o - 1)) / 6;
    const den = o * stt - st * st;
    const slope = den > 0 ? (o * sty[o] - st * sy[o]) / den : 0;
    return { slope, intercept: (sy[o] - slope * st) / o };
  };
  const full = line(n);
  const fit = fitSmoothing(
    y.map((v, t) => theta * v + (1 - theta) * (full.intercept + full.slope * t)),
    'none',
  );
  const alpha = fit.alpha;
  const q = 1 - alpha;
  const w = 1 / theta;
  const at = (o: number, h: number) => {
    const { slope, intercept } = line(o);
    // SES on Z from level 0, plus the response to a unit initial level.
    let l = 0,
      g = 1,
      sge = 0,
      sgg = 0;
    for (let t = 0; t < o; t++) {
      const x = theta * y[t] + (1 - theta) * (intercept + slope * t);
      const e = x - l;
      sge += g * e;
      sgg += g * g;
      l += alpha * e;
      g *= q;
    }
    const level = l + (sgg > 0 ? sge / sgg : 0) * g;
    const out = new Array<number>(h);
    for (let i = 0; i < h; i++) out[i] = (1 - w) * (intercept + slope * (o + i)) + w * level;
    return out;
  };
  return { method, sse: fit.sse, mean: (h) => at(n, h), fromOrigin: at };
}

/** Naive (last value). */
export function naiveCandidate(y: readonly number[]): Candidate {
  const at = (o: number, h: number) => new Array<number>(h).fill(y[o - 1]);
  return { method: 'naive', mean: (h) => at(y.length, h), fromOrigin: at };
}

/** Drift: line through the first and last values of the prefix. */
export function driftCandidate(y: readonly number[]): Candidate {
  const at = (o: number, h: number) => {
    const slope = o > 1 ? (y[o - 1] - y[0]) / (o - 1) : 0;
    const out = new Array<number>(h);
    for (let i = 0; i < h; i++) out[i] = y[o - 1] + slope * (i + 1);
    return out;
  };
  return { method: 'drift', mean: (h) => at(y.length, h), fromOrigin: at };
}

/**
 * Robust trend: last value plus the median one-step change (resists outliers
 * and breaks). The median for every origin is found in one pass (insertion
 * into a sorted array), so rolling-origin checks do not re-sort per origin.
 */
export function robustTrendCandidate(y: readonly number[]): Candidate {
  const n = y.length;
  const slopes = new Float64Array(n + 1);
  const sorted = new Float64Array(Math.max(0, n - 1));
  for (let o = 2; o <= n; o++) {
    const d = y[o - 1] - y[o - 2];
    let k = o - 2; // values in `sorted` so far
    while (k > 0 && sorted[k - 1] > d) {
      sorted[k] = sorted[k - 1];
      k--;
    }
    sorted[k] = d;
    const m = o - 1;
    slopes[o] = m % 2 ? sorted[(m - 1) / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
  }
  const at = (o: number, h: number) => {
    const out = new Array<number>(h);
    for (let i = 0; i < h; i++) out[i] = y[o - 1] + slopes[o] * (i + 1);
    return out;
  };
  return { method: 'rtrend', mean: (h) => at(n, h), fromOrigin: at };
}

/** Fit `make` on log values and exponentiate: multiplicative growth. Needs positive values. */
export function logCandidate(y: readonly number[], make: (v: number[]) => Candidate, method: string): Candidate {
  const c = make(y.map(Math.log));
  const exp = (f: number[]) => {
    for (let i = 0; i < f.length; i++) f[i] = Math.exp(f[i]);
    return f;
  };
  return { method, mean: (h) => exp(c.mean(h)), fromOrigin: (o, h) => exp(c.fromOrigin(o, h)) };
}

/** Seasonal naive on the adjusted values: with reseasonalising this is the plain seasonal naive. */
export function snaiveCandidate(y: readonly number[], m: number): Candidate {
  const at = (o: number, h: number) => {
    const out = new Array<number>(h);
    for (let i = 0; i < h; i++) out[i] = o - m + (i % m) >= 0 ? y[o - m + (i % m)] : y[o - 1];
    return out;
  };
  return { method: 'snaive', mean: (h) => at(y.length, h), fromOrigin: at };
}
