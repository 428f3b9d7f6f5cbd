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
 *
 * Uncertainty of graduates (80 % half-widths), one documented rule:
 * - Short series (fewer than {@link GRAD_SHORT_SERIES_YEARS} observed years,
 *   e.g. the five illustrative points 2021–2025) have their relative
 *   half-width bounded to [{@link GRAD_REL_HALF_FLOOR}, {@link GRAD_REL_HALF_CAP}] × √k
 *   (k = years past the last observation). The cap is the 80 % quantile of the
 *   drift-adjusted log error of a naive forecast of GSO's real national
 *   graduates series (universities and colleges, 2000–2016, ≈ 0.155·√k); a
 *   five-point fit cannot know more than 16 years of real history showed, nor
 *   (floor) claim to know a flow of people to within a few percent.
 * - A total combines its parts as equicorrelated series: linear across areas
 *   (an area's graduates are a fixed share of the national series, so fully
 *   correlated), and across the graduates series (sections/fields × levels)
 *   half = √((1−ρ)·Σh² + ρ·(Σh)²). ρ is chosen so that the national total's
 *   band equals the band of the engine's own forecast of the aggregate
 *   (all national graduates summed first, then forecast, same bounds): the
 *   aggregate is forecast first and its uncertainty shared out. ρ = 0 would be
 *   independent sections (quadrature), ρ = 1 the old linear sum.
 */
import { forecastCell } from './engine';
import { contiguousHistory, type IndexedCell, type ObservationIndex } from './observations';
import { aggregateAlongAxis, aggregateTensor, type Reconciler } from './reconcile';
import type { Grid } from './projection';
import { DEFAULT_OTHER_ENTRANTS_RATE } from './other-entrants';
import { flowAllocator, type FlowSeries } from './supply-allocate';

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
  /**
   * ρ with which totals combine the graduates bands of different series ({@link aggregateSupplyHalf});
   * absent = 1 (linear sums).
   */
  gradCorrelation?: number;
}

/** Series with fewer observed years than this get the bounded relative half-width below. */
export const GRAD_SHORT_SERIES_YEARS = 10;
/** Cap of a short series' relative 80 % half-width per √year ahead (GSO graduates 2000–2016, naive-with-drift 80 % log error ≈ 0.155·√k). */
export const GRAD_REL_HALF_CAP = 0.155;
/** Floor of a short series' relative 80 % half-width per √year ahead (judgement: a third of the cap). */
export const GRAD_REL_HALF_FLOOR = 0.05;

/** Bound the half-widths of a short series' forecast: [floor, cap] × √k × mean (k = 1 for the first forecast year). */
export function boundShortHalf(mean: readonly number[], half: readonly number[]): number[] {
  return mean.map((m, i) => {
    const scale = Math.sqrt(i + 1) * Math.max(0, m);
    const h = Number.isFinite(half[i]) ? half[i] : Infinity;
    return Math.min(Math.max(h, GRAD_REL_HALF_FLOOR * scale), GRAD_REL_HALF_CAP * scale);
  });
}

/**
 * Aggregate the bottom cells' graduates half-widths to every total, in place:
 * linear along the area axis (0), then √((1−ρ)·Q² + ρ·L²) where Q combines
 * the other axes (sectors, levels) in quadrature and L linearly.
 */
export function aggregateSupplyHalf(rec: Reconciler, half: Float64Array, rho: number): Float64Array {
  const r = Math.min(1, Math.max(0, rho));
  const lin = aggregateTensor(rec, Float64Array.from(half));
  if (r >= 1) {
    half.set(lin);
    return half;
  }
  const q = Float64Array.from(half);
  aggregateAlongAxis(q, rec.shape, 0, rec.dims[0]);
  for (let i = 0; i < q.length; i++) q[i] *= q[i];
  for (let axis = 1; axis < rec.dims.length; axis++) aggregateAlongAxis(q, rec.shape, axis, rec.dims[axis]);
  for (let i = 0; i < half.length; i++) half[i] = Math.sqrt(Math.max(0, (1 - r) * q[i] + r * lin[i] * lin[i]));
  return half;
}

/**
 * ρ of {@link aggregateSupplyHalf} that makes the root's cumulative band equal `target`
 * (clamped to [0, 1]; 1 when the parts' linear and quadrature sums coincide).
 */
