/**
 * Flows of the national system (issue 12 §1, §5): replacement rates of
 * employment from its age profile (retirement-age crossings of the 2019
 * Labour Code + cohort shrinkage in WPP), labour-force entrants and exits,
 * and the qualification entry mix from the stock-flow calibrated to GSO's
 * trained share.
 */
import { AGE_GROUP_COUNT, SEXES, zeroSexAges, type ByYear, type Sex, type SexAges } from '../demography/age-groups';
import { calibrateEntryMix } from '../demography/qualification-calibrate';
import { deathRates, replacementDemand, retirementRates } from '../demography/replacement';
import type { ObservationIndex } from '../observations';
import { cellId } from '../observations';
import type { DemographicSupply } from './supply';

/**
 * Share of the employed reaching the statutory retirement age who stop working.
 * ASSUMPTION (lever): many Vietnamese keep working past it outside the social-insurance system.
 */
export const DEFAULT_RETIREMENT_EXIT_SHARE = 0.5;

/** Employment ÷ labour force by sex × age in the profile year (GSO employment by age group, 2016 the latest). */
export function employmentRatios(index: ObservationIndex, supply: DemographicSupply, upTo: number): { ratios: SexAges; year: number | null } {
  const groups: [string, number[]][] = [
    ['T:15-19', [3]],
    ['T:20-24', [4]],
    ['T:25-29', [5]],
    ['T:30-34', [6]],
    ['T:35-39', [7]],
    ['T:40-44', [8]],
    ['T:45-49', [9]],
    ['T:50+', Array.from({ length: AGE_GROUP_COUNT - 10 }, (_, k) => 10 + k)],
  ];
  const cells = groups.map(([g]) => index.cells.get(cellId('employment_by_group', 'VN', g, 'ALL')));
  let year: number | null = null;
  for (let y = upTo; y >= 1990 && year === null; y--) if (supply.labourForce[y] && cells.every((c) => c?.byYear.has(y))) year = y;
  const ratios = zeroSexAges();
  if (year === null) {
    for (const sex of SEXES) ratios[sex] = ratios[sex].map((_, a) => (a >= 3 ? 1 : 0));
    return { ratios, year };
  }
  const lf = supply.labourForce[year];
  groups.forEach(([, idx], k) => {
    const e = cells[k]!.byYear.get(year!)!.value;
    const l = SEXES.reduce((s, sex) => s + idx.reduce((a, i) => a + lf[sex][i], 0), 0);
    const r = l > 0 ? Math.min(1, e / l) : 0;
    for (const sex of SEXES) for (const i of idx) ratios[sex][i] = r;
  });
  return { ratios, year };
}

/** Employment by sex × age in `year`: the labour force × the profile year's employment ratios, scaled to `total`. */
export function employmentProfile(supply: DemographicSupply, ratios: SexAges, year: number, total: number): SexAges {
  const lf = supply.labourForce[year] ?? supply.labourForce[supply.years[supply.years.length - 1]];
  const raw = { M: lf.M.map((v, a) => v * ratios.M[a]), F: lf.F.map((v, a) => v * ratios.F[a]) };
  const s = SEXES.reduce((acc, sex) => acc + raw[sex].reduce((a, b) => a + b, 0), 0);
  const k = s > 0 ? total / s : 0;
  return { M: raw.M.map((v) => v * k), F: raw.F.map((v) => v * k) };
}

export interface SystemFlows {
  retirementRate: number[];
  deathRate: number[];
  /** Labour-force exits (retirements + deaths, model scale × calibration) and entrants (ΔLF + exits), per forecast year. */
  lfExits: number[];
  lfEntrants: number[];
  profileYear: number | null;
}

/**
 * Replacement rates and labour-force flows for baseYear+1 … baseYear+H.
 * `employment` and `labourForce` run baseYear … baseYear+H (system scale);
 * `calibration` is the level factor of the labour force (system ÷ model).
 */
export function systemFlows(
  index: ObservationIndex,
  supply: DemographicSupply,
  opts: { baseYear: number; horizon: number; employment: number[]; labourForce: number[]; calibration: number; exitShare?: number },
): SystemFlows {
  const { baseYear, horizon: H } = opts;
  const exitShare = opts.exitShare ?? DEFAULT_RETIREMENT_EXIT_SHARE;
  const death = deathRates(supply.population as ByYear<SexAges>);
  const { ratios, year } = employmentRatios(index, supply, baseYear);
  const out: SystemFlows = { retirementRate: [], deathRate: [], lfExits: [], lfEntrants: [], profileYear: year };
  for (let t = 1; t <= H; t++) {
    const y = baseYear + t;
    const retire = retirementRates(y, { exitShare });
    const d = death[y] ?? death[Math.max(...Object.keys(death).map(Number))];
    const e0 = opts.employment[t - 1];
    const prof = employmentProfile(supply, ratios, y - 1, e0);
    const r = replacementDemand(prof, retire, d);
    out.retirementRate.push(e0 > 0 ? r.retirementsTotal / e0 : 0);
    out.deathRate.push(e0 > 0 ? r.deathsTotal / e0 : 0);
    const lfPrev = supply.labourForce[y - 1] ?? supply.labourForce[supply.years[supply.years.length - 1]];
    const exits = replacementDemand(lfPrev, retire, d).total * opts.calibration;
    out.lfExits.push(exits);
    out.lfEntrants.push(Math.max(0, opts.labourForce[t] - opts.labourForce[t - 1] + exits));
  }
  return out;
}

