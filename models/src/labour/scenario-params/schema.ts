/**
 * Validation and normalisation of scenario parameters (issue 13 §1). Every range comes from
 * specs.ts. A normalised parameter set drops what equals the baseline and sorts its keys, so
 * the same scenario always serialises the same way (the API derives the scenario id from it).
 */
import { z } from 'zod';
import {
  FIELD_KEYS,
  PARAMETER_NAMES,
  PARTICIPATION_KEYS,
  RETIREMENT_LIMITS,
  specOf,
  TRAINING_KEYS,
  VALUE_ADDED_CHANGE_KEYS,
  VALUE_ADDED_KEYS,
  YEAR_LIMITS,
  type ParameterName,
} from './specs';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A number inside the lever's range. */
function ranged(name: ParameterName) {
  const s = specOf(name);
  return finite.min(s.min, `must be at least ${s.min}`).max(s.max, `must be at most ${s.max}`);
}

const PERIOD = /^(\d{4})(?:-(\d{4}))?$/;

/** `{ "2026-2030": 8, "2031": 6 }`: ranges of years (inclusive) or single years inside YEAR_LIMITS, not overlapping. */
function byPeriod(value: z.ZodType<number>) {
  return z.record(z.string().regex(PERIOD, 'periods are years "2030" or ranges "2026-2030"'), value).superRefine((rec, ctx) => {
    const spans: [number, number, string][] = [];
    for (const key of Object.keys(rec)) {
      const m = PERIOD.exec(key);
      if (!m) continue;
      const a = Number(m[1]);
      const b = m[2] ? Number(m[2]) : a;
      if (a < YEAR_LIMITS.min || b > YEAR_LIMITS.max || b < a) {
        ctx.addIssue({ code: 'custom', path: [key], message: `years must run forward within ${YEAR_LIMITS.min}–${YEAR_LIMITS.max}` });
      }
      for (const [c, d, other] of spans) if (a <= d && c <= b) ctx.addIssue({ code: 'custom', path: [key], message: `overlaps ${other}` });
      spans.push([a, b, key]);
    }
    if (spans.length === 0) ctx.addIssue({ code: 'custom', message: 'needs at least one period' });
  });
}

const keyed = <V extends z.ZodType>(keys: readonly string[], value: V) => z.partialRecord(z.enum(keys as [string, ...string[]]), value);

const retirementPath = (sex: 'M' | 'F') =>
  z.strictObject({
    target: ranged('retirementAge').min(sex === 'M' ? 62 : 60, `must be at least the 2019 Labour Code's final age (${sex === 'M' ? 62 : 60})`),
    startYear: z.number().int().min(RETIREMENT_LIMITS.startYear.min).max(RETIREMENT_LIMITS.startYear.max).optional(),
    stepMonths: z.number().int().min(RETIREMENT_LIMITS.stepMonths.min).max(RETIREMENT_LIMITS.stepMonths.max).optional(),
  });

const UNIT_TEXT: Record<string, string> = {
  'pct-per-year': '% a year',
  'pp-per-year': 'percentage points a year',
  pp: 'percentage points',
  pct: '%',
  years: 'years',
  months: 'months',
  year: 'year',
  workers: 'workers',
  'graduates-per-year': 'graduates a year',
};

/** OpenAPI description of a lever: its name, unit, range, keys and how it enters the model. */
function describe(name: ParameterName): string {
  const s = specOf(name);
  const keys = s.keys ? ` Keys: ${s.keys.join(', ')}.` : '';
  return `${s.en} (${UNIT_TEXT[s.unit]}, ${s.min} to ${s.max}). ${s.noteEn}${keys}`;
}

/** The parameter object of `POST /api/scenarios`; unknown names are refused. */
export const scenarioParametersSchema = z.strictObject({
  valueAddedGrowth: keyed(VALUE_ADDED_KEYS, z.union([ranged('valueAddedGrowth'), byPeriod(ranged('valueAddedGrowth'))]))
    .optional()
    .meta({ description: describe('valueAddedGrowth') }),
  valueAddedGrowthChange: keyed(VALUE_ADDED_CHANGE_KEYS, ranged('valueAddedGrowthChange'))
    .optional()
    .meta({ description: describe('valueAddedGrowthChange') }),
  productivityGrowthChange: ranged('productivityGrowthChange')
    .optional()
    .meta({ description: describe('productivityGrowthChange') }),
  participationChange: keyed(PARTICIPATION_KEYS, ranged('participationChange'))
    .optional()
    .meta({ description: describe('participationChange') }),
  retirementAge: z
    .strictObject({ M: retirementPath('M').optional(), F: retirementPath('F').optional() })
    .optional()
    .meta({ description: describe('retirementAge') }),
  trainingOutputChange: keyed(TRAINING_KEYS, ranged('trainingOutputChange'))
    .optional()
    .meta({ description: describe('trainingOutputChange') }),
  trainingOutput: keyed(TRAINING_KEYS.slice(1), ranged('trainingOutput'))
    .optional()
    .meta({ description: describe('trainingOutput') }),
  entryRate: ranged('entryRate')
    .optional()
    .meta({ description: describe('entryRate') }),
  exitRateChange: ranged('exitRateChange')
    .optional()
    .meta({ description: describe('exitRateChange') }),
  graduateMobility: ranged('graduateMobility')
    .optional()
    .meta({ description: describe('graduateMobility') }),
  newFieldBoost: keyed(FIELD_KEYS, z.union([ranged('newFieldBoost'), byPeriod(ranged('newFieldBoost'))]))
    .optional()
    .meta({ description: describe('newFieldBoost') }),
  targetAttainment: ranged('targetAttainment')
    .optional()
    .meta({ description: describe('targetAttainment') }),
});

