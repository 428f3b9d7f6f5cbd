/**
 * What the scenario translation needs from one dataset version's base projection, and the
 * baseline values the scenario builder shows beside each lever. Built once per base.
 */
import { BROAD_GROUPS, BROAD_MEMBERS, SEXES } from '../demography/age-groups';
import { statutoryRetirementAge } from '../demography/retirement-age';
import type { BaseProjection } from '../base';
import { levelTotals } from '../other-entrants';
import { fieldNationalNode } from '../scenario-levers';
import { leverLabourForce } from '../system/levers';
import type { SystemLevers } from '../system/levers';
import { labourForceAt } from '../system/supply';

/** Inputs of `scenarioFromParameters` that depend on the data (absent ones disable the levers that need them). */
export interface ScenarioBaseline {
  baseYear: number;
  horizon: number;
  /** Base share of graduates entering work (0–1). */
  entryRate: number;
  /** Real value added, years baseYear … baseYear+H, by section with value added and by broad sector. */
  valueAdded: Record<string, number[]>;
  /** National graduates a year by level, forecast years t = 1..H. */
  graduates: Record<string, number[]>;
  /** New fields' national employment trend, years t = 1..H. */
  fieldTrend: Record<string, number[]>;
  levers?: SystemLevers;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The translation inputs of a base projection. */
export function scenarioBaselineOf(base: BaseProjection): ScenarioBaseline {
  const levers = base.system?.levers;
  const graduates: Record<string, number[]> = {};
  if (base.main) for (const [q, g] of Object.entries(levelTotals(base.main.grid, base.main.supply).graduates)) graduates[q] = Array.from(g);
  const fieldTrend: Record<string, number[]> = {};
  for (const gb of base.fields) {
    const n = fieldNationalNode(gb);
    if (n) fieldTrend[gb.field!.code] = [n.base, ...Array.from(n.mean)];
  }
  return { baseYear: base.baseYear, horizon: base.horizon, entryRate: base.entryRate, valueAdded: levers?.valueAdded ?? {}, graduates, fieldTrend, levers };
}

/** The values the builder shows as "baseline" beside each lever (API: GET /api/scenarios `baseline`). */
export interface BaselineValues {
  baseYear: number;
  horizon: number;
  /** % a year, mean over the horizon, by section / broad sector with value added. */
  valueAddedGrowth: Record<string, number>;
  /** Labour-productivity growth, % a year, mean over the horizon, by broad sector. */
  productivityGrowth: Record<string, number>;
  /** % of the group in the labour force, first forecast year. */
  participation: Record<string, number>;
  /** Final ages of the 2019 Labour Code roadmap. */
  retirementAge: { M: number; F: number };
  /** National graduates a year by level, first forecast year. */
  graduates: Record<string, number>;
  /** % of graduates entering work. */
  entryRate: number;
  /** Base-year employment of each new field (its trend's start). */
  newFields: Record<string, number>;
  /** National labour force in the last forecast year (persons), for context. */
  labourForceEnd: number | null;
}

/** Baseline values for display. */
export function baselineValues(b: ScenarioBaseline): BaselineValues {
  const valueAddedGrowth: Record<string, number> = {};
  for (const [k, v] of Object.entries(b.valueAdded)) {
    if (v.length > 1 && v[0] > 0) valueAddedGrowth[k] = round(100 * ((v[v.length - 1] / v[0]) ** (1 / (v.length - 1)) - 1));
  }
  const participation: Record<string, number> = {};
  const lv = b.levers;
  const y = b.baseYear + 1;
  if (lv?.population[y] && lv.broad[y]) {
    const pop = lv.population[y];
    const lf = labourForceAt(pop, lv.broad[y], { M: statutoryRetirementAge('M', y), F: statutoryRetirementAge('F', y) }, y > lv.lastRateYear, lv.mode);
    for (const sex of SEXES) {
      for (const g of BROAD_GROUPS) {
        const p = BROAD_MEMBERS[g].reduce((s, i) => s + pop[sex][i], 0);
        const l = BROAD_MEMBERS[g].reduce((s, i) => s + lf[sex][i], 0);
        if (p > 0) participation[`${sex}:${g}`] = round((100 * l) / p, 1);
      }
    }
  }
  const lfEnd = lv ? (leverLabourForce(lv, {}).baseline.at(-1) ?? null) : null;
  const productivityGrowth = Object.fromEntries(
    Object.entries(lv?.productivity ?? {})
      .filter(([, p]) => p.length)
      .map(([g, p]) => [g, round(100 * (Math.exp(p.reduce((a, x) => a + x, 0) / p.length) - 1))]),
  );
  return {
    baseYear: b.baseYear,
    horizon: b.horizon,
    valueAddedGrowth,
    productivityGrowth,
    participation,
    retirementAge: { M: statutoryRetirementAge('M', 2100), F: statutoryRetirementAge('F', 2100) },
    graduates: Object.fromEntries(
      Object.entries(b.graduates)
        .filter(([, g]) => g[0] > 0)
        .map(([q, g]) => [q, Math.round(g[0])]),
    ),
    entryRate: round(100 * b.entryRate, 1),
    newFields: Object.fromEntries(Object.entries(b.fieldTrend).map(([f, v]) => [f, Math.round(v[0])])),
    labourForceEnd: lfEnd !== null && Number.isFinite(lfEnd) ? Math.round(lfEnd) : null,
  };
}
