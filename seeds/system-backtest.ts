/**
 * Writes seeds/derived/system-backtest.json: the supply–demand system's
 * rolling-origin backtest (models `backtestSystem`) on the committed seeds.
 * Run after any change to seeds/data or to the system: `pnpm --filter @lmo/seeds backtest`.
 */
import { writeFileSync } from 'node:fs';
import { backtestSystem } from '@lmo/models';
import { readSeedObservations, SEED_FILES } from './src/index';
import { fingerprintFiles, SYSTEM_BACKTEST_FILE, type SystemBacktestArtefact } from './src/system-backtest';

/** The artefact for the seed files as they are now. */
export function buildSystemBacktest(): SystemBacktestArtefact {
  const result = backtestSystem(readSeedObservations());
  return { seedFingerprint: fingerprintFiles(SEED_FILES), ...result, spliceRatio: Number(result.spliceRatio.toFixed(6)) };
}

if (process.argv[1]?.endsWith('system-backtest.ts')) {
  const t0 = performance.now();
  const artefact = buildSystemBacktest();
  writeFileSync(SYSTEM_BACKTEST_FILE, `${JSON.stringify(artefact, null, 2)}\n`);
  const e = artefact.rolling.employment;
  console.log(
    `wrote ${SYSTEM_BACKTEST_FILE} in ${Math.round(performance.now() - t0)} ms: employment MASE system ${e.system.mase} naive ${e.naive.mase}; ` +
      `labour force system ${artefact.rolling.labourForce.system.mase} naive ${artefact.rolling.labourForce.naive.mase}`,
  );
}
