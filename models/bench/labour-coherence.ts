/**
 * Coherence table of `pnpm bench:labour` (issue 12 §4 "one system, checked"):
 * counts of violations over every scenario, region and year of an OutlookSet,
 * using the counters of labour/composition/coherence.ts. Every count must be 0.
 *
 * Hierarchies checked: province ≤ region ≤ VN, section ≤ broad ≤ TOTAL,
 * level ≤ ALL, new field ≤ its parent section (parts exceeding parent); and
 * national = Σ regions = Σ provinces, TOTAL = Σ broad = Σ sections, ALL = Σ
 * levels (sums), on employment forecasts AND on gap rows (openings, expansion,
 * replacement, new supply). New fields are not additive (they sit inside a
 * section) so they only enter the "≤ parent" check.
 */
import {
  countEmploymentAboveLabourForce,
  countNegative,
  countPartsExceedingParent,
  countSmallFlaggedOrRanked,
  countSumMismatches,
  countVanishingCells,
  type CellPath,
} from '../src/labour/composition/coherence';
import { QUALIFICATION_TREE, REGION_TREE, SECTOR_TREE } from '../src/codes/index';
import { defaultStructure } from '../src/labour/base';
import type { CellForecast, GapRow, OutlookSet } from '../src/labour/types';

/** One line of the table. `gate` = counted in the final COHERENCE verdict. */
export interface CoherenceLine {
  id: string;
  label: string;
  count: number;
  /** How many items were examined (context for the reader). */
  checked: number;
  gate: boolean;
}

const ADDITIVE_FLOWS = ['openings', 'expansion', 'replacement', 'newSupply'] as const;
const NON_NEGATIVE_GAP = ['employmentBase', 'employmentEnd', 'replacement', 'newSupply'] as const;

type Dim = 0 | 1 | 2;
const key = (r: string, s: string, q: string) => `${r}|${s}|${q}`;

/** Parent of a code in each dimension (new fields → parent section, not additive). */
function parentMaps() {
  const fields = defaultStructure().fields;
  const sector = new Map(SECTOR_TREE.map((n) => [n.code, n.parent ?? null]));
  const maps: [Map<string, string | null>, Map<string, string | null>, Map<string, string | null>] = [
    new Map(REGION_TREE.map((n) => [n.code, n.parent ?? null])),
    new Map([...sector, ...fields.map((f) => [f.code, f.parent] as [string, string])]),
    new Map(QUALIFICATION_TREE.map((n) => [n.code, n.parent ?? null])),
  ];
  const fieldCodes = new Set(fields.map((f) => f.code));
  // Additive children of each code per dimension (fields excluded: they are "of which" cells).
  const children = maps.map((m, d) => {
    const c = new Map<string, string[]>();
    for (const [code, p] of m) if (p && !(d === 1 && fieldCodes.has(code))) c.set(p, [...(c.get(p) ?? []), code]);
    return c;
  });
  return { parents: maps, children };
}

const withDim = (k: [string, string, string], d: Dim, code: string): [string, string, string] => {
  const out = [...k] as [string, string, string];
  out[d] = code;
  return out;
};

/**
 * Additive parts of a cell in one dimension as served: each tree child, or,
 * where a child is not served (e.g. regional totals are hidden when provinces
 * are missing), that child's own children, recursively. So VN is checked
 * against Σ provinces whenever the regions in between are not served.
 * `missing` = tree leaves with no served cell (absent = 0).
 */
function servedParts(children: Map<string, string[]>, code: string, has: (code: string) => boolean): { parts: string[]; missing: number } {
  const parts: string[] = [];
  let missing = 0;
  const walk = (c: string) => {
    for (const x of children.get(c) ?? []) {
      if (has(x)) parts.push(x);
      else if (children.has(x)) walk(x);
      else missing++;
    }
  };
  walk(code);
  return { parts, missing };
}

/** Nearest served ancestor of a code in one dimension. */
function servedParent(parents: Map<string, string | null>, code: string, has: (code: string) => boolean): string | undefined {
  let p = parents.get(code);
  while (p && !has(p)) p = parents.get(p);
  return p ?? undefined;
}

/** Values of `b` on the periods of `a` (NaN where missing). */
function onPeriods(a: { periods: string[] }, b: { periods: string[]; values: readonly number[] }): number[] {
  const at = new Map(b.periods.map((p, i) => [p, b.values[i]!]));
  return a.periods.map((p) => at.get(p) ?? NaN);
}

/** Sum mismatches with the tolerance relative to the largest magnitude among parent and parts (flows can be ~0 or negative). */
function flowSumMismatch(parent: number, parts: number[], relTol = 1e-6): boolean {
  const sum = parts.reduce((a, b) => a + b, 0);
  const scale = Math.max(Math.abs(parent), ...parts.map(Math.abs), 1);
  return Math.abs(sum - parent) > relTol * scale;
}

/** Full history + forecast of a served cell, by period. */
function fullPath(f: CellForecast): { periods: string[]; values: number[] } {
  return { periods: [...f.history.map((p) => p.period), ...f.forecast.periods], values: [...f.history.map((p) => p.value), ...f.forecast.mean] };
}

