/**
 * New supply = graduates × labour-market entry rate + other entrants (COPS:
 * school leavers + other job seekers).
 *
 * Graduates are published by level and field (a field is mapped to the sector
 * that employs it most), usually for larger areas than a province. Each
 * `graduates` series is forecast with the engine, then shared among the
 * detailed cells it covers in proportion to their base-year employment: the
 * assumption is that graduates take jobs where their field's jobs are. A cell
 * covered by several graduates series takes the most detailed one.
 *
 * Other entrants (people entering work without a new qualification: school
 * leavers without a certificate, re-entrants, migrants from abroad) come from
 * an `entrants` indicator when the data have it (`otherFromData`); otherwise
 * the scenario step takes them from the national system's demographic inflow
 * (other-entrants.ts `otherEntrantsFromSystem`). `other` holds the fallback
 * used without a national system: rate per level × base employment.
 */
import { forecastCell } from './engine';
import { ancestors } from './structure';
import { contiguousHistory, type IndexedCell, type ObservationIndex } from './observations';
import type { Grid } from './projection';
import { DEFAULT_OTHER_ENTRANTS_RATE } from './other-entrants';

/**
 * Share of graduates who enter the labour market in their field within the
 * year (the rest continue studying, do military service, work abroad or stay
 * inactive). Assumption (unconfirmed), in line with graduate tracer studies
 * reporting 80–90% employed within a year of graduating.
 */
export const DEFAULT_ENTRY_RATE = 0.85;

/** Graduates and other entrants of every bottom cell, per year of the horizon (before the entry rate). */
export interface SupplyInputs {
  /** gradMean[off][t]: graduates allocated to the cell in year base+t+1. */
  gradMean: Float64Array[];
  /** Half-width of the 80% interval of those graduates, per year. */
  gradHalf80: Float64Array[];
  /** other[off][t]: other entrants (already entrants, no entry rate applied): `entrants` data, else the fallback rate × base. */
  other: Float64Array[];
  /** 1 where `entrants` data give the cell's other entrants (they override the demographic inflow). */
  otherFromData: Uint8Array;
  /** Latest observed graduates per year covering each bottom cell (allocated), for training-output displays. */
  latestGrad: Float64Array;
  /** Whether graduates data covered the cell. */
  covered: Uint8Array;
}

interface FlowSeries {
  mean: number[];
  half80: number[];
  latest: number;
}

function forecastFlow(c: IndexedCell | undefined, horizon: number, baseYear: number): FlowSeries | null {
  if (!c) return null;
  const hist = contiguousHistory(c).filter((p) => Number(p.period) <= baseYear + horizon);
  if (hist.length === 0) return null;
  const last = Number(hist[hist.length - 1].period);
  // Planned future flows (e.g. enrolment plans) are kept as given for those years.
  const observedUpToBase = hist.filter((p) => Number(p.period) <= baseYear);
  const values = (observedUpToBase.length ? observedUpToBase : hist).map((p) => p.value);
  const start = (observedUpToBase.length ? observedUpToBase : hist)[0].period;
  const lastFit = Number(start) + values.length - 1;
  const h = baseYear + horizon - lastFit;
  let fc: { mean: number[]; half: number[] };
  if (values.every((v) => v === 0)) fc = { mean: new Array(h).fill(0), half: new Array(h).fill(0) };
  else if (values.length < 3) fc = { mean: new Array(h).fill(values[values.length - 1]), half: new Array(h).fill(0.2 * values[values.length - 1]) };
  else {
    const { forecast } = forecastCell({ values, start, frequency: 1 }, h, [80]);
    const iv = forecast.intervals[0];
    fc = { mean: forecast.mean, half: iv.upper.map((u, i) => (u - iv.lower[i]) / 2) };
  }
  const mean = new Array<number>(horizon);
  const half80 = new Array<number>(horizon);
  for (let t = 0; t < horizon; t++) {
    const year = baseYear + t + 1;
    const planned = year > lastFit ? c.byYear.get(year) : undefined;
    const k = year - lastFit - 1;
    if (planned && last > baseYear) {
      mean[t] = planned.value;
      half80[t] = 0.1 * planned.value;
    } else if (k >= 0) {
      mean[t] = fc.mean[k];
      half80[t] = fc.half[k];
    } else {
      const o = c.byYear.get(year);
      mean[t] = o?.value ?? 0;
      half80[t] = 0;
    }
  }
  const latestObs = observedUpToBase.length ? observedUpToBase[observedUpToBase.length - 1].value : values[values.length - 1];
  return { mean, half80, latest: latestObs };
}

