/** Response schemas of /api/scenarios (OpenAPI and tests). */
import { z } from 'zod';
import { scenarioParametersSchema } from '@lmo/models/labour';

const specSchema = z.object({
  name: z.string(),
  unit: z.string(),
  min: z.number(),
  max: z.number(),
  step: z.number(),
  default: z.number().nullable(),
  keys: z.array(z.string()).nullable(),
  vi: z.string(),
  en: z.string(),
  noteVi: z.string(),
  noteEn: z.string(),
});

/** Baseline values beside each lever (models/src/labour/scenario-params/baseline.ts). */
export const baselineValuesSchema = z.object({
  baseYear: z.number().int(),
  horizon: z.number().int(),
  valueAddedGrowth: z.record(z.string(), z.number()).meta({ description: '% a year, mean over the horizon' }),
  productivityGrowth: z.record(z.string(), z.number()).meta({ description: 'Labour-productivity growth, % a year, mean over the horizon, by broad sector' }),
  participation: z.record(z.string(), z.number()).meta({ description: '% of the sex × age group in the labour force, first forecast year' }),
  retirementAge: z.object({ M: z.number(), F: z.number() }).meta({ description: 'Final ages of the 2019 Labour Code roadmap' }),
  graduates: z.record(z.string(), z.number()).meta({ description: 'National graduates a year by level, first forecast year' }),
  entryRate: z.number().meta({ description: '% of graduates entering work' }),
  newFields: z.record(z.string(), z.number()).meta({ description: 'Base-year employment of each new field' }),
  labourForceEnd: z.number().nullable(),
});

const engineStateSchema = z
  .enum(['idle', 'warming', 'ready'])
  .meta({ description: 'Whether the scenario engine has fitted the served version yet (the first scenario waits for it)' });

export const scenarioListSchema = z
  .object({
    presets: z.array(
      z.object({
        id: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        descriptionVi: z.string(),
        descriptionEn: z.string(),
        parameters: scenarioParametersSchema,
      }),
    ),
    specs: z.array(specSchema),
    baseline: baselineValuesSchema.nullable(),
    engine: engineStateSchema,
  })
  .meta({ id: 'ScenarioLevers' });

/** The answer to POST /api/scenarios/engine. */
export const scenarioEngineSchema = z.object({ engine: engineStateSchema }).meta({ id: 'ScenarioEngine' });

export const scenarioCreatedSchema = z.object({ id: z.string(), parameters: scenarioParametersSchema }).meta({ id: 'ScenarioCreated' });

export const scenarioInfoSchema = z
  .object({
    id: z.string(),
    parameters: scenarioParametersSchema,
    preset: z.boolean(),
    nameVi: z.string().optional(),
    nameEn: z.string().optional(),
  })
  .meta({ id: 'Scenario' });
