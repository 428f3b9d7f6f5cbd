import type { LongIssue } from './csv-sniff';
import type { LabourStatus, MicrodataColumn } from './microdata-columns';
import type { Observation } from './observation';

/** One respondent as read from a file: raw strings (or numbers) per column. */
export type MicrodataRecord = Partial<Record<MicrodataColumn, string | number>>;

/** Machine-readable reason a microdata row or file was rejected. */
export type MicrodataErrorCode =
  | 'MISSING_VALUE'
  | 'UNKNOWN_PROVINCE'
  | 'NOT_A_PROVINCE'
  | 'UNKNOWN_SECTOR'
  | 'UNKNOWN_QUALIFICATION'
  | 'BAD_STATUS'
  | 'BAD_AGE'
  | 'AGE_OUT_OF_RANGE'
  | 'BAD_WEIGHT'
  | 'NEGATIVE_WEIGHT'
  | 'ZERO_WEIGHT'
  | 'WEIGHT_TOO_LARGE'
  | 'WEIGHTS_EXCEED_POPULATION'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'EMPTY_FILE'
  | 'CSV_SYNTAX';

/**
 * A problem in the file, shaped like the long format's `LongIssue`: `line` is
 * the 1-based physical line (header = 1), `column` the canonical column name
 * (`province`, `weight`, …) or null for file-level problems.
 */
export interface MicrodataError extends LongIssue {
  code: MicrodataErrorCode;
}

/** Sampling quality of one output cell, parallel to `observations`. */
export interface MicrodataQuality {
  indicator: string;
  period: string;
  region: string;
  sector: string;
  qualification: string;
  /** Unrounded weighted estimate (persons). */
  estimate: number;
  /** Standard error, same unit as the estimate. */
  se: number;
  /** Coefficient of variation se/estimate (0–1); null when the estimate is 0. */
  cv: number | null;
  /** Respondents behind the cell (unweighted count). */
  respondents: number;
  /** Cedefop: "use with caution". */
  caution: boolean;
  reasons: ('under-threshold' | 'high-cv')[];
}

export interface MicrodataOptions {
  /** Reference period of the survey: `2024` or `2024-Q2`. */
  period: string;
  /** Citation for the output rows, e.g. "GSO LFS 2024 microdata (upload lfs-2024.csv)". */
  source: string;
  /** True when records carry a `psu` (ultimate-cluster variance). */
  clustered?: boolean;
  /** Inclusive age range accepted; default 15–120 (the LFS labour module covers 15+). */
  ageRange?: [number, number];
  /** Cedefop caution thresholds; default 10,000 people and CV 0.30. */
  caution?: { minPersons?: number; maxCv?: number };
  /** Errors kept in detail; the rest are only counted. Default 100. */
  maxErrors?: number;
}

export interface MicrodataResult {
  /** True when there were no errors (warnings allowed). */
  ok: boolean;
  /** Empty when there were errors: nothing may be written from a bad file. */
  observations: Observation[];
  quality: MicrodataQuality[];
  errors: MicrodataError[];
  /** All errors, including those beyond `maxErrors`. */
  errorCount: number;
  warnings: string[];
  stats: {
    rows: number;
    validRows: number;
    byStatus: Record<LabourStatus, number>;
    weightTotal: number;
    formerProvinceRows: number;
    strata: number;
    singletonStrata: number;
    estimator: string;
  };
}

/** Streaming aggregator: `push(record, line)` per respondent, then `finish()`. */
export interface MicrodataAggregator {
  /** Validates and adds one respondent; returns false (and records errors) when the row is rejected. */
  push(record: MicrodataRecord, line: number): boolean;
  /** Records a file-level error (e.g. a missing column) found by the reader. */
  fail(error: MicrodataError): void;
  finish(): MicrodataResult;
}
