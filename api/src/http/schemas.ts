/**
 * Response schemas for the OpenAPI document. They describe the shapes in
 * models/src/labour/types.ts as served (JSON only; no runtime validation of output).
 */
import { z } from 'zod';
import { OBSERVATION_STATUSES, OBSERVATION_UNITS } from '@lmo/models';

const status = z.enum(OBSERVATION_STATUSES);
/** Distinct statuses of the observations a modelled figure rests on, in OBSERVATION_STATUSES order. */
export const basisSchema = z.array(status).meta({
  description: 'Distinct statuses of the observations this figure rests on (its history and, for totals, every detailed cell summed into it), ordered official, international, survey, modelled, illustrative. Contains illustrative when generated demonstration values lie underneath: say so beside the figure.',
});
/** Units of the long format. */
export const unitSchema = z.enum(OBSERVATION_UNITS as [string, ...string[]]);
const interval = z.object({ level: z.number(), lower: z.array(z.number()), upper: z.array(z.number()) });
const columns = z.object({ periods: z.array(z.string()), mean: z.array(z.number()), intervals: z.array(interval) })
  .meta({ id: 'ColumnForecast', description: 'periods[i] goes with mean[i] and each interval lower[i]/upper[i].' });
const nullableNumber = z.number().nullable();

/** GET /api/forecasts response. */
export const forecastSchema = z.object({
  indicator: z.string(), region: z.string(), sector: z.string(), qualification: z.string(),
  unit: unitSchema,
  scenario: z.string(), horizon: z.number().int(), baseYear: z.number().int(), dataVersion: z.number().int(),
  history: z.array(z.object({ period: z.string(), value: z.number(), status, source: z.string() })),
  forecast: columns,
  models: z.array(z.object({ method: z.string(), weight: z.number() })),
  intervalKind: z.enum(['analytic', 'empirical', 'bootstrap', 'none']),
  accuracy: z.object({
    mase: nullableNumber, smape: nullableNumber, coverage80: nullableNumber, coverage95: nullableNumber,
    naiveMase: nullableNumber, naiveSmape: nullableNumber, origins: z.number().int(),
  }).meta({ description: 'Rolling-origin backtest of the method beside naive on the same origins.' }),
  break: z.object({ period: z.string(), treatment: z.string(), ratio: z.number().optional(), reason: z.string().optional() }).optional(),
  reconciliation: z.enum(['ols', 'mint-shrink']).optional(),
  status: z.literal('modelled'),
  basis: basisSchema,
  source: z.string(),
}).meta({ id: 'CellForecast' });

export const gapRowSchema = z.object({
  region: z.string(), sector: z.string(), qualification: z.string(),
  horizon: z.number().int(), period: z.string(),
  employmentBase: z.number(), employmentEnd: z.number(),
  openings: z.number(), expansion: z.number(), replacement: z.number(), newSupply: z.number(),
  imbalance: z.number(), imbalanceLower: z.number(), imbalanceUpper: z.number(),
  ratio: nullableNumber,
  flag: z.enum(['shortage', 'balanced', 'surplus']),
  confidence: z.enum(['high', 'medium', 'low']),
  rank: z.number().int(),
  status: z.literal('modelled'), basis: basisSchema, source: z.string(),
}).meta({ id: 'GapRow', description: 'Flows are totals over the horizon (persons). imbalance = newSupply − openings.' });

/** GET /api/gaps response. */
export const gapsSchema = z.object({
  rows: z.array(gapRowSchema),
  region: z.string(), scenario: z.string(), horizon: z.number().int(), sort: z.string(),
  baseYear: z.number().int(), period: z.string(),
  thresholds: z.object({ shortageBelow: z.number(), surplusAbove: z.number(), smallCell: z.number() }).nullable(),
  status: z.literal('modelled'),
  basis: basisSchema.meta({ description: 'Union of the rows\' basis.' }),
  source: z.string(), dataVersion: z.number().int(),
}).meta({ id: 'Gaps' });

const pathSeries = columns;
export const targetPathSchema = z.object({
  field: z.string(), decision: z.string(), basis: z.enum(['decision', 'assumption']),
  targetLevel: z.number(), targetYear: z.number().int(), qualification: z.string(),
  components: z.array(z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string(), level: z.number() })).optional(),
  latest: z.object({ period: z.string(), value: z.number(), source: z.string() }),
  trend: pathSeries, target: pathSeries,
  graduatesNeededPerYear: z.record(z.string(), z.number()),
  currentGraduatesPerYear: z.record(z.string(), z.number()),
  gap: z.record(z.string(), z.number()),
  trendShortfall: z.number(),
  noteVi: z.string(), noteEn: z.string(),
  status: z.literal('modelled'),
  dataBasis: basisSchema.meta({ description: 'Statuses of the observations the trend and graduates figures rest on (named apart from basis, which is the target\'s own: decision or assumption).' }),
  source: z.string(),
}).meta({ id: 'TargetPath' });

/** GET /api/targets response. */
export const targetsSchema = z.object({
  targets: z.array(targetPathSchema), scenario: z.string(), baseYear: z.number().int(),
  status: z.literal('modelled'), dataBasis: basisSchema, dataVersion: z.number().int(),
}).meta({ id: 'Targets' });
