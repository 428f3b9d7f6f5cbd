/**
 * The supply–demand system's own backtest on the baseline dataset, committed
 * as seeds/derived/system-backtest.json (written by `pnpm --filter @lmo/seeds
 * backtest`): five refits of the whole system take a few seconds, which a fresh
 * start should not wait for, and the result changes only when the seeds do
 * (other data versions get theirs after their results: api system-backtest-run.ts).
 * The artefact names the seed files it was computed on (their fingerprint), so
 * a reader can tell whether it describes the data being served; seeds.test.ts
 * fails when it is stale.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SystemBacktest } from '@lmo/models';

/** Absolute path of the committed artefact. */
export const SYSTEM_BACKTEST_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'derived', 'system-backtest.json');

/** The committed artefact: the scores and the design they were run with, and the seed files they rest on. */
export interface SystemBacktestArtefact extends SystemBacktest {
  /** sha256 over the names and bytes of the seed CSVs (`fingerprintFiles(SEED_FILES)`). */
  seedFingerprint: string;
}

/** sha256 over the names and bytes of `files`: equal fingerprints mean the same seed files. */
export function fingerprintFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(basename(file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Reads the committed artefact (throws when it is missing: run the backtest script). */
export function readSystemBacktest(file = SYSTEM_BACKTEST_FILE): SystemBacktestArtefact {
  return JSON.parse(readFileSync(file, 'utf8')) as SystemBacktestArtefact;
}
