import { describe, expect, it } from 'vitest';
import type { Observation } from '../../data/observation';
import { computeBase } from '../base';
import { indexObservations } from '../observations';
import { economyDemand } from './demand';
import { buildNationalSystem } from './national-system';
import { dampedGrowth, growthIndex, logLinearGrowth } from './productivity';
import { driftForecaster } from './forecaster';

import { country, o, structure } from '../../../test/test-country';

describe('national system', () => {
  const rows = country();
  const base = computeBase(rows, { structure, backtest: 'aggregates' });
  const sys = base.system!;

  it('reproduces the official base year exactly and keeps E ≤ LF × (1 − u_min), u = 1 − E/LF', () => {
    expect(sys.baseYear).toBe(2025);
    const b = sys.baseIndex;
    const lf2025 = rows.find((r) => r.indicator === 'labour_force' && r.period === '2025')!.value;
    const e2025 = rows.find((r) => r.indicator === 'employment' && r.region === 'VN' && r.period === '2025')!.value;
    expect(sys.labourForce.mean[b]).toBe(lf2025);
    expect(sys.employment.mean[b]).toBe(e2025);
    sys.years.forEach((_, i) => {
      expect(sys.unemploymentRate[i]).toBeCloseTo(100 * (1 - sys.employment.mean[i] / sys.labourForce.mean[i]), 9);
      if (i > b) expect(sys.employment.mean[i]).toBeLessThanOrEqual(sys.labourForce.mean[i] * (1 - sys.minUnemploymentRate) * (1 + 1e-12));
    });
    expect(sys.lfEntrants).toHaveLength(10);
    expect(sys.retirementRate.every((r) => r > 0 && r < 0.05)).toBe(true);
    expect(Object.values(sys.entryMix).reduce((a, x) => a + x, 0)).toBeCloseTo(1, 9);
  });

  it('the grid: national TOTAL = system employment, sections from value added, base cells unchanged', () => {
    const g = base.main!.grid;
    const n = (r: string, s: string, q: string) => g.nodes.find((x) => x.region === r && x.sector === s && x.qualification === q)!;
    const total = n('VN', 'TOTAL', 'ALL');
    total.mean.forEach((v, t) => expect(v).toBeCloseTo(sys.employment.mean[sys.baseIndex + 1 + t], 3));
    // Agriculture's value added grows slower than its productivity history: it declines, manufacturing grows.
    expect(n('VN', 'A', 'ALL').mean[9]).toBeLessThan(n('VN', 'A', 'ALL').base);
    expect(n('VN', 'C', 'ALL').mean[9]).toBeGreaterThan(n('VN', 'C', 'ALL').base);
    expect(g.method).toBe('shares');
  });

  it('official overview series come from the system', () => {
    const lf = base.official.find((f) => f.indicator === 'labour_force' && f.region === 'VN')!;
    const ur = base.official.find((f) => f.indicator === 'unemployment_rate' && f.region === 'VN')!;
    expect(lf.forecast.mean[0]).toBe(Math.round(sys.labourForce.mean[sys.baseIndex + 1]));
    expect(ur.forecast.mean[0]).toBeCloseTo(sys.unemploymentRate[sys.baseIndex + 1], 6);
  });
});

