/**
 * `zValidator` wrappers that (1) answer bad input with problem+json and (2) tag
 * the middleware so hono-openapi documents the query parameters from the same zod schema.
 */
import { zValidator } from '@hono/zod-validator';
import { resolver, uniqueSymbol } from 'hono-openapi';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { problemResponse } from './on-error';
import { PROBLEM_TYPES, zodFieldProblems } from './problem';

/** Validates `target` with `schema`; a failure becomes a 400 problem listing every field. */
export function zInput<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  const middleware = zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const errors = zodFieldProblems(result.error as unknown as z.ZodError);
      const unknown = errors.some((e) => e.expected);
      return problemResponse(c, {
        type: unknown ? PROBLEM_TYPES.unknownCode : PROBLEM_TYPES.validation,
        title: unknown ? 'Unknown code' : 'Invalid request',
        status: 400,
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
  });
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } });
}

/** Shorthand for query-string validation. */
export const zQuery = <S extends z.ZodType>(schema: S) => zInput('query', schema);
