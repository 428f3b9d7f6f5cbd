import type { ForecastResponse } from '../../api/types';

/** Backtest accuracy of one series: the engine beside the naive benchmark on the same origins. */
export interface AccuracyRow {
  key: string;
  indicator: string;
  sector: string;
  label: string;
  method: string;
  mase: number;
  naiveMase: number;
  smape: number | null;
  naiveSmape: number | null;
  coverage80: number | null;
  coverage95: number | null;
  origins: number;
  /** Relative MASE: below 1 the engine beat naive. */
  relative: number;
}

/** Rows for every series that could be backtested (those with too short a history are left out). */
export function toAccuracyRows(forecasts: (ForecastResponse | undefined)[], label: (f: ForecastResponse) => string): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const f of forecasts) {
    const a = f?.accuracy;
    if (!f || !a || a.mase === null || a.naiveMase === null || !Number.isFinite(a.mase) || !Number.isFinite(a.naiveMase)) continue;
    rows.push({
      key: `${f.indicator}|${f.sector}`,
      indicator: f.indicator,
      sector: f.sector,
      label: label(f),
      method: f.models.map((m) => m.method).join(' + '),
      mase: a.mase,
      naiveMase: a.naiveMase,
      smape: a.smape,
      naiveSmape: a.naiveSmape,
      coverage80: a.coverage80,
      coverage95: a.coverage95,
      origins: a.origins,
      relative: a.naiveMase > 0 ? a.mase / a.naiveMase : Number.NaN,
    });
  }
  return rows;
}

/** Overall summary: mean MASE of engine and naive, share of series where the engine wins, mean coverage. */
export interface AccuracySummary {
  series: number;
  meanMase: number;
  meanNaiveMase: number;
  wins: number;
  coverage80: number | null;
  coverage95: number | null;
}

function mean(values: number[]): number | null {
  const ok = values.filter((v) => Number.isFinite(v));
  return ok.length ? ok.reduce((s, v) => s + v, 0) / ok.length : null;
}

export function summariseAccuracy(rows: AccuracyRow[]): AccuracySummary | null {
  if (rows.length === 0) return null;
  return {
    series: rows.length,
    meanMase: mean(rows.map((r) => r.mase))!,
    meanNaiveMase: mean(rows.map((r) => r.naiveMase))!,
    wins: rows.filter((r) => r.mase < r.naiveMase).length,
    coverage80: mean(rows.map((r) => r.coverage80 ?? Number.NaN)),
    coverage95: mean(rows.map((r) => r.coverage95 ?? Number.NaN)),
  };
}
