/**
 * Response shapes the web app reads. Each response type is inferred from the typed `hc` client
 * (the API's own route types), so a change on the server fails `tsc -p web` here instead of
 * surfacing as a blank chart; parts are named by indexing into them. The adapters in adapters/
 * and features/* are the only code that depends on them.
 */
import type { InferResponseType } from 'hono/client';
import type { StatusCode } from 'hono/utils/http-status';
import type { Client } from './client';
import type { ScenarioParameters, ParameterSpec, BaselineValues } from '@lmo/models/labour';

export type Status = 'official' | 'international' | 'modelled' | 'survey' | 'illustrative';

/** The success body of a typed client call (status 200 unless given), as Hono infers it from the API's routes. */
export type Ok<F, S extends StatusCode = 200> = F extends (...args: never[]) => unknown ? InferResponseType<F, S> : never;

type Api = Client['api'];

/** /api/meta: code lists, periods, scenarios and sources of the current dataset version. */
export type Meta = Ok<Api['meta']['$get']>;

export type RegionMeta = Meta['regions'][number];
export type SectorMeta = Meta['sectors'][number];
export type ScenarioMeta = Meta['scenarios'][number];
export type IndicatorMeta = Meta['indicators'][number];
/** A code with its Vietnamese and English names (qualifications, and the base of every code list). */
export type NamedCode = Meta['qualifications'][number];

/**
 * One (level of detail, status) row of /api/meta `dataLevels` (models/src/labour/data-levels.ts), as the
 * API serves it: `sources` cut to the most frequent families, with the counts before the cut.
 */
export type DataLevelRow = NonNullable<Meta['dataLevels']>[number];

/** GET /api/series: one cell's observations, columnar (`periods[i]` goes with `values[i]`, `status[i]`, `source[i]`). */
export type SeriesResponse = Ok<Api['series']['$get']>;

/** GET /api/forecasts: one cell's history and forecast with its intervals. */
export type ForecastResponse = Ok<Api['forecasts']['$get']>;

/** GET /api/gaps: gap rows with the scenario's assumptions and thresholds. */
export type GapsResponse = Ok<Api['gaps']['$get']>;

/** One gap cell of GET /api/gaps. */
export type GapRow = GapsResponse['rows'][number];

/** GET /api/targets: target paths; `dataBasis` is the union of the targets' data bases. */
export type TargetsResponse = Ok<Api['targets']['$get']>;

/** One target path of GET /api/targets. */
export type TargetPath = TargetsResponse['targets'][number];

/** GET /api/scenarios: presets, lever specs and the baseline values shown beside each lever. */
export type ScenarioCatalogue = Ok<Api['scenarios']['$get']>;

/** A named preset of GET /api/scenarios. */
export type ScenarioPreset = ScenarioCatalogue['presets'][number];

/** GET /api/scenarios/:id. */
export type ScenarioRecord = Ok<Api['scenarios'][':id']['$get']>;

/** 201 of POST /api/scenarios. */
export type CreatedScenario = Ok<Api['scenarios']['$post'], 201>;
/** 202 of POST /api/scenarios/engine: the engine's state after the request. */
export type ScenarioEngineState = Ok<Api['scenarios']['engine']['$post'], 202>;

/** GET /api/accuracy: the served version's backtest report. */
export type AccuracyResponse = Ok<Api['accuracy']['$get']>;

export type {
  CellAccuracy as Accuracy,
  Flag,
  Confidence,
  HistoryPoint as SeriesPoint,
  ColumnForecast,
  Assumptions,
  AssumptionNote,
  Thresholds,
  ParameterUnit,
} from '@lmo/models/labour';

export type { ScenarioParameters, ParameterSpec };

/** The baseline values the builder shows beside each lever (GET /api/scenarios `baseline`). */
export type ScenarioBaseline = BaselineValues;
