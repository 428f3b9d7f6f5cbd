/**
 * Output shapes of the labour-market model (openings, new supply, imbalance,
 * targets, scenarios). Everything here is plain JSON-serialisable data: the api
 * stores it per dataset version and serves it without recomputing.
 *
 * Conventions
 * - Periods are labels (`2025`); horizons are whole years after `baseYear`.
 * - Every computed figure carries `status: 'modelled'` and a `source` text.
 * - `null` stands for "not defined" (e.g. a ratio with zero openings), never NaN/Infinity.
 */
import type { IntervalKind, ModelWeight } from '../forecast/types';
import type { ObservationStatus, Unit } from '../data/observation';

/** The four coordinates of a cell, without the period. */
export interface CellKey {
  /** Indicator code: `employment`, `labour_force`, `graduates`, … */
  indicator: string;
  /** `VN`, a socio-economic region code or a province code. */
  region: string;
  /** `TOTAL`, a VSIC section letter or a new-field code. */
  sector: string;
  /** `ALL` or a qualification level. */
  qualification: string;
}

/** One observed point of a cell's history. */
export interface HistoryPoint {
  period: string;
  value: number;
  /** `official`, `survey`, or `modelled` (a modelled input or an aggregate we summed). */
  status: ObservationStatus;
  source: string;
}

/** One prediction interval, one bound per forecast period (columnar). */
export interface LevelInterval {
  /** Percent, e.g. 80 or 95. */
  level: number;
  lower: number[];
  upper: number[];
}

/** A forecast in columns: `periods[i]` goes with `mean[i]` and every interval's `lower[i]`/`upper[i]`. */
export interface ColumnForecast {
  periods: string[];
  mean: number[];
  intervals: LevelInterval[];
}

/**
 * Backtest accuracy of the method used for this cell, measured by rolling
 * origin on the cell's own history, beside the naive benchmark on the same origins.
 * `null` when the history was too short to backtest.
 */
export interface CellAccuracy {
  /** Mean absolute scaled error of the forecast (lower is better; < naiveMase beats naive). */
  mase: number | null;
  /** Symmetric MAPE in percent (0–200). */
  smape: number | null;
  /** Share (0–1) of held-out points inside the 80% interval. */
  coverage80: number | null;
  /** Share (0–1) of held-out points inside the 95% interval. */
  coverage95: number | null;
  naiveMase: number | null;
  naiveSmape: number | null;
  /** Number of forecast origins the figures average over. */
  origins: number;
  /** Set when the engine's backtest threw: the figures are then empty (null, 0 origins). */
  failed?: { code: string; message: string };
}

/** How a declared series break was treated before fitting. */
export type BreakTreatment = 'fit-from-break' | 'splice';

/** A series break that applied to a cell, and what was done about it. */
export interface AppliedBreak {
  /** First period of the new series (e.g. `2021`). */
  period: string;
  treatment: BreakTreatment;
  /** For `splice`: factor applied to the pre-break values. */
  ratio?: number;
  reason?: { vi: string; en: string };
}

/** History and forecast of one cell. */
export interface CellForecast extends CellKey {
  unit: Unit;
  history: HistoryPoint[];
  /** Mean and intervals after reconciliation (means add up across the hierarchy). */
  forecast: ColumnForecast;
  /** Models combined by the engine, with weights. */
  models: ModelWeight[];
  intervalKind: IntervalKind;
  accuracy: CellAccuracy;
  break?: AppliedBreak;
  /** How hierarchy coherence was enforced for this cell's mean, if it was. */
  reconciliation?: Reconciliation;
  /**
   * National employment (VN × TOTAL × ALL) only: labour demand before the labour-force limit
   * (Σ sections of value added ÷ productivity, moved by the scenario's sector growth), persons,
   * aligned with `forecast.periods` (system/demand-line.ts).
   */
  demand?: number[];
  status: 'modelled';
  /**
   * Distinct statuses of the observations this figure rests on (its history and, for a total,
   * every detailed cell summed into it), in OBSERVATION_STATUSES order. Always set by the model;
   * includes `illustrative` when generated demonstration values lie underneath.
   */
  basis?: ObservationStatus[];
  /** e.g. "LMO forecast (auto) from GSO LFS 2010–2025 …" */
  source: string;
}

/**
 * COPS-style signal of one cell, read on `imbalanceShare` (cumulative new supply − openings over
 * the horizon ÷ base employment) against `Thresholds`:
 * - `shortage` / `surplus`: the share is below / above the thresholds;
 * - `balanced`: in between;
 * - `uncertain`: the 80% interval of the share reaches below the shortage threshold AND above the surplus one;
 * - `too-small`: fewer than `Thresholds.smallCell` workers in the base year or fewer than
 *   `Thresholds.minOpenings` openings over the horizon (never flagged, never ranked).
 */
