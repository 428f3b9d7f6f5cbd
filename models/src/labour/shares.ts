/**
 * Forecasting shares that must stay in 0–100 % and add up to 100 %, such as
 * employment by broad sector (agriculture / industry / services) or by
 * qualification level. Each share is moved to log-ratio space (centred
 * log-ratio, CLR: z_k = ln x_k − mean_j ln x_j), forecast there with any
 * FitFn, and mapped back with the softmax, so every forecast share is in
 * (0, 100) and the shares sum to 100 by construction.
 */
import { ForecastError } from '../forecast/errors';
import { fitAuto } from '../forecast/auto';
import type { Fit, FitFn, Forecast, Frequency } from '../forecast/types';

/** Shares of the same whole, in percent, observed over the same periods. */
export interface ShareSeries {
  start: string;
  frequency: Frequency;
  /** Component name → shares in percent, one per period, all the same length. */
  components: Record<string, number[]>;
}

export interface ShareForecastOptions {
  /** Forecaster for each log-ratio series; default `fitAuto`. */
  fit?: FitFn;
  /** Interval levels in percent; default [80, 95]. */
  levels?: number[];
  /**
   * Smallest share used before taking logs, in percent (default 0.01):
   * a share of exactly 0 would be −∞ in log-ratio space.
   */
  floor?: number;
}

/** Forecast of every component: means sum to 100; intervals stay inside (0, 100). */
export interface ShareForecast {
  components: Record<string, Forecast>;
  /** The fits in log-ratio space, for model details and weights. */
  fits: Record<string, Fit>;
}

function check(shares: ShareSeries): { names: string[]; n: number } {
  const names = Object.keys(shares.components);
  if (names.length < 2) {
    throw new ForecastError('INVALID_OPTION', `Shares need at least two components; got ${names.length}.`);
  }
  const n = shares.components[names[0]!]!.length;
  for (const name of names) {
    const v = shares.components[name]!;
    if (v.length !== n) {
      throw new ForecastError(
        'INVALID_OPTION',
        `Every share series must cover the same periods: "${name}" has ${v.length} values, "${names[0]}" has ${n}.`,
        { component: name },
      );
    }
    v.forEach((x, i) => {
      if (!Number.isFinite(x)) {
        throw new ForecastError('NON_FINITE_VALUE', `Share "${name}" value number ${i + 1} is ${String(x)}.`, { component: name, index: i });
      }
      if (x < 0 || x > 100) {
        throw new ForecastError('INVALID_OPTION', `Share "${name}" value number ${i + 1} is ${x} %; shares must be between 0 and 100.`, {
          component: name,
          index: i,
        });
      }
    });
  }
  for (let t = 0; t < n; t++) {
    const total = names.reduce((s, name) => s + shares.components[name]![t]!, 0);
    if (Math.abs(total - 100) > 1) {
      throw new ForecastError(
        'INVALID_OPTION',
        `The shares of period number ${t + 1} add up to ${total.toFixed(2)} %, not 100 %.`,
        { index: t, total },
      );
    }
  }
  return { names, n };
}

/** Centred log-ratios of one period's shares. */
export function toLogRatios(shares: readonly number[], floor = 0.01): number[] {
  const logs = shares.map((x) => Math.log(Math.max(x, floor)));
  const centre = logs.reduce((a, b) => a + b, 0) / logs.length;
  return logs.map((l) => l - centre);
}

/** Inverse of `toLogRatios`: softmax scaled to 100. */
export function fromLogRatios(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => (100 * v) / sum);
}

/**
 * Forecast shares h periods ahead. Means: the softmax of the forecast log
 * ratios. Intervals of component k: each log-odds z_j − z_k is moved from its
 * mean by √(w_k² + w_j²), the half-widths of the two log-ratio intervals
 * combined as if their errors were independent, and mapped back; bounds stay
 * in (0, 100) and around the mean. Approximate (intervals of a composition
 * are not exact marginals); on the ILO sector shares, 2018–2023 coverage is
 * measured by `pnpm bench:labour`.
 */
export function forecastShares(shares: ShareSeries, h: number, options: ShareForecastOptions = {}): ShareForecast {
  const { names, n } = check(shares);
  const fit = options.fit ?? fitAuto;
  const levels = options.levels ?? [80, 95];
  const floor = options.floor ?? 0.01;
  const z: number[][] = names.map(() => []);
  for (let t = 0; t < n; t++) {
    toLogRatios(names.map((name) => shares.components[name]![t]!), floor).forEach((v, k) => z[k]!.push(v));
  }
  const fits: Record<string, Fit> = {};
  const zf = names.map((name, k) => {
    const f = fit({ values: z[k]!, start: shares.start, frequency: shares.frequency });
    fits[name] = f;
    return f.forecast(h, { levels });
  });
  const means = names.map(() => [] as number[]);
  for (let i = 0; i < h; i++) fromLogRatios(zf.map((f) => f.mean[i]!)).forEach((v, k) => means[k]!.push(v));

  // Bound of share k at one step: every log-odds z_j − z_k moves away from its
  // mean by the quadrature sum of the two half-widths, as for independent errors.
  const bound = (k: number, li: number, i: number, side: 'lower' | 'upper') => {
    const fk = zf[k]!;
    const wk = side === 'lower' ? fk.mean[i]! - fk.intervals[li]!.lower[i]! : fk.intervals[li]!.upper[i]! - fk.mean[i]!;
    let others = 0;
    zf.forEach((f, j) => {
      if (j === k) return;
      const iv = f.intervals[li]!;
      const wj = side === 'lower' ? iv.upper[i]! - f.mean[i]! : f.mean[i]! - iv.lower[i]!;
      const shift = Math.hypot(Math.max(wk, 0), Math.max(wj, 0));
      others += Math.exp(f.mean[i]! - fk.mean[i]! + (side === 'lower' ? shift : -shift));
    });
    return 100 / (1 + others);
  };
  const components: Record<string, Forecast> = {};
  names.forEach((name, k) => {
    const steps = Array.from({ length: h }, (_, i) => i);
    components[name] = {
      mean: means[k]!,
      intervals: zf[k]!.intervals.map((iv, li) => ({
        level: iv.level,
        lower: steps.map((i) => Math.min(bound(k, li, i, 'lower'), means[k]![i]!)),
        upper: steps.map((i) => Math.max(bound(k, li, i, 'upper'), means[k]![i]!)),
      })),
    };
  });
  return { components, fits };
}
