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
  })
  .meta({ id: 'Accuracy' });
