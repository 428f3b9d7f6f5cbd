import { forecastRows, mergeForecastRows, readForecast, type MergedRow } from '../../adapters/forecast-columns';
import type { ForecastResponse, GapRow, GapsResponse, Status } from '../../api/types';
import { basisOf, basisOfRows } from '../../adapters/basis';
import { shareOf } from '../../components/flag-scale';
import type { Namer } from '../meta/names';

/** Order of qualification levels on every chart, lowest first. */
export const LEVEL_ORDER = ['none', 'elementary', 'intermediate', 'college', 'university'];

function byLevel(rows: GapRow[], sector: string): GapRow[] {
  return rows
    .filter((r) => r.sector === sector && r.qualification !== 'ALL')
    .sort((a, b) => {
      const ia = LEVEL_ORDER.indexOf(a.qualification);
      const ib = LEVEL_ORDER.indexOf(b.qualification);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
}

/** What the sector's gap figures rest on: its rows (every level, the total too) and the answer's own basis. */
export function sectorGapBasis(gaps: GapsResponse | undefined, sector: string): Status[] {
  return basisOfRows(
    (gaps?.rows ?? []).filter((r) => r.sector === sector),
    gaps,
  );
}

/** Employment history + forecast with bands for one sector. */
export function toEmploymentRows(forecast: ForecastResponse | undefined): MergedRow[] {
  if (!forecast) return [];
  return mergeForecastRows([{ key: 'employment', rows: forecastRows(readForecast(forecast)) }]);
}

/** Openings by qualification, split into expansion and replacement (stacked). */
export interface OpeningsRow {
  qualification: string;
  label: string;
  /** Short axis label. */
  short: string;
  expansion: number;
  replacement: number;
  openings: number;
  newSupply: number;
  /** What the row's modelled figures rest on. */
  basis: Status[];
  source: string;
}

export function toOpeningsRows(rows: GapRow[], sector: string, names: Namer): OpeningsRow[] {
  return byLevel(rows, sector).map((r) => ({
    qualification: r.qualification,
    label: names.qualification(r.qualification),
    short: names.qualificationShort(r.qualification),
    expansion: r.expansion,
    replacement: r.replacement,
    openings: r.openings,
    newSupply: r.newSupply,
    basis: basisOf(r),
    source: r.source,
  }));
}

/** Imbalance by qualification with its 80 % interval as error-bar offsets [below, above]. */
export interface ImbalanceRow {
  qualification: string;
  label: string;
  short: string;
  imbalance: number;
  lower: number;
  upper: number;
  /** Distances from the estimate to the interval ends, as recharts ErrorBar wants. */
  errorBar: [number, number];
  /** imbalance ÷ base employment (share), the figure the flag reads. */
  imbalanceShare: number | null;
  ratio: number | null;
  flag: GapRow['flag'];
  confidence: GapRow['confidence'];
  basis: Status[];
  source: string;
}

export function toImbalanceRows(rows: GapRow[], sector: string, names: Namer): ImbalanceRow[] {
  return byLevel(rows, sector).map((r) => ({
    qualification: r.qualification,
    label: names.qualification(r.qualification),
    short: names.qualificationShort(r.qualification),
    imbalance: r.imbalance,
    lower: r.imbalanceLower,
    upper: r.imbalanceUpper,
    errorBar: [Math.max(0, r.imbalance - r.imbalanceLower), Math.max(0, r.imbalanceUpper - r.imbalance)],
    imbalanceShare: shareOf(r),
    ratio: r.ratio,
    flag: r.flag,
    confidence: r.confidence,
    basis: basisOf(r),
    source: r.source,
  }));
}
