/**
 * Shared shapes of the forecasting engine. Every method is split into a fit
 * step (`FitFn`) and a forecast step (`Fit.forecast`), as in fable and augurs.
 */

/** Seasonal period: 1 = yearly, 4 = quarterly, 12 = monthly. */
export type Frequency = 1 | 4 | 12;

/** A regular time series. `start` is a period label: `2024`, `2024-Q3` or `2024-07`. */
export interface Series {
  values: number[];
  start: string;
  frequency: Frequency;
}

/** One prediction interval at `level` percent (e.g. 80 or 95), one bound per horizon step. */
export interface Interval {
  level: number;
  lower: number[];
  upper: number[];
}

/** The single forecast shape every method returns. */
export interface Forecast {
  mean: number[];
  intervals: Interval[];
}

export interface ForecastOptions {
  /** Interval levels in percent; default [80, 95]. */
  levels?: number[];
}

/** How a model's intervals were obtained, so the UI and docs can say it. */
export type IntervalKind = 'analytic' | 'empirical' | 'bootstrap' | 'none';

/** A model used inside a forecast, with its weight in the combination. */
export interface ModelWeight {
  method: string;
  weight: number;
}

/** A fitted model. Calling `forecast` never refits. */
export interface Fit {
  /** Registry alias of the method (`holt`, `theta`, `auto`, …). */
  method: string;
  /** One-step-ahead in-sample fitted values (NaN where undefined). */
  fitted: number[];
  /** Estimated parameters, for display and tests. */
  params: Record<string, number>;
  intervalKind: IntervalKind;
  /** For combinations (`auto`): which models with what weights. Single methods list themselves with weight 1. */
  models: ModelWeight[];
  forecast(h: number, options?: ForecastOptions): Forecast;
}

export interface FitOptions {
  /** Target for the logistic method. */
  target?: { level: number; period: string };
  /** Restrict `auto` to these aliases. */
  methods?: string[];
  /**
   * Error scale of `auto`. Default `'auto'`: a strictly positive series is a
   * level, modelled with multiplicative (log-scale) errors and growth
   * candidates on logarithms, and never forecast below 0. `'additive'`: the
   * values are not levels (log-ratios, differences, rates that may cross 0),
   * so errors are additive, no candidate takes logarithms and nothing is
   * capped at 0.
   */
  scale?: 'auto' | 'additive';
}

export type FitFn = (series: Series, options?: FitOptions) => Fit;
