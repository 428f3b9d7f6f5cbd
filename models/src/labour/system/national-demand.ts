/**
 * Demand by section for the national system, before the labour-force cap: value added and
 * productivity where the data have them; otherwise the engine's national path split by a
 * compositional share forecast; never falling faster than a floor.
 */
import { forecastComposition } from '../composition/share-forecast';
import type { ObservationIndex } from '../observations';
import { economyDemand, type SectionDemand } from './demand';
import { fill, type NationalHistory } from './national-history';
import type { SystemInput } from './national-input';

/** A section's demand path may not fall faster than to 20 % of its base in 10 years (the parent then falls alike through the cap). */
const MIN_RETENTION_PER_YEAR = Math.log(0.2) / 10;

/**
 * Raw (uncapped) employment demand of each section, forecast years base+1 … base+H, with
 * the economy model behind it, the section share forecast and the engine's national path.
 */
export function sectionDemandPaths(index: ObservationIndex, input: SystemInput, h: NationalHistory) {
  const { baseYear, horizon: H, forecaster } = input;
  const { breakYear, spliceRatio, histYears, eHist } = h;
  // Demand by section; sections with no value added and no sibling with it share the national engine forecast.
  const econ = economyDemand(index, input.sections, {
    baseYear,
    horizon: H,
    forecaster,
    broadOf: input.broadOf,
    breakYear,
    spliceRatio,
    valueAddedMultiplier: input.valueAddedMultiplier,
  });
  const demand: Record<string, SectionDemand> = econ.sections;
  const names = Object.keys(input.sections);
  const baseOf = (s: string) => input.sections[s].values[input.sections[s].values.length - 1] ?? 0;
  const eHistSeries = fill(histYears, eHist);
  const engineE = forecaster(eHistSeries.filter(Number.isFinite), H);
  const shareFc =
    names.length >= 2
      ? forecastComposition(Object.fromEntries(names.map((s) => [s, input.sections[s].values.map((v) => Math.max(0, v))])), H, { forecaster })
      : {
          mean: Object.fromEntries(names.map((s) => [s, new Array<number>(H).fill(1)])),
          intervals: {} as Record<string, { level: number; lower: number[]; upper: number[] }[]>,
        };
  const missing = names.filter((s) => !demand[s]);
  const raw: Record<string, number[]> = {};
  for (const s of names) if (demand[s]) raw[s] = demand[s].path;
  if (missing.length) {
    // Fallback (no value added): the engine's national path, split by the compositional share forecast.
    const withD = names.filter((s) => demand[s]);
    const dBase = withD.reduce((a, s) => a + baseOf(s), 0);
    const mBase = missing.reduce((a, s) => a + baseOf(s), 0);
    for (const s of missing) {
      raw[s] = Array.from({ length: H }, (_, t) => {
        if (withD.length === 0) return Math.max(0, engineE.mean[t]) * shareFc.mean[s][t];
        const grow = withD.reduce((a, x) => a + raw[x][t], 0) / (dBase || 1);
        return mBase > 0 ? baseOf(s) * grow : 0;
      });
      demand[s] = {
        path: raw[s],
        method: 'none',
        reason: withD.length
          ? 'no value added: moves with the sections that have it'
          : 'no value added data: engine forecast of national employment split by compositional shares',
      };
    }
  }
  for (const s of names) raw[s] = raw[s].map((v, t) => Math.max(v, baseOf(s) * Math.exp(MIN_RETENTION_PER_YEAR * (t + 1))));
  return { econ, demand, names, raw, shareFc, engineE, eHistSeries };
}