/** Count every coherence violation over all scenarios of an outlook set. */
export function coherenceTable(set: OutlookSet): CoherenceLine[] {
  const { parents, children } = parentMaps();
  const c = {
    eAboveLf: 0,
    eLfYears: 0,
    urMismatch: 0,
    urYears: 0,
    vanish: 0,
    vanishCells: 0,
    partsF: 0,
    partsChecked: 0,
    negF: 0,
    negG: 0,
    negChecked: 0,
    sumF: 0,
    sumFChecked: 0,
    sumG: 0,
    sumGChecked: 0,
    incomplete: 0,
    small: 0,
    smallChecked: 0,
    supplyAboveEntrants: 0,
    supplyChecked: 0,
  };
  for (const outlook of Object.values(set.outlooks)) {
    const base = String(outlook.baseYear);
    const emp = new Map<string, CellForecast>();
    for (const f of outlook.forecasts) if (f.indicator === 'employment') emp.set(key(f.region, f.sector, f.qualification), f);

    // Negative values: every served forecast (mean and interval bounds).
    for (const f of outlook.forecasts) {
      c.negF += countNegative(f.forecast.mean) + f.forecast.intervals.reduce((n, iv) => n + countNegative(iv.lower) + countNegative(iv.upper), 0);
      c.negChecked += f.forecast.mean.length * (1 + 2 * f.forecast.intervals.length);
    }

    // Employment ≤ labour force, national and per region (history + forecast), and u = 1 − E/LF where a rate is served.
    for (const lf of outlook.forecasts.filter((f) => f.indicator === 'labour_force' && f.sector === 'TOTAL' && f.qualification === 'ALL')) {
      const e = emp.get(key(lf.region, 'TOTAL', 'ALL'));
      if (!e) continue;
      const lp = fullPath(lf);
      const ev = onPeriods(lp, fullPath(e));
      const ok = ev.map((v, i) => [v, lp.values[i]!]).filter(([v]) => Number.isFinite(v));
      c.eAboveLf += countEmploymentAboveLabourForce(
        ok.map((x) => x[0]!),
        ok.map((x) => x[1]!),
      );
      c.eLfYears += ok.length;
      const ur = outlook.forecasts.find(
        (f) => f.indicator === 'unemployment_rate' && f.region === lf.region && f.sector === 'TOTAL' && f.qualification === 'ALL',
      );
      if (ur) {
        // Forecast years only: history is the official rate (it differs from 1 − E/LF by definition, see the methodology page).
        const uv = ur.forecast.mean;
        const lv = onPeriods(ur.forecast, lp);
        const evf = onPeriods(ur.forecast, fullPath(e));
        uv.forEach((u, i) => {
          if (!Number.isFinite(lv[i]!) || !Number.isFinite(evf[i]!)) return;
          c.urYears++;
          if (Math.abs(u - 100 * (1 - evf[i]! / lv[i]!)) > 0.01) c.urMismatch++;
        });
      }
    }

    for (const [k, f] of emp) {
      const kk = k.split('|') as [string, string, string];
      const mean = f.forecast.mean;
      // Parts exceeding their parent, in each dimension.
      const ratios: number[][] = [];
      for (const d of [0, 1, 2] as Dim[]) {
        const p = servedParent(parents[d], kk[d], (x) => emp.has(key(...withDim(kk, d, x))));
        const pf = p ? emp.get(key(...withDim(kk, d, p))) : undefined;
        if (!pf) continue;
        const pm = onPeriods(f.forecast, { periods: pf.forecast.periods, values: pf.forecast.mean });
        c.partsF += countPartsExceedingParent(pm, { cell: mean });
        c.partsChecked += mean.length;
        const pBase = pf.history.find((h) => h.period === base)?.value;
        if (pBase && pBase > 0) ratios.push(pm.map((v) => v / pBase));
      }
      // Vanishing cells: the parent that falls most is the one that may explain a fall ("parent falling alike").
      const cellBase = f.history.find((h) => h.period === base)?.value;
      if (cellBase !== undefined && cellBase >= 1000) {
        c.vanishCells++;
        const parentPath = mean.map((_, t) => (ratios.length ? Math.min(...ratios.map((r) => r[t]!)) : 1));
        const cell: CellPath = { base: cellBase, path: mean, parentBase: 1, parentPath };
        c.vanish += countVanishingCells([cell]);
      }
      // Sums: each parent = Σ its additive children, per dimension.
      for (const d of [0, 1, 2] as Dim[]) {
        if (!children[d].has(kk[d])) continue;
        const sp = servedParts(children[d], kk[d], (x) => emp.has(key(...withDim(kk, d, x))));
        const present = sp.parts.map((x) => emp.get(key(...withDim(kk, d, x)))!);
        if (present.length === 0) continue;
        if (sp.missing) c.incomplete++;
        const parts = Object.fromEntries(present.map((x, i) => [i, onPeriods(f.forecast, { periods: x.forecast.periods, values: x.forecast.mean })]));
        c.sumF += countSumMismatches(mean, parts);
        c.sumFChecked += mean.length;
      }
    }

    // Gap rows: sums of the flows, non-negative parts, minimum size.
    const gaps = new Map<string, GapRow>();
    for (const g of outlook.gaps) gaps.set(`${key(g.region, g.sector, g.qualification)}|${g.horizon}`, g);
    for (const g of outlook.gaps) {
      c.negG += NON_NEGATIVE_GAP.filter((f) => !(g[f] >= 0)).length;
      const kk: [string, string, string] = [g.region, g.sector, g.qualification];
      for (const d of [0, 1, 2] as Dim[]) {
        if (!children[d].has(kk[d])) continue;
        const gk = (x: string) => `${key(...withDim(kk, d, x))}|${g.horizon}`;
        const present = servedParts(children[d], kk[d], (x) => gaps.has(gk(x))).parts.map((x) => gaps.get(gk(x))!);
        if (present.length === 0) continue;
        for (const flow of ADDITIVE_FLOWS) {
          c.sumGChecked++;
          if (
            flowSumMismatch(
              g[flow],
              present.map((x) => x[flow]),
            )
          )
            c.sumG++;
        }
      }
    }
    // One system: national new supply is made of the labour force's entrants (other-entrants.ts).
    const entrants = outlook.assumptions.newSupply?.lfEntrants;
    if (entrants)
      for (const g of outlook.gaps) {
        if (g.region !== 'VN' || g.sector !== 'TOTAL' || g.qualification !== 'ALL') continue;
        const inflow = entrants.slice(0, g.horizon).reduce((a, b) => a + b, 0);
        c.supplyChecked++;
        if (g.newSupply > inflow * 1.001 + 10) c.supplyAboveEntrants++;
      }
    const t = outlook.assumptions.thresholds;
    c.small += countSmallFlaggedOrRanked(
      outlook.gaps.map((g) => ({
        size: g.employmentBase,
        openings: g.openings,
        replacement: g.replacement,
        expansion: g.expansion,
        flag: g.flag,
        rank: g.rank,
      })),
      t.smallCell,
      t.minOpenings ?? 500,
    );
    c.smallChecked += outlook.gaps.length;
  }
  const n = Object.keys(set.outlooks).length;
  return [
    {
      id: 'employmentAboveLabourForce',
      label: 'years where employment > labour force (VN and each region with a labour force)',
      count: c.eAboveLf,
      checked: c.eLfYears,
      gate: true,
    },
    {
      id: 'unemploymentRateNotOneMinusEOverLf',
      label: 'forecast years where unemployment rate ≠ 100 × (1 − E/LF) by > 0.01 pp',
      count: c.urMismatch,
      checked: c.urYears,
      gate: true,
    },
    {
      id: 'vanishingCells',
      label: 'cells ≥ 1,000 in base below 20 % of base within 10 years (no parent falling alike)',
      count: c.vanish,
      checked: c.vanishCells,
      gate: true,
    },
    {
      id: 'partsExceedingParent',
      label: 'part-years above parent (province ≤ region ≤ VN, section ≤ broad ≤ TOTAL, level ≤ ALL, field ≤ section)',
      count: c.partsF,
      checked: c.partsChecked,
      gate: true,
    },
    {
      id: 'negativeForecasts',
      label: 'negative forecast values (means and 80/95 % bounds, every served series)',
      count: c.negF,
      checked: c.negChecked,
      gate: true,
    },
    {
      id: 'negativeGapParts',
      label: 'negative gap parts (employment base/end, replacement, new supply)',
      count: c.negG,
      checked: Object.values(set.outlooks).reduce((a, o) => a + o.gaps.length * NON_NEGATIVE_GAP.length, 0),
      gate: true,
    },
    {
      id: 'newSupplyAboveEntrants',
      label: 'horizons where national new supply > the labour force’s entrants (Σ lfEntrants) by > 0.1 %',
      count: c.supplyAboveEntrants,
      checked: c.supplyChecked,
      gate: true,
    },
    {
      id: 'sumMismatchesForecasts',
      label: 'employment parent-years ≠ Σ parts by > 1e-6 rel (VN = Σ regions = Σ provinces, TOTAL = Σ sections, ALL = Σ levels)',
      count: c.sumF,
      checked: c.sumFChecked,
      gate: true,
    },
    {
      id: 'sumMismatchesGaps',
      label: 'gap parent-rows ≠ Σ parts by > 1e-6 rel (openings, expansion, replacement, new supply)',
      count: c.sumG,
      checked: c.sumGChecked,
      gate: true,
    },
    {
      id: 'smallCellsFlaggedOrRanked',
      label: 'rows below min size (served smallCell workers or minOpenings gross openings) flagged or ranked',
      count: c.small,
      checked: c.smallChecked,
      gate: true,
    },
    {
      id: 'incompleteParents',
      label: `(info) parent-cells × scenarios (${n}) summed over the children present: some tree children have no data (new fields exist in some provinces only; absent = 0)`,
      count: c.incomplete,
      checked: 0,
      gate: false,
    },
  ];
}
