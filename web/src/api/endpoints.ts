import { client } from './client';
import { readJson } from './problem';
import type {
  AccuracyResponse,
  CreatedScenario,
  ForecastResponse,
  GapsResponse,
  Meta,
  ScenarioCatalogue,
  ScenarioParameters,
  ScenarioEngineState,
  ScenarioRecord,
  SeriesResponse,
  TargetsResponse,
} from './types';

/** Identifies one cell of the data cube. */
export interface CellParams {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
}

export interface ForecastParams extends CellParams {
  horizon: number;
  scenario: string;
}

export interface GapParams {
  region: string;
  horizon: number;
  scenario: string;
  sector?: string;
  qualification?: string;
}

/** Strips undefined values: the query validators reject empty strings. */
function query<T extends object>(params: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') out[key] = String(value);
  return out;
}

const api = client.api;

export const fetchMeta = async (signal?: AbortSignal): Promise<Meta> => readJson<Meta>(await api.meta.$get(undefined, { init: { signal } }));

/** One cell's observations, columnar, as the API serves them. */
export const fetchSeries = async (params: CellParams, signal?: AbortSignal): Promise<SeriesResponse> =>
  readJson<SeriesResponse>(await api.series.$get({ query: query(params) }, { init: { signal } }));

export const fetchForecast = async (params: ForecastParams, signal?: AbortSignal): Promise<ForecastResponse> =>
  readJson<ForecastResponse>(await api.forecasts.$get({ query: query({ ...params, levels: '80,95' }) }, { init: { signal } }));

export const fetchGaps = async (params: GapParams, signal?: AbortSignal): Promise<GapsResponse> =>
  readJson<GapsResponse>(await api.gaps.$get({ query: query(params) }, { init: { signal } }));

export const fetchTargets = async (params: { scenario: string }, signal?: AbortSignal): Promise<TargetsResponse> =>
  readJson<TargetsResponse>(await api.targets.$get({ query: query(params) }, { init: { signal } }));

/** The served version's backtest accuracy (methodology page): its type is the API's own. */
export const fetchAccuracy = async (signal?: AbortSignal): Promise<AccuracyResponse> =>
  readJson<AccuracyResponse>(await api.accuracy.$get(undefined, { init: { signal } }));

// Scenarios (issue 13).
/** Presets, lever specs and the baseline values the builder shows beside each lever. */
export const fetchScenarioCatalogue = async (signal?: AbortSignal): Promise<ScenarioCatalogue> =>
  readJson<ScenarioCatalogue>(await api.scenarios.$get(undefined, { init: { signal } }));

/** One scenario's parameters (a preset or a user-built one); 404 once it has expired. */
export const fetchScenario = async (id: string, signal?: AbortSignal): Promise<ScenarioRecord> =>
  readJson<ScenarioRecord>(await api.scenarios[':id'].$get({ param: { id } }, { init: { signal } }));

/** Asks the server to fit its scenario engine now, so the first scenario built answers quickly. */
export const warmScenarioEngine = async (): Promise<ScenarioEngineState> => readJson<ScenarioEngineState>(await api.scenarios.engine.$post());

/** Creates (or finds) the scenario of a parameter set; answers once it is computed. 400 names each bad parameter. */
export const createScenario = async (parameters: ScenarioParameters, signal?: AbortSignal): Promise<CreatedScenario> =>
  readJson<CreatedScenario>(await api.scenarios.$post({ json: parameters }, { init: { signal } }));

/** Link to the API's CSV export of the same view (formula-injection-safe on the server). */
export function exportCsvHref(view: 'series' | 'forecasts' | 'gaps', params: object): string {
  return `/api/export.csv?${new URLSearchParams({ view, ...query(params) }).toString()}`;
}