export interface EntryMixResult {
  entryMix: Record<string, number>;
  replacementByLevel: Record<string, number>;
  /** Trained share of entrants (0–1) and fit to the official series, when calibrated. */
  tau: number | null;
  historyYears: number[];
}

/**
 * Entry mix by level (stock-flow calibrated to the official trained share,
 * `trained_share_certified` VN) and per-level replacement multipliers
 * (older cohorts hold less attainment). `levelShares` are the national
 * employment shares by level in the grid's first and base years.
 */
export function entryMixAndReplacement(
  index: ObservationIndex,
  supply: DemographicSupply | null,
  opts: { levels: string[]; firstShares: number[]; baseShares: number[]; baseYear: number; untrained?: string[]; exitShare?: number },
): EntryMixResult {
  const untrained = new Set(opts.untrained ?? ['none']);
  const L = opts.levels.length;
  const norm = (v: number[]) => {
    const s = v.reduce((a, b) => a + b, 0);
    return v.map((x) => (s > 0 ? x / s : 1 / L));
  };
  const fallback = (): EntryMixResult => ({
    entryMix: Object.fromEntries(opts.levels.map((l, i) => [l, norm(opts.baseShares)[i]])),
    replacementByLevel: Object.fromEntries(opts.levels.map((l) => [l, 1])),
    tau: null,
    historyYears: [],
  });
  const cell = index.cells.get(cellId('trained_share_certified', 'VN', 'TOTAL', 'ALL'));
  if (!supply || !cell || !opts.levels.some((l) => untrained.has(l))) return fallback();
  const hist: Record<number, number> = {};
  for (const [y, o] of cell.byYear) if (y <= opts.baseYear && supply.labourForce[y]) hist[y] = o.value / 100;
  const hy = Object.keys(hist)
    .map(Number)
    .sort((a, b) => a - b);
  if (hy.length < 2) return fallback();
  const years = Array.from({ length: opts.baseYear - hy[0] + 1 }, (_, i) => hy[0] + i).filter((y) => supply.labourForce[y]);
  const lf = years.map((y) => supply.labourForce[y].M.map((m, a) => m + supply.labourForce[y].F[a]));
  const trainedMix = norm(opts.baseShares.map((s, i) => (untrained.has(opts.levels[i]) ? 0 : s)));
  const untrainedMix = norm(opts.levels.map((l) => (untrained.has(l) ? 1 : 0)));
  const ts0 = hist[hy[0]];
  const initialMix = opts.levels.map((_, i) => (untrained.has(opts.levels[i]) ? (1 - ts0) * untrainedMix[i] : ts0 * trainedMix[i]));
  const cal = calibrateEntryMix({ levels: opts.levels, years, labourForce: lf, initialMix, untrained: [...untrained] }, hist, trainedMix, untrainedMix);
  // Replacement multipliers: exit-weighted attainment by age vs the average (base-year stock).
  const stock = cal.result.stock[cal.result.stock.length - 1];
  const retire = retirementRates(opts.baseYear + 1, { exitShare: opts.exitShare ?? DEFAULT_RETIREMENT_EXIT_SHARE });
  const lfBase = supply.labourForce[years[years.length - 1]];
  const rateAt = (a: number) => {
    const w = (sex: Sex) => lfBase[sex][a];
    const tot = w('M') + w('F');
    return tot > 0 ? (w('M') * retire.M[a] + w('F') * retire.F[a]) / tot + 0.004 : 0.004;
  };
  let num = 0,
    den = 0;
  const perLevel = opts.levels.map((_, l) => {
    let n = 0,
      d = 0;
    stock.forEach((row, a) => {
      n += rateAt(a) * row[l];
      d += row[l];
    });
    num += n;
    den += d;
    return d > 0 ? n / d : 0;
  });
  const avg = den > 0 ? num / den : 0;
  return {
    entryMix: Object.fromEntries(opts.levels.map((l, i) => [l, cal.entryMix[i]])),
    replacementByLevel: Object.fromEntries(opts.levels.map((l, i) => [l, avg > 0 && perLevel[i] > 0 ? perLevel[i] / avg : 1])),
    tau: cal.tau,
    historyYears: hy,
  };
}
