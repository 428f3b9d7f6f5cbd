/** Invariants of the demographic blocks, checked with fast-check on random inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROAD_GROUPS, BROAD_MEMBERS, SEXES, sumAt, type SexAges } from './age-groups';
import { labourForce } from './labour-supply';
import { forecastRate } from './participation-forecast';
import { participationProfile } from './participation-profile';
import { qualificationStockFlow } from './qualification-stock';
import { cellReplacement, replacementDemand, retirementRates } from './replacement';

const ages = fc.array(fc.double({ min: 0, max: 5e6, noNaN: true }), { minLength: 21, maxLength: 21 });
const sexAges = fc.record({ M: ages, F: ages });
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const broad = fc.record({ '15-24': rate, '25-49': rate, '50+': rate });
const sexBroad = fc.record({ M: broad, F: broad });
const unit = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 21, maxLength: 21 });

describe('participation and labour force', () => {
  it('rates in [0, 1], LF ≤ POP in every cell, broad groups reproduced', () => {
    fc.assert(
      fc.property(sexAges, sexBroad, fc.double({ min: 50, max: 70, noNaN: true }), fc.double({ min: 50, max: 70, noNaN: true }), (pop, br, rm, rf) => {
        const { rates } = participationProfile(pop, br, { M: rm, F: rf });
        const lf = labourForce(pop, rates);
        for (const sex of SEXES) {
          for (let i = 0; i < 21; i++) {
            expect(rates[sex][i]).toBeGreaterThanOrEqual(0);
            expect(rates[sex][i]).toBeLessThanOrEqual(1);
            expect(lf[sex][i]).toBeLessThanOrEqual(pop[sex][i]);
          }
          for (const g of BROAD_GROUPS) {
            const p = sumAt(pop[sex], BROAD_MEMBERS[g]);
            expect(Math.abs(sumAt(lf[sex], BROAD_MEMBERS[g]) - br[sex][g] * p)).toBeLessThanOrEqual(1e-9 * Math.max(1, p));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
  it('logit forecasts stay in [0, 1] whatever the forecaster returns', () => {
    fc.assert(
      fc.property(
        fc.array(rate, { minLength: 1, maxLength: 10 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (hist, out) => {
          const f = forecastRate(hist, out.length, () => ({ mean: out, lower80: out.map((x) => x - 1), upper80: out.map((x) => x + 1) }));
          for (const v of [...f.mean, ...f.intervals.flatMap((b) => [...b.lower, ...b.upper])]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('qualification stock-flow', () => {
  const levels = ['none', 'elementary', 'intermediate', 'college', 'university'];
  const mix = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 });
  it('shares by level are ≥ 0 and sum to 1 every year', () => {
    fc.assert(
      fc.property(
        fc.array(ages, { minLength: 2, maxLength: 6 }),
        mix,
        mix,
        fc.array(fc.option(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 5, maxLength: 5 }), { nil: undefined }), {
          minLength: 6,
          maxLength: 6,
        }),
        (lf, initial, entry, graduates) => {
          const r = qualificationStockFlow({ levels, years: lf.map((_, t) => 2020 + t), labourForce: lf, initialMix: initial, entryMix: entry, graduates });
          // Plain checks (one expect per run keeps the property fast).
          const bad: string[] = [];
          r.shares.forEach((sh, t) => {
            if (sh.some((x) => x < 0)) bad.push(`negative share in year ${t}`);
            if (Math.abs(sh.reduce((a, b) => a + b, 0) - 1) > 1e-9) bad.push(`shares off 1 in year ${t}`);
          });
          r.stock.forEach((s, t) =>
            s.forEach((row, a) => {
              if (row.some((v) => v < 0)) bad.push(`negative stock ${t}/${a}`);
              if (Math.abs(row.reduce((x, y) => x + y, 0) - lf[t][a]) > 1e-9 * Math.max(1, lf[t][a])) bad.push(`stock ≠ LF ${t}/${a}`);
            }),
          );
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('replacement', () => {
  it('0 ≤ replacement ≤ employment, by cell and in total', () => {
    fc.assert(
      fc.property(sexAges, fc.record({ M: unit, F: unit }), fc.integer({ min: 2000, max: 2050 }), rate, (emp: SexAges, death: SexAges, year, exitShare) => {
        const r = replacementDemand(emp, retirementRates(year, { exitShare }), death);
        for (const sex of SEXES)
          emp[sex].forEach((e, a) => {
            const x = r.retirements[sex][a] + r.deaths[sex][a];
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(e * (1 + 1e-12));
          });
        const total = SEXES.reduce((s, sex) => s + emp[sex].reduce((a, b) => a + b, 0), 0);
        expect(r.total).toBeLessThanOrEqual(total * (1 + 1e-12));
        const c = cellReplacement(12_345, retirementRates(year), death, { national: emp });
        expect(c.total).toBeGreaterThanOrEqual(0);
        expect(c.total).toBeLessThanOrEqual(12_345 * (1 + 1e-12));
      }),
      { numRuns: 200 },
    );
  });
});
