/** Response schema of GET /api/accuracy (OpenAPI and tests). */
import { z } from 'zod';
import { basisSchema, cellAccuracySchema } from './schemas';

const nullableNumber = z.number().nullable();

const tierSchema = z.object({
  tier: z.enum(['national-regional', 'province-totals', 'detailed']),
  cells: z.number().int(),
  mase: z.number(),
  naiveMase: z.number(),
  smape: z.number(),
  coverage80: z.number(),
  coverage95: z.number(),
  shareBeatingNaive: z.number().meta({ description: 'Share (0–1) of cells where the engine’s MASE beat naive’s' }),
});

const backtestScoreSchema = z.object({
  mase: nullableNumber,
  coverage80: nullableNumber.meta({ description: 'Share (0–1) of actuals inside the 80 % band' }),
  coverage95: nullableNumber,
  biasPct: nullableNumber.meta({ description: 'Mean signed error, % of the actual (forecast − actual): + = over-forecast' }),
  points: z.number().int(),
});
const backtestMethodsSchema = z.object({ system: backtestScoreSchema, naive: backtestScoreSchema, engine: backtestScoreSchema });
const backtestSeriesSchema = z.object({ employment: backtestMethodsSchema, labourForce: backtestMethodsSchema });

const systemBacktestSchema = z
  .object({
    design: z.object({
      levels: z.array(z.number()),
      horizon: z.number().int(),
      origins: z.array(z.number().int()),
      holdout: z.object({ origin: z.number().int(), from: z.number().int(), to: z.number().int() }),
    }),
    spliceRatio: z.number().meta({ description: 'Pre-2021 values and forecasts × this ratio: scored on the 2021 LFS basis' }),
    rolling: backtestSeriesSchema.meta({
      description: 'Every origin, h = 1..horizon where an official annual actual exists; MASE mean over origins, coverage pooled',
    }),
    holdout: backtestSeriesSchema.meta({ description: 'Fitted to the holdout origin, scored on the holdout years' }),
    baseDiff: z.object({ employment: z.array(z.number()), labourForce: z.array(z.number()) }),
    notes: z.array(z.string()),
    appliesToServedVersion: z.boolean().meta({
      description:
        "True when the scores were computed on the served version's data: the committed artefact for the version loaded from the same seed files, else the backtest run with the version's results",
    }),
    computedOn: z
      .enum(['seeds', 'version'])
      .meta({ description: "`seeds`: the artefact committed with the seeds; `version`: run on the served version's own data" }),
    unavailable: z
      .object({ code: z.string(), message: z.string() })
      .optional()
      .meta({ description: "Why the backtest could not run on the served version's data (the seeds' scores are then shown, marked as not applying)" }),
    pending: z
      .boolean()
      .optional()
      .meta({ description: "True while the served version's backtest is computed (seconds after an upload); the seeds' scores meanwhile, not applying" }),
    source: z.string(),
  })
  .meta({
    description:
      'The supply–demand system’s own backtest (modelled): refitted at each origin on the data cut at that year; naive and engine (auto) on the official series itself',
  });

export const accuracySchema = z
  .object({
    dataVersion: z.number().int(),
    baseYear: z.number().int(),
    series: z
      .array(
        z.object({
          indicator: z.string(),
          sector: z.string(),
          methods: z.array(z.string()),
          accuracy: cellAccuracySchema,
        }),
      )
      .meta({
        description:
          'National series (VN × ALL levels): labour force, employment, and employment by VSIC section; rolling-origin backtest beside naive on the same origins',
      }),
    means: z
      .object({
        series: z.number().int(),
        meanMase: nullableNumber,
        meanNaiveMase: nullableNumber,
        wins: z.number().int(),
        coverage80: nullableNumber,
        coverage95: nullableNumber,
      })
      .meta({ description: 'Means over the series that could be backtested; `wins`: series where the engine beat naive' }),
    tiers: z
      .object({
        rows: z.array(tierSchema),
        note: z.string(),
        failures: z.object({ total: z.number().int(), byCode: z.record(z.string(), z.number().int()) }),
      })
      .nullable()
      .meta({ description: 'Employment cells by level of detail, as stored with the version’s outlook; failed backtests counted by error code' }),
    basis: basisSchema,
    system: systemBacktestSchema,
  })
  .meta({ id: 'Accuracy' });