export function equicorrelation(linear: number, quadrature: number, target: number): number {
  const d = linear * linear - quadrature * quadrature;
  if (!(d > 0) || !Number.isFinite(target)) return 1;
  return Math.min(1, Math.max(0, (target * target - quadrature * quadrature) / d));
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
  if (values.length < GRAD_SHORT_SERIES_YEARS) fc.half = boundShortHalf(fc.mean, fc.half);
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
  const allocate = flowAllocator(index, grid, (cell) => forecastFlow(cell, horizon, baseYear));
  const bottomR = new Set(dr.bottom);
  const bottomS = new Set(ds.bottom);
  const bottomQ = new Set(dq.bottom);
  const zeros = new Float64Array(horizon);
  const hasEntrants = index.byIndicator.has('entrants');

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
  const gradCorrelation = correlationOf(index, grid, gradMean, gradHalf80, (cell) => forecastFlow(cell, horizon, baseYear));
  return { gradMean, gradHalf80, other, otherFromData, latestGrad, covered, gradCorrelation };
}

/**
 * ρ for the grid: the cumulative (whole-horizon) band of the root from the
 * bottom cells, linear vs quadrature across series, against the engine's
 * forecast of the aggregate (national graduates of every bottom area, sector
 * and level of the grid, summed first), as a share of its mean, applied to the
 * root's mean.
 */
function correlationOf(
  index: ObservationIndex,
  grid: Grid,
  gradMean: Float64Array[],
  gradHalf80: Float64Array[],
  forecast: (cell: IndexedCell) => FlowSeries | null,
): number {
  const { reconciler: rec, nodes, horizon, baseYear } = grid;
  const [dr, ds, dq] = rec.dims;
  const cumMean = new Float64Array(nodes.length);
  const cumHalf = new Float64Array(nodes.length);
  for (let off = 0; off < nodes.length; off++) {
    for (let t = 0; t < horizon; t++) {
      cumMean[off] += gradMean[off][t] ?? 0;
      cumHalf[off] += gradHalf80[off][t] ?? 0;
    }
  }
  const root = nodes.findIndex((n) => !dr.parent.get(n.region) && !ds.parent.get(n.sector) && !dq.parent.get(n.qualification));
  if (root < 0) return 1;
  const lin = aggregateSupplyHalf(rec, Float64Array.from(cumHalf), 1)[root];
  const quad = aggregateSupplyHalf(rec, Float64Array.from(cumHalf), 0)[root];
  const mean = aggregateTensor(rec, cumMean)[root];
  // The aggregate's own history: the bottom cells' graduates summed by year (no double counting of totals).
  const byYear = new Map<number, number>();
  const bottom = (d: typeof dr) => new Set(d.bottom);
  const [br, bs, bq] = [bottom(dr), bottom(ds), bottom(dq)];
  for (const c of index.byIndicator.get('graduates') ?? []) {
    if (!br.has(c.region) || !bs.has(c.sector) || !bq.has(c.qualification)) continue;
    for (const [y, o] of c.byYear) if (y <= baseYear) byYear.set(y, (byYear.get(y) ?? 0) + o.value);
  }
  if (byYear.size === 0 || !(mean > 0)) return 1;
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0];
  const cell: IndexedCell = {
    indicator: 'graduates',
    region: dr.bottom[0],
    sector: ds.bottom[0],
    qualification: dq.bottom[0],
    unit: 'persons',
    byYear: new Map(
      years.map((y) => [
        y,
        {
          indicator: 'graduates',
          period: String(y),
          region: dr.bottom[0],
          sector: ds.bottom[0],
          qualification: dq.bottom[0],
          value: byYear.get(y)!,
          unit: 'persons',
          status: 'modelled',
          source: "Σ graduates of the grid's bottom cells",
        },
      ]),
    ),
  };
  const agg = years.every((y, i) => y === first + i) ? forecast(cell) : null;
  if (!agg) return 1;
  const aggMean = agg.mean.reduce((a, v) => a + v, 0);
  const aggHalf = agg.half80.reduce((a, v) => a + v, 0);
  if (!(aggMean > 0)) return 1;
  return equicorrelation(lin, quad, (aggHalf / aggMean) * mean);
}
