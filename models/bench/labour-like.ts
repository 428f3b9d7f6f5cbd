/**
 * The "labour-like" tuning set (issue 14): short, smooth annual labour series
 * of the kind planners have (8–20 points, 1–10 years ahead), built from
 * indicators that are NOT those of the labour backtest (bench/labour.ts
 * scores the ILO broad-sector employment shares; nothing here reads them).
 *
 * Sources (../shared/reference/data; read-only, bench only):
 * - ILO modelled labour-force participation rate 15+ and employment-to-
 *   population ratio 15+ (% , via Gapminder), 189 countries, 1990/1991–2023.
 *   ILO's projection years 2024–2026 are dropped. Rates are bounded, so they
 *   are forecast the way the labour model forecasts shares: as the logit
 *   ln(p / (100 − p)) with `auto` on the additive scale (labour/shares.ts);
 *   the interval is scored on that logit scale, where the share band is set.
 * - WDI labour force, total (persons, ILO modelled; 2023-10 vintage), the 217
 *   economies (aggregates, which have no Region in the metadata file, are
 *   dropped), 1990–2022: positive levels, forecast by `auto` as they are.
 *
 * Rolling origins: every series is cut at the origins 2005, 2009 and 2013
 * (WDI: 2004, 2008, 2012). At each origin the training length n is 8–20,
 * chosen by the hash of "<series id>@<origin>" (split.ts), and the horizon is
 * 10 years or as many as the data still hold (the last origin reaches 2022/
 * 2023, so COVID years are in the test parts as they are in real use).
 *
 * Each item is one (series, origin); `id` is "<set>:<geo>@<origin>".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { finiteMean, fitAuto, naiveScale, winkler } from '../src/forecast/index';
import { forecastShares } from '../src/labour/shares';
import type { Interval, Series } from '../src/forecast/index';
import { SHARED_DIR, readCsv } from './datasets';
import { seriesHash } from './split';

const DATA = path.join(SHARED_DIR, 'reference/data');
const ILO_DIR = path.join(DATA, 'ilo_modelled_via_gapminder');
const WDI_LF = path.join(DATA, 'wdi/API_SL.TLF.TOTL.IN_DS2_en_csv_v2_5996631.csv');
const WDI_META = path.join(DATA, 'wdi/Metadata_Country_API_SL.TLF.TOTL.IN_DS2_en_csv_v2_5996631.csv');

/** Longest horizon and the range of training lengths of the set. */
export const LABOUR_LIKE = { maxH: 10, minN: 8, maxN: 20, lastIloYear: 2023 };
const ILO_ORIGINS = [2005, 2009, 2013];
const WDI_ORIGINS = [2004, 2008, 2012];

/** One tuning case: a training part, its held-out years, and how `auto` is asked to fit it. */
export interface LabourLikeCase {
  /** Sub-set: ilo-lfpr, ilo-epr (logits, additive) or wdi-labour-force (levels). */
  set: 'ilo-lfpr' | 'ilo-epr' | 'wdi-labour-force';
  id: string;
  train: Series;
  test: number[];
  /** 'additive' for logits of rates. */
  scale?: 'additive';
}

/** ln(p / (100 − p)) of a rate in percent (as labour/shares.ts does, floor 0.01). */
function logit(p: number): number {
  const q = Math.min(99.99, Math.max(0.01, p));
  return Math.log(q / (100 - q));
}

/** Cut one yearly record (year → value) at each origin. */
function cut(set: LabourLikeCase['set'], geo: string, byYear: Map<number, number>, origins: number[], last: number, scale?: 'additive'): LabourLikeCase[] {
  const out: LabourLikeCase[] = [];
  for (const origin of origins) {
    const span = LABOUR_LIKE.maxN - LABOUR_LIKE.minN + 1;
    const n = LABOUR_LIKE.minN + (seriesHash(`${set}:${geo}@${origin}`) % span);
    const first = origin - n + 1;
    const values: number[] = [];
    const test: number[] = [];
    for (let y = first; y <= Math.min(last, origin + LABOUR_LIKE.maxH); y++) {
      const v = byYear.get(y);
      if (v === undefined || !Number.isFinite(v)) break;
      (y <= origin ? values : test).push(scale ? logit(v) : v);
    }
    if (values.length === n && test.length > 0)
      out.push({ set, id: `${set}:${geo}@${origin}`, train: { values, start: String(first), frequency: 1 }, test, scale });
  }
  return out;
}

