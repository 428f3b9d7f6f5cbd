/**
 * Response schemas for the OpenAPI document. They describe the shapes in
 * models/src/labour/types.ts as served (JSON only; no runtime validation of output).
 */
import { z } from 'zod';
import { OBSERVATION_STATUSES, OBSERVATION_UNITS } from '@lmo/models';

const status = z.enum(OBSERVATION_STATUSES);
/** Distinct statuses of the observations a modelled figure rests on, in OBSERVATION_STATUSES order. */
export const basisSchema = z.array(status).meta({
  description:
    'Distinct statuses of the observations this figure rests on (its history and, for totals, every detailed cell summed into it), ordered official, international, survey, modelled, illustrative. Contains illustrative when generated demonstration values lie underneath: say so beside the figure.',
});
/** Units of the long format. */
export const unitSchema = z.enum(OBSERVATION_UNITS as [string, ...string[]]);
const interval = z.object({ level: z.number(), lower: z.array(z.number()), upper: z.array(z.number()) });
const columns = z
  .object({ periods: z.array(z.string()), mean: z.array(z.number()), intervals: z.array(interval) })
  .meta({ id: 'ColumnForecast', description: 'periods[i] goes with mean[i] and each interval lower[i]/upper[i].' });
const nullableNumber = z.number().nullable();

/** A cell's rolling-origin backtest beside naive on the same origins (forecasts and the accuracy report). */
export const cellAccuracySchema = z.object({
  mase: nullableNumber,
  smape: nullableNumber,
  coverage80: nullableNumber,
  coverage95: nullableNumber,
  naiveMase: nullableNumber,
  naiveSmape: nullableNumber,
  origins: z.number().int(),
  benchmark: z.string().optional().meta({
    description: 'Set when the figures are a benchmark’s, not the cell’s own method’s: the method backtested instead (e.g. `auto` for a system-shares cell)',
  }),
});
/** Flags of a gap row (models/src/labour/types.ts `Flag`). */
export const GAP_FLAGS = ['shortage', 'balanced', 'surplus', 'uncertain', 'too-small'] as const;

/** GET /api/forecasts response. */
export const forecastSchema = z
  .object({
    indicator: z.string(),
    region: z.string(),
    sector: z.string(),
    qualification: z.string(),
    unit: unitSchema,
    scenario: z.string(),
    horizon: z.number().int(),
    baseYear: z.number().int(),
    dataVersion: z.number().int(),
    history: z.array(z.object({ period: z.string(), value: z.number(), status, source: z.string() })),
    forecast: columns,
    models: z.array(z.object({ method: z.string(), weight: z.number() })),
    intervalKind: z.enum(['analytic', 'empirical', 'bootstrap', 'none']),
    accuracy: cellAccuracySchema.meta({
      description:
        "Rolling-origin backtest beside naive on the same origins: of the series method in `models`, or, for a cell the supply–demand system makes (`models` national-system…, system-shares), of the single-series engine `auto` on the cell's own history, as a benchmark, named in `accuracy.benchmark` (the system's own backtest of national employment and labour force is `system` in GET /api/accuracy). All null when the history is too short.",
    }),
    break: z
      .object({
        period: z.string(),
        treatment: z.string(),
        ratio: z.number().optional(),
        reason: z.union([z.string(), z.object({ vi: z.string(), en: z.string() })]).optional(),
      })
      .optional(),
    rateDefinition: z.object({ period: z.string(), history: z.number(), forecast: z.number() }).optional().meta({
      description:
        "National unemployment rate only: its history is GSO's working-age rate, its forecast the system's rate of everyone 15+ (1 − employment ÷ labour force); both in the last history year (percent).",
    }),
    basisChanges: z
      .array(z.object({ period: z.string(), previous: z.string(), breakPeriod: z.string(), toNew: z.boolean() }))
      .optional()
      .meta({
        description:
          'Where the shown history changes basis before a declared break the fit did not need: published old-basis figures (kept as published) beside values on the new basis (back-cast illustrative detail or its sums). The step between `previous` and `period` is not a change in the labour market; the model fits the new-basis values only.',
      }),
    reconciliation: z.enum(['ols', 'mint-shrink']).optional(),
    demand: z.array(z.number()).optional().meta({
      description: 'National employment (VN × TOTAL × ALL) only: labour demand before the labour-force limit (persons), aligned with forecast.periods.',
    }),
    status: z.literal('modelled'),
    basis: basisSchema,
    source: z.string(),
  })
  .meta({ id: 'CellForecast' });

