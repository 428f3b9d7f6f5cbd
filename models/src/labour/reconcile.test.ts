import { describe, expect, it } from 'vitest';
import { makeDimension, olsProjection } from './hierarchy';
import { cellOffset, makeReconciler, reconcileStep } from './reconcile';

const regions = makeDimension([
  { code: 'VN' },
  { code: 'R1', parent: 'VN' },
  { code: 'R2', parent: 'VN' },
  { code: 'P1', parent: 'R1' },
  { code: 'P2', parent: 'R1' },
  { code: 'P3', parent: 'R2' },
]);
const sectors = makeDimension([{ code: 'TOTAL' }, { code: 'A', parent: 'TOTAL' }, { code: 'B', parent: 'TOTAL' }]);
const quals = makeDimension([{ code: 'ALL' }, { code: 'low', parent: 'ALL' }, { code: 'high', parent: 'ALL' }]);

/** Deterministic pseudo-random numbers (LCG) so the test is reproducible. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

function close(a: number, b: number) {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('olsProjection', () => {
  it('is idempotent and leaves coherent vectors unchanged', () => {
    const p = olsProjection(regions);
    const n = regions.codes.length;
    // coherent vector: bottoms 1,2,3 → R1=3, R2=3, VN=6
    const y = [6, 3, 3, 1, 2, 3];
    const py = y.map((_, i) => y.reduce((s, v, k) => s + p[i * n + k] * v, 0));
    py.forEach((v, i) => expect(v).toBeCloseTo(y[i], 9));
  });

  it('matches the textbook two-leaf case: total and leaves split the discrepancy equally', () => {
    const d = makeDimension([{ code: 'T' }, { code: 'a', parent: 'T' }, { code: 'b', parent: 'T' }]);
    const p = olsProjection(d);
    // ŷ = (T=10, a=4, b=4): discrepancy 2 is shared: a = b = 4 + 2/3, T = 9 + 1/3
    const y = [10, 4, 4];
    const out = [0, 1, 2].map((i) => y.reduce((s, v, k) => s + p[i * 3 + k] * v, 0));
    expect(out[1]).toBeCloseTo(4 + 2 / 3, 9);
    expect(out[0]).toBeCloseTo(28 / 3, 9);
  });
});

describe('reconcileStep over crossed dimensions', () => {
  const r = makeReconciler([regions, sectors, quals]);
  const rand = rng(42);
  const base = new Float64Array(r.shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < base.length; i++) base[i] = 100 + 900 * rand();
  const out = reconcileStep(r, base);

  it('makes VN = Σ regions = Σ provinces for every sector and level', () => {
    for (const s of sectors.codes) {
      for (const q of quals.codes) {
        const at = (reg: string) => out[cellOffset(r, [reg, s, q])];
        expect(close(at('VN'), at('R1') + at('R2'))).toBe(true);
        expect(close(at('VN'), at('P1') + at('P2') + at('P3'))).toBe(true);
        expect(close(at('R1'), at('P1') + at('P2'))).toBe(true);
      }
    }
  });

  it('makes TOTAL = Σ sections and ALL = Σ levels everywhere', () => {
    for (const reg of regions.codes) {
      for (const q of quals.codes) {
        const at = (s: string) => out[cellOffset(r, [reg, s, q])];
        expect(close(at('TOTAL'), at('A') + at('B'))).toBe(true);
      }
      for (const s of sectors.codes) {
        const at = (q: string) => out[cellOffset(r, [reg, s, q])];
        expect(close(at('ALL'), at('low') + at('high'))).toBe(true);
      }
    }
  });

  it('changes an incoherent input (the check can fail)', () => {
    expect(close(base[cellOffset(r, ['VN', 'TOTAL', 'ALL'])], out[cellOffset(r, ['VN', 'TOTAL', 'ALL'])])).toBe(false);
  });

  it('keeps cells non-negative and still coherent when OLS would go below zero', () => {
    const y = new Float64Array(base.length).fill(1);
    y[cellOffset(r, ['VN', 'TOTAL', 'ALL'])] = 0; // pulls every bottom down; some go negative
    y[cellOffset(r, ['P3', 'B', 'high'])] = -50;
    const o = reconcileStep(r, y);
    for (const v of o) expect(v).toBeGreaterThanOrEqual(0);
    const at = (reg: string, s: string, q: string) => o[cellOffset(r, [reg, s, q])];
    expect(close(at('VN', 'TOTAL', 'ALL'), at('P1', 'TOTAL', 'ALL') + at('P2', 'TOTAL', 'ALL') + at('P3', 'TOTAL', 'ALL'))).toBe(true);
    expect(at('P3', 'B', 'high')).toBe(0);
  });
});
