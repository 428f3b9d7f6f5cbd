/**
 * Flows of the national system: retirements, deaths, labour-force entrants and exits
 * (from demography, else fixed fallback rates), and the entry mix by level.
 */
import type { ObservationIndex } from '../observations';
import { entryMixAndReplacement, systemFlows, DEFAULT_RETIREMENT_EXIT_SHARE } from './flows';
import type { SystemInput } from './national-input';
import type { LabourForcePath } from './national-labour-force';

/** Fallback replacement rates (share of employment per year) when the population data are missing. ASSUMPTION. */
export const FALLBACK_RETIREMENT_RATE = 0.01;
export const FALLBACK_DEATH_RATE = 0.004;

/** The flows of every forecast year, the entry mix by level and the population aged 15+ of every year. */
export function nationalFlows(index: ObservationIndex, input: SystemInput, lf: LabourForcePath, eBase: number, eMean: number[], years: number[]) {
  const { baseYear, horizon: H } = input;
  const { supply, calibration, lfBase, lfFc } = lf;
  // Flows.
  const exitShare = input.exitShare ?? DEFAULT_RETIREMENT_EXIT_SHARE;
  const eFromBase = [eBase, ...eMean];
  const lfFromBase = [lfBase, ...lfFc.mean];
  let retirementRate: number[], deathRate: number[], lfEntrants: number[], lfExits: number[];
  if (supply) {
    const f = systemFlows(index, supply, { baseYear, horizon: H, employment: eFromBase, labourForce: lfFromBase, calibration, exitShare });
    ({ retirementRate, deathRate, lfEntrants, lfExits } = f);
  } else {
    retirementRate = new Array(H).fill(FALLBACK_RETIREMENT_RATE);
    deathRate = new Array(H).fill(FALLBACK_DEATH_RATE);
    lfExits = lfFromBase.slice(0, H).map((l) => l * (FALLBACK_RETIREMENT_RATE + FALLBACK_DEATH_RATE));
    lfEntrants = lfExits.map((x, t) => Math.max(0, lfFromBase[t + 1] - lfFromBase[t] + x));
  }
  const q = input.qualification;
  const mix = q
    ? entryMixAndReplacement(index, supply, { levels: q.levels, firstShares: q.firstShares, baseShares: q.baseShares, baseYear, exitShare })
    : { entryMix: {}, replacementByLevel: {}, tau: null, historyYears: [] };
  const population15 = years.map((y) => supply?.population15[y] ?? 0);
  return { exitShare, retirementRate, deathRate, lfEntrants, lfExits, mix, population15 };
}
