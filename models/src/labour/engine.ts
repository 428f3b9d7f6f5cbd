/**
 * The labour model's one door into the forecasting engine: fit a cell's
 * annual history with `auto` (or a named method), forecast h years with
 * intervals, and measure backtest accuracy against naive on the same origins.
 */
import { fitMethod, mae, naiveScale, smape } from '../forecast/index';
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

function nullable(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Rolling-origin backtest of `method` and of naive on the same origins: at
 * each origin fit on the data up to it, forecast `h` years, score against the
 * held-out values (MASE scaled by the training part's naive errors, sMAPE,
 * and whether each value fell inside the 80% and 95% intervals). Figures are
 * means over origins (coverage over all held-out points). Naive needs no fit,
 * so it is scored inline. Shorter series use a shorter `h` and fewer origins;
 * all nulls when fewer than `minTrain` points would remain to fit on.
 */
export function cellAccuracy(
  series: Series,
  options: { method?: string; h?: number; origins?: number; minTrain?: number } = {},
): CellAccuracy {
  const y = series.values;
  const n = y.length;
  const minTrain = options.minTrain ?? 4;
  const h = Math.min(options.h ?? 3, n >= 10 ? 3 : n >= 7 ? 2 : 1);
  const origins = Math.min(options.origins ?? 3, n - h - minTrain + 1);
  if (origins < 1) return EMPTY_ACCURACY;
  const method = options.method ?? 'auto';
  let maseSum = 0, maseN = 0, smapeSum = 0, nMaseSum = 0, nMaseN = 0, nSmapeSum = 0;
  let in80 = 0, in95 = 0, points = 0;
  try {
    for (let k = origins - 1; k >= 0; k--) {
      const cut = n - h - k;
      const train = y.slice(0, cut);
      const actual = y.slice(cut, cut + h);
      const fc = fitSeries({ values: train, start: series.start, frequency: series.frequency }, method).forecast(h, { levels: [80, 95] });
      const last = train[cut - 1];
      const naive = actual.map(() => last);
      const scale = naiveScale(train, 1);
      if (scale > 0) {
        // = mase(actual, …, train, 1), without measuring the scale again.
        maseSum += mae(actual, fc.mean) / scale;
        nMaseSum += mae(actual, naive) / scale;
        maseN++;
        nMaseN++;
      }
      smapeSum += smape(actual, fc.mean);
      nSmapeSum += smape(actual, naive);
      const [i80, i95] = [80, 95].map((l) => fc.intervals.find((iv) => iv.level === l)!);
      actual.forEach((v, i) => {
        if (v >= i80.lower[i] && v <= i80.upper[i]) in80++;
        if (v >= i95.lower[i] && v <= i95.upper[i]) in95++;
        points++;
      });
    }
  } catch {
    return EMPTY_ACCURACY;
  }
  return {
    mase: maseN ? nullable(maseSum / maseN) : null,
    smape: nullable(smapeSum / origins),
    coverage80: in80 / points,
    coverage95: in95 / points,
    naiveMase: nMaseN ? nullable(nMaseSum / nMaseN) : null,
    naiveSmape: nullable(nSmapeSum / origins),
    origins,
  };
}
