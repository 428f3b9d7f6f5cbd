/**
 * Backtest of the national system on Viet Nam's real annual series (issue 12
 * targets): the economy-driven demand (system employment) and the demographic
 * supply (system labour force) against naive and the plain engine (`auto` on
 * the official series itself).
 *
 * Honest by construction: for each origin O the seeded observations are cut at
 * O (every row with a period after O is dropped, quarters included) and the
 * whole system is refitted with computeBase. Exception: UN WPP 2019
 * population (status international) is kept in full, because a population
 * projection is what a forecaster has at the time. Caveat (documented): WPP
 * 2019 was released in June 2019, so for origins 2015–2018 its 2015–2019
 * *estimates* are a small look-ahead; no other series is.
 *
 * Basis: GSO re-weighted the LFS to the 2019 Census in 2021. Scores are on the
 * post-2021 basis: every pre-2021 official value, and every forecast made
 * from pre-2021 data, is multiplied by the splice ratio the full-data system
 * uses (BaseProjection.system.splice.ratio; the same ratio for labour force
 * and employment). The ratio is a scoring convention applied equally to all
 * methods; the truncated fits never see it (breaks: [] since no origin here
 * has data after 2020).
 *
 * Seed artefact undone: the illustrative employment leaves before 2021 are
 * back-cast onto the 2021 basis by the generator (seeds/README.md "The 2021
 * series break"), so at an origin before 2021 they would sit ~6 % below GSO's
 * old-basis national total and the system's base year would not reproduce it.
 * A forecaster at that origin had only the old basis, so the cut data put them
 * back on it: each year's illustrative employment rows × k(y) = official VN
 * employment ÷ Σ of the illustrative province totals (TOTAL × ALL) that year.
 * The base-year check (system − official at each origin) is reported (`baseDiff`).
 *
 * MASE = mean |actual − forecast| over the scored years
 * ÷ in-sample MAE of naive on the same official series (× ratio). Nothing here
 * is tuned on these results.
 */
import type { Observation } from '../data/observation';
import { fitAuto, fitNaive, naiveScale } from '../forecast/index';
import type { Forecast, Series } from '../forecast/index';
import { computeBase } from './base';
import { bandPoint, scoreBacktest, type BacktestPoint, type BacktestScore } from './system-backtest-score';

/** The backtest's design: bands, horizon, rolling origins and the post-COVID holdout. */
export const SYSTEM_BACKTEST = {
  levels: [80, 95],
  horizon: 5,
  origins: [2015, 2016, 2017, 2018, 2019],
  holdout: { origin: 2019, from: 2022, to: 2024 },
} as const;
const LEVELS = [...SYSTEM_BACKTEST.levels];
const H = SYSTEM_BACKTEST.horizon;
const ROLLING_ORIGINS = SYSTEM_BACKTEST.origins;
const HOLDOUT = SYSTEM_BACKTEST.holdout;
const SERIES = { employment: 'employment', labourForce: 'labour_force' } as const;
/** The two national series scored. */
export type SystemBacktestSeries = keyof typeof SERIES;
type SeriesId = SystemBacktestSeries;
/** The system and its two benchmarks on the official series itself. */
export const SYSTEM_BACKTEST_METHODS = ['system', 'naive', 'engine'] as const;
const METHODS = SYSTEM_BACKTEST_METHODS;
type Method = (typeof METHODS)[number];
export type { BacktestScore } from './system-backtest-score';

/** The backtest's scores (rounded to 4 decimals) and its notes. */
export interface SystemBacktest {
  /** What was run: bands, horizon, origins and the holdout (SYSTEM_BACKTEST). */
  design: typeof SYSTEM_BACKTEST;
  spliceRatio: number;
  /** Fitted to 2019, scored on 2022–2024 (years with an official annual value). */
  holdout: Record<SeriesId, Record<Method, BacktestScore>>;
  /** Origins 2015–2019, h = 1..5 where official actuals exist; MASE averaged over origins, coverage pooled. */
  rolling: Record<SeriesId, Record<Method, BacktestScore>>;
  /** System base year value − official value at each origin (must be 0: base years reproduce the official totals). */
  baseDiff: Record<SeriesId, number[]>;
  notes: string[];
}

const yearOf = (period: string) => Number(period.slice(0, 4));
const PROVINCE = /^\d{2}$/;

/** k(y) per year before `breakYear`: official VN employment ÷ Σ illustrative province totals (the generator's back-cast factor, inverted). */
function unBackcastFactors(obs: readonly Observation[], breakYear: number): Map<number, number> {
  const official = officialAnnual(obs, SERIES.employment);
  const sums = new Map<number, number>();
  for (const o of obs) {
    if (
      o.indicator === 'employment' &&
      o.status === 'illustrative' &&
      PROVINCE.test(o.region) &&
      o.sector === 'TOTAL' &&
      o.qualification === 'ALL' &&
      /^\d{4}$/.test(o.period)
    ) {
      const y = Number(o.period);
      if (y < breakYear) sums.set(y, (sums.get(y) ?? 0) + o.value);
    }
  }
  return new Map([...sums].filter(([y, s]) => s > 0 && official.has(y)).map(([y, s]) => [y, official.get(y)! / s]));
}
const isWpp = (o: Observation) => o.status === 'international' && /World Population Prospects/i.test(o.source ?? '');

