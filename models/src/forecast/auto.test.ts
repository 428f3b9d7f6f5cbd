import { describe, expect, it } from 'vitest';
import { autoPools, fitAuto } from './auto';
import { AUTO_CANDIDATES, autoCandidate, autoPoolMembers, REGISTRY } from './registry';
import { methods } from './method-table';
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

  it('ranks the yearly pool by rolling-origin error and keeps the best three', () => {
    const fit = fitAuto(yearly);
    // Registry order (registry.ts): the pool members are declared there.
    expect(fit.models.map((m) => m.method)).toEqual(['drift', 'ses', 'theta', 'lholt', 'rtrend']);
    expect(fit.models.filter((m) => m.weight > 0)).toHaveLength(3);
    expect(fit.models.filter((m) => m.weight === 0)).toHaveLength(2);
    expect(fit.params.median).toBe(1);
  });

  it('uses the seasonal pool for quarterly data and reports the seasonal adjustment', () => {
    const fit = fitAuto(quarterly);
    expect(fit.params.seasonal).toBe(1);
    expect(fit.models.map((m) => m.method)).toEqual(['snaive', 'sholt', 'ldrift', 'rtrend', 'naive', 'drift', 'holt', 'lholt']);
    // Two pools averaged: A = snaive×2, sholt, ldrift, rtrend (weights /5); B = naive, snaive, drift, holt, lholt, ldrift (/6).
    const expected = [0.2 + 1 / 12, 0.1, 0.1 + 1 / 12, 0.1, 1 / 12, 1 / 12, 1 / 12, 1 / 12];
    fit.models.forEach((m, i) => expect(m.weight).toBeCloseTo(expected[i], 12));
    expect(fit.params.pools).toBe(2);
  });

  it('averages the weighted medians of the two seasonal pools (weight 2 acts as listing twice)', () => {
    const r = rng(11);
    const v = Array.from({ length: 32 }, (_, t) => (300 + 5 * t + 40 * r()) * pattern[t % 4]);
    const s: Series = { values: v, start: '2000-Q1', frequency: 4 };
    const a = fitAuto(s, { methods: ['snaive', 'snaive', 'sholt', 'ldrift', 'rtrend'] }).forecast(8).mean;
    const b = fitAuto(s, { methods: ['naive', 'snaive', 'drift', 'holt', 'lholt', 'ldrift'] }).forecast(8).mean;
    const both = fitAuto(s).forecast(8).mean;
    both.forEach((x, i) => expect(x).toBeCloseTo((a[i] + b[i]) / 2, 9));
    // …and differs from either pool alone.
    expect(both).not.toEqual(a);
    expect(both).not.toEqual(b);
  });

  it('covers a random walk with its intervals most of the time', () => {
    // 200 simulated random walks: the 80% interval one step ahead should hold the next value roughly 80% of the time.
    const r = rng(99);
    const normal = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
    let hit = 0;
    for (let k = 0; k < 200; k++) {
      const v = [100];
      for (let t = 1; t < 21; t++) v.push(v[t - 1] + normal());
      const fit = fitAuto({ values: v.slice(0, 20), start: '2000', frequency: 1 });
      const iv = fit.forecast(1).intervals[0];
      if (v[20] >= iv.lower[0] && v[20] <= iv.upper[0]) hit++;
    }
    expect(hit / 200).toBeGreaterThan(0.65);
    expect(hit / 200).toBeLessThan(0.97);
  });

  it('works on series with zeros and negative values (additive errors, no capping)', () => {
    const v = [5, -3, 0, 4, -6, 2, 7, -1, 0, 3, -2, 4];
    const f = fitAuto({ values: v, start: '2010', frequency: 1 }).forecast(4);
    expect(f.mean.every(Number.isFinite)).toBe(true);
    expect(f.intervals[1].lower[3]).toBeLessThan(0);
    expect(f.intervals[1].upper[3]).toBeGreaterThan(f.intervals[1].lower[3]);
  });

  it('handles monthly data', () => {
    const r = rng(5);
    const v = Array.from({ length: 48 }, (_, t) => (200 + t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) * (1 + (r() - 0.5) * 0.02));
    const fit = fitAuto({ values: v, start: '2020-01', frequency: 12 });
    expect(fit.params.seasonal).toBe(1);
    const f = fit.forecast(12).mean;
    // Peak near March (sin peak at t ≡ 3), trough near September.
    expect(f[2]).toBeGreaterThan(f[8] * 1.4);
  });

  it('continues exact compound growth with ldrift (drift on logarithms)', () => {
    const v = Array.from({ length: 10 }, (_, t) => 100 * 1.1 ** t);
    const f = fitAuto({ values: v, start: '2010', frequency: 1 }, { methods: ['ldrift'] }).forecast(3).mean;
    f.forEach((x, i) => expect(x).toBeCloseTo(100 * 1.1 ** (10 + i), 8));
  });

  it('rejects an unknown candidate in options.methods', () => {
    expect(() => fitAuto(yearly, { methods: ['ses', 'prophet'] })).toThrow(/cannot combine "prophet"/);
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

  it('takes its candidates and pools from the method registry only', () => {
    const registryEntries = REGISTRY as Record<string, { auto?: unknown }>;
    expect([...AUTO_CANDIDATES]).toEqual(Object.keys(REGISTRY).filter((k) => registryEntries[k]!.auto));
    for (const name of AUTO_CANDIDATES) expect(autoCandidate(name, yearly.values, 1)?.mean(2)).toHaveLength(2);
    expect(autoPools(1)).toEqual([{ ...autoPoolMembers('yearly'), keep: 3 }]);
    const [a, b] = autoPools(4);
    expect(a!.methods).toEqual(autoPoolMembers('seasonal').methods);
    expect(b!.methods).toEqual(autoPoolMembers('seasonal2').methods);
    // Every stand-alone method of the registry is reachable by its alias.
    for (const [alias, entry] of Object.entries(REGISTRY as Record<string, { fit?: unknown }>)) {
      expect(alias in methods).toBe(entry.fit !== undefined);
    }
    expect(methods.auto(yearly).method).toBe('auto');
  });

  it("scale: 'additive' treats positive values as non-levels (log-ratios): symmetric bounds, no cap at 0, no logs", () => {
    // A positive log-ratio falling towards 0: as a level it would be held above 0 with log-scale bounds.
    const v = [2.0, 1.8, 1.7, 1.5, 1.3, 1.2, 1.0, 0.9, 0.7, 0.6, 0.4, 0.3];
    const lvl = fitAuto({ values: v, start: '2010', frequency: 1 }).forecast(6);
    const add = fitAuto({ values: v, start: '2010', frequency: 1 }, { scale: 'additive' }).forecast(6);
    lvl.intervals[1]!.lower.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
    expect(Math.min(...add.intervals[1]!.lower)).toBeLessThan(0);
    add.mean.forEach((m, i) => {
      expect(add.intervals[1]!.upper[i]! - m).toBeCloseTo(m - add.intervals[1]!.lower[i]!, 9);
    });
    // ldrift on logarithms becomes plain drift.
    const d = fitAuto({ values: v, start: '2010', frequency: 1 }, { methods: ['ldrift'], scale: 'additive' }).forecast(3).mean;
    const slope = (v[11]! - v[0]!) / 11;
    d.forEach((x, i) => expect(x).toBeCloseTo(v[11]! + slope * (i + 1), 12));
  });
});
