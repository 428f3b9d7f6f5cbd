/**
 * Other entrants: people entering work at a level without a new
 * qualification (school leavers without a certificate, re-entrants, returning
 * migrants, adults gaining a qualification on the job).
 */
import type { ObservationIndex } from './observations';
import type { Grid } from './projection';

/**
 * Other entrants per year as a share of base-year employment, by level.
 * `none`: about 1.9% — young people entering work without any certificate
 * (roughly 0.7 m a year: a cohort of ~1.5 m, about half without a
 * qualification) over ~37 m employed without one. Assumption (unconfirmed);
 * 0 for qualified levels, whose entrants are the graduates.
 */
export const DEFAULT_OTHER_ENTRANTS_RATE: Record<string, number> = {
  none: 0.019, elementary: 0, intermediate: 0, college: 0, university: 0,
};

/** Other-entrant rates by level and how they were obtained. */
export interface OtherEntrantRates {
  rate: Record<string, number>;
  basis: Record<string, 'calibrated' | 'default'>;
}

/**
 * Calibrate other entrants per level from the stock-flow identity of the
 * national history (Cedefop-style): people entering employment at a level in a
 * year = change in employment + exits; what graduates (× entry rate) do not
 * explain came from elsewhere (school leavers without a certificate,
 * re-entrants, returning migrants, adults gaining a qualification). The rate
 * is that remainder over employment, averaged over the years with graduates
 * data; moves between sectors cancel out at the national level. Levels or
 * data that do not allow it keep the default rate.
 */
export function calibrateOtherEntrants(
  index: ObservationIndex,
  grid: Grid,
  exitRate: Float64Array,
  entryRate: number,
): OtherEntrantRates {
  const [dr, ds, dq] = grid.reconciler.dims;
  const r0 = dr.codes.find((c) => !dr.parent.get(c))!;
  const s0 = ds.codes.find((c) => !ds.parent.get(c))!;
  const bottomR = new Set(dr.bottom);
  const bottomS = new Set(ds.bottom);
  const rate: Record<string, number> = { ...DEFAULT_OTHER_ENTRANTS_RATE };
  const basis: Record<string, 'calibrated' | 'default'> = {};
  for (const q of dq.bottom) basis[q] = 'default';
  const gradCells = (index.byIndicator.get('graduates') ?? []).filter((c) => bottomR.has(c.region) && bottomS.has(c.sector));
  const gradYears = new Set<number>();
  for (const c of gradCells) for (const y of c.byYear.keys()) gradYears.add(y);
  if (gradYears.size === 0) return { rate, basis };
  for (const q of dq.bottom) {
    const root = grid.nodes.find((n) => n.region === r0 && n.sector === s0 && n.qualification === q);
    if (!root) continue;
    const leaves: number[] = [];
    grid.nodes.forEach((n, off) => {
      if (n.qualification === q && bottomR.has(n.region) && bottomS.has(n.sector)) leaves.push(off);
    });
    let remainder = 0;
    let exposure = 0;
    let years = 0;
    for (let i = 1; i < root.history.length; i++) {
      const y = grid.firstYear + i;
      if (!gradYears.has(y)) continue;
      let exits = 0;
      for (const off of leaves) exits += exitRate[off] * grid.nodes[off].history[i - 1].value;
      let grads = 0;
      for (const c of gradCells) if (c.qualification === q) grads += c.byYear.get(y)?.value ?? 0;
      remainder += root.history[i].value - root.history[i - 1].value + exits - entryRate * grads;
      exposure += root.history[i - 1].value;
      years++;
    }
    if (years > 0 && exposure > 0) {
      rate[q] = Math.max(0, remainder / exposure);
      basis[q] = 'calibrated';
    }
  }
  return { rate, basis };
}

