/**
 * Selections from a results snapshot, shared by the JSON routes and the CSV
 * export so both always show the same figures.
 */
import { basisOf, mergeBasis } from '@lmo/models/labour';
import { invalidRequest, notFound } from '../domain-error';
import { forecastKey, type CellForecast, type GapRow, type TargetPath } from './compute';
import type { Snapshot } from './results-snapshot';
import { unknownScenario } from './scenario-service';

/** Throws a 400 naming the scenarios when `scenario` is not readable on `snap` (routes call snapshotFor first). */
export function requireScenario(snap: Snapshot, scenario: string): void {
  if (!snap.outlooks.has(scenario)) throw unknownScenario(snap, scenario);
}

export interface ForecastQuery {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
  scenario: string;
  horizon?: number;
  levels: number[];
}

/** The most steps a cell may be forecast: 10 years or 40 quarters. */
export const maxHorizon = (periods: string[]) => (periods.some((p) => p.includes('-Q')) ? 40 : 10);

/** One cell's history and forecast cut to `horizon` steps and `levels`. */
export async function selectForecast(snap: Snapshot, q: ForecastQuery) {
  requireScenario(snap, q.scenario);
  const cell = await snap.forecast(q.scenario, q);
  if (!cell) {
    throw notFound(`No forecast for ${forecastKey(q).replace(/\|/g, ' / ')} in scenario ${q.scenario}: the data has no history for this cell.`, {
      cellsAvailable: snap.forecastCells(q.scenario),
    });
  }
  const limit = maxHorizon(cell.forecast.periods.length ? cell.forecast.periods : cell.history.map((h) => h.period));
  const horizon = q.horizon ?? Math.min(limit, cell.forecast.periods.length);
  if (horizon > limit) {
    throw invalidRequest(`horizon ${horizon} is too long: at most ${limit} ${limit === 10 ? 'years' : 'quarters'} for this cell.`, [
      { path: 'horizon', message: `must be at most ${limit}` },
    ]);
  }
  const available = cell.forecast.intervals.map((i) => i.level);
  const missing = q.levels.filter((l) => !available.includes(l));
  if (missing.length > 0) {
    throw invalidRequest(`Interval level(s) ${missing.join(', ')} are not computed; available levels: ${available.join(', ')}.`, [
      { path: 'levels', message: `unavailable level(s) ${missing.join(', ')}`, expected: available.map(String) },
    ]);
  }
  const n = Math.min(horizon, cell.forecast.periods.length);
  const cut = <T>(xs: T[]) => xs.slice(0, n);
  const result: CellForecast & { scenario: string; horizon: number; baseYear: number; dataVersion: number } = {
    ...cell,
    // Results stored before `basis` existed: the history's statuses (a total's detail is then not counted).
    basis: cell.basis ?? basisOf(cell.history),
    forecast: {
      periods: cut(cell.forecast.periods),
      mean: cut(cell.forecast.mean),
      intervals: cell.forecast.intervals.filter((i) => q.levels.includes(i.level)).map((i) => ({ level: i.level, lower: cut(i.lower), upper: cut(i.upper) })),
    },
    ...(cell.demand ? { demand: cut(cell.demand) } : {}),
    scenario: q.scenario,
    horizon: n,
    baseYear: snap.summary.baseYear,
    dataVersion: snap.version.id,
  };
  return result;
}

/** Orders /api/gaps accepts. */
export const GAP_SORTS = ['rank', 'imbalance', 'ratio', 'openings', 'newSupply', 'sector', 'region'] as const;
export type GapSort = (typeof GAP_SORTS)[number];

export interface GapQuery {
  /** A region code, or `all` for every region. */
  region: string;
  sector?: string;
  qualification?: string;
  horizon?: number;
  scenario: string;
  sort: GapSort;
}

const SORTERS: Record<GapSort, (a: GapRow, b: GapRow) => number> = {
  // too-small rows have rank null (never ranked): they sort last.
  rank: (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.imbalance - b.imbalance,
  // Most severe shortage first.
  imbalance: (a, b) => a.imbalance - b.imbalance,
  ratio: (a, b) => (a.ratio ?? Infinity) - (b.ratio ?? Infinity),
  openings: (a, b) => b.openings - a.openings,
  newSupply: (a, b) => b.newSupply - a.newSupply,
  sector: (a, b) => a.sector.localeCompare(b.sector) || a.qualification.localeCompare(b.qualification),
  region: (a, b) => a.region.localeCompare(b.region) || a.sector.localeCompare(b.sector),
};

/**
 * A stored gap row as served: results stored before issue 12 lack `basis` and `imbalanceShare`
 * (derived here the way the model does: imbalance ÷ base employment, null when the base is 0).
 */
export function servedGapRow(g: GapRow): GapRow & { basis: NonNullable<GapRow['basis']> } {
  const imbalanceShare = g.imbalanceShare !== undefined ? g.imbalanceShare : g.employmentBase > 0 ? g.imbalance / g.employmentBase : null;
  return { ...g, basis: g.basis ?? [], imbalanceShare, rank: g.rank ?? null };
}

/** Gap rows of one horizon, filtered and ranked. */
export async function selectGaps(snap: Snapshot, q: GapQuery) {
  requireScenario(snap, q.scenario);
  const all = await snap.gaps(q.scenario, q.region);
  const maxH = snap.summary.horizon;
  const horizon = q.horizon ?? maxH;
  if (horizon > maxH) {
    throw invalidRequest(`horizon ${horizon} is beyond the computed outlook (1–${maxH} years).`, [
      { path: 'horizon', message: `must be between 1 and ${maxH}` },
    ]);
  }
  const rows = all
    .map(servedGapRow)
    .filter((g) => g.horizon === horizon && (!q.sector || g.sector === q.sector) && (!q.qualification || g.qualification === q.qualification))
    .sort(SORTERS[q.sort]);
  const outlook = snap.outlooks.get(q.scenario);
  return {
    rows,
    region: q.region,
    scenario: q.scenario,
    horizon,
    sort: q.sort,
    baseYear: snap.summary.baseYear,
    period: rows[0]?.period ?? String(snap.summary.baseYear + horizon),
    thresholds: outlook?.assumptions.thresholds ?? null,
    // The assumptions behind every flag (rates, thresholds, sources), so the flag can show them.
    assumptions: outlook?.assumptions ?? null,
    status: 'modelled' as const,
    basis: mergeBasis(...rows.map((r) => r.basis)),
    source: rows[0]?.source ?? 'LMO model',
    dataVersion: snap.version.id,
  };
}

/** New-field target paths of one scenario. */
export function selectTargets(snap: Snapshot, scenario: string) {
  requireScenario(snap, scenario);
  const targets: TargetPath[] = snap.targets.get(scenario) ?? [];
  return {
    targets,
    scenario,
    baseYear: snap.summary.baseYear,
    status: 'modelled' as const,
    dataBasis: mergeBasis(...targets.map((t) => t.dataBasis)),
    dataVersion: snap.version.id,
  };
}