/** Scenario parameters as validated. */
export type ScenarioParameters = z.infer<typeof scenarioParametersSchema>;

/** One problem with a parameter set: the path (`valueAddedGrowth.C`) and what is wrong. */
export interface ParameterIssue {
  path: string;
  message: string;
}

/** Validates a parameter object; `issues` name every parameter that is unknown, mistyped or out of range. */
export function parseScenarioParameters(input: unknown): { ok: true; parameters: ScenarioParameters } | { ok: false; issues: ParameterIssue[] } {
  const r = scenarioParametersSchema.safeParse(input);
  if (r.success) return { ok: true, parameters: normaliseParameters(r.data) };
  const issues: ParameterIssue[] = [];
  for (const issue of r.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys)
        issues.push({ path: base ? `${base}.${k}` : k, message: base ? 'unknown key' : `unknown parameter; known: ${PARAMETER_NAMES.join(', ')}` });
    } else if (issue.code === 'invalid_key') {
      issues.push({ path: base, message: 'unknown key' });
    } else {
      issues.push({ path: base || '(body)', message: issue.message });
    }
  }
  return { ok: false, issues };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Sorted entries without the values that equal `neutral`; undefined when nothing is left. */
function compact<T>(rec: Partial<Record<string, T>> | undefined, keep: (v: T) => T | undefined): Record<string, T> | undefined {
  if (!rec) return undefined;
  const out: [string, T][] = [];
  for (const k of Object.keys(rec).sort()) {
    const v = keep(rec[k] as T);
    if (v !== undefined) out.push([k, v]);
  }
  return out.length ? Object.fromEntries(out) : undefined;
}

const nonZero = (v: number) => (round(v) === 0 ? undefined : round(v));
const numberOrPeriods = (drop: (v: number) => number | undefined) => (v: number | Record<string, number>) =>
  typeof v === 'number' ? drop(v) : compact(v, (x) => round(x));

/**
 * The canonical form of a parameter set: values equal to the baseline dropped (a 0 change, an
 * empty object), numbers rounded to 4 decimals, keys sorted. Idempotent.
 */
export function normaliseParameters(p: ScenarioParameters): ScenarioParameters {
  const out: Record<string, unknown> = {
    valueAddedGrowth: compact(
      p.valueAddedGrowth,
      numberOrPeriods((v) => round(v)),
    ),
    valueAddedGrowthChange: compact(p.valueAddedGrowthChange, nonZero),
    productivityGrowthChange: p.productivityGrowthChange === undefined ? undefined : nonZero(p.productivityGrowthChange),
    participationChange: compact(p.participationChange, nonZero),
    retirementAge: compact(
      p.retirementAge,
      (v) =>
        v && {
          ...(v.startYear !== undefined && { startYear: v.startYear }),
          ...(v.stepMonths !== undefined && { stepMonths: v.stepMonths }),
          target: round(v.target),
        },
    ),
    trainingOutputChange: compact(p.trainingOutputChange, nonZero),
    trainingOutput: compact(p.trainingOutput, (v) => Math.round(v)),
    entryRate: p.entryRate === undefined ? undefined : round(p.entryRate),
    exitRateChange: p.exitRateChange === undefined ? undefined : nonZero(p.exitRateChange),
    graduateMobility: p.graduateMobility === undefined ? undefined : nonZero(p.graduateMobility),
    newFieldBoost: compact(
      p.newFieldBoost,
      numberOrPeriods((v) => (Math.round(v) === 0 ? undefined : Math.round(v))),
    ),
    targetAttainment: p.targetAttainment === undefined ? undefined : nonZero(p.targetAttainment),
  };
  const sorted = Object.keys(out)
    .sort()
    .filter((k) => out[k] !== undefined)
    .map((k) => [k, out[k]]);
  return Object.fromEntries(sorted) as ScenarioParameters;
}

/** Canonical JSON of a normalised parameter set (the API hashes it into the scenario id). */
export function canonicalParameters(p: ScenarioParameters): string {
  return JSON.stringify(normaliseParameters(p));
}
