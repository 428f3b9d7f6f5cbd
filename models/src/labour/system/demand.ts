/**
 * Demand from the economy (issue 12 §2): employment = real value added ÷
 * labour productivity, with productivity fitted on BROAD sectors (A,
 * industry-construction B-F, services G-U) on the post-2021 basis only, and
 * the sections of a broad sector distributed by composition.
 *
 * Rule (documented on the methodology page, system/methods.ts):
 * 1. Broad-sector employment in the window breakYear…baseYear: the official
 *    broad-sector figure where published (GSO LFS), else the grid's Σ of the
 *    sections (which reproduces the official total in the base year). Value
 *    added: Σ the sections' real value added (GSO GDPVNM, 2010 prices),
 *    observed, then the engine's forecast of ln VA (the scenario lever).
 * 2. Productivity growth g_B = slope of ln(VA/E) on the year in that window
 *    (simple-statistics), clamped to GROWTH_RANGE; damped toward the long-run
 *    aggregate g∞ = slope of ln(Σ VA ÷ national employment), official
 *    national employment with pre-break years × the 2021 splice ratio:
 *    g(t) = g∞ + (g_B − g∞)·φ^t.
 * 3. E_B(t) = E_B(base) × VA_B(t)/VA_B(base) ÷ productivity index(t).
 * 4. Sections of B (their own pre-2021 history is illustrative or on the old
 *    basis): base-year employment moved by the section's own value-added
 *    growth, renormalised to E_B(t) (a common productivity trend inside the
 *    broad sector). Sections without value added keep their base share of B.
 * The base year reproduces the grid's base-year section figures exactly.
 */
import type { PathForecaster } from '../composition/forecaster';
import type { ObservationIndex } from '../observations';
import { cellId } from '../observations';
import { clampGrowth, dampedGrowth, growthIndex, logLinearGrowth, PRODUCTIVITY_DAMPING, type BroadTrend } from './productivity';

/** One section's employment history (consecutive years, last = base year). */
export interface SectionHistory {
  years: number[];
  values: number[];
}

/** The demand side's result for one section. */
export interface SectionDemand {
  /** Employment for baseYear+1 … baseYear+h (before the labour-force cap). */
  path: number[];
  /** 'broad-productivity' (value added ÷ broad-sector productivity), 'broad-share' (no value added) or 'none' (no data). */
  method: 'broad-productivity' | 'broad-share' | 'none';
  reason: string;
  /** Real value added for baseYear … baseYear+h (billion VND, 2010 prices), when used. */
  valueAdded?: number[];
}

/** Demand by section with the fitted trends behind it. */
export interface EconomyDemand {
  sections: Record<string, SectionDemand>;
  trends: BroadTrend[];
  /** Long-run aggregate productivity growth (log points a year) and the years it was fitted on. */
  longRun: { growth: number; years: number[]; fallback: boolean };
  damping: number;
}

const MEASURED = new Set(['official', 'international']);

/** Annual real value added of a section, consecutive run ending at its last year. */
function valueAddedSeries(index: ObservationIndex, section: string, region = 'VN'): { years: number[]; values: number[] } | null {
  const c = index.cells.get(cellId('value_added_real', region, section, 'ALL')) ?? index.cells.get(cellId('value_added_real', region, section, 'TOTAL'));
  if (!c) return null;
  const ys = [...c.byYear.keys()].sort((a, b) => a - b);
  let first = ys.length - 1;
  while (first > 0 && ys[first - 1] === ys[first] - 1) first--;
  const years = ys.slice(first);
  const values = years.map((y) => c.byYear.get(y)!.value);
  return values.length >= 3 && values.every((v) => v > 0) ? { years, values } : null;
}

/** Official (measured) annual employment of a VN cell, by year. */
function officialEmployment(index: ObservationIndex, sector: string): Map<number, number> {
  const c = index.cells.get(cellId('employment', 'VN', sector, 'ALL'));
  return new Map(c ? [...c.byYear].filter(([, o]) => MEASURED.has(o.status) && o.value > 0).map(([y, o]) => [y, o.value]) : []);
}

/**
 * Employment paths by section from value added and broad-sector productivity.
 * `broadOf` maps a section to its broad group (A maps to itself).
 * `valueAddedMultiplier` (scenario lever) scales a section's value-added forecast year by year.
 */