function iloRates(set: 'ilo-lfpr' | 'ilo-epr', indicator: string): LabourLikeCase[] {
  const byGeo = new Map<string, Map<number, number>>();
  for (const row of readCsv(path.join(ILO_DIR, `ddf--datapoints--${indicator}--by--geo--time.csv`))) {
    const year = Number(row.time);
    // ILO projections (2024–2026) are not observations.
    if (year > LABOUR_LIKE.lastIloYear) continue;
    let m = byGeo.get(row.geo!);
    if (!m) byGeo.set(row.geo!, (m = new Map()));
    m.set(year, Number(row[indicator]));
  }
  return [...byGeo.keys()].sort().flatMap((geo) => cut(set, geo, byGeo.get(geo)!, ILO_ORIGINS, LABOUR_LIKE.lastIloYear, 'additive'));
}

function wdiLabourForce(): LabourLikeCase[] {
  const economies = new Set(
    readCsv(WDI_META)
      .filter((r) => r.Region)
      .map((r) => r['Country Code']!),
  );
  // WDI's wide file has 4 preamble lines before the header.
  const text = readCsv(WDI_LF, 4);
  const out: LabourLikeCase[] = [];
  for (const row of text) {
    const code = row['Country Code']!;
    if (!economies.has(code)) continue;
    const byYear = new Map<number, number>();
    for (let y = 1990; y <= 2022; y++) if (row[String(y)]) byYear.set(y, Number(row[String(y)]));
    out.push(...cut('wdi-labour-force', code.toLowerCase(), byYear, WDI_ORIGINS, 2022));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * One case of the compositional sub-set `ilo-activity`: the population 15+
 * split into employed (EPR), unemployed (LFPR − EPR) and outside the labour
 * force (100 − LFPR), in percent, from the same two ILO files as above (never
 * the sector shares of the labour backtest). Forecast as the labour model
 * forecasts shares (labour/shares.ts `forecastShares`): coherent means from
 * centred log-ratios, each share's band from its own logit. Same origins as
 * the rates; n = 8–20 by the hash of "ilo-activity:<geo>@<origin>".
 */
export interface ActivityCase {
  id: string;
  start: string;
  train: Record<'employed' | 'unemployed' | 'inactive', number[]>;
  test: Record<'employed' | 'unemployed' | 'inactive', number[]>;
}

/** The `ilo-activity` compositional cases, in a fixed order. */
export function loadActivityShares(): ActivityCase[] {
  const read = (indicator: string) => {
    const byGeo = new Map<string, Map<number, number>>();
    for (const row of readCsv(path.join(ILO_DIR, `ddf--datapoints--${indicator}--by--geo--time.csv`))) {
      const year = Number(row.time);
      if (year > LABOUR_LIKE.lastIloYear) continue;
      let m = byGeo.get(row.geo!);
      if (!m) byGeo.set(row.geo!, (m = new Map()));
      m.set(year, Number(row[indicator]));
    }
    return byGeo;
  };
  const lfpr = read('aged_15plus_labour_force_participation_rate_percent');
  const epr = read('aged_15plus_employment_rate_percent');
  const out: ActivityCase[] = [];
  for (const geo of [...lfpr.keys()].sort()) {
    for (const origin of ILO_ORIGINS) {
      const n = LABOUR_LIKE.minN + (seriesHash(`ilo-activity:${geo}@${origin}`) % (LABOUR_LIKE.maxN - LABOUR_LIKE.minN + 1));
      const first = origin - n + 1;
      const train = { employed: [] as number[], unemployed: [] as number[], inactive: [] as number[] };
      const test = { employed: [] as number[], unemployed: [] as number[], inactive: [] as number[] };
      for (let y = first; y <= Math.min(LABOUR_LIKE.lastIloYear, origin + LABOUR_LIKE.maxH); y++) {
        const a = lfpr.get(geo)?.get(y),
          b = epr.get(geo)?.get(y);
        if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) break;
        const part = y <= origin ? train : test;
        part.employed.push(b);
        // The two files are modelled separately; a rare EPR above LFPR is read as no unemployment.
        part.unemployed.push(Math.max(0, a - b));
        part.inactive.push(100 - Math.max(a, b));
      }
      if (train.employed.length === n && test.employed.length > 0) out.push({ id: `ilo-activity:${geo}@${origin}`, start: String(first), train, test });
    }
  }
  return out;
}

/** Whether the reference data behind the set is present. */
export function labourLikeAvailable(): boolean {
  return existsSync(ILO_DIR) && existsSync(WDI_LF);
}

/** Every case of the labour-like tuning set, in a fixed order. */
export function loadLabourLike(): LabourLikeCase[] {
  return [
    ...iloRates('ilo-lfpr', 'aged_15plus_labour_force_participation_rate_percent'),
    ...iloRates('ilo-epr', 'aged_15plus_employment_rate_percent'),
    ...wdiLabourForce(),
  ];
}

/** Coverage (share 0–1) and MSIS of one group of cases. */
export interface LabourLikeScores {
  cases: number;
  points: number;
  coverage80: number;
  coverage95: number;
  /** Winkler score of the 95 % band ÷ the training part's naive MAE, mean over cases. */
  msis95: number;
  /** Coverage at 80 / 95 by horizon step (index 0 = one year ahead). */
  byH: { c80: number; c95: number; n: number }[];
}

/**
 * Score `auto` on the cases (fit on the training part, forecast the test
 * part): whole set, then per sub-set.
 */
export function scoreLabourLike(cases: readonly LabourLikeCase[]): { all: LabourLikeScores; bySet: Record<string, LabourLikeScores> } {
  const acc = new Map<string, { c80: number; c95: number; pts: number; msis: number[]; byH: { c80: number; c95: number; n: number }[] }>();
  const bucket = (k: string) => {
    if (!acc.has(k)) acc.set(k, { c80: 0, c95: 0, pts: 0, msis: [], byH: Array.from({ length: LABOUR_LIKE.maxH }, () => ({ c80: 0, c95: 0, n: 0 })) });
    return acc.get(k)!;
  };
  for (const c of cases) {
    const f = fitAuto(c.train, c.scale ? { scale: c.scale } : {}).forecast(c.test.length, { levels: [80, 95] });
    const [i80, i95] = f.intervals as [Interval, Interval];
    const scale = naiveScale(c.train.values, 1);
    for (const b of [bucket('all'), bucket(c.set)]) {
      c.test.forEach((a, i) => {
        const in80 = +(a >= i80.lower[i]! && a <= i80.upper[i]!);
        const in95 = +(a >= i95.lower[i]! && a <= i95.upper[i]!);
        b.c80 += in80;
        b.c95 += in95;
        b.pts++;
        b.byH[i]!.c80 += in80;
        b.byH[i]!.c95 += in95;
        b.byH[i]!.n++;
      });
      if (scale > 0) b.msis.push(winkler(c.test, i95.lower, i95.upper, 95) / scale);
    }
  }
  const done = (k: string): LabourLikeScores => {
    const b = acc.get(k)!;
    return {
      cases: b.msis.length,
      points: b.pts,
      coverage80: b.c80 / b.pts,
      coverage95: b.c95 / b.pts,
      msis95: finiteMean(b.msis),
      byH: b.byH.map((x) => ({ c80: x.c80 / x.n, c95: x.c95 / x.n, n: x.n })),
    };
  };
  return { all: done('all'), bySet: Object.fromEntries([...acc.keys()].filter((k) => k !== 'all').map((k) => [k, done(k)])) };
}

/**
 * Coverage and MSIS of the share bands of `forecastShares` on the
 * `ilo-activity` composition (scored on the shares in percent): issue 14 §3
 * on tuning data ("shares get the same treatment"); the additive quantiles
 * cover it at nominal by construction (tune-intervals.ts `worstSet`).
 */
export function scoreActivityShares(cases: readonly ActivityCase[]): LabourLikeScores {
  let c80 = 0,
    c95 = 0,
    pts = 0;
  const msis: number[] = [];
  const byH = Array.from({ length: LABOUR_LIKE.maxH }, () => ({ c80: 0, c95: 0, n: 0 }));
  for (const c of cases) {
    const h = c.test.employed.length;
    const fc = forecastShares({ start: c.start, frequency: 1, components: c.train }, h);
    for (const name of Object.keys(c.train) as (keyof ActivityCase['train'])[]) {
      const [i80, i95] = fc.components[name]!.intervals as [Interval, Interval];
      c.test[name].forEach((a, i) => {
        const in80 = +(a >= i80.lower[i]! && a <= i80.upper[i]!);
        const in95 = +(a >= i95.lower[i]! && a <= i95.upper[i]!);
        c80 += in80;
        c95 += in95;
        pts++;
        byH[i]!.c80 += in80;
        byH[i]!.c95 += in95;
        byH[i]!.n++;
      });
      const scale = naiveScale(c.train[name], 1);
      if (scale > 0) msis.push(winkler(c.test[name], i95.lower, i95.upper, 95) / scale);
    }
  }
  return {
    cases: cases.length,
    points: pts,
    coverage80: c80 / pts,
    coverage95: c95 / pts,
    msis95: finiteMean(msis),
    byH: byH.map((x) => ({ c80: x.c80 / x.n, c95: x.c95 / x.n, n: x.n })),
  };
}
