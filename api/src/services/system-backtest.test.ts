import { fingerprintFiles, readSystemBacktest, SEED_FILES } from '@lmo/seeds';
import { describe, expect, it } from 'vitest';
import { systemBacktestFor } from './system-backtest';

describe('systemBacktestFor', () => {
  const current = fingerprintFiles(SEED_FILES);

  it('serves the committed backtest, applying only to the version loaded from the same seed files', async () => {
    const v = await systemBacktestFor({ id: 1, kind: 'seed', seedFingerprint: current });
    expect(v.appliesToServedVersion).toBe(true);
    expect(v.rolling).toEqual(readSystemBacktest().rolling);
    expect(v).not.toHaveProperty('seedFingerprint');
    expect(v.source).toMatch(/GSO/);
  });

  it('does not apply to uploads, reverts or a version from other seed files', async () => {
    expect((await systemBacktestFor({ id: 1, kind: 'upload', seedFingerprint: null })).appliesToServedVersion).toBe(false);
    expect((await systemBacktestFor({ id: 1, kind: 'revert', seedFingerprint: null })).appliesToServedVersion).toBe(false);
    expect((await systemBacktestFor({ id: 1, kind: 'seed', seedFingerprint: 'f'.repeat(64) })).appliesToServedVersion).toBe(false);
  });

  it('serves the backtest stored with a version’s results as its own, and the reason when it could not run', async () => {
    const { seedFingerprint: _, ...artefact } = readSystemBacktest();
    const own = { ...artefact, spliceRatio: 0.5 };
    const v = await systemBacktestFor({ id: 4, kind: 'upload', seedFingerprint: null }, own);
    expect(v).toMatchObject({ appliesToServedVersion: true, computedOn: 'version', spliceRatio: 0.5 });
    expect(v.source).toContain('dataset version 4');
    const failed = await systemBacktestFor({ id: 5, kind: 'upload', seedFingerprint: null }, { error: { code: 'NOT_ENOUGH_DATA', message: 'too short' } });
    expect(failed).toMatchObject({ appliesToServedVersion: false, computedOn: 'seeds', unavailable: { code: 'NOT_ENOUGH_DATA' } });
    expect(failed.rolling).toEqual(artefact.rolling);
  });
});
