/**
 * Response shapes the web app reads. They mirror models/src/labour/types.ts as served by
 * the API; the adapters in features/* are the only code that depends on them.
 */
export type Status = 'official' | 'modelled' | 'survey';

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
  parent?: string | null;
  /** True for the ministry's new fields (semiconductors, hydrogen, carbon markets, AI & digital). */
  newField?: boolean;
  scopeVi?: string;
  scopeEn?: string;
}

export interface ScenarioMeta extends NamedCode {
  id: string;
  description?: { vi: string; en: string } | string;
}

export interface IndicatorMeta extends NamedCode {
  unit: 'persons' | 'percent';
  descriptionVi?: string;
  descriptionEn?: string;
}

export interface Meta {
  regions: RegionMeta[];
  sectors: SectorMeta[];
  qualifications: NamedCode[];
  indicators: IndicatorMeta[];
  scenarios: ScenarioMeta[];
  periods?: string[] | { first: string; last: string };
  sources?: { id?: string; citation: string; status?: Status; url?: string }[];
  dataVersion?: string | number | null;
}

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
} from '@lmo/models/labour/types';
import type { GapRow, TargetPath, Assumptions } from '@lmo/models/labour/types';

export interface GapsResponse {
  rows: GapRow[];
  assumptions?: Assumptions;
  thresholds?: { shortageBelow: number; surplusAbove: number };
  source?: string;
  status?: Status;
}

export interface TargetsResponse {
  targets: TargetPath[];
}
