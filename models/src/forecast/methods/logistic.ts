import { sampleStandardDeviation } from 'simple-statistics';
import { ForecastError } from '../errors';
import { makeFit } from '../make-fit';
import { parsePeriod, periodsBetween } from '../periods';
import { assertPositive, checkSeries, endPeriod } from '../series';
import type { Fit, FitOptions, Series } from '../types';

/** Share of the saturation level reached at the target period. */
const SHARE_AT_TARGET = 0.95;
/** Log-scale step volatility assumed when the history is too short to measure it. */
const DEFAULT_VOLATILITY = 0.1;
/** Floor on the measured volatility: a policy path is never certain. */
const MIN_VOLATILITY = 0.05;

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Logistic growth path for a new field with a policy target and little history
 * (`options.target = { level, period }`). The path starts at the last observed
 * value, passes through the target level at the target period (95% of the
 * saturation level K = target/0.95) and keeps flattening after it, so it stays
 * bounded. A decline toward a lower target is the same curve on 1/y.
 *
 * Intervals are log-normal around the path: σ·√h on the log scale, σ measured
 * from the history's log growth rates (≥ 0.05; 0.1 with fewer than 3 values).
 * They express volatility around the policy path, not doubt about the policy.
 * @throws ForecastError INVALID_OPTION when the target is missing, not positive or not after the data.
 */
export function fitLogistic(series: Series, options: FitOptions = {}): Fit {
  const y = checkSeries(series, 1, 'logistic');
  assertPositive(y, 'logistic');
  const target = options.target;
  if (!target || !(typeof target.level === 'number' && Number.isFinite(target.level) && target.level > 0)) {
    throw new ForecastError(
      'INVALID_OPTION',
      'The logistic method needs a target: a level above zero and the period by which to reach it, e.g. { level: 50000, period: "2030" }.',
      { target },
    );
  }
  const p = parsePeriod(target.period);
  if (p.frequency !== series.frequency) {
    throw new ForecastError('INVALID_OPTION', `The target period "${target.period}" does not match the series frequency.`, { target });
  }
  const steps = periodsBetween(endPeriod(series), target.period);
  if (steps < 1) {
    throw new ForecastError('INVALID_OPTION', `The target period ${target.period} must come after the last observation (${endPeriod(series)}).`, {
      target,
      end: endPeriod(series),
    });
  }
  const n = y.length;
  const last = y[n - 1];
  const declining = target.level < last;
  // Work on 1/y for a decline, so the same bounded curve applies.
  const tr = (v: number) => (declining ? 1 / v : v);
  const from = tr(last);
  const to = tr(target.level);
  const K = to / SHARE_AT_TARGET;
  const x0 = logit(Math.min(from / K, SHARE_AT_TARGET));
  const r = (logit(SHARE_AT_TARGET) - x0) / steps;
  const at = (i: number) => (from === to ? last : tr(K * sigmoid(x0 + r * i)));

  let sigma = DEFAULT_VOLATILITY;
  if (n >= 3) {
    const g = y.slice(1).map((v, i) => Math.log(v / y[i]));
    sigma = Math.max(MIN_VOLATILITY, sampleStandardDeviation(g));
  }
  const fitted = y.map((_, i) => (i === n - 1 ? last : NaN));
  return makeFit({
    method: 'logistic',
    fitted,
    params: { saturation: tr(K), rate: r, steps, sigma },
    intervalKind: 'analytic',
    nonNegative: true,
    path: (h) => ({
      mean: Array.from({ length: h }, (_, i) => at(i + 1)),
      sd: Array.from({ length: h }, (_, i) => sigma * Math.sqrt(i + 1)),
      logScale: true,
    }),
  });
}