export const gapRowSchema = z
  .object({
    region: z.string(),
    sector: z.string(),
    qualification: z.string(),
    horizon: z.number().int(),
    period: z.string(),
    employmentBase: z.number(),
    employmentEnd: z.number(),
    openings: z.number(),
    expansion: z.number(),
    replacement: z.number(),
    newSupply: z.number(),
    imbalance: z.number(),
    imbalanceLower: z.number(),
    imbalanceUpper: z.number(),
    imbalanceShare: nullableNumber.meta({
      description:
        'imbalance ÷ employmentBase (share: −0.02 = −2 % of base employment over the horizon); the figure the flag reads. null when base employment is 0.',
    }),
    ratio: nullableNumber.meta({ description: 'newSupply ÷ openings, for display only (flags do not use it); null when openings ≤ 0.' }),
    flag: z.enum(GAP_FLAGS).meta({
      description:
        'shortage / surplus: imbalanceShare below / above the thresholds; balanced: between; uncertain: the 80 % interval of the share spans both thresholds; too-small: fewer than smallCell base workers or minOpenings openings (never flagged, never ranked).',
    }),
    confidence: z.enum(['high', 'medium', 'low']),
    rank: z.number().int().nullable().meta({
      description: '1 = most severe shortage (lowest imbalanceShare) among comparable rows; null for too-small rows, which are never ranked (they sort last).',
    }),
    status: z.literal('modelled'),
    basis: basisSchema,
    source: z.string(),
  })
  .meta({
    id: 'GapRow',
    description:
      'Flows are totals over the horizon (persons). expansion is net (employmentEnd − employmentBase, may be negative); openings = expansion + replacement; imbalance = newSupply − openings.',
  });

/** Flag thresholds as served (shares of base employment over the horizon). */
export const thresholdsSchema = z
  .object({
    measure: z.literal('imbalance-share').optional(),
    shortageBelow: z.number().meta({ description: 'Share of base employment (e.g. −0.02 = −2 %): imbalanceShare below this is a shortage.' }),
    surplusAbove: z.number().meta({ description: 'Share of base employment (e.g. 0.02 = +2 %): imbalanceShare above this is a surplus.' }),
    smallCell: z.number().meta({ description: 'Cells with fewer base-year workers are too-small.' }),
    minOpenings: z.number().optional().meta({ description: 'Cells with fewer openings over the horizon are too-small.' }),
  })
  .meta({ id: 'Thresholds' });

const note = z.object({ id: z.string(), vi: z.string(), en: z.string(), source: z.string() });
const numbersBy = z.record(z.string(), z.array(z.number()));
/** The assumptions behind every flag of one scenario (models/src/labour/types.ts `Assumptions`). */
export const assumptionsSchema = z
  .object({
    thresholds: thresholdsSchema,
    exitRates: z
      .array(z.object({ sector: z.string(), rate: z.number(), basis: z.enum(['demographic', 'exits-data', 'default']) }))
      .meta({ description: 'Replacement rate per year by sector (fraction of employment) and where it comes from.' }),
    entryRate: z.number(),
    mobilityRate: z.number(),
    otherEntrantsRate: z.record(z.string(), z.number()),
    otherEntrantsBasis: z.record(z.string(), z.enum(['demographic', 'entrants-data', 'default'])),
    replacement: z
      .object({
        years: z.array(z.number().int()),
        retirementRate: z.array(z.number()),
        deathRate: z.array(z.number()),
        byLevel: z.record(z.string(), z.number()),
        scenarioMultiplier: z.number(),
      })
      .nullable()
      .optional(),
    newSupply: z
      .object({
        years: z.array(z.number().int()),
        lfEntrants: z.array(z.number()),
        entryMix: z.record(z.string(), z.number()),
        graduatesEntering: numbersBy,
        otherEntrants: numbersBy,
      })
      .nullable()
      .optional(),
    sources: z.array(note).optional().meta({ description: 'Method notes and sources behind every flag, vi and en.' }),
    levels: z.array(z.number()),
    breaks: z.array(
      z.object({
        indicator: z.string(),
        region: z.string().optional(),
        period: z.string(),
        treatment: z.string(),
        reason: z.object({ vi: z.string(), en: z.string() }).optional(),
      }),
    ),
    notesVi: z.array(z.string()),
    notesEn: z.array(z.string()),
  })
  .meta({ id: 'Assumptions' });

/** GET /api/gaps response. */
export const gapsSchema = z
  .object({
    rows: z.array(gapRowSchema),
    region: z.string(),
    scenario: z.string(),
    horizon: z.number().int(),
    sort: z.string(),
    baseYear: z.number().int(),
    period: z.string(),
    thresholds: thresholdsSchema.nullable(),
    assumptions: assumptionsSchema
      .nullable()
      .meta({ description: "The scenario's assumptions behind every flag: thresholds, replacement and entry rates, demographic inflows, and their sources." }),
    status: z.literal('modelled'),
    basis: basisSchema.meta({ description: "Union of the rows' basis." }),
    source: z.string(),
    dataVersion: z.number().int(),
  })
  .meta({ id: 'Gaps' });

