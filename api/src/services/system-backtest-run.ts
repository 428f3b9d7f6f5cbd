/**
 * The supply–demand system's own backtest on one data version (models `backtestSystem`: one
 * refit of the system per origin), packed as the version's `system-backtest` chunk. It runs after
 * the version's results are stored and served (results-loader.ts), in the compute worker when the
 * server has one, so an upload is not kept waiting for it; the version loaded from the seed files
 * the committed artefact was computed on never needs it (system-backtest.ts).
 */
import type { Observation } from '@lmo/models';
import { backtestSystem, type SystemBacktest } from '@lmo/models/labour';
import { pack, type PackedChunk } from './compute-pack';

/** The stored backtest of a version: its scores and design, or why it could not run on the data. */
export type StoredSystemBacktest = SystemBacktest | { error: { code: string; message: string } };

/** Where the chunk is stored: one per version. */
export const SYSTEM_BACKTEST_CHUNK = { kind: 'system-backtest', scenario: '*', key: 'all' } as const;

/**
 * The backtest of `obs`, or the reason the data do not support it: a domain error (one with a
 * `code`, such as the engine's NOT_ENOUGH_DATA) is stored and shown, not thrown. Anything else is
 * a bug and is thrown (the loader logs it).
 */
export function runSystemBacktest(obs: readonly Observation[]): StoredSystemBacktest {
  try {
    return backtestSystem(obs);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string') throw error;
    return { error: { code, message: (error as Error).message } };
  }
}

/** The packed chunk of `obs`'s backtest. */
export const systemBacktestChunk = (obs: readonly Observation[]): PackedChunk => pack({ ...SYSTEM_BACKTEST_CHUNK, items: 1, value: runSystemBacktest(obs) });
