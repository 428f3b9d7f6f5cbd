/**
 * Backtest accuracy of the engine against naive over all employment cells,
 * by level of detail, for the methodology page ("how good are these
 * forecasts?"). Means over cells that could be backtested; MASE < naive's
 * MASE means the engine beat "next year = this year".
 */
import type { Grid } from './projection';
import type { AccuracySummary, AccuracySummaryRow, CellAccuracy } from './types';

/** Level of detail of a cell, for grouping. */
function tierOf(grid: Grid, region: string, sector: string, qualification: string): AccuracySummaryRow['tier'] {
  const [dr, ds, dq] = grid.reconciler.dims;
  if (!dr.bottom.includes(region)) return 'national-regional';
  return ds.bottom.includes(sector) && dq.bottom.includes(qualification) ? 'detailed' : 'province-totals';
}

/** Summarise the backtests of every shown cell of the grids; cells whose backtest failed are counted in the note. */
export function summariseAccuracy(grids: Grid[]): AccuracySummary {
  const failed = new Map<string, number>();
  const acc = new Map<AccuracySummaryRow['tier'], { n: number; mase: number; naive: number; smape: number; c80: number; c95: number; beats: number }>();
  for (const grid of grids) {
    for (const n of grid.nodes) {
      const a: CellAccuracy = n.accuracy;
      if (a.failed && !grid.hidden.has(n.region)) failed.set(a.failed.code, (failed.get(a.failed.code) ?? 0) + 1);
      if (grid.hidden.has(n.region) || a.origins === 0 || a.mase === null || a.naiveMase === null || a.smape === null) continue;
      const tier = tierOf(grid, n.region, n.sector, n.qualification);
      const s = acc.get(tier) ?? { n: 0, mase: 0, naive: 0, smape: 0, c80: 0, c95: 0, beats: 0 };
      s.n++;
      s.mase += a.mase;
      s.naive += a.naiveMase;
      s.smape += a.smape;
      s.c80 += a.coverage80 ?? 0;
      s.c95 += a.coverage95 ?? 0;
      if (a.mase < a.naiveMase) s.beats++;
      acc.set(tier, s);
    }
  }
  const rows: AccuracySummaryRow[] = [];
  for (const tier of ['national-regional', 'province-totals', 'detailed'] as const) {
    const s = acc.get(tier);
    if (!s) continue;
    rows.push({
      tier,
      cells: s.n,
      mase: s.mase / s.n,
      naiveMase: s.naive / s.n,
      smape: s.smape / s.n,
      coverage80: s.c80 / s.n,
      coverage95: s.c95 / s.n,
      shareBeatingNaive: s.beats / s.n,
    });
  }
  const failures = [...failed].map(([code, k]) => `${k} × ${code}`).join(', ');
  const total = [...failed.values()].reduce((a, b) => a + b, 0);
  const note = 'Rolling-origin backtests on each cell’s own history (3 origins nationally/regionally, 2 for province totals, 1 for detailed cells).';
  return {
    rows,
    note: failures ? `${note} Backtest failed for ${total} cells (${failures}); they are left out.` : note,
    failures: { total, byCode: Object.fromEntries(failed) },
  };
}
