/**
 * Scenario levers on a small test country (models/test/test-country.ts): the baseline reproduces
 * itself, the monotonic effects issue 13 names hold, and the model's coherence invariants hold
 * for random valid parameter sets (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBase } from '../base';
import { outlookFor } from '../outlook';
import { SCENARIOS } from '../scenarios';
import { countryWithGraduates, structure } from '../../../test/test-country';
import type { CellForecast, Outlook } from '../types';
import { scenarioBaselineOf } from './baseline';
import type { ScenarioParameters } from './schema';
import { boostPath, scenarioFromParameters } from './translate';

const base = computeBase(countryWithGraduates(), { structure, backtest: 'aggregates' });
const baseline = scenarioBaselineOf(base);
const label = { id: 'u-test', nameVi: 'x', nameEn: 'x', description: { vi: '', en: '' } };
const run = (p: ScenarioParameters): Outlook => outlookFor(base, scenarioFromParameters(p, baseline, label));
const cell = (o: Outlook, indicator: string, region = 'VN', sector = 'TOTAL', qualification = 'ALL'): CellForecast =>
  o.forecasts.find((f) => f.indicator === indicator && f.region === region && f.sector === sector && f.qualification === qualification)!;
const path = (o: Outlook, indicator: string, region?: string, sector?: string) => cell(o, indicator, region, sector).forecast.mean;

describe('scenario levers', () => {
  const reference = outlookFor(base, SCENARIOS[0]);

  it('the empty parameter set reproduces the baseline exactly', () => {
    const o = run({});
    expect(path(o, 'employment')).toEqual(path(reference, 'employment'));
    expect(path(o, 'labour_force')).toEqual(path(reference, 'labour_force'));
    expect(o.gaps.map((g) => g.newSupply)).toEqual(reference.gaps.map((g) => g.newSupply));
  });

  it('more value-added growth in C never lowers C employment', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 20, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (g, d) => {
        const lo = path(run({ valueAddedGrowth: { C: g } }), 'employment', 'VN', 'C');
        const hi = path(run({ valueAddedGrowth: { C: Math.min(30, g + d) } }), 'employment', 'VN', 'C');
        hi.forEach((v, t) => expect(v).toBeGreaterThanOrEqual(lo[t]));
      }),
      { numRuns: 15 },
    );
  });

  it('more training output raises new supply at its level and takes it out of the unqualified, never adding people', () => {
    fc.assert(
      fc.property(fc.integer({ min: -90, max: 200 }), fc.integer({ min: 1, max: 100 }), (c, d) => {
        const lo = run({ trainingOutputChange: { university: c } }).gaps;
        const hi = run({ trainingOutputChange: { university: c + d } }).gaps;
        hi.forEach((g, i) => {
          const before = lo[i].newSupply;
          if (g.qualification === 'university') expect(g.newSupply).toBeGreaterThanOrEqual(before);
          else if (g.qualification === 'none') expect(g.newSupply).toBeLessThanOrEqual(before);
          else if (g.qualification !== 'ALL') expect(g.newSupply).toBe(before);
        });
        expect(
          hi.filter((g) => g.qualification === 'university').some((g, i) => g.newSupply > lo.filter((x) => x.qualification === 'university')[i].newSupply),
        ).toBe(true);
        // All levels together: more only once the unqualified residual is used up (whole persons per cell).
        const total = (gs: typeof lo) => gs.filter((g) => g.region === 'VN' && g.sector === 'TOTAL' && g.qualification === 'ALL').map((g) => g.newSupply);
        const [tl, th] = [total(lo), total(hi)];
        th.forEach((v, t) => expect(v).toBeGreaterThanOrEqual(tl[t] - lo.length / 2));
      }),
      { numRuns: 10 },
    );
  });

  it('a later retirement age never lowers the labour force', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 62, max: 70, noNaN: true }),
        fc.integer({ min: 2026, max: 2032 }),
        fc.integer({ min: 1, max: 12 }),
        (target, startYear, stepMonths) => {
          const later = path(
            run({ retirementAge: { M: { target, startYear, stepMonths }, F: { target: Math.max(60, target - 2), startYear, stepMonths } } }),
            'labour_force',
          );
          const now = path(reference, 'labour_force');
          later.forEach((v, t) => expect(v).toBeGreaterThanOrEqual(Math.round(now[t]) - 1));
        },
      ),
      { numRuns: 10 },
    );
    const high = path(run({ retirementAge: { M: { target: 67, startYear: 2026, stepMonths: 6 } } }), 'labour_force');
    expect(high.at(-1)!).toBeGreaterThan(path(reference, 'labour_force').at(-1)!);
  });

  it('more participation never lowers the labour force, even where a group is near the 99 % ceiling', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('F:25-49', 'M:25-49', 'M:50+', 'F:15-24'),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (g, pp, d) => {
          const lo = path(run({ participationChange: { [g]: pp } }), 'labour_force');
          const hi = path(run({ participationChange: { [g]: Math.min(20, pp + d) } }), 'labour_force');
          hi.forEach((v, t) => expect(v).toBeGreaterThanOrEqual(lo[t] - 1e-6));
          lo.forEach((v, t) => expect(v).toBeGreaterThanOrEqual(path(reference, 'labour_force')[t] - 1e-6));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('more participation is more entrants: national new supply moves with the labour force the lever adds', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 15, noNaN: true }), (pp) => {
        const o = run({ participationChange: { 'M:50+': pp } });
        const added = o.forecasts.find((f) => f.indicator === 'labour_force' && f.region === 'VN' && f.sector === 'TOTAL' && f.qualification === 'ALL')!;
        const lfChange = added.forecast.mean.map((v, t) => v - path(reference, 'labour_force')[t]);
        const total = (x: Outlook) => x.gaps.filter((g) => g.region === 'VN' && g.sector === 'TOTAL' && g.qualification === 'ALL');
        const [before, after] = [total(reference), total(o)];
        after.forEach((g, i) => {
          const d = g.newSupply - before[i].newSupply;
          const added = lfChange[g.horizon - 1];
          // Whole persons per cell: a few persons of rounding. Fewer participants take out at most
          // what the unqualified residual holds in a year (it is floored at 0 where graduates fill the inflow).
          if (added >= 0) expect(Math.abs(d - added)).toBeLessThan(10);
          else {
            expect(d).toBeGreaterThan(added - 10);
            expect(d).toBeLessThan(10);
          }
        });
      }),
      { numRuns: 8 },
    );
  });

  it('coherence holds for random valid parameter sets: E ≤ LF, parts sum to their whole, nothing negative or exploding', () => {
    const params = fc.record(
      {
        valueAddedGrowth: fc.record(
          { A: fc.double({ min: -10, max: 30, noNaN: true }), C: fc.double({ min: -10, max: 30, noNaN: true }) },
          { requiredKeys: [] },
        ),
        productivityGrowthChange: fc.double({ min: -5, max: 5, noNaN: true }),
        participationChange: fc.record(
          { 'F:25-49': fc.double({ min: -20, max: 20, noNaN: true }), 'M:50+': fc.double({ min: -20, max: 20, noNaN: true }) },
          { requiredKeys: [] },
        ),
        trainingOutputChange: fc.record({ ALL: fc.integer({ min: -90, max: 300 }) }, { requiredKeys: [] }),
        entryRate: fc.integer({ min: 20, max: 100 }),
        exitRateChange: fc.integer({ min: -50, max: 50 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(params, (p) => {
        const o = run(p as ScenarioParameters);
        const e = path(o, 'employment');
        const lf = path(o, 'labour_force');
        e.forEach((v, t) => {
          expect(Number.isFinite(v) && v > 0).toBe(true);
          expect(v).toBeLessThanOrEqual(lf[t] + 1);
          // Parts sum to the whole: provinces to VN, sections to TOTAL.
          expect(path(o, 'employment', 'P1')[t] + path(o, 'employment', 'P2')[t]).toBe(v);
          expect(path(o, 'employment', 'VN', 'A')[t] + path(o, 'employment', 'VN', 'C')[t]).toBe(v);
          // No cell vanishes or explodes against the baseline.
          const b = path(reference, 'employment')[t];
          expect(v / b).toBeGreaterThan(0.2);
          expect(v / b).toBeLessThan(5);
        });
        for (const g of o.gaps) {
          expect(g.newSupply).toBeGreaterThanOrEqual(0);
          expect(g.replacement).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(g.imbalance)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a new-field boost is a linear ramp through the given years, held after the last (hand-computed)', () => {
    expect(boostPath(10_000, 2025, 5)).toEqual([2000, 4000, 6000, 8000, 10_000]);
    expect(boostPath({ '2027': 4000, '2029': 4000 }, 2025, 6)).toEqual([2000, 4000, 4000, 4000, 4000, 4000]);
    expect(boostPath({ '2030': 50_000 }, 2025, 6)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 50_000]);
  });

  it('a value-added growth by period replaces the baseline only inside its years', () => {
    const s = scenarioFromParameters({ valueAddedGrowth: { C: { '2027-2028': 12 } } }, baseline, label);
    const g = s.sectorGrowth.C as number[];
    expect(g[0]).toBeCloseTo(0, 12); // 2026: the baseline
    expect(g[1]).toBeGreaterThan(0); // 2027: 12 % against the baseline's ~7 %
    expect(g[3]).toBeCloseTo(0, 12); // 2029: the baseline again
  });

  it('names the parameter when the data cannot move a lever', () => {
    expect(() => scenarioFromParameters({ valueAddedGrowth: { J: 5 } }, baseline, label)).toThrow(/valueAddedGrowth/);
  });
});
