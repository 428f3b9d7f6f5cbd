/**
 * `pnpm bench:labour`: backtest of broad-sector employment shares
 * (agriculture / industry / services, % of employment; ILO modelled
 * estimates via Gapminder, ../shared/reference/data) over every country with
 * a complete 1991–2023 record. Fit on 1991–2017, forecast 2018–2023, and
 * score `auto` (through the log-ratio share model of labour/shares.ts, with
 * its default `auto` on the additive scale)
 * against plain naive and drift on the raw shares. Also times the labour
 * helper's per-province scenario recompute if @lmo/models exports it.
 * `pnpm bench` runs this at the end and adds its figures to the BENCH line.
 *
 * Run directly, it then runs the seeded part (labour-seeds.ts, issue 12
 * targets: coherence table, backtest on Viet Nam's real series, recompute
 * times) and prints a final `BENCH_LABOUR {...}` line; the exit code is
 * non-zero when any coherence count is not 0.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverage, finiteMean, fitAuto, fitDrift, fitNaive, mase, naiveScale, smape, winkler } from '../src/forecast/index';
import type { FitFn, Forecast, Series } from '../src/forecast/index';
import { fitAdditive, forecastShares } from '../src/labour/shares';
import { SHARED_DIR, readCsv } from './datasets';
import { runSeedBench } from './labour-seeds';
import { timeScenario } from './scenario-timing';
import { formatTable } from './table';
import { formatRange, roundedIntervals, scoreIntervals, type ClusterScores } from './bootstrap';

const DATA_DIR = path.join(SHARED_DIR, 'reference/data/ilo_modelled_via_gapminder');
const SECTORS = {
  agriculture: 'agriculture_workers_percent_of_employment',
  industry: 'industry_workers_percent_of_employment',
  services: 'service_workers_percent_of_employment',
} as const;
type Sector = keyof typeof SECTORS;
const FIRST = 1991;
const LAST_TRAIN = 2017;
const LAST = 2023;
const H = LAST - LAST_TRAIN;
const LEVELS = [80, 95];

export interface LabourScores {
  mase: number;
  smape: number;
  /** Share 0–1 of 2018–2023 values inside the 80 / 95 % intervals. */
  coverage80: number;
  coverage95: number;
  /** MSIS of the 95 % interval: Winkler score ÷ the training part's naive MAE, mean over series. */
  msis95: number;
  /** 95 % bootstrap intervals of MASE and coverage, countries resampled (bootstrap.ts). */
  ci95: ReturnType<typeof roundedIntervals>;
}

/** Country → sector → shares FIRST..LAST; only complete countries. */
function loadShares(): Map<string, Record<Sector, number[]>> {
  const bySector = {} as Record<Sector, Map<string, Map<number, number>>>;
  for (const [sector, indicator] of Object.entries(SECTORS) as [Sector, string][]) {
    const m = new Map<string, Map<number, number>>();
    for (const row of readCsv(path.join(DATA_DIR, `ddf--datapoints--${indicator}--by--geo--time.csv`))) {
      let years = m.get(row.geo!);
      if (!years) m.set(row.geo!, (years = new Map()));
      years.set(Number(row.time), Number(row[indicator]));
    }
    bySector[sector] = m;
  }
  const out = new Map<string, Record<Sector, number[]>>();
  for (const geo of [...bySector.agriculture.keys()].sort()) {
    const rec = {} as Record<Sector, number[]>;
    let complete = true;
    for (const sector of Object.keys(SECTORS) as Sector[]) {
      const years = bySector[sector].get(geo);
      const values: number[] = [];
      for (let y = FIRST; y <= LAST; y++) {
        const v = years?.get(y);
        if (v === undefined || !Number.isFinite(v)) complete = false;
        values.push(v ?? NaN);
      }
      rec[sector] = values;
    }
    if (complete) out.set(geo, rec);
  }
  return out;
}

type Forecaster = (train: Record<Sector, number[]>) => Record<Sector, Forecast>;

/** Apply a FitFn to each raw share on its own (no simplex constraint). */
function perShare(fit: FitFn): Forecaster {
  return (train) => {
    const out = {} as Record<Sector, Forecast>;
    for (const sector of Object.keys(SECTORS) as Sector[]) {
      const series: Series = { values: train[sector], start: String(FIRST), frequency: 1 };
      out[sector] = fit(series).forecast(H, { levels: LEVELS });
    }
    return out;
  };
}