export function economyDemand(
  index: ObservationIndex,
  sections: Record<string, SectionHistory>,
  opts: {
    baseYear: number;
    horizon: number;
    forecaster: PathForecaster;
    broadOf: (section: string) => string;
    breakYear?: number;
    spliceRatio?: number;
    damping?: number;
    valueAddedMultiplier?: (section: string) => readonly number[] | undefined;
  },
): EconomyDemand {
  const { baseYear, horizon: H, forecaster } = opts;
  const breakYear = opts.breakYear ?? 2021;
  const ratio = opts.spliceRatio ?? 1;
  const damping = opts.damping ?? PRODUCTIVITY_DAMPING;
  const base = (s: string) => sections[s].values[sections[s].values.length - 1] ?? 0;

  // 1. Value added by section: observed, then the engine's forecast of ln VA (× scenario multiplier after the base year).
  const va: Record<string, Map<number, number>> = {};
  let lastObserved = Infinity;
  for (const s of Object.keys(sections)) {
    const ser = valueAddedSeries(index, s);
    if (!ser || !(base(s) > 0)) continue;
    const lastVa = ser.years[ser.years.length - 1];
    const need = baseYear + H - lastVa;
    const fc = need > 0 ? forecaster(ser.values.map(Math.log), need).mean.map(Math.exp) : [];
    const mult = opts.valueAddedMultiplier?.(s);
    const m = new Map(ser.years.map((y, i) => [y, ser.values[i]]));
    fc.forEach((v, k) => m.set(lastVa + 1 + k, v));
    for (let t = 1; t <= H && mult; t++) m.set(baseYear + t, m.get(baseYear + t)! * (mult[t - 1] ?? 1));
    const need2 = Array.from({ length: H + 1 }, (_, t) => m.get(baseYear + t));
    if (!need2.every((v) => v !== undefined && Number.isFinite(v) && v > 0)) continue;
    va[s] = m;
    lastObserved = Math.min(lastObserved, lastVa);
  }
  const withVa = Object.keys(va);
  const groups = [...new Set(withVa.map(opts.broadOf))];

  // 2. Broad-sector productivity growth on the post-break window.
  const trends: BroadTrend[] = [];
  for (const g of groups) {
    const all = Object.keys(sections).filter((s) => opts.broadOf(s) === g);
    const vs = withVa.filter((s) => opts.broadOf(s) === g);
    const off = officialEmployment(index, g);
    const years: number[] = [],
      prod: number[] = [],
      src: BroadTrend['employmentSource'] = [];
    for (let y = breakYear; y <= baseYear; y++) {
      const vaG = vs.reduce((a, s) => a + (va[s].get(y) ?? NaN), 0);
      const grid = all.reduce((a, s) => a + (sections[s].values[sections[s].years.indexOf(y)] ?? NaN), 0);
      const e = y === baseYear ? grid : (off.get(y) ?? grid);
      if (!(vaG > 0 && e > 0)) continue;
      years.push(y);
      prod.push(vaG / e);
      src.push(y !== baseYear && off.has(y) ? 'official' : 'grid');
    }
    const f = logLinearGrowth(years, prod);
    trends.push({ group: g, years, employmentSource: src, fitted: f === null ? null : clampGrowth(f), path: [] });
  }

  // 3. Long-run aggregate: Σ observed VA ÷ official national employment (pre-break × splice ratio).
  const nat = officialEmployment(index, 'TOTAL');
  const aggYears: number[] = [],
    aggProd: number[] = [];
  for (const [y, e] of [...nat].sort((a, b) => a[0] - b[0])) {
    if (y > Math.min(baseYear, lastObserved)) continue;
    const v = withVa.reduce((a, s) => a + (va[s].get(y) ?? NaN), 0);
    if (!(v > 0)) continue;
    aggYears.push(y);
    aggProd.push(v / (y < breakYear ? e * ratio : e));
  }
  let longG = logLinearGrowth(aggYears, aggProd, 5);
  const fallback = longG === null;
  if (longG === null) {
    const fitted = trends.filter((t) => t.fitted !== null);
    const w = fitted.map((t) =>
      Object.keys(sections)
        .filter((s) => opts.broadOf(s) === t.group)
        .reduce((a, s) => a + base(s), 0),
    );
    const W = w.reduce((a, x) => a + x, 0);
    longG = W > 0 ? fitted.reduce((a, t, i) => a + t.fitted! * w[i], 0) / W : 0;
  }
  const gLong = clampGrowth(longG);

  // 4. Paths: broad employment from VA ÷ productivity; sections by their VA-moved base shares.
  const out: Record<string, SectionDemand> = {};
  for (const tr of trends) {
    tr.path = tr.fitted === null ? new Array<number>(H).fill(gLong) : dampedGrowth(tr.fitted, gLong, H, damping);
    const idx = growthIndex(tr.path);
    const vs = withVa.filter((s) => opts.broadOf(s) === tr.group);
    const vaG = (y: number) => vs.reduce((a, s) => a + va[s].get(y)!, 0);
    const e0 = vs.reduce((a, s) => a + base(s), 0);
    const eG = Array.from({ length: H }, (_, k) => (e0 * vaG(baseYear + k + 1)) / vaG(baseYear) / idx[k]);
    const moved = (s: string, t: number) => (base(s) * va[s].get(baseYear + t)!) / va[s].get(baseYear)!;
    const why = `broad sector ${tr.group}: productivity growth ${tr.fitted === null ? 'n/a' : (100 * tr.fitted).toFixed(1) + ' %/yr'} fitted ${tr.years[0] ?? '–'}–${tr.years.at(-1) ?? '–'} (post-${breakYear} basis), damped ×${damping}/yr toward the aggregate ${(100 * gLong).toFixed(1)} %/yr`;
    for (const s of vs) {
      out[s] = {
        path: eG.map((v, k) => (v * moved(s, k + 1)) / vs.reduce((a, x) => a + moved(x, k + 1), 0)),
        method: 'broad-productivity',
        reason: `${why}; the section moves with its own value added inside ${tr.group}`,
        valueAdded: Array.from({ length: H + 1 }, (_, t) => va[s].get(baseYear + t)!),
      };
    }
    for (const s of Object.keys(sections).filter((x) => opts.broadOf(x) === tr.group && !out[x])) {
      out[s] =
        base(s) > 0
          ? {
              path: eG.map((v) => (v * base(s)) / e0),
              method: 'broad-share',
              reason: `no value added series: keeps its ${baseYear} share of broad sector ${tr.group}`,
            }
          : { path: new Array<number>(H).fill(0), method: 'none', reason: 'no employment in the base year' };
    }
  }
  return { sections: out, trends, longRun: { growth: gLong, years: aggYears, fallback }, damping };
}