/** Official annual VN × TOTAL × ALL values of an indicator, by year (raw basis). */
function officialAnnual(obs: readonly Observation[], indicator: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const o of obs) {
    if (
      o.indicator === indicator &&
      o.region === 'VN' &&
      o.sector === 'TOTAL' &&
      o.qualification === 'ALL' &&
      o.status === 'official' &&
      /^\d{4}$/.test(o.period)
    )
      m.set(Number(o.period), o.value);
  }
  return m;
}

/** The contiguous run of years ending at `origin`. */
function contiguousTo(m: Map<number, number>, origin: number): { start: number; values: number[] } {
  let y = origin;
  while (m.has(y - 1)) y--;
  const values: number[] = [];
  for (let k = y; k <= origin; k++) values.push(m.get(k)!);
  return { start: y, values };
}

/**
 * Runs the backtest: one refit of the whole system per origin (about 1.5 s each).
 * @param obs every observation of the dataset
 * @param spliceRatio the full-data system's 2021 splice ratio (default: fitted here on `obs`)
 */
export function backtestSystem(
  obs: readonly Observation[],
  spliceRatio = computeBase(obs, { backtest: 'aggregates' }).system?.splice?.ratio ?? 1,
): SystemBacktest {
  const breakYear = 2021;
  const raw = { employment: officialAnnual(obs, SERIES.employment), labourForce: officialAnnual(obs, SERIES.labourForce) };
  const onBasis = (y: number, v: number) => (y < breakYear ? v * spliceRatio : v);
  const points: Record<SeriesId, Record<Method, BacktestPoint[]>> = {
    employment: { system: [], naive: [], engine: [] },
    labourForce: { system: [], naive: [], engine: [] },
  };
  const scales: Record<SeriesId, Map<number, number>> = { employment: new Map(), labourForce: new Map() };
  const baseDiff: Record<SeriesId, number[]> = { employment: [], labourForce: [] };
  const notes: string[] = [];
  const k = unBackcastFactors(obs, breakYear);
  notes.push(
    `illustrative employment before ${breakYear} put back on the old basis × k(y): ${[...k]
      .filter(([y]) => y <= HOLDOUT.origin)
      .map(([y, f]) => `${y} ${f.toFixed(4)}`)
      .join(', ')}`,
  );
  for (const origin of ROLLING_ORIGINS) {
    const cut = obs
      .filter((o) => yearOf(o.period) <= origin || isWpp(o))
      .map((o) =>
        o.indicator === 'employment' && o.status === 'illustrative' && k.has(yearOf(o.period)) ? { ...o, value: o.value * k.get(yearOf(o.period))! } : o,
      );
    // Every origin here precedes the 2021 break: no break to model, the fit is all on the old basis.
    const base = computeBase(cut, { horizon: H, breaks: [], backtest: 'aggregates' });
    const sys = base.system;
    if (!sys || sys.baseYear !== origin) notes.push(`origin ${origin}: system ${sys ? `base year ${sys.baseYear}` : 'missing'}`);
    const scale = origin < breakYear ? spliceRatio : 1;
    for (const id of Object.keys(SERIES) as SeriesId[]) {
      const hist = contiguousTo(raw[id], origin);
      const train = hist.values.map((v) => v * scale);
      scales[id].set(origin, naiveScale(train));
      const series: Series = { values: hist.values, start: String(hist.start), frequency: 1 };
      const fc: Record<'naive' | 'engine', Forecast> = {
        naive: fitNaive(series).forecast(H, { levels: LEVELS }),
        engine: fitAuto(series).forecast(H, { levels: LEVELS }),
      };
      const band = id === 'employment' ? sys?.employment : sys?.labourForce;
      if (sys && band) baseDiff[id].push(Math.round(band.mean[sys.baseIndex]! - raw[id].get(origin)!));
      for (let h = 1; h <= H; h++) {
        const year = origin + h;
        const a = raw[id].get(year);
        if (a === undefined) continue;
        const actual = onBasis(year, a);
        for (const m of ['naive', 'engine'] as const) points[id][m].push({ origin, year, actual, ...bandPoint(fc[m], h - 1, scale) });
        if (sys && band && sys.years[sys.baseIndex + h] === year)
          points[id].system.push({ origin, year, actual, ...bandPoint(band, sys.baseIndex + h, scale) });
      }
    }
  }
  const pick = (id: SeriesId, m: Method, holdout: boolean) => {
    const ps = points[id][m].filter((p) => !holdout || (p.origin === HOLDOUT.origin && p.year >= HOLDOUT.from && p.year <= HOLDOUT.to));
    return scoreBacktest(ps, scales[id], !holdout);
  };
  const table = (holdout: boolean) =>
    Object.fromEntries((Object.keys(SERIES) as SeriesId[]).map((id) => [id, Object.fromEntries(METHODS.map((m) => [m, pick(id, m, holdout)]))])) as Record<
      SeriesId,
      Record<Method, BacktestScore>
    >;
  const years = (id: SeriesId) => [...raw[id].keys()].filter((y) => y >= HOLDOUT.from && y <= HOLDOUT.to).join(', ');
  notes.push(
    `official annual actuals in ${HOLDOUT.from}–${HOLDOUT.to}: employment ${years('employment')}; labour force ${years('labourForce')} (years without an official annual value are not scored)`,
  );
  return { design: SYSTEM_BACKTEST, spliceRatio, holdout: table(true), rolling: table(false), baseDiff, notes };
}
