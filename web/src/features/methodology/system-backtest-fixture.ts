import type { SystemBacktest } from './system-backtest-rows';

const score = (mase: number | null, biasPct: number | null, points = 25) => ({ mase, coverage80: 0.92, coverage95: 0.96, biasPct, points });

/** A served system backtest shaped like GET /api/accuracy `system` (figures of the committed baseline run). */
export const systemBacktestFixture = (appliesToServedVersion = true, extra: Partial<SystemBacktest> = {}): SystemBacktest => ({
  design: { levels: [80, 95], horizon: 5, origins: [2015, 2016, 2017, 2018, 2019], holdout: { origin: 2019, from: 2022, to: 2024 } },
  spliceRatio: 0.915795,
  rolling: {
    employment: { system: score(0.8626, 0.8814), naive: score(1.0611, -0.9963), engine: score(1.6223, 2.5763) },
    labourForce: { system: score(2.2369, 2.7026, 24), naive: score(1.3164, -1.0623, 24), engine: score(1.1688, 1.1682, 24) },
  },
  holdout: {
    employment: { system: score(0.2645, 0.3016, 3), naive: score(1.8045, -2.5043, 3), engine: score(0.3159, 0.2178, 3) },
    labourForce: { system: score(0.7726, 0.7998, 2), naive: score(1.9518, -2.012, 2), engine: score(null, null, 0) },
  },
  baseDiff: { employment: [0, 0, 0, 0, 0], labourForce: [0, 0, 0, 0, 0] },
  notes: [],
  appliesToServedVersion,
  computedOn: 'seeds',
  source: 'Labour Market Outlook: supply–demand system',
  ...extra,
});