/** Forecast through the log-ratio share model: stays in 0–100 and sums to 100. */
function viaShares(fit: FitFn): Forecaster {
  return (train) => {
    const fc = forecastShares({ start: String(FIRST), frequency: 1, components: train }, H, { fit, levels: LEVELS });
    return fc.components as Record<Sector, Forecast>;
  };
}

function score(data: Map<string, Record<Sector, number[]>>, forecaster: Forecaster) {
  const mases: number[] = [];
  const smapes: number[] = [];
  const msis: number[] = [];
  let outside = 0;
  let points = 0;
  const inside: Record<number, number> = { 80: 0, 95: 0 };
  let seconds = 0;
  const nTrain = LAST_TRAIN - FIRST + 1;
  const vn: number[] = [];
  // One cluster per country: its three sectors' errors share the country's shocks.
  const clusters: ClusterScores[] = [];
  for (const [geo, rec] of data) {
    const country: ClusterScores = { mase: 0, inside80: 0, inside95: 0, points: 0 };
    clusters.push(country);
    const train = {} as Record<Sector, number[]>;
    for (const s of Object.keys(SECTORS) as Sector[]) train[s] = rec[s].slice(0, nTrain);
    const t0 = performance.now();
    const fc = forecaster(train);
    seconds += (performance.now() - t0) / 1000;
    for (const s of Object.keys(SECTORS) as Sector[]) {
      const test = rec[s].slice(nTrain);
      const { mean, intervals } = fc[s];
      mases.push(mase(test, mean, train[s], 1));
      country.mase += mases.at(-1)! / 3;
      country.points += test.length;
      if (geo === 'vnm') vn.push(mases.at(-1)!);
      smapes.push(smape(test, mean));
      outside += mean.filter((v) => v < 0 || v > 100).length;
      points += test.length;
      for (const iv of intervals) {
        const hits = coverage(test, iv.lower, iv.upper) * test.length;
        inside[iv.level] = (inside[iv.level] ?? 0) + hits;
        if (iv.level === 80) country.inside80 += hits;
        else if (iv.level === 95) country.inside95 += hits;
      }
      const iv95 = intervals.find((iv) => iv.level === 95);
      const scale = naiveScale(train[s], 1);
      if (iv95 && scale > 0) msis.push(winkler(test, iv95.lower, iv95.upper, 95) / scale);
    }
  }
  return {
    mase: finiteMean(mases),
    smape: finiteMean(smapes),
    coverage80: inside[80]! / points,
    coverage95: inside[95]! / points,
    msis: finiteMean(msis),
    outside,
    seconds,
    vietNamMase: vn.length ? finiteMean(vn) : NaN,
    ci95: scoreIntervals(clusters),
  };
}