const pathSeries = columns;
const perItem = z.object({ total: z.number(), byItem: z.record(z.string(), z.number()) });
const trainingItemSchema = z.object({
  id: z.string(),
  group: z.enum(['level', 'stage', 'other']),
  nameVi: z.string(),
  nameEn: z.string(),
  atLeast: z.number().meta({ description: 'Persons to train by the target year ("at least"), as the decision states.' }),
  inTotal: z.boolean().meta({ description: 'Counts toward the total (levels and stages); AI specialists and lecturers come on top.' }),
});
const trainingPlanSchema = z
  .object({
    startYear: z.number().int(),
    targetYear: z.number().int(),
    total: z.number(),
    items: z.array(trainingItemSchema),
    cumulative: z
      .array(z.object({ year: z.number().int(), total: z.number(), byItem: z.record(z.string(), z.number()) }))
      .meta({ description: 'Cumulative graduates needed by the end of each year at an even pace.' }),
    evenPacePerYear: perItem,
    fromYear: z.number().int(),
    yearsLeft: z.number().int(),
    trainedSoFar: z.number().nullable().meta({ description: 'Trained since the start year as a source gives it; null = not known (nothing counted).' }),
    perYearFromNow: perItem.meta({ description: '(target − trained so far) ÷ years left, from fromYear to the target year.' }),
    output: z.object({
      value: z.number().nullable().meta({ description: "Today's training output (graduates a year); null = not known from a source." }),
      period: z.string().optional(),
      status: z.enum(OBSERVATION_STATUSES).optional(),
      source: z.string().optional(),
    }),
  })
  .meta({ id: 'TrainingPlan', description: 'A training target (Decision 1017/QĐ-TTg) laid out by year.' });
export const targetPathSchema = z
  .object({
    field: z.string(),
    kind: z
      .enum(['training', 'production', 'timeline'])
      .meta({ description: 'What the decision quantifies: people to train, tonnes to produce, or only a timeline.' }),
    decision: z.string(),
    decisionVi: z.string(),
    date: z.string().meta({ description: 'Date of the decision (YYYY-MM-DD).' }),
    quoteVi: z.string(),
    quoteEn: z.string().meta({ description: "The decision's own wording of its target (Vietnamese first)." }),
    basis: z.enum(['decision', 'assumption']).meta({ description: 'Basis of the workforce path: assumption (no decision sets a workforce stock).' }),
    targetLevel: z.number().nullable().meta({ description: 'Workforce level of the scenario path in the target year (assumption); null without a path.' }),
    targetYear: z.number().int(),
    qualification: z.string(),
    training: trainingPlanSchema.optional(),
    production: z.object({ min: z.number(), max: z.number(), unitVi: z.string(), unitEn: z.string(), startYear: z.number().int() }).optional(),
    exampleWorkersPerKt: z.number().optional().meta({ description: "Example workers per 1,000 t/yr for the user's assumption; not from the decision." }),
    milestones: z.array(z.object({ year: z.number().int(), textVi: z.string(), textEn: z.string() })).optional(),
    claims: z
      .array(z.object({ value: z.number(), textVi: z.string(), textEn: z.string(), source: z.string() }))
      .optional()
      .meta({ description: 'Figures said in the press that the decision does not contain (unverified).' }),
    latest: z.object({ period: z.string(), value: z.number(), source: z.string() }),
    trend: pathSeries,
    target: pathSeries,
    graduatesNeededPerYear: z.record(z.string(), z.number()),
    currentGraduatesPerYear: z.record(z.string(), z.number()),
    gap: z.record(z.string(), z.number()),
    trendShortfall: z.number().nullable(),
    noteVi: z.string(),
    noteEn: z.string(),
    status: z.literal('modelled'),
    dataBasis: basisSchema.meta({
      description:
        "Statuses of the observations the trend and graduates figures rest on (named apart from basis, which is the target's own: decision or assumption).",
    }),
    source: z.string(),
  })
  .meta({ id: 'TargetPath' });

/** GET /api/targets response. */
export const targetsSchema = z
  .object({
    targets: z.array(targetPathSchema),
    scenario: z.string(),
    baseYear: z.number().int(),
    status: z.literal('modelled'),
    dataBasis: basisSchema,
    dataVersion: z.number().int(),
  })
  .meta({ id: 'Targets' });
