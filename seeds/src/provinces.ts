/**
 * Province margins of the illustrative employment cells, from the real seed
 * rows: each unit's share of the national total is its share of GSO's
 * labour force by province (2010–2016, the 63 former provinces summed into
 * the 34 units); after GSO's last year the shares drift (PROVINCE_DRIFT,
 * REGION_DRIFT, U). GSO's province trained shares are the targets the
 * qualification split is calibrated to.
 */
import { PROVINCES } from '@lmo/models/codes';
import type { Anchors } from './anchors';
import { PROVINCE_DRIFT, REGION_DRIFT } from './assumptions';

export interface ProvinceAnchors {
  /** Years with a GSO labour force for every unit. */
  lfYears: number[];
  /** Years with a trained share (official or modelled) for every unit. */
  trainedYears: number[];
  /** Each unit's share of national employment in `year` (sums to 1). */
  shares(year: number): number[];
  /** GSO trained share (%) of each unit in `year`, if published that year. */
  trainedTarget(year: number): number[] | undefined;
}

const allYears = (a: Anchors, indicator: string) =>
  a.years(indicator, PROVINCES[0].code).filter((y) => PROVINCES.every((p) => a.value(indicator, y, p.code) !== undefined));

/** Province anchors from the seed rows; throws if GSO's province labour force is missing. */
export function provinceAnchors(a: Anchors): ProvinceAnchors {
  const lfYears = allYears(a, 'labour_force');
  if (lfYears.length === 0) throw new Error('anchors: no GSO labour force by province (labour_force,<year>,<unit>,TOTAL,ALL) for all 34 units');
  const trainedYears = allYears(a, 'trained_share_certified');
  const norm = (w: number[]) => {
    const s = w.reduce((x, y) => x + y, 0);
    return w.map((x) => x / s);
  };
  const lfShares = (y: number) => norm(PROVINCES.map((p) => a.value('labour_force', y, p.code)!));
  const first = lfYears[0];
  const last = lfYears[lfYears.length - 1];
  return {
    lfYears,
    trainedYears,
    shares(year) {
      if (lfYears.includes(year)) return lfShares(year);
      if (year < first) return lfShares(first);
      const base = lfShares(last);
      return norm(PROVINCES.map((p, i) => base[i] * Math.exp(((PROVINCE_DRIFT[p.code] ?? 0) + REGION_DRIFT[p.parent!]) * (year - last))));
    },
    trainedTarget(year) {
      return trainedYears.includes(year) ? PROVINCES.map((p) => a.value('trained_share_certified', year, p.code)!) : undefined;
    },
  };
}
