/**
 * Response shapes the web app reads. They mirror models/src/labour/types.ts as served by
 * the API; the adapters in features/* are the only code that depends on them.
 */
import type { GapRow, TargetPath, Assumptions, Thresholds } from '@lmo/models/labour/types';
import type { DataLevelRow as ModelDataLevelRow } from '@lmo/models/labour/data-levels';
import type { ScenarioParameters } from '@lmo/models/labour/scenario-params/schema';
import type { ParameterSpec } from '@lmo/models/labour/scenario-params/specs';
import type { BaselineValues } from '@lmo/models/labour/scenario-params/baseline';

export type Status = 'official' | 'international' | 'modelled' | 'survey' | 'illustrative';

export interface NamedCode {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface RegionMeta extends NamedCode {
  level: 'country' | 'region' | 'province';
  parent?: string | null;
}

export interface SectorMeta extends NamedCode {
  /** `total`, `broad` (industry/services groups), `section` (VSIC letter) or `field` (new field). */
  level?: string;
  /** False for new fields: they sit inside a section and are not added again into totals. */
  additive?: boolean;
  parent?: string | null;
  /** True for the ministry's new fields (semiconductors, hydrogen, carbon markets, AI & digital). */
  newField?: boolean;
  scopeVi?: string;
  scopeEn?: string;
}

export interface ScenarioMeta extends NamedCode {
  id: string;
  descriptionVi?: string;
  descriptionEn?: string;
}

export interface IndicatorMeta extends NamedCode {
  unit: 'persons' | 'percent' | 'billion_vnd';
  descriptionVi?: string;
  descriptionEn?: string;
}

/** /api/meta: code lists, periods, scenarios and sources of the current dataset version. */
export interface Meta {
  regions: RegionMeta[];
  /** The 63 provinces before the 1 July 2025 merger, each with the code of the unit it is now part of. */
  formerProvinces?: (NamedCode & { current: string; formerRegion: string })[];
  sectors: SectorMeta[];
  qualifications: NamedCode[];
  indicators: IndicatorMeta[];
  scenarios: ScenarioMeta[];
  periods?: { observed: string[]; first: string | null; last: string | null; baseYear: number | null; forecastTo: string | null; maxHorizonYears: number };
  /** Citation families (years as a span, per-province tails merged); `citations` = raw citations merged. */
  sources?: { citation: string; status: string; rows: number; citations?: number }[];
  dataVersion?: { id: number; label: string; createdAt: string } | null;
  /** Which levels of detail and years are official, international, modelled or illustrative. */
  dataLevels?: DataLevelRow[];
}

/**
 * One (level of detail, status) row of /api/meta `dataLevels` (models/src/labour/data-levels.ts), as the
 * API serves it: `sources` cut to the most frequent families (citations that differ only by year or a
 * per-province tail merged), with the counts before the cut.
 */
export type DataLevelRow = Omit<ModelDataLevelRow, 'level'> & {
  /** e.g. `national-total`, `provinces`, `province-section-qualification`, `graduates`. */
  level: string;
  /** Distinct source families in all (`sources` is cut from that list); absent from older servers. */
  sourceCount?: number;
  /** Distinct raw citations before merging. */
  citationCount?: number;
};

export type {
  CellForecast as ForecastResponse,
  CellAccuracy as Accuracy,
  GapRow,
  Flag,
  Confidence,
  TargetPath,
  HistoryPoint as SeriesPoint,
  ColumnForecast,
  Assumptions,
  AssumptionNote,
  Thresholds,
} from '@lmo/models/labour/types';

export interface GapsResponse {
  rows: GapRow[];
  /** The scenario's assumptions behind every flag (rates, thresholds, sources); shown beside the flags. */
  assumptions?: Assumptions | null;
  /** Flag thresholds, shares of base employment over the horizon (−0.02 = −2 %). */
  thresholds?: Thresholds | null;
  source?: string;
  status?: Status;
  /** Union of the rows' `basis`: the statuses of the observations the rows rest on. */
  basis?: Status[];
}

export interface TargetsResponse {
  targets: TargetPath[];
  /** Union of the targets' `dataBasis` (their `basis` is the target's own: decision or assumption). */
  dataBasis?: Status[];
}

export type { ScenarioParameters, ParameterSpec };
export type { ParameterUnit } from '@lmo/models/labour/scenario-params/specs';

/** A named preset of GET /api/scenarios: a parameter set with a name and a description. */
export interface ScenarioPreset {
  id: string;
  nameVi: string;
  nameEn: string;
  descriptionVi?: string;
  descriptionEn?: string;
  parameters: ScenarioParameters;
}

/** The baseline values the builder shows beside each lever (GET /api/scenarios `baseline`). */
export type ScenarioBaseline = BaselineValues;

/** GET /api/scenarios. Specs' `default` is null where the baseline differs by key (NaN in the models), `keys` null for a plain lever. */
export interface ScenarioCatalogue {
  presets: ScenarioPreset[];
  /** Whether the server's scenario engine has fitted the served version (the first scenario waits for it). */
  engine?: 'idle' | 'warming' | 'ready';
  specs: (Omit<ParameterSpec, 'default' | 'keys'> & { default: number | null; keys: string[] | null })[];
  baseline: ScenarioBaseline | null;
}

/** GET /api/scenarios/:id. */
export interface ScenarioRecord {
  id: string;
  parameters: ScenarioParameters;
  preset: boolean;
  nameVi?: string;
  nameEn?: string;
}

/** 201 of POST /api/scenarios. */
export interface CreatedScenario {
  id: string;
  parameters: ScenarioParameters;
}