/**
 * Supply inputs for the bottom cells of a grid. A new field's grid has only
 * the field as sector, so only graduates of that field count (graduates of
 * the parent section are already supply of the section).
 * @param options.otherEntrantsRate other entrants per year as a share of base employment, by level
 */
export function supplyInputs(index: ObservationIndex, grid: Grid, options: { otherEntrantsRate?: Record<string, number> } = {}): SupplyInputs {
  const { reconciler, nodes, horizon, baseYear } = grid;
  const [dr, ds, dq] = reconciler.dims;
  const size = nodes.length;
  const gradMean: Float64Array[] = new Array(size);
  const gradHalf80: Float64Array[] = new Array(size);
  const other: Float64Array[] = new Array(size);
  const latestGrad = new Float64Array(size);
  const covered = new Uint8Array(size);
  const otherFromData = new Uint8Array(size);
  const otherRate = options.otherEntrantsRate ?? DEFAULT_OTHER_ENTRANTS_RATE;
  const nodeAt = new Map<string, number>();
  nodes.forEach((n, off) => nodeAt.set(`${n.region}|${n.sector}|${n.qualification}`, off));
  const flows = new Map<string, FlowSeries | null>();
  const rootRegion = dr.codes.find((c) => !dr.parent.get(c))!;
  const direct = (id: string, cell = index.cells.get(id)) => {
    if (!flows.has(id)) flows.set(id, forecastFlow(cell, horizon, baseYear));
    return flows.get(id)!;
  };
  /** The national cell of a flow, or the sum of the areas' cells when the data give no national figure. */
  const nationalCells = new Map<string, IndexedCell | undefined>();
  const nationalCell = (indicator: string, s: string, q: string): IndexedCell | undefined => {
    const id = `${indicator}|${rootRegion}|${s}|${q}`;
    if (nationalCells.has(id)) return nationalCells.get(id);
    let cell = index.cells.get(id);
    if (!cell) {
      const byYear = new Map<number, IndexedCell['byYear'] extends Map<number, infer O> ? O : never>();
      for (const r of dr.bottom) {
        const c = index.cells.get(`${indicator}|${r}|${s}|${q}`);
        if (!c) continue;
        for (const [y, o] of c.byYear) {
          const prev = byYear.get(y);
          byYear.set(y, prev ? { ...prev, value: prev.value + o.value, status: 'modelled' } : { ...o, region: rootRegion });
        }
      }
      cell = byYear.size ? { indicator, region: rootRegion, sector: s, qualification: q, unit: 'persons', byYear } : undefined;
    }
    nationalCells.set(id, cell);
    return cell;
  };
  /**
   * A sub-national flow is forecast top-down: the national series of the same
   * field and level is fitted, and the area keeps its share of the last three
   * observed years. Short provincial series are noisy, and this fits ~100
   * series instead of thousands. Areas with planned future values keep them.
   */
  const flow = (indicator: string, r: string, s: string, q: string): FlowSeries | null => {
    const id = `${indicator}|${r}|${s}|${q}`;
    if (flows.has(id)) return flows.get(id)!;
    const cell = index.cells.get(id);
    const root = r === rootRegion ? undefined : nationalCell(indicator, s, q);
    let result: FlowSeries | null;
    if (!cell) result = null;
    else if (!root || [...cell.byYear.keys()].some((y) => y > baseYear)) result = direct(id);
    else {
      const national = direct(`${indicator}|${rootRegion}|${s}|${q}`, root);
      const years = [...cell.byYear.keys()].filter((y) => y <= baseYear && root.byYear.has(y)).sort((a, b) => b - a).slice(0, 3);
      const part = years.reduce((a, y) => a + cell.byYear.get(y)!.value, 0);
      const whole = years.reduce((a, y) => a + root.byYear.get(y)!.value, 0);
      if (!national || whole <= 0) result = direct(id);
      else {
        const share = part / whole;
        const latestYear = Math.max(...[...cell.byYear.keys()].filter((y) => y <= baseYear));
        result = {
          mean: national.mean.map((v) => v * share),
          half80: national.half80.map((v) => v * share),
          latest: cell.byYear.get(latestYear)?.value ?? national.latest * share,
        };
      }
    }
    flows.set(id, result);
    return result;
  };
  const bottomR = new Set(dr.bottom);
  const bottomS = new Set(ds.bottom);
  const bottomQ = new Set(dq.bottom);
  const zeros = new Float64Array(horizon);
  const hasEntrants = index.byIndicator.has('entrants');

  /** Most detailed covering series of an indicator, and the leaf's share of it. */
  // When a flow is broken down by level anywhere, its all-levels totals are sums of those
  // levels and must not be shared out again (that would count graduates twice, and give
  // graduates to the no-qualification level).
  const byLevel = new Map<string, boolean>();
  const hasLevels = (indicator: string) => {
    if (!byLevel.has(indicator)) byLevel.set(indicator, (index.byIndicator.get(indicator) ?? []).some((c) => bottomQ.has(c.qualification)));
    return byLevel.get(indicator)!;
  };
  const allocate = (indicator: string, off: number): { f: FlowSeries; share: number } | null => {
    const n = nodes[off];
    for (const q of hasLevels(indicator) ? [n.qualification] : ancestors(dq, n.qualification)) {
      for (const s of ancestors(ds, n.sector)) {
        for (const r of ancestors(dr, n.region)) {
          const f = flow(indicator, r, s, q);
          if (!f) continue;
          const cover = nodeAt.get(`${r}|${s}|${q}`);
          if (cover === undefined) continue;
          const total = nodes[cover].base;
          let share: number;
          if (total > 0) share = n.base / total;
          else {
            // No employment to share by: split evenly among the bottom cells it covers.
            const count = dr.members[dr.index.get(r)!].length * ds.members[ds.index.get(s)!].length * dq.members[dq.index.get(q)!].length;
            share = 1 / count;
          }
          return { f, share };
        }
      }
    }
    return null;
  };

  for (let off = 0; off < size; off++) {
    const n = nodes[off];
    if (!bottomR.has(n.region) || !bottomS.has(n.sector) || !bottomQ.has(n.qualification)) {
      gradMean[off] = zeros;
      gradHalf80[off] = zeros;
      other[off] = zeros;
      continue;
    }
    // Graduates hold a qualification by definition: none go to the no-qualification level.
    const g = n.qualification === 'none' ? null : allocate('graduates', off);
    const gm = new Float64Array(horizon);
    const gh = new Float64Array(horizon);
    if (g) {
      covered[off] = 1;
      for (let t = 0; t < horizon; t++) {
        gm[t] = g.f.mean[t] * g.share;
        gh[t] = g.f.half80[t] * g.share;
      }
      latestGrad[off] = g.f.latest * g.share;
    }
    gradMean[off] = gm;
    gradHalf80[off] = gh;
    const o = new Float64Array(horizon);
    const e = hasEntrants ? allocate('entrants', off) : null;
    if (e) {
      otherFromData[off] = 1;
      for (let t = 0; t < horizon; t++) o[t] = e.f.mean[t] * e.share;
    } else {
      const rate = otherRate[n.qualification] ?? 0;
      for (let t = 0; t < horizon; t++) o[t] = rate * n.base;
    }
    other[off] = o;
  }
  return { gradMean, gradHalf80, other, otherFromData, latestGrad, covered };
}
