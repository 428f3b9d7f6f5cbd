import { describe, expect, it } from 'vitest';
import { coverage, finiteMean, mae, mape, mase, naiveScale, owa, rmse, smape, winkler } from './accuracy';
import { ForecastError } from './errors';

// Hand-worked case: errors are +2, −2, +3.
const actual = [10, 20, 30];
const forecast = [12, 18, 33];

describe('point accuracy', () => {
  it('mae = (2 + 2 + 3) / 3', () => {
    expect(mae(actual, forecast)).toBeCloseTo(7 / 3, 12);
  });

  it('rmse = sqrt((4 + 4 + 9) / 3)', () => {
    expect(rmse(actual, forecast)).toBeCloseTo(Math.sqrt(17 / 3), 12);
  });

  it('mape = 100·(0.2 + 0.1 + 0.1) / 3', () => {
    expect(mape(actual, forecast)).toBeCloseTo(40 / 3, 12);
  });

  it('smape uses the M4 0–200 definition', () => {
    const expected = (200 * 2) / 22 / 3 + (200 * 2) / 38 / 3 + (200 * 3) / 63 / 3;
    expect(smape(actual, forecast)).toBeCloseTo(expected, 12);
    expect(smape(actual, forecast)).toBeCloseTo(12.743981, 5);
    // Symmetric in its arguments, bounded by 200, 0 when both are 0.
    expect(smape(forecast, actual)).toBeCloseTo(smape(actual, forecast), 12);
    expect(smape([5], [-5])).toBe(200);
    expect(smape([0], [0])).toBe(0);
  });

  it('perfect forecasts score 0', () => {
    expect(mae(actual, actual)).toBe(0);
    expect(smape(actual, actual)).toBe(0);
    expect(mase(actual, actual, [1, 2, 4])).toBe(0);
  });

  it('rejects misaligned or empty arrays with a ForecastError', () => {
    expect(() => mae([1, 2], [1])).toThrow(ForecastError);
    expect(() => smape([], [])).toThrow(/no values/);
  });
});

describe('mase', () => {
  const train = [1, 3, 2, 6];

  it('scales by the in-sample naive MAE (|2|+|−1|+|4|)/3', () => {
    expect(naiveScale(train)).toBeCloseTo(7 / 3, 12);
    expect(mase(actual, forecast, train)).toBeCloseTo(1, 12);
  });

  it('uses the seasonal difference for period m', () => {
    // |2 − 1| and |6 − 3| → scale 2.
    expect(mase(actual, forecast, train, 2)).toBeCloseTo(7 / 6, 12);
  });

  it('can measure the scale over train + test (tourism papers)', () => {
    // 1,3,2,6,10,20,30 → differences 2,1,4,4,10,10 → 31/6.
    expect(mase(actual, forecast, train, 1, { scaleOver: 'train+test' })).toBeCloseTo(14 / 31, 12);
  });

  it('is NaN for a constant training series and throws when too short', () => {
    expect(mase(actual, forecast, [5, 5, 5])).toBeNaN();
    expect(() => mase(actual, forecast, [5, 6, 7, 8], 4)).toThrow(/more than 4 training values/);
  });
});

describe('interval accuracy', () => {
  const lower = [9, 21, 30];
  const upper = [11, 25, 31];

  it('coverage counts points inside, bounds included', () => {
    expect(coverage(actual, lower, upper)).toBeCloseTo(2 / 3, 12);
  });

  it('winkler adds (2/α)·miss to the width', () => {
    // 80 %: α = 0.2 → penalty 10 per unit missed; widths 2, 4, 1; 20 is 1 below 21.
    expect(winkler(actual, lower, upper, 80)).toBeCloseTo((2 + 4 + 10 + 1) / 3, 12);
    // 95 %: penalty 40 per unit.
    expect(winkler(actual, lower, upper, 95)).toBeCloseTo((2 + 4 + 40 + 1) / 3, 12);
    expect(() => winkler(actual, lower, upper, 100)).toThrow(ForecastError);
  });
});

describe('owa and averaging', () => {
  it('is the M4 ratio of means', () => {
    expect(owa({ mase: 2.8, smape: 16 }, { mase: 3.5, smape: 20 })).toBeCloseTo(0.8, 12);
    expect(owa({ mase: 3.5, smape: 20 }, { mase: 3.5, smape: 20 })).toBe(1);
  });

  it('finiteMean skips NaN and infinities', () => {
    expect(finiteMean([1, Number.NaN, 3, Infinity])).toBe(2);
    expect(finiteMean([Number.NaN])).toBeNaN();
  });
});
