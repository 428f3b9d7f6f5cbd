/**
 * The compare adapter: two scenarios' API columns (A = the reference, B = the current scenario)
 * into rows of A, B and B − A, for the compare chart and table. Components never reshape data.
 */
import { readForecast } from '../../adapters/forecast-columns';
import { basisOf } from '../../adapters/basis';
import type { GapPick } from '../../adapters/gap-picks';
import type { ForecastResponse, GapRow, Status } from '../../api/types';
import { uniqueStatuses } from '../../components/status';

/**
 * The national system the overview compares. `demand` is labour demand before the labour-force
 * limit (served on the employment forecast): where the labour force binds, employment barely
 * moves with a demand lever, and demand shows what the lever did.
 */
export const SYSTEM_COMPARE_KEYS = ['employment', 'demand', 'labourForce', 'unemploymentRate'] as const;
export type SystemCompareKey = (typeof SYSTEM_COMPARE_KEYS)[number];

/** One forecast year of the overview compare: A, B and B − A of each indicator (the rate's difference in points). */
export type SystemCompareRow = { period: string; year: number } & {
  [K in `${SystemCompareKey}${'A' | 'B' | 'Diff'}`]?: number;
};

type Forecasts = Partial<Record<Exclude<SystemCompareKey, 'demand'>, ForecastResponse>>;

/** Forecast values by period: the mean, or the served `demand` column (aligned with the forecast periods). */
function byPeriod(raw: ForecastResponse | undefined, column: 'mean' | 'demand' = 'mean'): Map<string, number> {
  const out = new Map<string, number>();
  if (!raw) return out;
  const f = readForecast(raw);
  const values = column === 'mean' ? f.mean : raw.demand;
  if (!values) return out;
  f.periods.forEach((p, i) => {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) out.set(p, v);
  });
  return out;
}

/**
 * Forecast years of the national system under A and B. Only forecast years are compared: the
 * observed history is the same in every scenario. A missing value stays missing (never 0).
 */
export function toSystemCompareRows(a: Forecasts, b: Forecasts): SystemCompareRow[] {
  const cols = SYSTEM_COMPARE_KEYS.map((key) =>
    key === 'demand' ? { key, a: byPeriod(a.employment, 'demand'), b: byPeriod(b.employment, 'demand') } : { key, a: byPeriod(a[key]), b: byPeriod(b[key]) },
  );
  const periods = [...new Set(cols.flatMap((c) => [...c.a.keys(), ...c.b.keys()]))].sort();
  return periods.map((period) => {
    const row: SystemCompareRow = { period, year: Number(period.slice(0, 4)) };
    for (const c of cols) {
      const va = c.a.get(period);
      const vb = c.b.get(period);
      if (va !== undefined) row[`${c.key}A`] = va;
      if (vb !== undefined) row[`${c.key}B`] = vb;
      if (va !== undefined && vb !== undefined) row[`${c.key}Diff`] = vb - va;
    }
    return row;
  });
}

/** One row of a gaps compare (an area, a qualification level, a sector × level cell). */
export interface GapCompareRow {
  key: string;
  label: string;
  openingsA?: number;
  openingsB?: number;
  openingsDiff?: number;
  newSupplyA?: number;
  newSupplyB?: number;
  newSupplyDiff?: number;
  imbalanceA?: number;
  imbalanceB?: number;
  imbalanceDiff?: number;
  /** What the modelled figures of both scenarios rest on. */
  basis: Status[];
  source: string;
}

const MEASURES = ['openings', 'newSupply', 'imbalance'] as const;

/** Rows of the view under A and B matched by key, with B − A of openings, new supply and imbalance. */
export function toGapCompareRows(a: readonly GapRow[], b: readonly GapRow[], pick: GapPick): GapCompareRow[] {
  const out = new Map<string, GapCompareRow>();
  const take = (rows: readonly GapRow[], side: 'A' | 'B') => {
    for (const r of rows) {
      const key = pick.keyOf(r);
      if (key === undefined) continue;
      let row = out.get(key);
      if (!row) out.set(key, (row = { key, label: pick.labelOf(r), basis: [], source: r.source }));
      for (const m of MEASURES) if (Number.isFinite(r[m])) row[`${m}${side}`] = r[m];
      row.basis = uniqueStatuses([...row.basis, ...basisOf(r)]);
    }
  };
  take(a, 'A');
  take(b, 'B');
  const rows = [...out.values()].map((r) => {
    for (const m of MEASURES) {
      const va = r[`${m}A`];
      const vb = r[`${m}B`];
      if (va !== undefined && vb !== undefined) r[`${m}Diff`] = vb - va;
    }
    return r;
  });
  if (pick.order === 'served') return rows;
  const size = (r: GapCompareRow) => Math.abs(r.imbalanceDiff ?? 0);
  return rows.sort((x, y) => size(y) - size(x) || x.label.localeCompare(y.label));
}

/** The `n` rows that change most (by |Δ imbalance|, then |Δ openings|), for a readable chart. */
export function largestChanges(rows: readonly GapCompareRow[], n: number): GapCompareRow[] {
  const abs = (v: number | undefined) => Math.abs(v ?? 0);
  return [...rows].sort((x, y) => abs(y.imbalanceDiff) - abs(x.imbalanceDiff) || abs(y.openingsDiff) - abs(x.openingsDiff)).slice(0, n);
}
