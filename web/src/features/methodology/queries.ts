import { queryOptions } from '@tanstack/react-query';
import { areaGapsQuery, forecastQuery } from '../../api/queries';
import { DEFAULT_STATE } from '../../router/url-state';

/** Methodology: forecasts whose stored backtest accuracy is shown (baseline scenario, full horizon). */
export const methodologyQueries = {
  accuracy: (p: { indicator: string; sector: string }) =>
    queryOptions({
      ...forecastQuery({ indicator: p.indicator, region: 'VN', sector: p.sector, qualification: 'ALL', scenario: 'baseline', horizon: 10 }),
      staleTime: 30 * 60 * 1000,
    }),
  /** The national baseline outlook, read for the method notes it was computed with (`assumptions.sources`). */
  notes: () => areaGapsQuery({ region: 'VN', scenario: 'baseline', horizon: DEFAULT_STATE.horizon }),
};

/**
 * The series whose accuracy is reported: national labour force and employment, and employment
 * by VSIC section. (The API serves no forecasts for the rate indicators yet; asking would 404.)
 */
export function accuracySeries(sectors: string[]): { indicator: string; sector: string }[] {
  const national = ['labour_force', 'employment'].map((indicator) => ({ indicator, sector: 'TOTAL' }));
  return [...national, ...sectors.map((sector) => ({ indicator: 'employment', sector }))];
}
