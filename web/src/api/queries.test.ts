import { describe, expect, it } from 'vitest';
import { keepWhileScenarioLoads } from './queries';

describe('keepWhileScenarioLoads', () => {
  const key = ['forecasts', 'employment', 'VN', 'TOTAL', 'ALL', 'u-2', 10] as const;
  const keep = keepWhileScenarioLoads<string>(key, 5);

  it('keeps the previous answer when only the scenario changed', () => {
    expect(keep('old', { queryKey: ['forecasts', 'employment', 'VN', 'TOTAL', 'ALL', 'u-1', 10] })).toBe('old');
  });

  it('never shows another indicator, area or horizon as a placeholder', () => {
    expect(keep('old', { queryKey: ['forecasts', 'labour_force', 'VN', 'TOTAL', 'ALL', 'u-1', 10] })).toBeUndefined();
    expect(keep('old', { queryKey: ['forecasts', 'employment', '01', 'TOTAL', 'ALL', 'u-2', 10] })).toBeUndefined();
    expect(keep('old', { queryKey: ['forecasts', 'employment', 'VN', 'TOTAL', 'ALL', 'u-1', 5] })).toBeUndefined();
    expect(keep('old', undefined)).toBeUndefined();
  });
});
