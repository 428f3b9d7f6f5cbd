/**
 * Forecasting shares that must stay in 0–100 % and add up to 100 %, such as
 * employment by broad sector (agriculture / industry / services) or by
 * qualification level. Each share is moved to log-ratio space (centred
 * log-ratio, CLR: z_k = ln x_k − mean_j ln x_j), forecast there with any
 * FitFn, and mapped back with the softmax, so every forecast share is in
 * (0, 100) and the shares sum to 100 by construction.
 *
 * Log-ratios are not levels: by default they go to `auto` with
 * `scale: 'additive'` (additive errors, no log candidates, no cap at 0), and
 * so do the logits of the bands (see `forecastShares`).
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
  /** Forecaster for each log-ratio and logit series; default `auto` with `scale: 'additive'`. */
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
      throw new ForecastError('INVALID_OPTION', `Every share series must cover the same periods: "${name}" has ${v.length} values, "${names[0]}" has ${n}.`, {
        component: name,
      });
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
      throw new ForecastError('INVALID_OPTION', `The shares of period number ${t + 1} add up to ${total.toFixed(2)} %, not 100 %.`, { index: t, total });
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

/** `auto` for values that are not levels (log-ratios, logits). */
export const fitAdditive: FitFn = (series, options) => fitAuto(series, { ...options, scale: 'additive' });

/** ln(p / (100 − p)) of a share in percent, floored away from 0 and 100. */
export function shareLogit(p: number, floor = 0.01): number {
  const q = Math.min(100 - floor, Math.max(floor, p));
  return Math.log(q / (100 - q));
}

/** Inverse of `shareLogit`, in percent. */
export function shareFromLogit(x: number): number {
  return 100 / (1 + Math.exp(-x));
}

/**
 * Forecast shares h periods ahead. Means: the softmax of the forecast
 * centred log-ratios (coherent: they sum to 100). Bands of component k: its
 * own logit series ln(x_k / (100 − x_k)) is forecast with the same engine and
 * calibrated intervals as any series, and the logit-scale offsets of its
 * bounds (lower and upper, per level and step) are applied around the logit
 * of the coherent mean, then mapped back. So each share's band is calibrated
 * on the share's own history, stays in (0, 100) and contains the mean; the
 * negative correlation of a composition's log-ratios never enters, because
 * the band is for the marginal share itself (the former quadrature sum of
 * two log-ratio half-widths assumed them independent and was too wide for
 * the dominant share and too narrow for small ones). Coverage on the ILO
 * sector shares, 2018–2023, is measured by `pnpm bench:labour`.
 */
export function forecastShares(shares: ShareSeries, h: number, options: ShareForecastOptions = {}): ShareForecast {
  const { names, n } = check(shares);
  const fit = options.fit ?? fitAdditive;
  const levels = options.levels ?? [80, 95];
  const floor = options.floor ?? 0.01;
  const z: number[][] = names.map(() => []);
  for (let t = 0; t < n; t++) {
    toLogRatios(
      names.map((name) => shares.components[name]![t]!),
      floor,
    ).forEach((v, k) => z[k]!.push(v));
  }
  const fits: Record<string, Fit> = {};
  const zf = names.map((name, k) => {
    const f = fit({ values: z[k]!, start: shares.start, frequency: shares.frequency });
    fits[name] = f;
    return f.forecast(h, { levels });
  });
  const means = names.map(() => [] as number[]);
  for (let i = 0; i < h; i++) fromLogRatios(zf.map((f) => f.mean[i]!)).forEach((v, k) => means[k]!.push(v));

  const components: Record<string, Forecast> = {};
  names.forEach((name, k) => {
    const lf = fit({ values: shares.components[name]!.map((x) => shareLogit(x, floor)), start: shares.start, frequency: shares.frequency }).forecast(h, {
      levels,
    });
    const centre = means[k]!.map((m) => shareLogit(m, floor));
    components[name] = {
      mean: means[k]!,
      intervals: lf.intervals.map((iv) => ({
        level: iv.level,
        lower: centre.map((c, i) => Math.min(shareFromLogit(c - Math.max(0, lf.mean[i]! - iv.lower[i]!)), means[k]![i]!)),
        upper: centre.map((c, i) => Math.max(shareFromLogit(c + Math.max(0, iv.upper[i]! - lf.mean[i]!)), means[k]![i]!)),
      })),
    };
  });
  return { components, fits };
}
