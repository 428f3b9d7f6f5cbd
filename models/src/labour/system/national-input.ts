/** The input and result of the national system (national-system.ts), in their own module so its steps can share them. */
import type { PathForecaster } from '../composition/forecaster';
import type { BreakSpec } from '../breaks';
import type { EconomyDemand, SectionDemand, SectionHistory } from './demand';
import type { NationalSystem } from './types';

export interface SystemInput {
  baseYear: number;
  horizon: number;
  levels: number[];
  forecaster: PathForecaster;
  /** National employment by section (the grid's VN × section × ALL history, last = base year). */
  sections: Record<string, SectionHistory>;
  broadOf: (section: string) => string;
  /** National employment (grid VN × TOTAL × ALL) history, last = base year. */
  national: SectionHistory;
  /** Qualification levels and the national shares in the grid's first and base years. */
  qualification?: { levels: string[]; firstShares: number[]; baseShares: number[] };
  /** Declared break of the labour force / employment (default 2021, ratio estimated). */
  break?: BreakSpec;
  exitShare?: number;
  minUnemploymentRate?: number;
  /** Largest yearly fall of the unemployment rate when capped (share; default {@link MAX_RATE_FALL_PER_YEAR}). */
  maxRateFallPerYear?: number;
  valueAddedMultiplier?: (section: string) => readonly number[] | undefined;
}

export interface SystemResult {
  system: NationalSystem;
  /** Capped employment by section, baseYear+1 … baseYear+H (Σ = system employment). */
  sectionPaths: Record<string, number[]>;
  /** Relative half-widths of each section's share (forecast years), by level: `lower`/`upper` ≥ 0. */
  sectionShareRel: Record<string, { level: number; lower: number[]; upper: number[] }[]>;
  demand: Record<string, SectionDemand>;
  /** Broad-sector productivity trends and the long-run aggregate behind the demand paths. */
  productivity: Omit<EconomyDemand, 'sections'>;
  /** Ratio applied to pre-break official labour force and employment (1 = none). */
  spliceRatio: number;
  breakYear: number;
}
