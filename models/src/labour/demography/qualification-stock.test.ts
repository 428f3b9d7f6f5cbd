import { describe, expect, it } from 'vitest';
import { calibrateEntryMix } from './qualification-calibrate';
import { qualificationStockFlow } from './qualification-stock';

const levels = ['none', 'trained'];
const lfWith = (young: number, old: number) => {
  const v = Array(21).fill(0);
  v[4] = young; // 20-24
  v[13] = old; // 65-69
  return v;
};

describe('qualification stock-flow', () => {
  it('a shrinking old, untrained cohort raises the trained share (hand-worked)', () => {
    // Base: 1,000 young (50 % trained) and 1,000 old (10 % trained) → 30 %.
    // Next year: the old group shrinks to 500 (leavers take their own 10 % mix),
    // the young group stays 1,000 after ageing (800 stay, 200 move to 25-29 which
    // has no labour force this year, so they leave with the young mix).
    const r = qualificationStockFlow({
      levels,
      years: [2020, 2021],
      labourForce: [lfWith(1000, 1000), lfWith(1000, 500)],
      initialMix: Array.from({ length: 21 }, (_, a) => (a === 13 ? [0.9, 0.1] : [0.5, 0.5])),
      entryMix: [0.5, 0.5],
    });
    expect(r.trainedShare[0]).toBeCloseTo(0.3, 12);
    // 20-24: 800 aged in + 200 entrants with the 50/50 entry mix; 65-69: 500 at 10 %.
    expect(r.entrants[1]).toBeCloseTo(200, 9);
    expect(r.trainedShare[1]).toBeCloseTo((500 + 50) / 1500, 12);
    expect(r.trainedShare[1]).toBeGreaterThan(r.trainedShare[0]);
  });
  it('graduates enter first; a surplus upgrades untrained young members', () => {
    const r = qualificationStockFlow({
      levels,
      years: [2020, 2021],
      labourForce: [lfWith(1000, 0), lfWith(1000, 0)],
      initialMix: [1, 0],
      entryMix: [1, 0],
      graduates: [undefined, [0, 300]],
    });
    // 200 entrants, all graduates; 100 surplus graduates upgrade untrained 20-24s.
    expect(r.trainedShare[1]).toBeCloseTo(0.3, 12);
    expect(r.unabsorbedGraduates[1]).toBe(0);
    expect(r.shares[1].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('calibrates the entry mix to reproduce a trained-share history', () => {
    const years = [2020, 2021, 2022, 2023, 2024, 2025];
    const lf = years.map(() => {
      const v = Array(21).fill(0);
      for (let a = 3; a <= 12; a++) v[a] = 1000;
      return v;
    });
    const input = { levels, years, labourForce: lf, initialMix: [0.8, 0.2] };
    const truth = qualificationStockFlow({ ...input, entryMix: [0.55, 0.45] });
    const history = Object.fromEntries(years.map((y, t) => [y, truth.trainedShare[t]]));
    const cal = calibrateEntryMix(input, history, [0, 1], [1, 0]);
    expect(cal.tau).toBeCloseTo(0.45, 6);
    expect(cal.sse).toBeLessThan(1e-14);
    expect(() => calibrateEntryMix(input, { 1999: 0.2 }, [0, 1], [1, 0])).toThrow(/history/);
  });
});
