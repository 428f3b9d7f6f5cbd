/**
 * The official national history the system starts from: labour force, employment and the
 * unemployment rate up to the base year, spliced at the series break onto one basis.
 */
import { estimateBreakRatio } from '../breaks';
import { cellId, type ObservationIndex } from '../observations';
import type { SystemInput } from './national-input';

/** The spliced national history (base year last). */
export interface NationalHistory {
  breakYear: number;
  /** Ratio applied to pre-break official labour force and employment (1 = none). */
  spliceRatio: number;
  lfHist: Map<number, number>;
  eHist: Map<number, number>;
  /** Every year from the first with data to the base year. */
  histYears: number[];
  /** National employment of the base year (the grid's Σ sections). */
  eBase: number;
  /** Official annual unemployment rates (percent) up to the base year, by year. */
  urValues: [number, number][];
  /** The latest of them as a share (0.025 without any). */
  lastUr: number;
}

/** The official national series of an indicator (VN × TOTAL × ALL), by year. */
export function annual(index: ObservationIndex, indicator: string): Map<number, number> {
  const c = index.cells.get(cellId(indicator, 'VN', 'TOTAL', 'ALL'));
  return new Map(c ? [...c.byYear].map(([y, o]) => [y, o.value]) : []);
}

/** Linear interpolation over missing years between known ones; ends held. */
export function fill(years: number[], known: Map<number, number>): number[] {
  const ks = [...known.keys()].sort((a, b) => a - b);
  return years.map((y) => {
    if (known.has(y)) return known.get(y)!;
    const lo = ks.filter((k) => k < y).pop();
    const hi = ks.find((k) => k > y);
    if (lo === undefined) return hi === undefined ? NaN : known.get(hi)!;
    if (hi === undefined) return known.get(lo)!;
    const w = (y - lo) / (hi - lo);
    return known.get(lo)! * (1 - w) + known.get(hi)! * w;
  });
}

/** The national history of the system's input, spliced at its break (declared ratio, else estimated from the labour force). */
export function nationalHistory(index: ObservationIndex, input: SystemInput): NationalHistory {
  const { baseYear } = input;
  const breakYear = Number(input.break?.period ?? 2021);
  const lfObs = annual(index, 'labour_force');
  const eObs = annual(index, 'employment');
  const urObs = annual(index, 'unemployment_rate');

  // Splice ratio from the official labour force at the break (declared ratio wins); the same ratio for employment.
  let spliceRatio = input.break?.ratio ?? 1;
  if (input.break?.ratio === undefined && lfObs.has(breakYear) && lfObs.has(breakYear - 1)) {
    const ys = [...lfObs.keys()].filter((y) => y <= baseYear).sort((a, b) => a - b);
    spliceRatio = estimateBreakRatio(fill(ys, lfObs), ys.indexOf(breakYear));
  }
  const splice = (m: Map<number, number>) => new Map([...m].filter(([y]) => y <= baseYear).map(([y, v]) => [y, y < breakYear ? v * spliceRatio : v]));
  const lfHist = splice(lfObs);
  const eHist = splice(eObs);
  input.national.years.forEach((y, i) => eHist.set(y, input.national.values[i])); // the grid's own national history (Σ sections)
  const firstYear = Math.min(...[...eHist.keys()], ...(lfHist.size ? [...lfHist.keys()] : [baseYear]));
  const histYears = Array.from({ length: baseYear - firstYear + 1 }, (_, i) => firstYear + i);
  const eBase = input.national.values[input.national.values.length - 1];
  const urValues = [...urObs].filter(([y]) => y <= baseYear).sort((a, b) => a[0] - b[0]);
  const lastUr = urValues.length ? urValues[urValues.length - 1][1] / 100 : 0.025;
  return { breakYear, spliceRatio, lfHist, eHist, histYears, eBase, urValues, lastUr };
}
