import { useQuery } from '@tanstack/react-query';
import { SYSTEM_HORIZON, SYSTEM_INDICATORS } from './indicators';
import { overviewQueries } from './queries';

/**
 * The national system's three forecasts for a scenario. The overview's first chart and the
 * scenario compare read these same queries, so they share the cache, the boot prefetch and the
 * landing view's preload.
 */
export function useSystemForecasts(scenario: string) {
  return {
    labourForce: useQuery(overviewQueries.national(SYSTEM_INDICATORS.labourForce, scenario, SYSTEM_HORIZON)),
    employment: useQuery(overviewQueries.national(SYSTEM_INDICATORS.employment, scenario, SYSTEM_HORIZON)),
    unemploymentRate: useQuery(overviewQueries.national(SYSTEM_INDICATORS.unemploymentRate, scenario, SYSTEM_HORIZON)),
  };
}
