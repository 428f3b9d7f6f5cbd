import { describe, expect, it } from 'vitest';
import { allocate, allocateTree, roundLargestRemainder, roundTree, type ShareTree } from './allocate';

describe('allocate', () => {
  it('multiplies the parent by the shares and adds up exactly', () => {
    const parts = allocate([1000, 2000], { a: [0.5, 0.25], b: [0.3, 0.25], c: [0.2, 0.5] });
    expect(parts.a![0]).toBeCloseTo(500, 9);
    expect(parts.c![1]).toBeCloseTo(1000, 9);
    expect(parts.a![1]! + parts.b![1]! + parts.c![1]!).toBe(2000);
  });
  it('renormalises shares that do not quite sum to 1', () => {
    const parts = allocate([90], { a: [2], b: [1] });
    expect(parts.a![0]).toBeCloseTo(60, 12);
    expect(parts.b![0]).toBeCloseTo(30, 12);
  });
  it('rejects mismatched lengths and negative shares', () => {
    expect(() => allocate([1, 2], { a: [1] })).toThrow();
    expect(() => allocate([1], { a: [-0.1], b: [1.1] })).toThrow();
  });
});

describe('allocateTree', () => {
  const tree: ShareTree = {
    VN: { 'R:N': [0.6, 0.55], 'R:S': [0.4, 0.45] },
    'R:N': { 'P:01': [0.7, 0.7], 'P:02': [0.3, 0.3] },
    'R:S': { 'P:79': [1, 1] },
  };
  it('gives national = Σ regions = Σ provinces', () => {
    const lv = allocateTree('VN', [50e6, 51e6], tree);
    for (const t of [0, 1]) {
      expect(lv['R:N']![t]! + lv['R:S']![t]!).toBeCloseTo(lv.VN![t]!, 6);
      expect(lv['P:01']![t]! + lv['P:02']![t]! + lv['P:79']![t]!).toBeCloseTo(lv.VN![t]!, 6);
    }
    expect(lv['P:01']![0]).toBeCloseTo(50e6 * 0.6 * 0.7, 4);
  });
  it('rejects a node reached twice', () => {
    expect(() => allocateTree('T', [1], { T: { a: [0.5], b: [0.5] }, a: { b: [1] } })).toThrow(/twice/);
  });
  it('rounds for display keeping every sum', () => {
    const lv = allocateTree('VN', [1001.4, 999.6], tree);
    const r = roundTree('VN', lv, tree);
    for (const t of [0, 1]) {
      expect(r['R:N']![t]! + r['R:S']![t]!).toBe(r.VN![t]);
      expect(r['P:01']![t]! + r['P:02']![t]!).toBe(r['R:N']![t]);
      expect(Number.isInteger(r['P:02']![t])).toBe(true);
    }
  });
});

describe('roundLargestRemainder', () => {
  it('gives the missing units to the largest remainders', () => {
    expect(roundLargestRemainder([1.2, 2.5, 3.3])).toEqual([1, 3, 3]);
    expect(roundLargestRemainder([0.4, 0.4, 0.2], 1)).toEqual([1, 0, 0]);
    expect(roundLargestRemainder([1.6, 1.6], 2)).toEqual([1, 1]);
    expect(roundLargestRemainder([], 0)).toEqual([]);
  });
});
