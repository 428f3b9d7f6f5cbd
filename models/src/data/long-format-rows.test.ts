import { describe, expect, it } from 'vitest';
import { parseLongCsv, toLongCsv } from './long-format';
import { createObservationCheck, observationSchema } from './long-format-rows';
import type { Observation } from './observation';

const now = new Date('2026-06-01T00:00:00Z');
const base: Observation = {
  indicator: 'employment',
  period: '2024',
  region: '01',
  sector: 'C',
  qualification: 'college',
  value: 1200,
  unit: 'persons',
  source: 'GSO LFS 2024',
  status: 'official',
};

/** Codes of the CSV validator and of schema + check for the same row: they must agree. */
function bothWays(o: Observation): { csv: string[]; json: string[] } {
  const csv = parseLongCsv(toLongCsv([o]), { now }).errors.map((e) => e.code);
  const parsed = observationSchema.safeParse(o);
  const json = parsed.success ? createObservationCheck({ now })(parsed.data as Observation, 2).map((e) => e.code) : ['SCHEMA'];
  return { csv, json };
}

describe('createObservationCheck: the CSV rules for typed rows', () => {
  const cases: [string, Partial<Observation>, string][] = [
    ['unit of another indicator', { unit: 'percent', value: 12 }, 'UNIT_MISMATCH'],
    ['percentage over 100', { indicator: 'unemployment_rate', sector: 'TOTAL', qualification: 'ALL', unit: 'percent', value: 120 }, 'PERCENT_OVER_100'],
    ['more persons than a province has', { value: 40_000_000 }, 'EXCEEDS_POPULATION'],
    ['implausibly large', { region: 'VN', value: 1e13 }, 'VALUE_TOO_LARGE'],
    ['observed stock in the future', { period: '2027' }, 'FUTURE_PERIOD'],
    ['control character in the source', { source: 'GSO\u0007' }, 'CONTROL_CHARACTER'],
  ];
  for (const [name, over, code] of cases) {
    it(`rejects ${name} like the CSV validator`, () => {
      const r = bothWays({ ...base, ...over });
      expect(r.json).toEqual([code]);
      expect(r.json).toEqual(r.csv);
    });
  }

  it('accepts a valid row, and a flow (graduates) in a future period', () => {
    expect(bothWays(base)).toEqual({ csv: [], json: [] });
    expect(bothWays({ ...base, indicator: 'graduates', sector: 'TOTAL', period: '2030' })).toEqual({ csv: [], json: [] });
  });

  it('puts the given line and the column on each issue', () => {
    const issues = createObservationCheck({ now })({ ...base, unit: 'percent', value: 12 }, 9);
    expect(issues).toEqual([expect.objectContaining({ line: 9, column: 'unit', value: 'percent' })]);
  });
});
