/**
 * Which official series the model forecasts on its own (outside the
 * employment hierarchy): the headline series the product shows, and only
 * while they are current. Everything else that is loaded — province tables
 * that end in 2016, value added, population, breakdowns by age group, sex or
 * occupation — is served as observed series, not forecast (the demography and
 * composition models of issue 12 take them up).
 */
import { MEASURED_STATUSES, type ObservationStatus } from '../data/observation';
import { getRegion, type RegionLevel } from '../codes/regions';
import type { CellKey } from './types';

/** One declared family of forecast series. */
export interface OfficialForecastRule {
  indicator: string;
  /** Region levels forecast (a province table is not a headline). */
  regionLevels: readonly RegionLevel[];
  /** `TOTAL` only, or every sector code (the employment share by broad sector). */
  sector: 'TOTAL' | 'any';
  qualification: 'ALL';
}

const NATIONAL_AND_REGIONS: readonly RegionLevel[] = ['country', 'region'];

/** The headline official series the overview, sector and methodology pages show. */
export const OFFICIAL_FORECAST_RULES: readonly OfficialForecastRule[] = [
  { indicator: 'labour_force', regionLevels: NATIONAL_AND_REGIONS, sector: 'TOTAL', qualification: 'ALL' },
  { indicator: 'employment', regionLevels: NATIONAL_AND_REGIONS, sector: 'TOTAL', qualification: 'ALL' },
  { indicator: 'unemployed', regionLevels: NATIONAL_AND_REGIONS, sector: 'TOTAL', qualification: 'ALL' },
  { indicator: 'unemployment_rate', regionLevels: NATIONAL_AND_REGIONS, sector: 'TOTAL', qualification: 'ALL' },
  { indicator: 'trained_share_certified', regionLevels: NATIONAL_AND_REGIONS, sector: 'TOTAL', qualification: 'ALL' },
  { indicator: 'trained_share_broad', regionLevels: NATIONAL_AND_REGIONS, sector: 'TOTAL', qualification: 'ALL' },
  { indicator: 'employment_share', regionLevels: ['country'], sector: 'any', qualification: 'ALL' },
];

/** A series is forecast only if its last annual observation is at most this many years before the base year. */
export const MAX_STALENESS_YEARS = 3;

/** Why a cell is not a headline series by its coordinates alone; null when it is one. */
export function headlineExclusion(cell: CellKey): string | null {
  const rule = OFFICIAL_FORECAST_RULES.find((r) => r.indicator === cell.indicator);
  if (!rule) return `${cell.indicator} is not a headline series (served as observed, not forecast)`;
  const level = getRegion(cell.region)?.level;
  if (!level || !rule.regionLevels.includes(level)) return `${cell.indicator} is forecast only at ${rule.regionLevels.join(' and ')} level`;
  if (rule.sector === 'TOTAL' && cell.sector !== 'TOTAL') return `${cell.indicator} is forecast only for TOTAL`;
  if (cell.qualification !== rule.qualification) return `${cell.indicator} is forecast only for ALL qualifications`;
  return null;
}

/** Why a series is not forecast (for tests and logs); null when it is. */
export function officialForecastExclusion(cell: CellKey, statuses: readonly ObservationStatus[], lastYear: number, baseYear: number): string | null {
  const structural = headlineExclusion(cell);
  if (structural) return structural;
  if (!statuses.some((s) => MEASURED_STATUSES.has(s))) return 'no measured (official, international or survey) value';
  if (baseYear - lastYear > MAX_STALENESS_YEARS) return `ends in ${lastYear}, more than ${MAX_STALENESS_YEARS} years before the base year ${baseYear}`;
  return null;
}
