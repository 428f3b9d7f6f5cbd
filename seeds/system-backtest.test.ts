import { describe, expect, it } from 'vitest';
import { SEED_FILES } from './src/index';
import { fingerprintFiles, readSystemBacktest } from './src/system-backtest';
import { buildSystemBacktest } from './system-backtest';

/** The committed system backtest must describe the committed seeds and the system as they are now. */
describe('seeds/derived/system-backtest.json', () => {
  const committed = readSystemBacktest();

  it('names the seed files it was computed on (rerun `pnpm --filter @lmo/seeds backtest` after changing them)', () => {
    expect(committed.seedFingerprint).toBe(fingerprintFiles(SEED_FILES));
  });

  it('equals a fresh run of the backtest (rerun the script after changing the system)', () => {
    // Through JSON, as the script writes it (−0 becomes 0).
    expect(JSON.parse(JSON.stringify(buildSystemBacktest()))).toEqual(committed);
  }, 60_000);

  it('reproduces the official base year at every origin and scores every origin', () => {
    for (const id of ['employment', 'labourForce'] as const) {
      expect(committed.baseDiff[id]).toEqual(committed.design.origins.map(() => 0));
      expect(committed.rolling[id].system.points).toBeGreaterThanOrEqual(20);
    }
  });

  it('changes its fingerprint when a seed file changes', () => {
    expect(fingerprintFiles(SEED_FILES.slice(1))).not.toBe(committed.seedFingerprint);
  });
});
