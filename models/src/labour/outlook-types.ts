/**
 * Shapes of a whole outlook: the scenario (its assumptions as levers), the assumptions shown
 * beside the figures, the backtest accuracy summary, and one `Outlook` per scenario.
 */
import type { BreakTreatment, CellForecast, Reconciliation } from './cell-types';
import type { GapRow, Thresholds } from './gap-types';
import type { TargetPath } from './target-types';

/** A named set of assumptions. All rates are per year, as fractions (0.02 = 2%). */
export interface Scenario {
  id: string;
  nameVi: string;
  nameEn: string;
  description: { vi: string; en: string };
  /**
   * Extra annual employment growth added to the base forecast, by sector code
   * (`*` applies to every sector without its own entry). 0.01 = +1 pp a year.
   */
  sectorGrowth: Record<string, number | readonly number[]>;
  /** Relative change in graduates per year vs the base projection (0.1 = +10%). */
  trainingCapacityChange: number;
  /**
   * Relative change in graduates a year by level (0.2 = +20 %), constant or per forecast year
   * (t = 1..H); replaces `trainingCapacityChange` for the levels it names.
   */
  trainingByLevel?: Record<string, number | readonly number[]>;
  /** Extra workers per forecast year (t = 1..H) by new field, national; shared over the field's cells like its trend. */
  fieldBoost?: Record<string, readonly number[]>;
  /** Change of the national labour force (persons) per forecast year, from participation and retirement levers. */
  labourForceChange?: readonly number[];
  /**
   * Extra labour-force entrants (persons) per forecast year (t = 1..H) from the participation lever:
   * the year's change in its part of `labourForceChange`. They add to new supply (other-entrants.ts).
   * A later retirement age adds none: its workers stay, and fewer retirements lower openings instead.
   */
  entrantsChange?: readonly number[];
  /** Factor on the system's retirement rate per forecast year (a later retirement path). */
  retirementFactor?: readonly number[];
  /** The validated parameters the scenario was built from (presets and planners' scenarios). */
  parameters?: Record<string, unknown>;
  /** Override of the share of graduates who enter the labour market; null = use the base rate. */
  entryRate: number | null;
  /** Multiplier on exit (replacement) rates; 1 = base. */
  exitRate: number;
  /**
   * Share (0–1) of graduates who take work outside the province where the data place them (where
   * they study), shared among provinces by base-year employment in their sector and level; the rest
   * stay. Absent or 0: graduates count where the data place them. National totals do not change.
   */
  graduateMobility?: number;
  /** For policy-target scenarios: share (0–1) of each new field's target path reached. */
  targetAttainment?: number;
}
/** Where a replacement rate comes from. */
export type ReplacementBasis = 'demographic' | 'exits-data' | 'default';

/** A bilingual assumption with its source, as shown beside a flag. */
export interface AssumptionNote {
  id: string;
  vi: string;
  en: string;
  source: string;
}

/** The assumptions one outlook used, for display beside the figures. */
export interface Assumptions {
  thresholds: Thresholds;
  /**
   * Replacement rate by sector as used (fraction of employment per year, averaged over the horizon,
   * employment-weighted over provinces and levels, × the scenario's exit multiplier) and where it came
   * from: `demographic` (the national system's retirement + death rates through the national age
   * profile), `exits-data` (measured `exits` observations of the cell), `default` (documented rates,
   * only when no national system is available).
   */
  exitRates: { sector: string; rate: number; basis: ReplacementBasis }[];
  /** Share of graduates entering the labour market (after the scenario's training-capacity change). */
  entryRate: number;
  /** Mobility between sections is no longer added to supply (it double counted net expansion): always 0. */
  mobilityRate: number;
  /** Other entrants per year as a share of base employment, by level (mean over the horizon). */
  otherEntrantsRate: Record<string, number>;
  /** `demographic` (national system's entrants × entry mix − graduates), `entrants-data`, or the documented `default`. */
  otherEntrantsBasis: Record<string, 'demographic' | 'entrants-data' | 'default'>;
  /** The age-based replacement rates behind `exitRates`; null without a national system. */
  replacement?: {
    /** Forecast years (base+1 …). */
    years: number[];
    /** Per year, share of employment retiring / dying (national age profile of employment). */
    retirementRate: number[];
    deathRate: number[];
    /** Per-level multipliers (older cohorts hold less attainment). */
    byLevel: Record<string, number>;
    /** Multiplier of the scenario (1 = base). */
    scenarioMultiplier: number;
  } | null;
  /** The demographic inflow behind `otherEntrantsRate`; null without a national system. */
  newSupply?: {
    years: number[];
    /** Labour-force entrants per year (persons, demographic model). */
    lfEntrants: number[];
    /** Entry mix over levels (shares summing to 1). */
    entryMix: Record<string, number>;
    /** Per level and year: graduates entering (base entry rate × graduates), persons. */
    graduatesEntering: Record<string, number[]>;
    /** Per level and year: other entrants = max(0, entrants × mix − graduates entering), persons. */
    otherEntrants: Record<string, number[]>;
  } | null;
  /** Method notes and sources behind every flag (national system methods + openings, supply and thresholds). */
  sources?: AssumptionNote[];
  /** Levels of the intervals carried through. */
  levels: number[];
  breaks: { indicator: string; region?: string; period: string; treatment: BreakTreatment; reason?: { vi: string; en: string } }[];
  notesVi: string[];
  notesEn: string[];
}
/** Mean backtest accuracy of employment cells at one level of detail. */
export interface AccuracySummaryRow {
  tier: 'national-regional' | 'province-totals' | 'detailed';
  cells: number;
  mase: number;
  naiveMase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
  /** Share (0–1) of cells where the engine's MASE beat naive's. */
  shareBeatingNaive: number;
}

/** Backtest accuracy over all employment cells (for the methodology page). */
export interface AccuracySummary {
  rows: AccuracySummaryRow[];
  note: string;
  /** Shown cells whose backtest failed (left out of the rows), by error code. */
  failures: { total: number; byCode: Record<string, number> };
}

/** Everything shown for one scenario. */
export interface Outlook {
  dataVersion?: string;
  scenario: Scenario;
  /** Last observed year the projections start from. */
  baseYear: number;
  /** Maximum horizon in years (gaps exist for 1..horizon). */
  horizon: number;
  /** Employment cells (scenario-adjusted) and national official series. */
  forecasts: CellForecast[];
  gaps: GapRow[];
  targets: TargetPath[];
  assumptions: Assumptions;
  reconciliation: Reconciliation;
  /** Backtest accuracy of the employment forecasts vs naive, by level of detail (same for every scenario). */
  accuracy?: AccuracySummary;
}

/** What `computeOutlook` returns for one dataset version: one Outlook per scenario. */
export interface OutlookSet {
  dataVersion?: string;
  baseYear: number;
  horizon: number;
  scenarios: Scenario[];
  outlooks: Record<string, Outlook>;
  /** Wall-clock milliseconds spent, for logs. */
  timingMs: Record<string, number>;
}
