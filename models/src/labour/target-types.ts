/**
 * Shapes of the new fields' policy targets: what a decision states (`TargetSpec`), the training
 * plan laid out by year, and the trend beside the target path (`TargetPath`).
 */
import type { ObservationStatus } from '../data/observation';
import type { ColumnForecast } from './cell-types';

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

/**
 * Trend forecast of one new field beside what its decision says (national); the decision's
 * fields as in its TargetSpec (`basis` is `assumption`: no decision sets a workforce stock).
 */
export interface TargetPath extends Pick<TargetSpec, 'field' | 'kind' | 'decision' | 'decisionVi' | 'date' | 'quoteVi' | 'quoteEn' | 'basis'> {
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
