import { describe, expect, it } from 'vitest';
import { assumedWorkforcePath, DEFAULT_TARGETS, trainingPlan, workforceLevelOf } from './targets';
import { SCENARIOS } from './scenarios';

const spec = (field: string) => DEFAULT_TARGETS.find((s) => s.field === field)!;

describe('semiconductor training target (Decision 1017/QĐ-TTg)', () => {
  const chips = spec('semiconductors');

  it('is a training target with the decision’s lines, quoted Vietnamese first, dated', () => {
    expect(chips.kind).toBe('training');
    expect(chips.date).toBe('2024-09-21');
    expect(chips.quoteVi).toMatch(/50\.000/);
    const t = chips.training!;
    const sum = (g: string) => t.items.filter((i) => i.group === g).reduce((s, i) => s + i.atLeast, 0);
    expect(sum('level')).toBe(50_000); // 42,000 + 7,500 + 500
    expect(sum('stage')).toBe(50_000); // 15,000 + 35,000
    expect(Object.fromEntries(t.items.filter((i) => i.group === 'other').map((i) => [i.id, i.atLeast]))).toEqual({ ai: 5_000, lecturers: 1_300 });
    expect(t.output.value).toBeNull(); // today's output: not known from a source
  });

  it('lays the target out by year: a hand-computed case from 2024, base year 2025', () => {
    const plan = trainingPlan(chips, 2025)!;
    // 7 years 2024..2030 → 50,000 / 7 = 7,142.857 a year at an even pace.
    expect(plan.cumulative.map((c) => c.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(plan.cumulative[0].total).toBeCloseTo(7_142.857, 2);
    expect(plan.cumulative[2].total).toBeCloseTo(21_428.571, 2); // 3/7 of 50,000 by end-2026
    expect(plan.cumulative[6].total).toBe(50_000);
    expect(plan.cumulative[6].byItem).toMatchObject({ design: 15_000, fabrication: 35_000, phd: 500, ai: 5_000, lecturers: 1_300 });
    expect(plan.cumulative[3].byItem.master).toBeCloseTo((7_500 * 4) / 7, 6);
    expect(plan.evenPacePerYear.total).toBeCloseTo(7_142.857, 2);
    // From 2026 on, 5 years left, nothing counted as trained (no source): 50,000 / 5 = 10,000 a year.
    expect(plan.fromYear).toBe(2026);
    expect(plan.yearsLeft).toBe(5);
    expect(plan.trainedSoFar).toBeNull();
    expect(plan.perYearFromNow.total).toBe(10_000);
    expect(plan.perYearFromNow.byItem).toMatchObject({
      bachelor: 8_400,
      master: 1_500,
      phd: 100,
      design: 3_000,
      fabrication: 7_000,
      ai: 1_000,
      lecturers: 260,
    });
  });

  it('counts graduates already trained only when given', () => {
    const plan = trainingPlan(chips, 2025, 10_000)!;
    expect(plan.perYearFromNow.total).toBe(8_000); // (50,000 − 10,000) / 5
    expect(plan.perYearFromNow.byItem.design).toBe(2_400); // 15,000 × 0.8 / 5
    expect(plan.perYearFromNow.byItem.ai).toBe(1_000); // outside the 50,000: not reduced
  });

  it('derives the scenario workforce level only as an assumption on top of the latest workforce', () => {
    expect(chips.basis).toBe('assumption');
    expect(workforceLevelOf(chips, 10_000, 2025)).toBeCloseTo(10_000 + (50_000 * 5) / 7, 6);
    expect(workforceLevelOf(chips, 10_000, 2030)).toBe(10_000);
  });
});

describe('hydrogen (Decision 165/QĐ-TTg)', () => {
  const h2 = spec('hydrogen');

  it('states the production target and no workforce target', () => {
    expect(h2.kind).toBe('production');
    expect(h2.production).toMatchObject({ min: 100_000, max: 500_000 });
    expect(h2.quoteVi).toMatch(/100\.000 – 500\.000 tấn\/năm/);
    expect(workforceLevelOf(h2, 3_000, 2025)).toBeNull();
  });

  it('builds a workforce path only from the workers-per-thousand-tonnes assumption', () => {
    // 100,000 t by 2030 from 0 in 2024, 5 workers per kt: 2027 → 3/6 × 100 kt × 5 = 250.
    expect(assumedWorkforcePath(100_000, 5, 2024, 2030, [2024, 2027, 2030, 2032])).toEqual([0, 250, 500, 500]);
    expect(assumedWorkforcePath(500_000, 2, 2024, 2030, [2030])).toEqual([1_000]);
    expect(assumedWorkforcePath(500_000, 0, 2024, 2030, [2030])).toEqual([0]);
  });
});

describe('no decision is credited with a number it does not contain', () => {
  it('gives a workforce level only to the training target', () => {
    for (const s of DEFAULT_TARGETS) {
      expect(s.basis).toBe('assumption');
      expect(workforceLevelOf(s, 1_000, 2025) === null).toBe(s.kind !== 'training');
    }
  });
  it('keeps the 150,000 carbon figure as an unverified claim, outside the Decree’s wording', () => {
    const co2 = spec('carbon-markets');
    expect(co2.kind).toBe('timeline');
    expect(co2.milestones!.map((m) => m.year)).toEqual([2025, 2028]);
    expect(co2.claims![0]).toMatchObject({ value: 150_000 });
    expect(co2.claims![0].textEn).toMatch(/unverified/);
    expect(co2.quoteVi + co2.quoteEn).not.toMatch(/150/);
    // Every number in a quote is one the decision states (the lines of the target, years, tonnes).
    for (const s of DEFAULT_TARGETS) {
      const allowed = new Set<number>([
        s.year,
        2024,
        2025,
        2027,
        2028,
        2030,
        ...(s.training?.items.map((i) => i.atLeast) ?? []),
        s.training?.total ?? 0,
        s.production?.min ?? 0,
        s.production?.max ?? 0,
      ]);
      for (const m of s.quoteEn.matchAll(/\d[\d,]*/g)) expect(allowed.has(Number(m[0].replace(/,/g, '')))).toBe(true);
    }
  });
  it('the policy scenarios credit hydrogen and carbon with no workforce target', () => {
    for (const id of ['targets-met', 'targets-50']) {
      const s = SCENARIOS.find((x) => x.id === id)!;
      expect(s.targetAttainment).toBeGreaterThan(0);
      expect(s.description.en).not.toMatch(/165|06\/2022/);
      expect(s.description.vi).not.toMatch(/165|06\/2022/);
    }
  });
});
