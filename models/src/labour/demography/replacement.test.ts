import { describe, expect, it } from 'vitest';
import { zeroSexAges } from './age-groups';
import { ageProfile, cellReplacement, deathRates, replacementDemand, retirementRates } from './replacement';

describe('replacement demand from age', () => {
  it('deaths from WPP cohort shrinkage, annualised and floored at 0', () => {
    const p2020 = zeroSexAges();
    const p2025 = zeroSexAges();
    p2020.M[11] = 1000; // 55-59 in 2020
    p2025.M[12] = 900; // 60-64 in 2025
    p2020.M[3] = 100;
    p2025.M[4] = 120; // in-migration: floored
    const d = deathRates({ 2020: p2020, 2025: p2025 });
    expect(d[2020].M[11]).toBeCloseTo(1 - 0.9 ** 0.2, 12);
    expect(d[2020].M[3]).toBe(0);
    expect(d[2025].M[11]).toBeCloseTo(d[2020].M[11], 12); // held: no 2030
  });

  it('a two-cohort population ageing into retirement (hand-worked)', () => {
    // Men 55-59 (1,000 employed) and women 45-49 (1,000 employed), no deaths.
    const emp = zeroSexAges();
    emp.M[11] = 1000;
    emp.F[9] = 1000;
    const none = zeroSexAges();
    // 2020 (ages 60 / 55 in force): men aged 59-60 retire = 1/5 of 55-59; women 45-49 none.
    const r2020 = replacementDemand(emp, retirementRates(2020), none);
    expect(r2020.retirements.M[11]).toBeCloseTo(200, 9);
    expect(r2020.retirements.F[9]).toBe(0);
    // 2021 (60y3m): only 3/4 of a single-year cohort reaches the new age.
    expect(replacementDemand(emp, retirementRates(2021), none).total).toBeCloseTo(150, 9);
    // 2022 (60.25 → 60.5): those aged 59.5–60.25 cross, spanning two groups.
    const two = zeroSexAges();
    two.M[11] = 1000;
    two.M[12] = 1000;
    const r2022 = replacementDemand(two, retirementRates(2022), none);
    expect(r2022.retirements.M[11]).toBeCloseTo(100, 9);
    expect(r2022.retirements.M[12]).toBeCloseTo(50, 9);
    // Stationary two cohorts 2020–2030: 11 single-year cohorts of 200 would retire at a
    // fixed age; the roadmap raises the age by 2 years, postponing 2 × 200.
    let cum = 0;
    for (let y = 2020; y <= 2030; y++) cum += replacementDemand(two, retirementRates(y), none).total;
    expect(cum).toBeCloseTo(1800, 9);
  });

  it('a later retirement path means fewer retirements', () => {
    const emp = zeroSexAges();
    emp.M[12] = 1000;
    const later = { M: { startYear: 2029, stepMonths: 6, target: 65 } };
    const base = replacementDemand(emp, retirementRates(2030), zeroSexAges()).total;
    const lat = replacementDemand(emp, retirementRates(2030, { later }), zeroSexAges()).total;
    expect(base).toBeCloseTo(200, 9);
    expect(lat).toBeCloseTo(100, 9);
    expect(replacementDemand(emp, retirementRates(2030, { exitShare: 0.5 }), zeroSexAges()).total).toBeCloseTo(100, 9);
  });

  it('deaths are not counted again for those retiring', () => {
    const emp = zeroSexAges();
    emp.M[11] = 1000;
    const death = zeroSexAges();
    death.M[11] = 0.01;
    const r = replacementDemand(emp, retirementRates(2020), death);
    expect(r.deathsTotal).toBeCloseTo(8, 9);
    expect(r.total).toBeCloseTo(208, 9);
  });

  it('a cell uses the national age profile unless given its own, and says so', () => {
    const nat = zeroSexAges();
    nat.M[11] = 50;
    nat.M[5] = 50;
    expect(ageProfile(nat).M[11]).toBe(0.5);
    const c = cellReplacement(10_000, retirementRates(2020), zeroSexAges(), { national: nat });
    expect(c.total).toBeCloseTo(1000, 9);
    expect(c.rate).toBeCloseTo(0.1, 12);
    expect(c.profileSource).toBe('national');
    expect(c.assumption).toMatch(/assumed/);
    const own = zeroSexAges();
    own.M[5] = 1;
    expect(cellReplacement(10_000, retirementRates(2020), zeroSexAges(), { national: nat, cell: own }).total).toBe(0);
  });
});
