/**
 * Issue 12 §4 invariants on random hierarchies (fast-check): the top-down
 * grid (provinces of each section, levels of each province × section) is
 * coherent to 1e-6, non-negative, no part above its parent, no cell ≥ 1,000
 * vanishing within 10 years unless its parent falls alike; intervals contain
 * the mean.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../data/observation';
import { makeDimension, type Dimension } from '../hierarchy';
import { indexObservations } from '../observations';
import { projectGrid } from '../projection';
import { allocateMain, type RelBand } from './allocate-grid';
import { driftForecaster } from './forecaster';

const obs = (region: string, sector: string, qualification: string, year: number, value: number): Observation => ({
  indicator: 'employment',
  period: String(year),
  region,
  sector,
  qualification,
  value,
  unit: 'persons',
  source: 't',
  status: 'illustrative',
});

const arb = fc.record({
  provinces: fc.integer({ min: 1, max: 4 }),
  sections: fc.integer({ min: 1, max: 4 }),
  levels: fc.integer({ min: 1, max: 3 }),
  years: fc.integer({ min: 2, max: 8 }),
  values: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 5e5, noNaN: true })), { minLength: 400, maxLength: 400 }),
  growth: fc.array(fc.double({ min: -0.15, max: 0.2, noNaN: true }), { minLength: 4, maxLength: 4 }),
});

function sumOver(dim: Dimension, code: string): string[] {
  return dim.members[dim.index.get(code)!].map((i) => dim.bottom[i]);
}

describe('top-down grid invariants (random hierarchies)', () => {
  it('parts ≥ 0, Σ parts = parent (1e-6), part ≤ parent, no vanishing cells', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const provs = Array.from({ length: a.provinces }, (_, i) => `P${i}`);
        const secs = Array.from({ length: a.sections }, (_, i) => `S${i}`);
        const levs = Array.from({ length: a.levels }, (_, i) => `L${i}`);
        const rows: Observation[] = [];
        let k = 0;
        for (const p of provs)
          for (const s of secs) for (const q of levs) for (let y = 0; y < a.years; y++) rows.push(obs(p, s, q, 2015 + y, a.values[k++ % a.values.length]));
        const dims: [Dimension, Dimension, Dimension] = [
          makeDimension([{ code: 'VN' }, { code: 'R1', parent: 'VN' }, ...provs.map((p, i) => ({ code: p, parent: i % 2 ? 'VN' : 'R1' }))]),
          makeDimension([{ code: 'TOTAL' }, ...secs.map((s) => ({ code: s, parent: 'TOTAL' }))]),
          makeDimension([{ code: 'ALL' }, ...levs.map((q) => ({ code: q, parent: 'ALL' }))]),
        ];
        const H = 10;
        const levels = [80, 95];
        const index = indexObservations(rows);
        const grid = projectGrid(index, {
          indicator: 'employment',
          dims,
          horizon: H,
          levels,
          backtestOrigins: () => 0,
          topDown: (gh) => {
            const sectionPaths: Record<string, number[]> = {};
            secs.forEach((s, i) => {
              const base = gh.years[gh.years.length - 1][gh.offset('VN', s, 'ALL')];
              sectionPaths[s] = Array.from({ length: H }, (_, t) => base * (1 + a.growth[i]) ** (t + 1));
            });
            const rel: RelBand = levels.map((level) => ({ level, lower: new Array(H).fill(0.05), upper: new Array(H).fill(0.06) }));
            return allocateMain(
              gh.reconciler,
              gh.years,
              H,
              levels,
              { sectionPaths, sectionRel: Object.fromEntries(secs.map((s) => [s, rel])), totalRel: rel, forecaster: driftForecaster(levels) },
              gh.offset,
            );
          },
        });
        if (!grid) return;
        const node = new Map(grid.nodes.map((n) => [`${n.region}|${n.sector}|${n.qualification}`, n]));
        const [dr, ds, dq] = dims;
        for (const n of grid.nodes) {
          for (let t = 0; t < H; t++) {
            const v = n.mean[t];
            expect(v).toBeGreaterThanOrEqual(0);
            expect(Number.isFinite(v)).toBe(true);
            for (const iv of n.intervals) {
              expect(iv.lower[t]).toBeLessThanOrEqual(v + 1e-9);
              expect(iv.upper[t]).toBeGreaterThanOrEqual(v - 1e-9);
              expect(iv.lower[t]).toBeGreaterThanOrEqual(0);
            }
            // Each dimension's children sum to the node (1e-6 relative) and none exceeds it.
            for (const [d, axis] of [
              [dr, 0],
              [ds, 1],
              [dq, 2],
            ] as const) {
              const code = [n.region, n.sector, n.qualification][axis];
              const kids = d.children.get(code)!;
              if (!kids.length) continue;
              const parts = kids.map((c) => {
                const key = [n.region, n.sector, n.qualification];
                key[axis] = c;
                return node.get(key.join('|'))!.mean[t];
              });
              const sum = parts.reduce((x, y) => x + y, 0);
              expect(Math.abs(sum - v)).toBeLessThanOrEqual(1e-6 * Math.max(1, v));
              for (const p of parts) expect(p).toBeLessThanOrEqual(v * (1 + 1e-9) + 1e-9);
            }
          }
          // Bounded change: a cell ≥ 1,000 keeps ≥ 20 % of base within 10 years unless its section falls alike.
          if (n.base >= 1000 && ds.bottom.includes(n.sector)) {
            const sec = node.get(`VN|${n.sector}|ALL`)!;
            for (let t = 0; t < H; t++) {
              const own = n.mean[t] / n.base;
              const par = sec.base > 0 ? sec.mean[t] / sec.base : 1;
              if (own < 0.2) expect(own / par).toBeGreaterThanOrEqual(0.2 * 0.2 - 1e-9);
            }
          }
        }
        void sumOver;
      }),
      { numRuns: 60 },
    );
    // 60 random grids take ~2 s idle and over 10 s on a loaded 2-core machine: the runs, not the clock, are the test.
  }, 60_000);
});
