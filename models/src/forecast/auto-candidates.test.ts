import { describe, expect, it } from 'vitest';
import { driftCandidate, logCandidate, naiveCandidate, robustTrendCandidate, smoothingCandidate, snaiveCandidate, thetaCandidate } from './auto-candidates';
import { fitDamped } from './methods/holt';
import { SMOOTH_TREND_GRID } from './methods/smoothing';
import { fitTheta } from './methods/theta';

const y = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135];
const series = { values: y, start: '2000', frequency: 1 as const };

describe('auto candidates', () => {
  it('theta candidate matches the registered Theta method (prefix sums = regression)', () => {
    const a = thetaCandidate(y).mean(5);
    const b = fitTheta(series).forecast(5).mean;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 8));
  });

  it('damped candidate matches the registered damped method', () => {
    const a = smoothingCandidate(y, 'damped', 'damped', SMOOTH_TREND_GRID).mean(4);
    const b = fitDamped(series).forecast(4).mean;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 8));
  });

  it('theta from an origin uses only the prefix: a line broken after the origin does not leak back', () => {
    const line = Array.from({ length: 12 }, (_, t) => 10 + 2 * t);
    const broken = [...line.slice(0, 8), 500, 600, 700, 800];
    const f = thetaCandidate(broken).fromOrigin(8, 3);
    // Half the line's slope from one step behind (Theta = SES with half the drift): 25, 26, 27.
    f.forEach((v, i) => expect(v).toBeCloseTo(25 + i, 3));
    const c = thetaCandidate(y);
    expect(c.fromOrigin(y.length, 4)).toEqual(c.mean(4));
  });

  it('simple candidates forecast from any origin', () => {
    expect(naiveCandidate(y).fromOrigin(4, 2)).toEqual([129, 129]);
    expect(driftCandidate([1, 3, 5, 7]).fromOrigin(3, 2)).toEqual([7, 9]);
    expect(robustTrendCandidate([10, 11, 12, 50, 51]).mean(2)).toEqual([52, 53]);
    expect(snaiveCandidate([1, 2, 3, 4, 5, 6, 7, 8], 4).fromOrigin(6, 3)).toEqual([3, 4, 5]);
    const g = logCandidate([100, 110, 121, 133.1], driftCandidate, 'ldrift').mean(1)[0];
    expect(g).toBeCloseTo(146.41, 6);
  });
});

describe('robust trend candidate', () => {
  it('uses the median one-step change of each prefix (one-pass medians equal a fresh sort)', () => {
    const c = robustTrendCandidate(y);
    for (let o = 2; o <= y.length; o++) {
      const d = y
        .slice(1, o)
        .map((v, i) => v - y[i]!)
        .sort((a, b) => a - b);
      const k = d.length;
      const med = k % 2 ? d[(k - 1) / 2]! : 0.5 * (d[k / 2 - 1]! + d[k / 2]!);
      expect(c.fromOrigin(o, 2)).toEqual([y[o - 1]! + med, y[o - 1]! + 2 * med]);
    }
  });
});