describe('unemployment floor and the cap', () => {
  const rows = country();
  const index = indexObservations(rows);
  const years = Array.from({ length: 10 }, (_, i) => 2016 + i);
  const sum = (f: (r: Observation) => boolean, y: number) =>
    rows.filter((r) => r.indicator === 'employment' && r.period === String(y) && f(r)).reduce((a, r) => a + r.value, 0);
  const sec = (s: string) => ({ years, values: years.map((y) => sum((r) => r.region !== 'VN' && r.sector === s, y)) });
  const build = (mult?: number) =>
    buildNationalSystem(rows, index, {
      baseYear: 2025,
      horizon: 10,
      levels: [80, 95],
      forecaster: driftForecaster(),
      broadOf: (s) => s,
      sections: { A: sec('A'), C: sec('C') },
      national: { years, values: years.map((y) => sum((r) => r.region === 'VN', y)) },
      ...(mult ? { valueAddedMultiplier: () => Array.from({ length: 10 }, (_, t) => mult ** (t + 1)) } : {}),
    });

  it('u_min = lowest official rate since the break − 0.5 pp, never above the base-year system rate', () => {
    const { system } = build();
    // Official rate 2.5 % every year, system base rate 1 − E/LF = 2.5 %: floor 2.0 %.
    expect(system.minUnemploymentRate).toBeCloseTo(0.02, 9);
    expect(system.methods.find((m) => m.id === 'one-system')!.en).toContain('2021–2025 (2.50 %) less a 0.5 percentage-point frictional margin');
  });

  it('demand below supply: nothing capped and the unemployment rate rises', () => {
    const { system } = build(0.97); // value added 3 % a year below the default path
    expect(system.cappedYears).toEqual([]);
    const b = system.baseIndex;
    expect(system.unemploymentRate.at(-1)!).toBeGreaterThan(system.unemploymentRate[b] + 1);
    system.demandBeforeCap!.forEach((d, t) => expect(system.employment.mean[b + 1 + t]).toBeCloseTo(d, 6));
  });

  it('demand above supply: the rate falls toward u_min by at most 0.2 pp a year, E = LF × (1 − u_t) ≤ demand', () => {
    const { system } = build(1.2);
    expect(system.cappedYears.length).toBeGreaterThan(0);
    expect(system.maxRateFallPerYear).toBeCloseTo(0.002, 12);
    const b = system.baseIndex;
    for (const y of system.cappedYears) {
      const i = system.years.indexOf(y);
      const prev = system.unemploymentRate[i - 1];
      expect(system.unemploymentRate[i]).toBeCloseTo(Math.max(100 * system.minUnemploymentRate, prev - 0.2), 6);
      expect(system.employment.mean[i]).toBeLessThanOrEqual(system.labourForce.mean[i]);
      expect(system.demandBeforeCap![i - b - 1]).toBeGreaterThan(system.employment.mean[i]);
    }
    // Capped from the first year: u_t = u_base − 0.2 pp × t until the floor.
    if (system.cappedYears[0] === 2026) {
      for (let k = 0; k < 3; k++)
        expect(system.unemploymentRate[b + 1 + k]).toBeCloseTo(Math.max(100 * system.minUnemploymentRate, system.unemploymentRate[b] - 0.2 * (k + 1)), 6);
    }
  });

  it('coherent bands: rate band from the official rate, E bounds from LF and rate bounds, E ≤ LF at every bound', () => {
    const { system } = build(1.2);
    const b = system.baseIndex;
    const ub = system.unemploymentBand!;
    expect(ub.mean).toEqual(system.unemploymentRate);
    for (const iv of ub.intervals) {
      const lf = system.labourForce.intervals.find((x) => x.level === iv.level)!;
      const e = system.employment.intervals.find((x) => x.level === iv.level)!;
      for (let i = b + 1; i < system.years.length; i++) {
        expect(iv.lower[i]).toBeGreaterThanOrEqual(0);
        expect(iv.upper[i]).toBeLessThanOrEqual(100);
        expect(iv.lower[i]).toBeLessThanOrEqual(ub.mean[i] + 1e-12);
        expect(iv.upper[i]).toBeGreaterThanOrEqual(ub.mean[i] - 1e-12);
        expect(e.lower[i]).toBeCloseTo(Math.min(system.employment.mean[i], lf.lower[i] * (1 - iv.upper[i] / 100)), 3);
        expect(e.upper[i]).toBeLessThanOrEqual(lf.upper[i] * (1 - iv.lower[i] / 100) + 1e-6);
        expect(e.lower[i]).toBeLessThanOrEqual(lf.lower[i]);
        expect(e.upper[i]).toBeLessThanOrEqual(lf.upper[i]);
      }
    }
    // A constant official rate (2.5 % every year) gives a zero-width rate band.
    const i = system.years.length - 1;
    expect(ub.intervals[0].upper[i] - ub.intervals[0].lower[i]).toBeCloseTo(0, 9);
    expect(system.methods.map((m) => m.id)).toEqual(expect.arrayContaining(['coherent-bands', 'small-cells']));
    expect(system.methods.find((m) => m.id === 'one-system')!.en).toContain('by at most 0.2 percentage points a year');
  });
});

