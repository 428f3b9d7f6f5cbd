/**
 * The labour-force path of the national system: demography calibrated by one level factor to
 * the official labour force, or (without population data) the engine's forecast of the official series.
 */
import type { Observation } from '../../data/observation';
import { aggregateRelBand, relativeBand } from './aggregate-band';
import { fill, type NationalHistory } from './national-history';
import type { SystemInput } from './national-input';
import { demographicSupply } from './supply';
import type { Band } from './types';

/** The labour force, history and forecast, with the demographic supply behind it (null without population data). */
export interface LabourForcePath {
  supply: ReturnType<typeof demographicSupply>;
  /** Official labour force ÷ demographic labour force in the anchor year (1 without demography). */
  calibration: number;
  lfYears: Map<number, number>;
  /** Years the band was measured on (the aggregate's own history). */
  lfBandYears: number[];
  /** Forecast years base+1 … base+H. */
  lfFc: Band;
  lfBase: number;
}

/** The labour force from the base year on, and its band. */
export function labourForcePath(observations: readonly Observation[], input: SystemInput, h: NationalHistory): LabourForcePath {
  const { baseYear, horizon: H, levels, forecaster } = input;
  const { breakYear, lfHist, eHist, histYears, eBase, lastUr } = h;
  // Supply: demography calibrated by one level factor to the official labour force of the base year (or the latest year before).
  const supply = demographicSupply(observations, { throughYear: baseYear + H, forecaster, breakYear, levels });
  let calibration = 1;
  let lfYears: Map<number, number>;
  let lfBandYears: number[] = [];
  const lfFc: Band = { mean: [], intervals: levels.map((level) => ({ level, lower: [], upper: [] })) };
  if (supply && supply.total[baseYear]) {
    const anchorYear = [...lfHist.keys()].filter((y) => supply.total[y]).sort((a, b) => b - a)[0];
    calibration = anchorYear !== undefined ? lfHist.get(anchorYear)! / supply.total[anchorYear] : eBase / (1 - lastUr) / supply.total[baseYear];
    lfYears = new Map(histYears.map((y) => [y, lfHist.get(y) ?? (supply.total[y] ? calibration * supply.total[y] : NaN)]));
    for (let t = 1; t <= H; t++) lfFc.mean.push(calibration * supply.total[baseYear + t]);
    // The band is the uncertainty of the aggregate, measured on the aggregate (aggregate-band.ts).
    const agg = aggregateRelBand(lfHist, baseYear, H, forecaster, levels);
    lfBandYears = agg.years;
    lfFc.intervals = agg.rel.map((r) => ({
      level: r.level,
      lower: lfFc.mean.map((m, t) => m * (1 - r.lower[t])),
      upper: lfFc.mean.map((m, t) => m * (1 + r.upper[t])),
    }));
  } else {
    const known = lfHist.size ? lfHist : new Map([[baseYear, eBase / (1 - lastUr)]]);
    const series = fill(histYears, known);
    lfYears = new Map(histYears.map((y, i) => [y, series[i]]));
    if (!lfHist.has(baseYear) && lfHist.size) {
      // No official base-year value: carry the last unemployment rate.
      const u = 1 - (eHist.get([...lfHist.keys()].sort((a, b) => b - a)[0]) ?? eBase) / [...lfHist.values()].slice(-1)[0];
      lfYears.set(baseYear, eBase / (1 - Math.max(0, u)));
    }
    const hist = histYears.map((y) => lfYears.get(y)!).filter(Number.isFinite);
    const f = forecaster(hist, H);
    lfFc.mean.push(...f.mean.map((m) => Math.max(m, 0)));
    lfFc.intervals = relativeBand(f.mean, f.intervals, levels).map((r) => ({
      level: r.level,
      lower: lfFc.mean.map((m, t) => m * (1 - r.lower[t])),
      upper: lfFc.mean.map((m, t) => m * (1 + r.upper[t])),
    }));
  }
  const lfBase = lfYears.get(baseYear)!;
  return { supply, calibration, lfYears, lfBandYears, lfFc, lfBase };
}
