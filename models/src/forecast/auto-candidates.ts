/**
 * Candidate models for `auto`, fitted once on the (seasonally adjusted)
 * training values. Each can also forecast from any earlier origin with its
 * parameters kept fixed, so rolling-origin errors cost one filter pass
 * instead of one refit per origin.
 */
import { trendLine } from './methods/linear';
import { concentratedSse, fitSmoothing, runFilter, smoothingMean, type TrendKind } from './methods/smoothing';

export interface Candidate {
  method: string;
  /** Forecasts for h = 1..H after the last value. */
  mean(h: number): number[];
  /** Forecasts of values o..o+H−1 made from the first `o` values. */
  fromOrigin(o: number, h: number): number[];
}

/** SES / Holt / damped with parameters from the full fit; states recorded after every step. */
export function smoothingCandidate(y: readonly number[], kind: TrendKind, method: string): Candidate {
  const s = fitSmoothing(y, kind);
  const n = y.length;
  const levels = new Float64Array(n + 1);
  const slopes = new Float64Array(n + 1);
  let l = s.l0, b = s.b0;
  levels[0] = l; slopes[0] = b;
  for (let t = 0; t < n; t++) {
    const f = l + s.phi * b;
    const e = y[t] - f;
    l = f + s.alpha * e;
    b = s.phi * b + s.beta * e;
    levels[t + 1] = l; slopes[t + 1] = b;
  }
  const at = (o: number, h: number) => smoothingMean({ ...s, level: levels[o], slope: slopes[o] }, h);
  return { method, mean: (h) => at(n, h), fromOrigin: at };
}

/** Classic Theta; from an origin the trend line and SES level are recomputed on the prefix (α fixed). */
export function thetaCandidate(y: readonly number[]): Candidate {
  const forecast = (prefix: readonly number[], h: number, alpha?: number) => {
    const o = prefix.length;
    const line = trendLine(prefix);
    const theta2 = prefix.map((v, t) => 2 * v - line.fitted[t]);
    let a = alpha;
    if (a === undefined) a = fitSmoothing(theta2, 'none').alpha;
    const { l0 } = concentratedSse(theta2, a, 0, 1, false);
    const { level } = runFilter(theta2, { alpha: a, beta: 0, phi: 1, l0, b0: 0 });
    return { alpha: a, mean: Array.from({ length: h }, (_, i) => 0.5 * line.at(o + i) + 0.5 * level) };
  };
  const full = forecast(y, 1);
  return {
    method: 'theta',
    mean: (h) => forecast(y, h, full.alpha).mean,
    fromOrigin: (o, h) => forecast(y.slice(0, o), h, full.alpha).mean,
  };
}

/** Naive (last value). */
export function naiveCandidate(y: readonly number[]): Candidate {
  const at = (o: number, h: number) => Array.from({ length: h }, () => y[o - 1]);
  return { method: 'naive', mean: (h) => at(y.length, h), fromOrigin: at };
}

/** Drift: line through the first and last values of the prefix. */
export function driftCandidate(y: readonly number[]): Candidate {
  const at = (o: number, h: number) => {
    const slope = o > 1 ? (y[o - 1] - y[0]) / (o - 1) : 0;
    return Array.from({ length: h }, (_, i) => y[o - 1] + slope * (i + 1));
  };
  return { method: 'drift', mean: (h) => at(y.length, h), fromOrigin: at };
}

/** Fit `make` on log values and exponentiate: multiplicative growth. Needs positive values. */
export function logCandidate(y: readonly number[], make: (v: number[]) => Candidate, method: string): Candidate {
  const c = make(y.map(Math.log));
  return {
    method,
    mean: (h) => c.mean(h).map(Math.exp),
    fromOrigin: (o, h) => c.fromOrigin(o, h).map(Math.exp),
  };
}

/** Seasonal naive on the adjusted values: with reseasonalising this is the plain seasonal naive. */
export function snaiveCandidate(y: readonly number[], m: number): Candidate {
  const at = (o: number, h: number) => Array.from({ length: h }, (_, i) => y[o - m + (i % m)] ?? y[o - 1]);
  return { method: 'snaive', mean: (h) => at(y.length, h), fromOrigin: at };
}