export type Flag = 'shortage' | 'balanced' | 'surplus' | 'uncertain' | 'too-small';

/** How far to trust a flag. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * Openings, new supply and imbalance of one (region, sector, qualification)
 * over `horizon` years after the base year. Flows are totals over the horizon
 * (persons), not per year.
 */
export interface GapRow {
  region: string;
  sector: string;
  qualification: string;
  /** Years after the base year (1..10). */
  horizon: number;
  /** Last period of the horizon, e.g. `2030`. */
  period: string;
  /** Employment in the base year (persons). */
  employmentBase: number;
  /** Projected employment at the end of the horizon. */
  employmentEnd: number;
  /** `expansion + replacement` (negative when a cell sheds more jobs than it must replace). */
  openings: number;
  /**
   * Net change in employment over the horizon (`employmentEnd − employmentBase`, negative in a
   * shrinking cell). Adds up: a total's expansion is the sum of its parts' = its own change.
   */
  expansion: number;
  /** Retirements and deaths of the employed that must be refilled (age-based rates; see `Assumptions.replacement`). */
  replacement: number;
  /** Graduates × entry rate + other entrants from the demographic model (see `Assumptions.newSupply`). */
  newSupply: number;
  /** `newSupply − openings`, cumulative over the horizon (negative = shortage). */
  imbalance: number;
  /** 80% interval of `imbalance`. */
  imbalanceLower: number;
  imbalanceUpper: number;
  /** `imbalance ÷ employmentBase` (share, −0.02 = −2 %), the figure the flag reads; null when base employment is 0. */
  imbalanceShare: number | null;
  /** `newSupply / openings`; null when openings are ≤ 0. */
  ratio: number | null;
  flag: Flag;
  confidence: Confidence;
  /**
   * 1 = most severe shortage (lowest `imbalanceShare`) among comparable rows: same region, horizon
   * and aggregation level (sections × levels are ranked together; totals, broad groups and new
   * fields among themselves). null for a `too-small` row (never ranked).
   */
  rank: number | null;
  status: 'modelled';
  /**
   * Statuses of the observations the row rests on: the cell's employment basis and the graduates,
   * exits and entrants series feeding its supply and replacement demand (OBSERVATION_STATUSES order).
   */
  basis?: ObservationStatus[];
  source: string;
}

/**
 * How firm the WORKFORCE path of a new field is. No decision on the new fields sets a workforce
 * stock, so every workforce path is an `assumption`; `decision` is kept for a future target that does.
 */
export type TargetBasis = 'decision' | 'assumption';

/** What the decision quantifies: people to train, tonnes to produce, or only a timeline. */
export type TargetKind = 'training' | 'production' | 'timeline';

/** One quantified line of a training target (e.g. ≥ 7,500 master's). */
export interface TrainingTargetItem {
  id: string;
  /** `level` (by degree), `stage` (by value-chain stage) or `other` (AI specialists, lecturers). */
  group: 'level' | 'stage' | 'other';
  nameVi: string;
  nameEn: string;
  /** Persons to train by the target year ("at least"). */
  atLeast: number;
  /** True when the line counts toward `total` (levels and stages do; AI specialists and lecturers are extra). */
  inTotal: boolean;
}

/** Today's training output for the field, only as a source gives it. */
export interface TrainingOutput {
  /** Graduates a year; null = not known from a source. */
  value: number | null;
  period?: string;
  status?: ObservationStatus;
  source?: string;
}

/** A figure said about a field that no decision contains (shown, if at all, as a claim). */
export interface UnverifiedClaim {
  value: number;
  textVi: string;
  textEn: string;
  source: string;
}

/** A policy target for a new field, as the decision states it. */
export interface TargetSpec {
  /** Sector code of the new field: `semiconductors`, `hydrogen`, `carbon-markets`. */
  field: string;
  kind: TargetKind;
  /** Citation in English, e.g. "Decision 1017/QĐ-TTg (21 Sep 2024)". */
  decision: string;
  /** Citation in Vietnamese, e.g. "Quyết định 1017/QĐ-TTg ngày 21/9/2024". */
  decisionVi: string;
  /** Date of the decision, ISO (YYYY-MM-DD). */
  date: string;
  /** The decision's own wording of the target (Vietnamese) and its English rendering. */
  quoteVi: string;
  quoteEn: string;
  /** Basis of the workforce path derived for the scenarios (always `assumption` today). */
  basis: TargetBasis;
  /** Year the target refers to (2030; 2028 for the carbon market's official operation). */
  year: number;
  /** Qualification level of the field's workforce series the path and trend use, or `ALL`. */
  qualification: string;
  /** Training target (kind `training`): start year, total and its lines. */
  training?: { startYear: number; total: number; items: TrainingTargetItem[]; output: TrainingOutput };
  /** Production target (kind `production`), e.g. 100,000–500,000 t a year. */
  production?: { min: number; max: number; unitVi: string; unitEn: string; startYear: number };
  /** Example workers per thousand tonnes a year (an assumption, never from the decision). */
  exampleWorkersPerKt?: number;
  /** Dated steps of a timeline (kind `timeline`). */
  milestones?: { year: number; textVi: string; textEn: string }[];
  /** Figures said in the press or by industry that the decision does not contain. */
  claims?: UnverifiedClaim[];
  noteVi: string;
  noteEn: string;
}

