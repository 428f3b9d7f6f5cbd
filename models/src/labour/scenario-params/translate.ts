/**
 * From validated scenario parameters (schema.ts) to the model's scenario (types.ts `Scenario`).
 *
 * Rules (README "Scenarios as parameters"):
 * - Growth of each section and new field, per forecast year: the relative change that applies
 *   (its own, else its broad sector's, else `*`; a field falls back to its parent section), and,
 *   where an absolute value-added growth u is set (the section's own, else its broad sector's),
 *   employment moves by (1 + u) ÷ (1 + b), b the baseline's value-added growth that year (the
 *   section's own, else its broad sector's). A productivity change p divides it by (1 + p).
 *   Employment = value added ÷ productivity, so these are the employment multipliers.
 * - Participation and retirement levers move the national labour force by the difference the
 *   demography makes with and without them (system/levers.ts); a later retirement age also lowers
 *   the retirement rate.
 * - Training: graduates a year × (1 + change) by level; an absolute number of graduates becomes
 *   the change against the baseline's graduates of that year. Entry rate and exit change as given.
 * - New-field boost: extra workers by year (linear from 0 in the base year through the given
 *   years, held after the last; a plain number is reached linearly by the last forecast year).
 */
import { ForecastError } from '../../forecast/errors';
import { broadOfSection } from '../system/levers-from';
import { leverLabourForce, leverRetirementFactors, type ParticipationChange } from '../system/levers';
import type { RetirementPaths } from '../demography/retirement-age';
import { SECTION_CODES, NEW_FIELD_CODES, SECTORS } from '../../codes/sectors';
import type { Scenario } from '../types';
import type { ScenarioBaseline } from './baseline';
import { normaliseParameters, type ScenarioParameters } from './schema';
import { QUALIFICATION_LEVELS } from '../../codes/qualifications';

/** Name and description of the scenario being built. */
export interface ScenarioLabel {
  id: string;
  nameVi: string;
  nameEn: string;
  description: { vi: string; en: string };
}

type PerYear = number | number[];
const PERIOD = /^(\d{4})(?:-(\d{4}))?$/;

/**
 * A value-or-periods lever in year y: the period that contains y ("2026-2030" inclusive), or the
 * latest single year ("2031") at or before y, which holds until the next period starts. Undefined
 * outside every period (the baseline applies).
 */
function valueInYear(v: number | Record<string, number>, y: number): number | undefined {
  if (typeof v === 'number') return v;
  let best: { start: number; value: number } | undefined;
  for (const [k, x] of Object.entries(v)) {
    const m = PERIOD.exec(k)!;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : Number.POSITIVE_INFINITY;
    if (y >= a && y <= b && (!best || a > best.start)) best = { start: a, value: x };
  }
  return best?.value;
}

/** Baseline value-added growth of `code` in forecast year t (1-based), or undefined without value added. */
function baselineGrowth(b: ScenarioBaseline | null, code: string, t: number): number | undefined {
  const va = b?.valueAdded[code];
  return va && va[t - 1] > 0 && va[t] > 0 ? va[t] / va[t - 1] - 1 : undefined;
}

/** Collapse a per-year path to a number when it is constant (keeps preset keys short). */
const compact = (xs: number[]): PerYear => (xs.every((x) => Math.abs(x - xs[0]) < 1e-12) ? xs[0] : xs);

/** Employment growth path of one section (or field, through its parent) under the parameters. */
function sectionGrowth(p: ScenarioParameters, b: ScenarioBaseline | null, code: string, H: number, baseYear: number): number[] {
  const broad = broadOfSection(code);
  const ch = p.valueAddedGrowthChange ?? {};
  const change = (ch[code] ?? (broad ? ch[broad] : undefined) ?? ch['*'] ?? 0) / 100;
  const abs = p.valueAddedGrowth?.[code] ?? (broad ? p.valueAddedGrowth?.[broad] : undefined);
  const absKey = p.valueAddedGrowth?.[code] !== undefined ? code : broad;
  const prod = (p.productivityGrowthChange ?? 0) / 100;
  return Array.from({ length: H }, (_, k) => {
    const t = k + 1;
    let m = 1 + change;
    const u = abs !== undefined ? valueInYear(abs, baseYear + t) : undefined;
    if (u !== undefined) {
      const base = baselineGrowth(b, code, t) ?? (absKey ? baselineGrowth(b, absKey, t) : undefined) ?? (broad ? baselineGrowth(b, broad, t) : undefined);
      if (base === undefined) {
        throw new ForecastError('INVALID_OPTION', `valueAddedGrowth.${absKey}: this dataset has no value added for ${code} to move.`, {
          parameter: `valueAddedGrowth.${absKey}`,
        });
      }
      m *= (1 + u / 100) / (1 + base);
    }
    return m / (1 + prod) - 1;
  });
}

/** Extra workers by forecast year t = 1..H from a boost lever. */
export function boostPath(v: number | Record<string, number>, baseYear: number, H: number): number[] {
  if (typeof v === 'number') return Array.from({ length: H }, (_, k) => (v * (k + 1)) / H);
  const pts: [number, number][] = [[baseYear, 0]];
  for (const [k, x] of Object.entries(v)) {
    const m = PERIOD.exec(k)!;
    pts.push([Number(m[1]), x]);
    if (m[2]) pts.push([Number(m[2]), x]);
  }
  pts.sort((a, c) => a[0] - c[0]);
  return Array.from({ length: H }, (_, k) => {
    const y = baseYear + k + 1;
    let i = pts.findIndex(([py]) => py >= y);
    if (i < 0) return pts[pts.length - 1][1];
    if (i === 0) return pts[0][1];
    const [y0, v0] = pts[i - 1];
    const [y1, v1] = pts[i];
    return y1 === y0 ? v1 : v0 + ((v1 - v0) * (y - y0)) / (y1 - y0);
  });
}