/** Run the backtest, print its table, and return the figures for the BENCH line. */
export async function runLabourBench(): Promise<{
  scores: Record<string, LabourScores>;
  scenarioMs: number | string;
  scenarioP95Ms?: number;
  scenarioMaxMs?: number;
  baseMs?: number;
}> {
  if (!existsSync(DATA_DIR)) {
    console.error(`Labour reference data not found at ${DATA_DIR}; skipping the labour backtest.`);
    return { scores: {}, scenarioMs: 'n/a' };
  }
  const data = loadShares();
  const variants: [string, Forecaster, string][] = [
    // forecastShares' own default (auto with scale 'additive' on log-ratios and logits), as shipped.
    // Until issue 14's fourth pass this row passed plain fitAuto, which treats log-ratios and logits as
    // levels (yearly level constants; positive ones even on logs), so the additive calibration was never measured.
    ['auto', viaShares(fitAdditive), "auto (additive) on centred log-ratios → softmax, bands from each share's logit (shares.ts)"],
    ['naive', perShare(fitNaive), 'last value, raw shares'],
    ['drift', perShare(fitDrift), 'drift, raw shares'],
    ['auto-raw', perShare(fitAuto), 'auto on each raw share, no constraint (for comparison)'],
    ['drift-logratio', viaShares(fitDrift), 'drift on log-ratios (for comparison)'],
  ];
  const scores: Record<string, LabourScores> = {};
  const rows = variants.map(([name, f, note]) => {
    const s = score(data, f);
    if (['auto', 'naive', 'drift'].includes(name)) {
      scores[name] = {
        mase: Number(s.mase.toFixed(4)),
        smape: Number(s.smape.toFixed(4)),
        coverage80: Number(s.coverage80.toFixed(4)),
        coverage95: Number(s.coverage95.toFixed(4)),
        msis95: Number(s.msis.toFixed(4)),
        ci95: roundedIntervals(s.ci95),
      };
    }
    const extra = `; Viet Nam MASE ${s.vietNamMase.toFixed(2)}` + (s.outside ? `; ${s.outside} forecasts outside 0–100` : '');
    return { label: name, ...s, mape: NaN, seriesPerSecond: (3 * data.size) / s.seconds, note: note + extra };
  });
  console.log(
    `\n${formatTable(
      `== labour shares: ${data.size} countries × 3 sectors, fit ${FIRST}–${LAST_TRAIN}, forecast ${LAST_TRAIN + 1}–${LAST} (ILO modelled via Gapminder) ==`,
      'MASE',
      rows,
    )}`,
  );
  const auto = rows.find((r) => r.label === 'auto')!;
  console.log(
    `auto: 95 % bootstrap intervals over countries (${data.size} resampled with their three sectors): MASE ${formatRange(auto.ci95.mase, 3)}, ` +
      `cov80 ${formatRange(auto.ci95.coverage80, 1, true)}, cov95 ${formatRange(auto.ci95.coverage95, 1, true)}`,
  );
  const timing = await timeScenario();
  if (timing === 'n/a') {
    console.log('scenarioMs: n/a (models/src/labour exports no recomputeProvince/computeBase)');
    return { scores, scenarioMs: 'n/a' };
  }
  console.log(
    `scenario recompute (recomputeProvince, horizons 1..10) on ${timing.data}: median ${timing.medianMs.toFixed(2)} ms, ` +
      `p95 ${timing.p95Ms.toFixed(2)} ms, max ${timing.maxMs.toFixed(2)} ms per province over ${timing.provinces} provinces × ${timing.scenarios} scenarios ` +
      `(target ≤ 50 ms); base projection (computeBase) ${timing.baseMs.toFixed(0)} ms`,
  );
  return {
    scores,
    scenarioMs: Number(timing.medianMs.toFixed(3)),
    scenarioP95Ms: Number(timing.p95Ms.toFixed(3)),
    scenarioMaxMs: Number(timing.maxMs.toFixed(3)),
    baseMs: Math.round(timing.baseMs),
  };
}

// Run directly: `pnpm bench:labour`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runLabourBench().then((r) => {
    console.log(
      `BENCH ${JSON.stringify({ labour: r.scores, scenarioMs: r.scenarioMs, scenarioP95Ms: r.scenarioP95Ms, scenarioMaxMs: r.scenarioMaxMs, labourBaseMs: r.baseMs })}`,
    );
    const seeds = runSeedBench();
    const scenarioMs = typeof r.scenarioMs === 'number' ? r.scenarioMs : null;
    console.log(
      `performance: full recompute ${seeds.fullRecomputeMs} ms (target ≤ 5000: ${seeds.fullRecomputeMs <= 5000 ? 'met' : 'MISSED'}); ` +
        `scenario recompute per province median ${scenarioMs ?? 'n/a'} ms (target ≤ 50: ${scenarioMs !== null && scenarioMs <= 50 ? 'met' : 'MISSED'})`,
    );
    console.log(
      `BENCH_LABOUR ${JSON.stringify({
        coherence: seeds.coherence,
        coherenceOk: seeds.coherenceOk,
        backtest: seeds.backtest,
        performance: {
          fullRecomputeMs: seeds.fullRecomputeMs,
          fullRecomputeRunsMs: seeds.fullRecomputeRunsMs,
          fullRecomputeTargetMs: 5000,
          provinceRecomputeMedianMs: scenarioMs,
          provinceRecomputeP95Ms: r.scenarioP95Ms ?? null,
          provinceRecomputeMaxMs: r.scenarioMaxMs ?? null,
          provinceRecomputeTargetMs: 50,
          baseMs: r.baseMs ?? null,
        },
        sharesBacktest: r.scores,
      })}`,
    );
    if (!seeds.coherenceOk) process.exitCode = 1;
  });
}
