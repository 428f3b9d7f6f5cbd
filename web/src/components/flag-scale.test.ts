import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_THRESHOLDS, flagOfShare } from '@lmo/models/labour';
import {
  classFlag,
  classRange,
  FALLBACK_THRESHOLDS,
  MAP_CLASSES,
  mapClassColor,
  mapClassOf,
  mapLegendItems,
  shareBreaks,
  sharePercent,
  thresholdsOf,
} from './flag-scale';

const t = FALLBACK_THRESHOLDS;

describe('flag scale', () => {
  it('cuts the seven classes at 1×, 2× and 3× the flag thresholds', () => {
    expect(shareBreaks(t)).toEqual([-0.06, -0.04, -0.02, 0.02, 0.04, 0.06]);
  });
  it('follows the served flag for the side and the share for the depth', () => {
    expect(mapClassOf({ flag: 'shortage', imbalanceShare: -0.1 }, t)).toBe(0);
    expect(mapClassOf({ flag: 'shortage', imbalanceShare: -0.05 }, t)).toBe(1);
    expect(mapClassOf({ flag: 'shortage', imbalanceShare: -0.021 }, t)).toBe(2);
    expect(mapClassOf({ flag: 'balanced', imbalanceShare: 0.019 }, t)).toBe(3);
    expect(mapClassOf({ flag: 'surplus', imbalanceShare: 0.03 }, t)).toBe(4);
    expect(mapClassOf({ flag: 'surplus', imbalanceShare: 0.05 }, t)).toBe(5);
    expect(mapClassOf({ flag: 'surplus', imbalanceShare: 0.5 }, t)).toBe(6);
    expect(mapClassOf({ flag: 'uncertain', imbalanceShare: -0.5 }, t)).toBe('uncertain');
    expect(mapClassOf({ flag: 'too-small', imbalanceShare: 0.5 }, t)).toBe('too-small');
    expect(mapClassOf(undefined, t)).toBeNull();
  });
  it('names each class with its flag and range', () => {
    const fmt = (x: number) => `${Math.round(x * 100)}%`;
    expect(classRange(0, t, fmt)).toBe('< -6%');
    expect(classRange(3, t, fmt)).toBe('-2% … 2%');
    expect(classRange(6, t, fmt)).toBe('> 6%');
    expect(classRange('uncertain', t, fmt)).toBeNull();
    expect([0, 3, 6, 'too-small'].map((c) => classFlag(c as never))).toEqual(['shortage', 'balanced', 'surplus', 'too-small']);
  });
  it('completes served thresholds with the defaults', () => {
    expect(thresholdsOf({ shortageBelow: -0.05, surplusAbove: 0.04, smallCell: 1000 })).toEqual({
      shortageBelow: -0.05,
      surplusAbove: 0.04,
      smallCell: 1000,
      minOpenings: 500,
    });
    expect(thresholdsOf(null)).toEqual(t);
  });
  it('writes a share as a plain percent number for CSV', () => {
    expect(sharePercent(-0.023456)).toBe(-2.35);
    expect(sharePercent(null)).toBeUndefined();
  });
});

describe('map classes and flags share one definition', () => {
  const thresholdsArb = fc
    .record({
      shortageBelow: fc.double({ min: -0.2, max: -0.001, noNaN: true }),
      surplusAbove: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
    })
    .map((x) => thresholdsOf(x));
  it("every share gets a tile class of the flag the model gives it, inside that class's printed range", () => {
    fc.assert(
      fc.property(thresholdsArb, fc.double({ min: -0.8, max: 0.8, noNaN: true }), (th, share) => {
        const flag = flagOfShare(share, { ...DEFAULT_THRESHOLDS, ...th });
        const c = mapClassOf({ flag, imbalanceShare: share }, th);
        expect(c).not.toBeNull();
        expect(classFlag(c as number)).toBe(flag);
        const b = [-Infinity, ...shareBreaks(th), Infinity];
        expect(share).toBeGreaterThanOrEqual(b[c as number]);
        expect(share).toBeLessThanOrEqual(b[(c as number) + 1]);
      }),
    );
  });
  it("the balanced class is the flag's balanced band: 0.92 of the balance is never orange (−2 % < share < +2 %)", () => {
    expect(mapClassOf({ flag: flagOfShare(-0.019), imbalanceShare: -0.019 }, t)).toBe(3);
    expect(classRange(3, t, (x) => x.toFixed(2))).toBe('-0.02 … 0.02');
  });
  it('the legend lists every map colour once, named by its flag and range, neutral classes dotted', () => {
    const items = mapLegendItems(
      t,
      (k) => k,
      (x) => `${Math.round(x * 100)}%`,
    );
    expect(items.map((i) => i.color)).toEqual(MAP_CLASSES.map(mapClassColor));
    expect(items[3].label).toBe('flag.balanced -2% … 2%');
    expect(items.filter((i) => i.pattern === 'dots').map((i) => i.label)).toEqual(['flag.uncertain', 'flag.too-small']);
  });
});