function retirementPaths(p: ScenarioParameters): RetirementPaths | undefined {
  const r = p.retirementAge;
  if (!r) return undefined;
  const out: RetirementPaths = {};
  // Defaults continue the 2019 Labour Code's pace from the year after its final age is reached.
  if (r.M) out.M = { target: r.M.target, startYear: r.M.startYear ?? 2029, stepMonths: r.M.stepMonths ?? 3 };
  if (r.F) out.F = { target: r.F.target, startYear: r.F.startYear ?? 2036, stepMonths: r.F.stepMonths ?? 4 };
  return out;
}

function needs(b: ScenarioBaseline | null, what: string, parameter: string): ScenarioBaseline {
  if (!b) throw new ForecastError('INVALID_OPTION', `${parameter} needs the dataset's ${what}, which this context does not have.`, { parameter });
  return b;
}

/**
 * The model scenario of a parameter set. `baseline` may be null for parameter sets that only use
 * relative levers (the presets); levers that need data throw ForecastError INVALID_OPTION naming the parameter.
 */
export function scenarioFromParameters(
  params: ScenarioParameters,
  baseline: ScenarioBaseline | null,
  label: ScenarioLabel,
  H = baseline?.horizon ?? 10,
): Scenario {
  const p = normaliseParameters(params);
  const baseYear = baseline?.baseYear ?? 0;
  if ((p.valueAddedGrowth || (p.newFieldBoost && Object.values(p.newFieldBoost).some((v) => typeof v !== 'number'))) && !baseline)
    needs(null, 'base year and value added', 'valueAddedGrowth');
  const sectorGrowth: Record<string, PerYear> = {};
  const touched = p.valueAddedGrowth || p.valueAddedGrowthChange || p.productivityGrowthChange;
  if (touched) {
    for (const s of SECTION_CODES) sectorGrowth[s] = compact(sectionGrowth(p, baseline, s, H, baseYear));
    for (const f of NEW_FIELD_CODES) {
      const own = p.valueAddedGrowthChange?.[f];
      const parent = SECTORS.find((x) => x.code === f)?.parent ?? 'C';
      sectorGrowth[f] =
        own === undefined
          ? sectorGrowth[parent]
          : compact(sectionGrowth({ ...p, valueAddedGrowthChange: { ...p.valueAddedGrowthChange, [parent]: own } }, baseline, parent, H, baseYear));
    }
  }
  const scenario: Scenario = {
    ...label,
    sectorGrowth,
    trainingCapacityChange: 0,
    entryRate: p.entryRate !== undefined ? p.entryRate / 100 : null,
    exitRate: 1 + (p.exitRateChange ?? 0) / 100,
    parameters: p as Record<string, unknown>,
  };
  if (p.targetAttainment !== undefined) scenario.targetAttainment = p.targetAttainment / 100;
  if (p.graduateMobility) scenario.graduateMobility = p.graduateMobility / 100;
  if (p.trainingOutputChange || p.trainingOutput) {
    const by: Record<string, PerYear> = {};
    for (const q of QUALIFICATION_LEVELS) {
      if (q === 'none') continue;
      const abs = p.trainingOutput?.[q];
      if (abs !== undefined) {
        const g = needs(baseline, 'graduates', `trainingOutput.${q}`).graduates[q];
        if (!g || g.some((x) => !(x > 0)))
          throw new ForecastError('INVALID_OPTION', `trainingOutput.${q}: this dataset has no graduates at that level to scale.`, {
            parameter: `trainingOutput.${q}`,
          });
        by[q] = compact(g.slice(0, H).map((x) => abs / x - 1));
        continue;
      }
      const c = p.trainingOutputChange?.[q] ?? p.trainingOutputChange?.ALL;
      if (c !== undefined) by[q] = c / 100;
    }
    scenario.trainingByLevel = by;
  }
  if (p.newFieldBoost) {
    scenario.fieldBoost = Object.fromEntries(Object.entries(p.newFieldBoost).map(([f, v]) => [f, boostPath(v!, baseYear, H)]));
  }
  if (p.participationChange || p.retirementAge) {
    const lv = needs(baseline, 'demography', p.participationChange ? 'participationChange' : 'retirementAge').levers;
    if (!lv)
      throw new ForecastError(
        'INVALID_OPTION',
        'participationChange and retirementAge need population and labour force by age, which this dataset does not have.',
        { parameter: 'participationChange' },
      );
    const opts = { participation: p.participationChange as ParticipationChange | undefined, later: retirementPaths(p) };
    const lf = leverLabourForce(lv, opts);
    const change = (x: { scenario: number[]; baseline: number[] }) =>
      x.scenario.map((s, t) => (Number.isFinite(s) && Number.isFinite(x.baseline[t]) ? s - x.baseline[t] : 0));
    scenario.labourForceChange = change(lf);
    if (opts.participation) {
      // Participants added by the lever enter the labour force: each year's increment is new supply.
      const part = opts.later ? change(leverLabourForce(lv, { participation: opts.participation })) : scenario.labourForceChange;
      scenario.entrantsChange = part.map((d, t) => d - (t > 0 ? part[t - 1] : 0));
    }
    if (opts.later) scenario.retirementFactor = leverRetirementFactors(lv, opts);
  }
  return scenario;
}
