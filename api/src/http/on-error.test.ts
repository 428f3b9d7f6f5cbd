import { ForecastError, type ForecastErrorCode } from '@lmo/models';
import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DomainError } from '../domain-error';
import { PROBLEMS, problemRow, toProblem } from './on-error';
import { PROBLEM_TYPES } from './problem';

// Spelled out here: the union type of @lmo/models has no runtime list.
const FORECAST_CODES: ForecastErrorCode[] = [
  'NOT_ENOUGH_DATA',
  'NON_FINITE_VALUE',
  'NEGATIVE_VALUE',
  'INVALID_HORIZON',
  'UNKNOWN_METHOD',
  'INVALID_PERIOD',
  'INVALID_OPTION',
];
const KNOWN_TYPES = new Set<string>(Object.values(PROBLEM_TYPES));

describe('PROBLEMS, the code → HTTP table', () => {
  it.each([...DOMAIN_ERROR_CODES, ...FORECAST_CODES])('has a row for %s with an error status and a documented type', (code) => {
    const row = Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code] : undefined;
    expect(row, `no row for ${code} in PROBLEMS (http/on-error.ts)`).toBeDefined();
    expect(row!.status).toBeGreaterThanOrEqual(400);
    expect(row!.status).toBeLessThan(600);
    expect(row!.title.length).toBeGreaterThan(0);
    expect(KNOWN_TYPES.has(row!.type) || row!.type.startsWith(`${PROBLEM_TYPES.forecast}/`)).toBe(true);
  });

  it('has no row for a code nobody throws', () => {
    expect(Object.keys(PROBLEMS).sort()).toEqual([...DOMAIN_ERROR_CODES, ...FORECAST_CODES].sort());
  });
});

describe('toProblem', () => {
  it('builds the body from the row, the message, the Vietnamese message, the field errors and the details', () => {
    const error = new DomainError('REPLACES_OFFICIAL', '2 cells are official', {
      messageVi: '2 ô chính thức',
      details: { cellCount: 2 },
      errors: [{ path: 'value', message: 'official' }],
    });
    expect(toProblem(error)).toEqual({
      type: '/api/problems/official-data',
      title: 'The upload would replace official figures',
      status: 409,
      code: 'REPLACES_OFFICIAL',
      detail: '2 cells are official',
      detailVi: '2 ô chính thức',
      cellCount: 2,
      errors: [{ path: 'value', message: 'official' }],
    });
  });

  it('adds no members a code does not have', () => {
    expect(toProblem(new DomainError('NOT_FOUND', 'No such version.'))).toEqual({
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: 'No such version.',
    });
  });

  it('maps a ForecastError by its code: a bad option is 400, data it cannot forecast 422', () => {
    expect(toProblem(new ForecastError('INVALID_HORIZON', 'too far'))).toMatchObject({
      status: 400,
      type: '/api/problems/forecast/invalid-horizon',
      code: 'INVALID_HORIZON',
    });
    expect(toProblem(new ForecastError('NOT_ENOUGH_DATA', 'too short'))).toMatchObject({ status: 422, type: '/api/problems/forecast/not-enough-data' });
    expect(toProblem(new ForecastError('INVALID_OPTION', 'no', { parameter: 'shock' })).errors).toEqual([{ path: 'shock', message: 'no' }]);
  });

  it('answers a forecast code missing from the table (a newer engine) like bad data', () => {
    expect(problemRow('SOMETHING_NEW')).toMatchObject({ status: 422, type: '/api/problems/forecast/something-new' });
  });
});
