/**
 * Thin adapters from long-format observations to the plain inputs of this
 * folder. Group codes live in the `sector` column (`M:15-19`, `T:25-49`,
 * `F:ALL`); quarterly values are averaged to an annual figure (the mean of
 * the quarters present, as GSO's annual LFS figures are).
 */
import type { Observation } from '../../data/observation';
import { ageGroupIndex, BROAD_GROUPS, type BroadGroup, type ByYear, type Sex } from './age-groups';
import type { WppRow } from './population';

interface Filter {
  indicator: string;
  region?: string;
  qualification?: string;
}

/** Annual value per (year, sector): annual rows as given, quarterly rows averaged. */
function annualBySector(obs: readonly Observation[], f: Filter): Map<string, Map<number, number>> {
  const region = f.region ?? 'VN';
  const qual = f.qualification ?? 'ALL';
  const annual = new Map<string, Map<number, number>>();
  const quarters = new Map<string, Map<number, number[]>>();
  for (const o of obs) {
    if (o.indicator !== f.indicator || o.region !== region || o.qualification !== qual || !Number.isFinite(o.value)) continue;
    const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(o.period);
    if (!m) continue;
    const y = Number(m[1]);
    if (m[2]) {
      const byY = quarters.get(o.sector) ?? new Map<number, number[]>();
      quarters.set(o.sector, byY);
      (byY.get(y) ?? byY.set(y, []).get(y)!).push(o.value);
    } else {
      const byY = annual.get(o.sector) ?? new Map<number, number>();
      annual.set(o.sector, byY);
      byY.set(y, o.value);
    }
  }
  for (const [sector, byY] of quarters) {
    const target = annual.get(sector) ?? new Map<number, number>();
    annual.set(sector, target);
    for (const [y, vs] of byY) if (!target.has(y)) target.set(y, vs.reduce((a, b) => a + b, 0) / vs.length);
  }
  return annual;
}

/** WPP rows from `population_by_group` observations (M:/F: five-year groups only; T: and broad groups skipped). */
export function wppRowsFromObservations(obs: readonly Observation[], region = 'VN', indicator = 'population_by_group'): WppRow[] {
  const rows: WppRow[] = [];
  for (const [sector, byY] of annualBySector(obs, { indicator, region })) {
    const [sex, age] = sector.split(':');
    if ((sex !== 'M' && sex !== 'F') || age === undefined || ageGroupIndex(age) === undefined) continue;
    for (const [year, value] of byY) rows.push({ year, sex, age, value });
  }
  return rows;
}

/** Annual totals of one series (default GSO `population`, VN, TOTAL, ALL). */
export function totalsFromObservations(obs: readonly Observation[], indicator = 'population', region = 'VN', sector = 'TOTAL'): Record<number, number> {
  return Object.fromEntries(annualBySector(obs, { indicator, region }).get(sector) ?? []);
}

/** Labour force by group as published: both sexes by broad group, and the sex totals. */
export interface GroupLabourForce {
  /** T:15-24, T:25-49, T:50+ by year (only years with all three). */
  byBroad: ByYear<Record<BroadGroup, number>>;
  /** M:ALL and F:ALL by year (only years with both). */
  bySex: ByYear<Record<Sex, number>>;
}

/** Broad-group and sex-total labour force from `labour_force_by_group` observations. */
export function groupLabourForceFromObservations(obs: readonly Observation[], region = 'VN', indicator = 'labour_force_by_group'): GroupLabourForce {
  const a = annualBySector(obs, { indicator, region });
  const byBroad: GroupLabourForce['byBroad'] = {};
  const years = new Set<number>();
  for (const m of a.values()) for (const y of m.keys()) years.add(y);
  const bySex: GroupLabourForce['bySex'] = {};
  for (const y of years) {
    const vals = BROAD_GROUPS.map((g) => a.get(`T:${g}`)?.get(y));
    if (vals.every((v) => v !== undefined)) byBroad[y] = Object.fromEntries(BROAD_GROUPS.map((g, i) => [g, vals[i]!])) as Record<BroadGroup, number>;
    const m = a.get('M:ALL')?.get(y);
    const f = a.get('F:ALL')?.get(y);
    if (m !== undefined && f !== undefined) bySex[y] = { M: m, F: f };
  }
  return { byBroad, bySex };
}
