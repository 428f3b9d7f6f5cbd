/**
 * Scoring shared by the tuning scripts (tune-pools, tune-candidates): mean sMAPE and MASE of a
 * point forecast over benchmark cases, with the engine's own accuracy functions, so a tuning run
 * scores exactly as `pnpm bench` does.
 */
import { mae, smape } from '../src/forecast/accuracy';

/** One benchmark case: its test values and its in-sample naive scale (the MASE denominator). */
export interface ScoredCase {
  test: readonly number[];
  scale: number;
}

/** Mean sMAPE and MASE over `rows` of the forecasts `pick` makes for each. */
export function scoreCases<R extends ScoredCase>(rows: readonly R[], pick: (r: R) => readonly number[]): { smape: number; mase: number } {
  let sm = 0;
  let ma = 0;
  for (const r of rows) {
    const f = pick(r).slice(0, r.test.length);
    sm += smape(r.test, f);
    ma += mae(r.test, f) / r.scale;
  }
  return { smape: sm / rows.length, mase: ma / rows.length };
}
