/** Builds `NationalSystem.levers` from the pieces the national system already has. */
import type { SexAges } from '../demography/age-groups';
import type { SectionDemand } from './demand';
import type { BroadTrend } from './productivity';
import type { SystemLevers } from './levers';
import type { DemographicSupply } from './supply';

/** The broad sector GSO reports a VSIC section under. */
export function broadOfSection(section: string): 'A' | 'B-F' | 'G-U' | null {
  if (section === 'A') return 'A';
  if (/^[B-F]$/.test(section)) return 'B-F';
  if (/^[G-U]$/.test(section)) return 'G-U';
  return null;
}

/**
 * Value-added paths by section (those with value added) and by broad sector (Σ of its sections
 * with value added), years baseYear … baseYear+H.
 */
export function valueAddedPaths(demand: Record<string, SectionDemand>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [s, d] of Object.entries(demand)) {
    if (!d.valueAdded || d.valueAdded.some((v) => !(v > 0))) continue;
    out[s] = d.valueAdded;
    const b = broadOfSection(s);
    if (!b || b === s) continue;
    const acc = (out[b] ??= new Array<number>(d.valueAdded.length).fill(0));
    d.valueAdded.forEach((v, i) => {
      acc[i] += v;
    });
  }
  return out;
}

/** The levers' inputs; undefined without the demographic supply. */
export function leversFrom(x: {
  baseYear: number;
  horizon: number;
  calibration: number;
  exitShare: number;
  supply: DemographicSupply | null;
  ratios: SexAges | null;
  demand: Record<string, SectionDemand>;
  trends?: readonly BroadTrend[];
}): SystemLevers | undefined {
  const { supply } = x;
  if (!supply || !x.ratios) return undefined;
  const population: SystemLevers['population'] = {};
  const broad: SystemLevers['broad'] = {};
  for (let y = x.baseYear; y <= x.baseYear + x.horizon; y++) {
    if (supply.population[y]) population[y] = supply.population[y];
    if (supply.broad[y]) broad[y] = supply.broad[y];
  }
  return {
    baseYear: x.baseYear,
    horizon: x.horizon,
    calibration: x.calibration,
    mode: supply.mode,
    lastRateYear: supply.lastRateYear,
    population,
    broad,
    employmentRatios: x.ratios,
    exitShare: x.exitShare,
    valueAdded: valueAddedPaths(x.demand),
    productivity: Object.fromEntries((x.trends ?? []).map((t) => [t.group, t.path])),
  };
}
