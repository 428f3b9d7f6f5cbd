/**
 * Query parameters shared by several routes, as zod schemas. Code parameters are
 * checked against the catalog at request time so an unknown code names the valid ones.
 */
import { z } from 'zod';
import { BASELINE_SCENARIO } from '@lmo/models';
import { catalog, type CodeField } from '../services/catalog';

/** A code of `field`; unknown values fail with the closest valid codes in `expected`. */
export function codeParam(field: CodeField) {
  return z
    .string()
    .min(1)
    .max(64)
    .superRefine((value, ctx) => {
      const problem = catalog().check(field, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { expected: problem.expected } });
    });
}

/** `2024` or `2024-Q3`. */
export const periodParam = z.string().regex(/^\d{4}(-Q[1-4])?$/, 'a period looks like 2024 or 2024-Q3');

/** Coordinates of a cell; everything but the indicator defaults to the national total. */
export const cellQuery = z.object({
  indicator: codeParam('indicator').default('employment').meta({ description: 'Indicator code, e.g. employment' }),
  region: codeParam('region').default('VN').meta({ description: 'VN, a socio-economic region or a province code' }),
  sector: codeParam('sector').default('TOTAL').meta({
    description:
      'TOTAL, a VSIC section letter or a new-field code; for indicators broken down by sex and age a group such as T:15-24, by occupation OCC0–OCC9 (see axis in /api/meta)',
  }),
  qualification: codeParam('qualification').default('ALL').meta({ description: 'ALL or a qualification level' }),
});

/** Forecast horizon in steps: ≤ 10 for yearly cells, ≤ 40 for quarterly (checked per cell). */
export const horizonParam = z.coerce
  .number()
  .int('horizon must be a whole number')
  .min(1, 'horizon must be at least 1')
  .max(40, 'horizon must be at most 10 years or 40 quarters');

/** Scenario id; checked against the computed scenarios by the route (they come with the results). */
export const scenarioParam = z.string().min(1).max(64).default(BASELINE_SCENARIO).meta({ description: 'Scenario id from /api/meta' });

/** `80,95` → [80, 95]. */
export const levelsParam = z
  .string()
  .default('80,95')
  .transform((text, ctx) => {
    const levels = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(Number);
    if (levels.length === 0 || levels.some((l) => !Number.isFinite(l) || l <= 0 || l >= 100)) {
      ctx.addIssue({ code: 'custom', message: 'levels is a comma-separated list of percentages between 0 and 100, e.g. 80,95' });
      return z.NEVER;
    }
    return [...new Set(levels)].sort((a, b) => a - b);
  })
  .meta({ description: 'Interval levels, comma-separated (e.g. 80,95)' });

/** 2^31 − 1: the largest id an `integer`/`serial` column holds. */
export const MAX_INT32 = 2_147_483_647;

/**
 * A positive whole number written in plain decimal digits, at most `max`
 * (default 2^31 − 1, the database's `integer`). `0x10`, `1e3`, `+5`, ` 7` and
 * overflowing ids are refused with 400 here, so they never reach SQL.
 */
export function positiveIntParam(what: string, max = MAX_INT32) {
  return z
    .string()
    .regex(/^[1-9]\d{0,9}$/, `${what} is a positive whole number in decimal digits (1 to ${max})`)
    .transform(Number)
    .refine((n) => n <= max, `${what} must be at most ${max}`);
}

/** A path id of a database row: a positive 32-bit integer. */
export const idParam = positiveIntParam('id');

/** `limit` between 1 and `max`, decimal digits only; `fallback` when absent. */
export function limitParam(max: number, fallback: number) {
  return positiveIntParam('limit', max)
    .optional()
    .transform((n) => n ?? fallback);
}

/** `offset` ≥ 0 in decimal digits (at most 2^31 − 1); 0 when absent. */
export const offsetParam = z
  .string()
  .regex(/^(0|[1-9]\d{0,9})$/, 'offset is a whole number ≥ 0 in decimal digits')
  .transform(Number)
  .refine((n) => n <= MAX_INT32, `offset must be at most ${MAX_INT32}`)
  .optional()
  .transform((n) => n ?? 0);
