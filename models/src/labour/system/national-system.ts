/**
 * One national system (issue 12 §1–§2, §4): labour force from demography,
 * employment by section from the economy, employment ≤ labour force ×
 * (1 − u_min) every year, unemployment rate = 1 − E/LF.
 */
import type { Observation } from '../../data/observation';
import { capToLabourForce } from '../composition/coherence';
import type { ObservationIndex } from '../observations';
import { employmentRatios } from './flows';
import { leversFrom } from './levers-from';
import { relativeBand } from './aggregate-band';
import { SYSTEM_METHODS } from './methods';
import { floorYearOf, MIN_UNEMPLOYMENT_MARGIN, systemBands, unemploymentFloor } from './national-bands';
import { sectionDemandPaths } from './national-demand';
import { nationalFlows } from './national-flows';
import { nationalHistory } from './national-history';
import type { SystemInput, SystemResult } from './national-input';
import { labourForcePath } from './national-labour-force';
import type { NationalSystem } from './types';

export { DEFAULT_MIN_UNEMPLOYMENT_RATE, MIN_UNEMPLOYMENT_MARGIN, MAX_RATE_FALL_PER_YEAR } from './national-bands';
export { FALLBACK_RETIREMENT_RATE, FALLBACK_DEATH_RATE } from './national-flows';
export type { SystemInput, SystemResult } from './national-input';

/**
 * Build the national system and the capped employment paths of the sections, in steps:
 * history → labour force → demand by section → cap at the unemployment floor → bands → flows.
 */
export function buildNationalSystem(observations: readonly Observation[], index: ObservationIndex, input: SystemInput): SystemResult {
  const { baseYear, horizon: H, levels } = input;
  const h = nationalHistory(index, input);
  const { breakYear, spliceRatio, histYears, eBase } = h;
  const lf = labourForcePath(observations, input, h);
  const { supply, calibration, lfBandYears, lfFc } = lf;
  const { econ, demand, names, raw, shareFc, engineE, eHistSeries } = sectionDemandPaths(index, input, h);
  const { uBase, uRule, uDefault, minU, speed } = unemploymentFloor(input, h, lf.lfBase);
  const capped = capToLabourForce(raw, lfFc.mean, minU, { baseRate: uBase, maxFallPerYear: speed });
  const sectionPaths = capped.employment;
  const eMean = Array.from({ length: H }, (_, t) => names.reduce((a, s) => a + sectionPaths[s][t], 0));
  const demandTotal = Array.from({ length: H }, (_, t) => names.reduce((a, s) => a + raw[s][t], 0));
  const uMean = eMean.map((e, t) => (lfFc.mean[t] > 0 ? 100 * (1 - e / lfFc.mean[t]) : 0));
  const { uHalf, years, labourForce, employment, unemploymentRate, unemploymentBand } = systemBands(
    input,
    h,
    lf,
    { engineE, eHistSeries },
    { eMean, uMean, demandTotal },
  );
  const { exitShare, retirementRate, deathRate, lfEntrants, lfExits, mix, population15 } = nationalFlows(index, input, lf, eBase, eMean, years);

  const system: NationalSystem = {
    baseYear,
    years,
    baseIndex: histYears.length - 1,
    labourForce,
    employment,
    unemploymentRate,
    unemploymentBand,
    unemploymentHalfWidths: uHalf.map(({ level, lower, upper }) => ({ level, lower, upper })),
    population15,
    lfEntrants,
    lfExits,
    retirementRate,
    deathRate,
    entryMix: mix.entryMix,
    replacementByLevel: mix.replacementByLevel,
    splice: { period: String(breakYear), ratio: spliceRatio },
    minUnemploymentRate: minU,
    maxRateFallPerYear: speed,
    cappedYears: capped.cappedYears.map((t) => baseYear + t + 1),
    demandBeforeCap: demandTotal,
    levers: leversFrom({
      baseYear,
      horizon: H,
      calibration,
      exitShare,
      supply,
      ratios: supply ? employmentRatios(index, supply, baseYear).ratios : null,
      demand,
      trends: econ.trends,
    }),
    methods: SYSTEM_METHODS({
      supply: !!supply,
      calibration,
      spliceRatio,
      breakYear,
      minU,
      exitShare,
      tau: mix.tau,
      demand: Object.fromEntries(names.map((s) => [s, demand[s].method])),
      productivity: { trends: econ.trends, longRun: econ.longRun, damping: econ.damping },
      minURule:
        input.minUnemploymentRate !== undefined
          ? { kind: 'option' }
          : uRule
            ? { kind: 'official', lowest: uRule.lowest, years: uRule.years, margin: MIN_UNEMPLOYMENT_MARGIN, baseRate: uBase, capped: minU < uDefault }
            : { kind: 'default' },
      capped: { years: capped.cappedYears.map((t) => baseYear + t + 1), horizon: H },
      adjustment: { speed, baseRate: uBase, floorYear: floorYearOf(uMean, minU, baseYear) },
      bands: { rateYears: uHalf.years, labourForceYears: lfBandYears },
    }),
  };
  const sectionShareRel = Object.fromEntries(names.map((s) => [s, relativeBand(shareFc.mean[s], shareFc.intervals[s], levels)]));
  return {
    system,
    sectionPaths,
    sectionShareRel,
    demand,
    productivity: { trends: econ.trends, longRun: econ.longRun, damping: econ.damping },
    spliceRatio,
    breakYear,
  };
}
