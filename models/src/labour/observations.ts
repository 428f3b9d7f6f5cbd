/**
 * Index long-format observations by cell so the labour model can look up a
 * cell's annual history in O(1).
 */
import type { Observation } from '../data/observation';
import type { HistoryPoint } from './types';

/** `indicator|region|sector|qualification`. */
export function cellId(indicator: string, region: string, sector: string, qualification: string): string {
  return `${indicator}|${region}|${sector}|${qualification}`;
}

/** Annual observations of one cell, by year. */
export interface IndexedCell {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
  unit: Observation['unit'];
  byYear: Map<number, Observation>;
}

/** Observations grouped by cell; only annual periods (`2024`) are kept. */
export interface ObservationIndex {
  cells: Map<string, IndexedCell>;
  /** Cells of each indicator. */
  byIndicator: Map<string, IndexedCell[]>;
}

const YEAR = /^\d{4}$/;

/** Build the index. Quarterly rows are ignored (the labour model is annual). Later rows win on duplicates. */
export function indexObservations(observations: readonly Observation[]): ObservationIndex {
  const cells = new Map<string, IndexedCell>();
  const byIndicator = new Map<string, IndexedCell[]>();
  for (const o of observations) {
    if (!YEAR.test(o.period)) continue;
    const id = cellId(o.indicator, o.region, o.sector, o.qualification);
    let c = cells.get(id);
    if (!c) {
      c = { indicator: o.indicator, region: o.region, sector: o.sector, qualification: o.qualification, unit: o.unit, byYear: new Map() };
      cells.set(id, c);
      const list = byIndicator.get(o.indicator);
      if (list) list.push(c);
      else byIndicator.set(o.indicator, [c]);
    }
    c.byYear.set(Number(o.period), o);
  }
  return { cells, byIndicator };
}

/** Years covered by a cell, ascending. */
export function yearsOf(c: IndexedCell): number[] {
  return [...c.byYear.keys()].sort((a, b) => a - b);
}

/**
 * A cell's history as a contiguous annual run ending at its last year (a gap
 * cuts off everything before it, since the engine needs regular series).
 */
export function contiguousHistory(c: IndexedCell): HistoryPoint[] {
  const years = yearsOf(c);
  let first = years.length - 1;
  while (first > 0 && years[first - 1] === years[first] - 1) first--;
  return years.slice(first).map((y) => {
    const o = c.byYear.get(y)!;
    return { period: String(y), value: o.value, status: o.status, source: o.source };
  });
}
