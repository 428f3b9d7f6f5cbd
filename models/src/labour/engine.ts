/**
 * The labour model's one door into the forecasting engine: fit a cell's
 * annual history with `auto` (or a named method), forecast h years with
 * intervals, and measure backtest accuracy against naive on the same origins.
 */
import { backtest, fitMethod, scoreBacktest } from '../forecast/index';
import type { Fit, FitOptions, Forecast, Series } from '../forecast/types';
import type { CellAccuracy } from './types';

/** Fit `method` (default `auto`) on a series through the engine's registry. */
export function fitSeries(series: Series, method = 'auto', options?: FitOptions): Fit {
  return fitMethod(method, series, options);
}

/** Result of fitting and forecasting one cell. */
export interface CellFit {
  fit: Fit;
  forecast: Forecast;
}

/** Fit and forecast `h` steps at `levels`. Series of one point forecast flat with no interval. */
export function forecastCell(series: Series, h: number, levels: number[], method = 'auto'): CellFit {
  const fit = fitSeries(series, method);
  return { fit, forecast: fit.forecast(h, { levels }) };
}

const EMPTY_ACCURACY: CellAccuracy = {
  mase: null, smape: null, coverage80: null, coverage95: null, naiveMase: null, naiveSmape: null, origins: 0,
};

function nullable(x: number | undefined): number | null {
  return x === undefined || !Number.isFinite(x) ? null : x;
}

/**
 * Rolling-origin backtest of `method` and of naive on the same origins
 * (`origins` windows of `h` years). Returns nulls when the series is too short
 * to leave at least `minTrain` points at the first origin.
 */
export function cellAccuracy(
  series: Series,
  options: { method?: string; h?: number; origins?: number; minTrain?: number } = {},
): CellAccuracy {
  const h = options.h ?? 3;
  const origins = options.origins ?? 3;
  const minTrain = options.minTrain ?? 6;
  if (series.values.length - h - (origins - 1) < minTrain) return EMPTY_ACCURACY;
  try {
    const rows = backtest(series, options.method ?? 'auto', { h, origins, levels: [80, 95] });
    const s = scoreBacktest(series, rows);
    const naive = scoreBacktest(series, backtest(series, 'naive', { h, origins, levels: [80, 95] }));
    return {
      mase: nullable(s.mase),
      smape: nullable(s.smape),
      coverage80: nullable(s.coverage[80]),
      coverage95: nullable(s.coverage[95]),
      naiveMase: nullable(naive.mase),
      naiveSmape: nullable(naive.smape),
      origins: s.origins,
    };
  } catch {
    return EMPTY_ACCURACY;
  }
}
