/**
 * Calibrating the entry mix of the qualification stock-flow so that its
 * aggregate trained share reproduces a history (e.g. GSO's
 * `trained_share_certified`) in the least-squares sense.
 *
 * The entry mix is one-parameter: entryMix(τ) = (1 − τ)·untrainedMix +
 * τ·trainedMix, τ ∈ [0, 1] the trained share of non-graduate entrants. The
 * simulated trained share rises with τ, so the sum of squared errors is
 * searched on a grid and refined by golden-section search.
 */
import { qualificationStockFlow, type StockFlowInput, type StockFlowResult } from './qualification-stock';

/** The entry mix at trained share `tau` between two mixes by level. */
export function entryMixFor(tau: number, trainedMix: readonly number[], untrainedMix: readonly number[]): number[] {
  return trainedMix.map((t, l) => tau * t + (1 - tau) * untrainedMix[l]);
}

export interface EntryMixCalibration {
  tau: number;
  entryMix: number[];
  /** Σ (simulated − history)² over the history years inside the run. */
  sse: number;
  /** The stock-flow at the calibrated mix. */
  result: StockFlowResult;
}

/**
 * Least-squares τ for `history` (trained share as a fraction 0–1, by year;
 * years outside `input.years` are ignored). Throws when no history year is
 * inside the run.
 */
export function calibrateEntryMix(
  input: Omit<StockFlowInput, 'entryMix'>,
  history: Readonly<Record<number, number>>,
  trainedMix: readonly number[],
  untrainedMix: readonly number[],
): EntryMixCalibration {
  const idx = input.years.map((y, t) => [y, t] as const).filter(([y]) => history[y] !== undefined);
  if (idx.length === 0) throw new Error('no trained-share history inside the stock-flow years');
  const run = (tau: number) => qualificationStockFlow({ ...input, entryMix: entryMixFor(tau, trainedMix, untrainedMix) });
  const sse = (tau: number) => {
    const r = run(tau);
    return idx.reduce((s, [y, t]) => s + (r.trainedShare[t] - history[y]) ** 2, 0);
  };
  const N = 40;
  let best = 0;
  let bestV = Infinity;
  for (let k = 0; k <= N; k++) {
    const v = sse(k / N);
    if (v < bestV) {
      bestV = v;
      best = k;
    }
  }
  let a = Math.max(0, (best - 1) / N);
  let b = Math.min(1, (best + 1) / N);
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = sse(c);
  let fd = sse(d);
  for (let k = 0; k < 60; k++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = sse(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = sse(d);
    }
  }
  const cand = [
    [(a + b) / 2, sse((a + b) / 2)],
    [best / N, bestV],
  ] as const;
  const [tau] = cand[0][1] <= cand[1][1] ? cand[0] : cand[1];
  const result = run(tau);
  return { tau, entryMix: entryMixFor(tau, trainedMix, untrainedMix), sse: Math.min(cand[0][1], cand[1][1]), result };
}
