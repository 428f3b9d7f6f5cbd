import { describe, expect, it } from 'vitest';
import { systemBacktestFixture } from './system-backtest-fixture';
import { systemBacktestNote, systemBacktestVerdicts, toSystemBacktestBars, toSystemBacktestRows } from './system-backtest-rows';

describe('system backtest adapters', () => {
  const system = systemBacktestFixture();

  it('rows: every test × series × method, rolling origins first, scores as served', () => {
    const rows = toSystemBacktestRows(system);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ key: 'rolling|employment|system', mase: 0.8626, points: 25 });
    expect(rows.at(-1)).toMatchObject({ key: 'holdout|labourForce|engine', mase: null, points: 0 });
    expect(toSystemBacktestRows(undefined)).toEqual([]);
  });

  it('bars: the rolling-origin MASE of each method by series', () => {
    expect(toSystemBacktestBars(system)).toEqual([
      { series: 'employment', system: 0.8626, naive: 1.0611, engine: 1.6223 },
      { series: 'labourForce', system: 2.2369, naive: 1.3164, engine: 1.1688 },
    ]);
  });

  it('verdicts: says where the system beat naive and where it did not, with its bias', () => {
    const v = systemBacktestVerdicts(system);
    expect(v.map((x) => [x.series, x.beatsNaive, x.biasPct])).toEqual([
      ['employment', true, 0.8814],
      ['labourForce', false, 2.7026],
    ]);
  });

  it('verdicts: leaves out a series without both MASEs', () => {
    const s = systemBacktestFixture();
    s.rolling.labourForce.naive.mase = null;
    expect(systemBacktestVerdicts(s).map((x) => x.series)).toEqual(['employment']);
  });

  it('note: the rolling scores of both series, only when the backtest describes the served data', () => {
    expect(systemBacktestNote(system)).toEqual({
      origins: [2015, 2016, 2017, 2018, 2019],
      items: [
        { series: 'employment', mase: 0.8626, naiveMase: 1.0611, beatsNaive: true, coverage80: 0.92, biasPct: 0.8814 },
        { series: 'labourForce', mase: 2.2369, naiveMase: 1.3164, beatsNaive: false, coverage80: 0.92, biasPct: 2.7026 },
      ],
    });
    expect(systemBacktestNote(systemBacktestFixture(false))).toBeNull();
    expect(systemBacktestNote(undefined)).toBeNull();
  });
});
