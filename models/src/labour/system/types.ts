/**
 * The national labour-market system (issue 12): supply from demography, demand from the economy,
 * one set of national totals that every detailed figure is a share of.
 * Produced once per dataset version on `BaseProjection.system`; openings, supply and scenarios read it.
 */

import type { SystemLevers } from './levers';

/** A central path with nested prediction intervals (same length as `mean`). */
export interface Band {
  mean: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
}

/** A plain-language method note for the methodology page. */
export interface SystemMethod {
  id: string;
  vi: string;
  en: string;
  source: string;
}

/** The national system: labour force, employment and their flows, history then forecast. */
export interface NationalSystem {
  baseYear: number;
  /** Annual years, history then forecast; `years[baseIndex] === baseYear`. */
  years: number[];
  baseIndex: number;
  /** Persons; history on the 2021+ LFS basis (spliced), forecast = Σ population × participation, calibrated to the official base year. */
  labourForce: Band;
  /** Persons; Σ sections (demand from value added ÷ productivity), capped at labourForce × (1 − u_t), u_t falling toward minUnemploymentRate by at most `maxRateFallPerYear` a year. */
  employment: Band;
  /** Percent, = 100 × (1 − employment / labourForce) in every year. */
  unemploymentRate: number[];
  /**
   * Percent: `mean` = `unemploymentRate`; forecast intervals = the system's rate ± the half-widths of
   * the engine's forecast of the official rate (post-break years), clamped to [0, 100]. The
   * employment band is derived from it: E_lower = LF_lower × (1 − u_upper), E_upper =
   * min(LF_upper × (1 − u_lower), demand upper). History intervals equal the mean.
   */
  unemploymentBand?: Band;
  /**
   * Forecast years only (index 0 = baseYear+1), percentage points ≥ 0: the half-widths of the engine's
   * forecast of the official rate, before clamping, so a scenario can centre them on its own rate.
   */
  unemploymentHalfWidths?: { level: number; lower: number[]; upper: number[] }[];
  /** Population aged 15+ (persons), every year. */
  population15: number[];
  /** Forecast years only (index 0 = baseYear+1): young cohorts entering + re-entrants, persons per year. */
  lfEntrants: number[];
  /** Forecast years only: retirements + deaths (+ net emigration) of the labour force, persons per year. */
  lfExits: number[];
  /** Forecast years only: replacement rates as a share of employment (age profile × retirement crossings; cohort shrinkage). */
  retirementRate: number[];
  deathRate: number[];
  /** Entry mix of new entrants by qualification level (shares summing to 1), from the stock-flow calibration. */
  entryMix: Record<string, number>;
  /** Per-level replacement multipliers (older cohorts hold less attainment): rate_level = rate × multiplier[level]. */
  replacementByLevel: Record<string, number>;
  /** Floor on the unemployment rate (share 0–1) used by the labour-force cap. */
  minUnemploymentRate: number;
  /**
   * Largest fall of the unemployment rate in one year when demand outruns supply (share, 0.002 =
   * 0.2 pp): capped years have employment = LF × (1 − u_t), u_t = max(u_min, u_{t−1} − this).
   */
  maxRateFallPerYear?: number;
  /** Years in which employment was capped by the labour force (gradual path to u_min, see `maxRateFallPerYear`). */
  cappedYears: number[];
  /**
   * Forecast years only (index 0 = baseYear+1): labour demand before the cap, Σ sections of value added ÷ productivity
   * (persons). Where it exceeds labourForce × (1 − minUnemploymentRate) the year is capped (optional).
   */
  demandBeforeCap?: number[];
  /** The 2021 LFS re-weighting as treated: pre-break official labour force and employment × `ratio` (optional). */
  splice?: { period: string; ratio: number };
  methods: SystemMethod[];
  /** Inputs of the scenario levers (participation, retirement age, value added); absent without demography. */
  levers?: SystemLevers;
}
