import { describe, expect, it } from 'vitest';
import type { CellForecast } from '../types';
import { withDemandLine } from './demand-line';
import type { NationalSystem } from './types';

const cell = (indicator: string, region: string, mean: number[]): CellForecast => ({
  indicator,
  region,
  sector: 'TOTAL',
  qualification: 'ALL',
  unit: 'persons',
  history: [],
  forecast: { periods: ['2026', '2027'], mean, intervals: [] },
  models: [],
  intervalKind: 'analytic',
  accuracy: { mase: null, smape: null, coverage80: null, coverage95: null, naiveMase: null, naiveSmape: null, origins: 0 },
  status: 'modelled',
  source: 'test',
});

// Baseline: demand 100, 110 capped to 98, 100 (cap factors 0.98, 0.909…).
const system = { baseYear: 2025, baseIndex: 0, employment: { mean: [95, 98, 100], intervals: [] }, demandBeforeCap: [100, 110] } as unknown as NationalSystem;

describe('withDemandLine (hand-worked)', () => {
  it('baseline: the system demand before the cap on the national employment cell only, inputs untouched', () => {
    const input = [cell('employment', 'VN', [98, 100]), cell('employment', 'P1', [50, 51])];
    const out = withDemandLine(input, system);
    expect(out[0].demand).toEqual([100, 110]);
    expect(out[1].demand).toBeUndefined();
    expect(input[0].demand).toBeUndefined();
  });

  it('scenario: demand scales with the scenario employment before its own cap', () => {
    // Scenario employment 98, 100 after cap factors 0.9, 0.8 ⇒ before the cap 108.9, 125 ⇒ ×(100/98), ×(110/100).
    const out = withDemandLine([cell('employment', 'VN', [98, 100])], system, [0.9, 0.8]);
    expect(out[0].demand).toEqual([Math.round((100 * 98) / 0.9 / 98), Math.round((110 * 100) / 0.8 / 100)]);
  });

  it('without a system or demand: unchanged', () => {
    const input = [cell('employment', 'VN', [98, 100])];
    expect(withDemandLine(input, null)).toBe(input);
    expect(withDemandLine(input, { ...system, demandBeforeCap: undefined })).toBe(input);
  });
});