describe('demand from value added (hand-worked)', () => {
  it('broad-sector productivity fitted after the break turns value added into employment, base year exact', () => {
    // Employment on the old basis (2014–2020) is twice the new one: a trend across the break would read it as productivity growth.
    const rows: Observation[] = [];
    const years = Array.from({ length: 10 }, (_, i) => 2014 + i);
    for (const y of years) rows.push(o('value_added_real', y, 'VN', 'C', 'ALL', 100 * 1.05 ** (y - 2014), 'official', 'billion_vnd'));
    const emp = years.map((y) => ((100 * 1.05 ** (y - 2014)) / (0.001 * 1.03 ** (y - 2014))) * (y < 2021 ? 2 : 1));
    const d = economyDemand(
      indexObservations(rows),
      { C: { years, values: emp } },
      { baseYear: 2023, horizon: 3, forecaster: driftForecaster(), broadOf: (s) => s, breakYear: 2021 },
    );
    expect(d.sections.C.method).toBe('broad-productivity');
    // Post-break window 2021–2023: productivity grows exactly 3 %/yr (not the break's −69 %).
    expect(d.trends[0].years).toEqual([2021, 2022, 2023]);
    expect(d.trends[0].fitted).toBeCloseTo(Math.log(1.03), 9);
    // No national employment in the data: the long run falls back to the fitted rate, so growth stays ln 1.03.
    expect(d.longRun.fallback).toBe(true);
    d.trends[0].path.forEach((g) => expect(g).toBeCloseTo(Math.log(1.03), 9));
    // E = VA / productivity from the exact base: E_t / E_base = (VA_t / VA_base) / 1.03^t.
    const va = d.sections.C.valueAdded!;
    d.sections.C.path.forEach((e, t) => expect(e / emp[9]).toBeCloseTo(va[t + 1] / va[0] / 1.03 ** (t + 1), 9));
  });

  it("damps toward the long-run aggregate and splits a broad sector by its sections' value added", () => {
    const rows: Observation[] = [];
    const years = Array.from({ length: 10 }, (_, i) => 2016 + i);
    for (const y of years) {
      rows.push(o('value_added_real', y, 'VN', 'C', 'ALL', 200 * 1.08 ** (y - 2016), 'official', 'billion_vnd'));
      rows.push(o('value_added_real', y, 'VN', 'F', 'ALL', 100 * 1.04 ** (y - 2016), 'official', 'billion_vnd'));
      // National employment grows 1 %/yr: aggregate productivity ≈ Σ VA growth − 1 %.
      rows.push(o('employment', y, 'VN', 'TOTAL', 'ALL', 1000 * 1.01 ** (y - 2016)));
    }
    const e = (base: number, g: number) => years.map((y) => base * g ** (y - 2016));
    const d = economyDemand(
      indexObservations(rows),
      { C: { years, values: e(600, 1.03) }, F: { years, values: e(400, 1.01) }, U: { years, values: e(10, 1) } },
      { baseYear: 2025, horizon: 10, forecaster: driftForecaster(), broadOf: () => 'B-F', breakYear: 2021, damping: 0.5 },
    );
    const tr = d.trends[0];
    expect(d.longRun.fallback).toBe(false);
    // g(t) = g∞ + (g0 − g∞)·0.5^t.
    tr.path.forEach((g, k) => expect(g).toBeCloseTo(d.longRun.growth + (tr.fitted! - d.longRun.growth) * 0.5 ** (k + 1), 12));
    // C's value added grows faster than F's: C gains share inside B-F; U (no value added) keeps its base share of the VA sections.
    const c = d.sections.C.path,
      f = d.sections.F.path,
      u = d.sections.U.path;
    expect(c[9] / f[9]).toBeGreaterThan(c[0] / f[0]);
    expect(d.sections.U.method).toBe('broad-share');
    u.forEach((v, t) => expect(v / (c[t] + f[t])).toBeCloseTo((10 * 1 ** 9) / (600 * 1.03 ** 9 + 400 * 1.01 ** 9), 9));
  });
});

describe('productivity helpers', () => {
  it('log-linear growth, damped path and index', () => {
    expect(logLinearGrowth([1, 2, 3], [1, Math.E, Math.E ** 2])).toBeCloseTo(1, 12);
    expect(logLinearGrowth([1, 2], [1, 2])).toBeNull();
    expect(dampedGrowth(0.1, 0.02, 3, 0.5)).toEqual([0.06, 0.04, 0.03]);
    expect(growthIndex([Math.log(2), Math.log(3)])).toEqual([2, 6].map((x) => expect.closeTo(x, 12)));
  });
});
