import { fingerprintFiles, readSystemBacktest, SEED_FILES } from '@lmo/seeds';
import { describe, expect, it } from 'vitest';
import { systemBacktestFor } from './system-backtest';

describe('systemBacktestFor', () => {
  const current = fingerprintFiles(SEED_FILES);

  it('serves the committed backtest, applying only to the version loaded from the same seed files', async () => {
    const v = await systemBacktestFor({ kind: 'seed', seedFingerprint: current });
    expect(v.appliesToServedVersion).toBe(true);
    expect(v.rolling).toEqual(readSystemBacktest().rolling);
    expect(v).not.toHaveProperty('seedFingerprint');
    expect(v.source).toMatch(/GSO/);
  });

  it('does not apply to uploads, reverts or a version from other seed files', async () => {
    expect((await systemBacktestFor({ kind: 'upload', seedFingerprint: null })).appliesToServedVersion).toBe(false);
    expect((await systemBacktestFor({ kind: 'revert', seedFingerprint: null })).appliesToServedVersion).toBe(false);
    expect((await systemBacktestFor({ kind: 'seed', seedFingerprint: 'f'.repeat(64) })).appliesToServedVersion).toBe(false);
  });
});
