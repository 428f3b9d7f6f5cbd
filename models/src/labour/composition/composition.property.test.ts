/**
 * Property tests of the section-4 invariants on random depth-2 hierarchies
 * (root → children → grandchildren) with random positive histories, forecast
 * as shares and allocated top-down.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../forecast/prng';
import { allocateTree, type ShareTree } from './allocate';
import {
  capToLabourForce,
  countEmploymentAboveLabourForce,
  countNegative,
  countPartsExceedingParent,
  countSumMismatches,
  countVanishingCells,
  type CellPath,
} from './coherence';
import { demandFromOutput } from './demand-from-output';
import { dampedDrift, type PathForecaster } from './forecaster';
import { forecastComposition } from './share-forecast';

const level = fc.double({ min: 1, max: 2e6, noNaN: true });

/** Random tree: children of the root, each with 1–4 leaves, each leaf a positive history. */
const treeArb = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    h: fc.integer({ min: 1, max: 15 }),
    leaves: fc.array(fc.array(fc.array(level, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
    rootGrowth: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
    wild: fc.boolean(),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  }),
);

/** A forecaster with a random, often extreme, trend: stresses the drift cap. */
function wildForecaster(seed: number): PathForecaster {
  const u = mulberry32(seed);
  return (v, h) => {
    const slope = (u() - 0.5) * 10;
    return { mean: Array.from({ length: h }, (_, j) => v[v.length - 1]! + slope * (j + 1)) };
  };
}

const sum = (paths: number[][]) => paths[0]!.map((_, t) => paths.reduce((s, p) => s + p[t]!, 0));

describe('composition invariants on random hierarchies', () => {
  it('parts ≥ 0, Σ parts = parent, part ≤ parent, no vanishing, shares sum to 1', () => {
    fc.assert(
      fc.property(treeArb, ({ n, h, leaves, rootGrowth, wild, seed }) => {
        const forecaster: PathForecaster = wild ? wildForecaster(seed) : (v, hh) => dampedDrift(v, hh);
        const hist: Record<string, number[]> = {};
        const tree: ShareTree = { T: {} };
        leaves.forEach((kids, i) => {
          const c = `C${i}`;
          kids.forEach((path, j) => (hist[`${c}.${j}`] = path));
          hist[c] = sum(kids);
          tree[c] = {};
        });
        hist.T = sum(leaves.map((_, i) => hist[`C${i}`]!));
        const share = (parent: string, kids: string[]) => {
          const r = forecastComposition(Object.fromEntries(kids.map((k) => [k, hist[k]!])), h, {
            forecaster,
            simulations: 50,
            seed,
            intervalMethod: seed % 2 ? 'delta' : 'simulate',
          });
          for (const k of kids) {
            for (const iv of r.intervals[k]!) {
              iv.lower.forEach((lo, j) => expect(lo >= 0 && lo <= r.mean[k]![j]! && r.mean[k]![j]! <= iv.upper[j]! && iv.upper[j]! <= 1).toBe(true));
            }
          }
          for (let j = 0; j < h; j++) expect(Math.abs(kids.reduce((s, k) => s + r.mean[k]![j]!, 0) - 1)).toBeLessThan(1e-12);
          for (const k of kids) for (const s of r.mean[k]!) expect(s > 0 && (s < 1 || kids.length === 1)).toBe(true);
          tree[parent] = r.mean;
        };
        share(
          'T',
          leaves.map((_, i) => `C${i}`),
        );
        leaves.forEach((kids, i) =>
          share(
            `C${i}`,
            kids.map((_, j) => `C${i}.${j}`),
          ),
        );
        for (const [p, kids] of Object.entries(tree)) if (Object.keys(kids).length === 0) delete tree[p];

        const base = hist.T![n - 1]!;
        const rootPath = Array.from({ length: h }, (_, j) => base * (1 + rootGrowth) ** (j + 1));
        const lv = allocateTree('T', rootPath, tree);

        const cells: CellPath[] = [];
        for (const [parent, kids] of Object.entries(tree)) {
          const parts = Object.fromEntries(Object.keys(kids).map((k) => [k, lv[k]!]));
          expect(countNegative(parts)).toBe(0);
          expect(countPartsExceedingParent(lv[parent]!, parts)).toBe(0);
          expect(countSumMismatches(lv[parent]!, parts)).toBe(0);
          for (const k of Object.keys(kids)) {
            cells.push({ base: hist[k]![n - 1]!, path: lv[k]!, parentBase: hist[parent]![n - 1]!, parentPath: lv[parent]! });
          }
        }
        // Leaves add up to the root too.
        const leafIds = Object.keys(lv).filter((k) => k.split('.').length === 2);
        expect(countSumMismatches(lv.T!, Object.fromEntries(leafIds.map((k) => [k, lv[k]!])))).toBe(0);
        expect(countVanishingCells(cells)).toBe(0);
      }),
      { numRuns: 150, seed: 20240612 },
    );
  });
});

describe('one system on random sectors', () => {
  it('demand reproduces the base exactly, stays positive, and the cap keeps it under the labour force', () => {
    const hist = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.array(
        fc.record({
          e: fc.array(fc.double({ min: 1e3, max: 2e7, noNaN: true }), { minLength: n, maxLength: n }),
          va: fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    );
    fc.assert(
      fc.property(hist, fc.integer({ min: 1, max: 15 }), fc.double({ min: 0.3, max: 1.5, noNaN: true }), (sectors, h, lfRatio) => {
        const emp: Record<string, number[]> = {};
        sectors.forEach((s, i) => {
          const r = demandFromOutput({ employment: s.e, valueAdded: s.va, startYear: 2010, h });
          expect(r.employment[0]).toBe(s.e[s.e.length - 1]);
          expect(r.employment.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
          emp[`S${i}`] = r.employment;
        });
        const total = sum(Object.values(emp));
        const lf = total.map((x) => x * lfRatio);
        const capped = capToLabourForce(emp, lf, 0.01);
        expect(
          countEmploymentAboveLabourForce(
            sum(Object.values(capped.employment)),
            lf.map((x) => x * 0.99),
          ),
        ).toBe(0);
        expect(countNegative(capped.employment)).toBe(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
