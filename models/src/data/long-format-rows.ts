/**
 * Rules for rows that arrive already typed (JSON, seed arrays) rather than as
 * CSV text: `observationSchema` checks the shape and canonical codes, and
 * `createObservationCheck` applies the CSV validator's own row rules (text
 * fields, value bounds, unit, future periods; long-format-checks.ts), so a
 * row is accepted or rejected alike whichever way it comes in.
 */
import { z } from 'zod';
import type { Observation, Unit } from './observation';
import { LONG_COLUMNS, OBSERVATION_STATUSES, OBSERVATION_UNITS } from './observation';
import type { LongIssue } from './csv-sniff';
import { getIndicator, INDICATORS } from '../codes/indicators';
import { GROUP_HELP, OCCUPATION_HELP, resolveGroup, resolveOccupation, type BreakdownAxis } from '../codes/breakdowns';
import { getRegion } from '../codes/regions';
import { SECTORS } from '../codes/sectors';
import { QUALIFICATIONS } from '../codes/qualifications';
import { periodSchema } from './long-format-rules';
import { checkRowRules, checkTextField, IssueLog, PeriodClock } from './long-format-checks';

const SECTOR_CODES = new Set(SECTORS.map((s) => s.code));

/** True when `code` is a valid canonical code on `axis` (the `sector` column of the long format). */
export function isBreakdownCode(axis: BreakdownAxis, code: string): boolean {
  if (axis === 'group') return resolveGroup(code) === code;
  if (axis === 'occupation') return resolveOccupation(code) === code;
  return SECTOR_CODES.has(code);
}

/** Zod shape of one valid observation (for JSON inputs; CSV goes through the validator). */
export const observationSchema = z
  .object({
    indicator: z.enum(INDICATORS.map((i) => i.code) as [string, ...string[]]),
    period: periodSchema,
    region: z.string().refine((c) => getRegion(c) !== undefined, 'unknown region code'),
    /** A sector code, or a group / occupation code for indicators on those axes (checked below). */
    sector: z.string().min(1),
    qualification: z.enum(QUALIFICATIONS.map((q) => q.code) as [string, ...string[]]),
    value: z.number().finite().nonnegative(),
    unit: z.enum(OBSERVATION_UNITS as unknown as [Unit, ...Unit[]]),
    source: z.string().trim().min(1),
    status: z.enum(OBSERVATION_STATUSES),
  })
  .superRefine((o, ctx) => {
    const axis = getIndicator(o.indicator)?.axis ?? 'sector';
    if (!isBreakdownCode(axis, o.sector)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sector'],
        message: axis === 'group' ? GROUP_HELP : axis === 'occupation' ? OCCUPATION_HELP : 'unknown sector code',
      });
    }
  });

/**
 * The CSV validator's row rules for observations that passed
 * `observationSchema`: returns a check giving the issues of one row (empty
 * when valid), `line` put on each. `now` is the clock of the future-period rule.
 */
export function createObservationCheck(options: { now?: Date } = {}): (o: Observation, line: number) => LongIssue[] {
  const clock = new PeriodClock((options.now ?? new Date()).getTime());
  // Sources repeat on most rows: each distinct one is checked once.
  const cleanSources = new Set<string>();
  return (o, line) => {
    const log = new IssueLog(LONG_COLUMNS.length);
    // The codes passed the schema (canonical, short, printable): only the free-text source can break the text rules.
    if (!cleanSources.has(o.source)) {
      checkTextField(o.source, 'source', line, log);
      if (log.errorCount > 0) return log.errors;
      if (cleanSources.size < 10_000) cleanSources.add(o.source);
    }
    const indicator = getIndicator(o.indicator);
    checkRowRules(
      { indicator, value: o.value, vRaw: String(o.value), unit: o.unit, uRaw: o.unit, region: o.region, period: o.period, pRaw: o.period },
      clock,
      line,
      log,
    );
    return log.errors;
  };
}
