import { describe, expect, it } from 'vitest';
import { fitAuto } from './auto';
import type { Series } from './types';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (1664525 * s + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('auto', () => {
  const rand = rng(3);
  const yearly: Series = { values: Array.from({ length: 14 }, (_, t) => 1000 * 1.04 ** t * (1 + (rand() - 0.5) * 0.06)), start: '2010', frequency: 1 };
  const pattern = [0.85, 1.05, 1.25, 0.85];
  const quarterly: Series = {
    values: Array.from({ length: 40 }, (_, t) => (500 + 4 * t) * pattern[t % 4] * (1 + (rand() - 0.5) * 0.04)),
    start: '2014-Q1',
    frequency: 4,
  };

  it('is deterministic bit for bit', () => {
    const a = fitAuto(yearly).forecast(6, { levels: [80, 95] });
    const b = fitAuto({ ...yearly, values: [...yearly.values] }).forecast(6, { levels: [80, 95] });
    expect(b).toEqual(a);
  });

  it('records the models it combined with weights summing to 1', () => {
    const fit = fitAuto(yearly);
    expect(fit.models.length).toBeGreaterThan(0);
    expect(fit.models.reduce((s, m) => s + m.weight, 0)).toBeCloseTo(1, 12);
    expect(fit.intervalKind).toBe('empirical');
  });

  it('keeps the seasonal pattern of a seasonal series', () => {
    const f = fitAuto(quarterly).forecast(8).mean;
    // 40 values from 2014-Q1: the forecast starts at Q1; Q3 is the peak.
    expect(f[2]).toBeGreaterThan(f[1]);
    expect(f[2]).toBeGreaterThan(f[3]);
    expect(f[2] / f[0]).toBeGreaterThan(1.3);
  });

  it('honours options.methods', () => {
    const fit = fitAuto(yearly, { methods: ['naive'] });
    expect(fit.models).toEqual([{ method: 'naive', weight: 1 }]);
    expect(fit.forecast(3).mean).toEqual([yearly.values[13], yearly.values[13], yearly.values[13]]);
  });

  it('handles series of 3 values and long horizons with widening intervals', () => {
    const f = fitAuto({ values: [10, 12, 11], start: '2021', frequency: 1 }).forecast(10);
    const w = f.intervals[1].upper.map((u, i) => u - f.intervals[1].lower[i]);
    w.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(w[i]));
    expect(w[9]).toBeGreaterThan(w[0]);
  });
});