/** A yearly path with intervals (columnar). */
export interface PathSeries extends ColumnForecast {}

/** The training target laid out by year (semiconductors, Decision 1017/QĐ-TTg). */
export interface TrainingPlan {
  startYear: number;
  targetYear: number;
  total: number;
  items: TrainingTargetItem[];
  /** Cumulative graduates needed by the end of each year at an even pace, startYear..targetYear (total and per item). */
  cumulative: { year: number; total: number; byItem: Record<string, number> }[];
  /** Graduates a year at an even pace over the whole period (total and per item). */
  evenPacePerYear: { total: number; byItem: Record<string, number> };
  /** First year still ahead (base year + 1) and the years left to the target year, inclusive. */
  fromYear: number;
  yearsLeft: number;
  /** Trained since startYear as a source gives it; null = not known (then nothing is counted). */
  trainedSoFar: number | null;
  /** Graduates a year needed from `fromYear` on: (target − trained so far) ÷ years left. */
  perYearFromNow: { total: number; byItem: Record<string, number> };
  /** Today's training output, only where a source gives it. */
  output: TrainingOutput;
}

/** Trend forecast of one new field beside what its decision says (national). */
export interface TargetPath {
  field: string;
  kind: TargetKind;
  decision: string;
  decisionVi: string;
  date: string;
  quoteVi: string;
  quoteEn: string;
  /** Basis of the workforce path (`assumption`: no decision sets a workforce stock). */
  basis: TargetBasis;
  /** Workforce level of the scenario path in the target year (persons); null when there is no path. */
  targetLevel: number | null;
  targetYear: number;
  qualification: string;
  training?: TrainingPlan;
  production?: TargetSpec['production'];
  exampleWorkersPerKt?: number;
  milestones?: TargetSpec['milestones'];
  claims?: UnverifiedClaim[];
  /** Latest observed workforce of the field (the workforce path starts here). */
  latest: { period: string; value: number; source: string };
  /** Engine forecast of the field's workforce from its history. */
  trend: PathSeries;
  /** Workforce path used by the policy scenarios (assumption); empty when the decision gives none. */
  target: PathSeries;
  /** Graduates per year needed at each qualification level to follow the workforce path (average over the years to the target). */
  graduatesNeededPerYear: Record<string, number>;
  /** Latest modelled graduates per year entering the field, by level. */
  currentGraduatesPerYear: Record<string, number>;
  /** `needed − current` per level; positive = training must expand. */
  gap: Record<string, number>;
  /** Target-year workforce path − trend mean (persons); null when there is no path. */
  trendShortfall: number | null;
  noteVi: string;
  noteEn: string;
  status: 'modelled';
  /**
   * Statuses of the observations the trend and the graduates figures rest on (OBSERVATION_STATUSES
   * order): the `basis` of forecasts and gap rows, named apart because `basis` here is the target's own.
   */
  dataBasis?: ObservationStatus[];
  source: string;
}

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
  /** Factor on the system's retirement rate per forecast year (a later retirement path). */
  retirementFactor?: readonly number[];
  /** The validated parameters the scenario was built from (presets and planners' scenarios). */
  parameters?: Record<string, unknown>;
  /** Override of the share of graduates who enter the labour market; null = use the base rate. */
  entryRate: number | null;
  /** Multiplier on exit (replacement) rates; 1 = base. */
  exitRate: number;
  /** For policy-target scenarios: share (0–1) of each new field's target path reached. */
  targetAttainment?: number;
}

/**
 * Flag thresholds on `imbalanceShare` = cumulative (new supply − openings) over the horizon ÷ base
 * employment (COPS-style). shortage if share < shortageBelow; surplus if share > surplusAbove; else
 * balanced. The map colours use exactly these numbers.
 */
export interface Thresholds {
  /** The figure the thresholds apply to (issue 12: always the share of base employment). */
  measure?: 'imbalance-share';
  /** Share of base employment, negative (default −0.02 = −2 %). */
  shortageBelow: number;
  /** Share of base employment (default +0.02 = +2 %). */
  surplusAbove: number;
  /** Cells with fewer base-year workers than this are `too-small` (default 5,000). */
  smallCell: number;
  /** Cells with fewer openings over the horizon than this are `too-small` (default 500). */
  minOpenings?: number;
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

/** How coherence was enforced: OLS projection, or MinT with a shrunk covariance. */
export type Reconciliation = 'ols' | 'mint-shrink';

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
