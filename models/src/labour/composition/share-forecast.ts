/**
 * Compositional forecast of the parts of a parent (sections of a broad sector,
 * provinces of a region, qualification levels of a cell) as shares.
 *
 * Method: yearly shares → additive log-ratios against the reference part (the
 * largest in the base year) → each log-ratio forecast by the caller's
 * forecaster → drift capped (bounded change) → softmax back to shares.
 *
 * Guarantees, by construction:
 * - every share of a part that is positive in some year is in (0, 1), and the
 *   shares of each year sum to 1 (within 1e-12), so part = share × parent
 *   never exceeds the parent and the parts add up to it;
 * - a part that is 0 in every history year stays exactly 0;
 * - a part with some zero years has those zeros floored at half its smallest
 *   positive share (then the year is renormalised) so its logarithm exists;
 * - bounded change: with the default cap no share falls below 20 % of its
 *   base share (nor rises above 5× it) within 10 years (see
 *   {@link driftCapPerYear}). A part can still fall further in level when its
 *   parent falls — that is the parent's model's business. The base share is the
 *   modelled one, which differs from the observed one only when another part is
 *   floored in the base year (then by the factor 1 / (1 + its floor)).
 */
import { dampedDrift, type PathForecaster, type PathInterval, type PathForecast } from './forecaster';
import { capPath, driftCapPerYear, floorZeros, logRatios, softmax } from './log-ratio';
import { deltaShareIntervals, simulateShareIntervals } from './share-intervals';

export interface CompositionOptions {
  /** PathForecaster of each log-ratio series; default {@link dampedDrift}. */
  forecaster?: PathForecaster;
  /**
   * Bounded-change rule: no share below `minRetention` × base share within
   * `years` years (default 0.2 and 10). `false` switches the cap off.
   */
  cap?: { minRetention: number; years: number } | false;
  /**
   * How share intervals are made from the log-ratio intervals: 'delta'
   * (default, fast) or 'simulate' (draws; see share-intervals.ts).
   */
  intervalMethod?: 'delta' | 'simulate';
  /** Draws for 'simulate' (default 1,000). */
  simulations?: number;
  /** Seed of the interval simulation (default 12), for reproducible bounds. */
  seed?: number;
}

export interface CompositionForecast {
  /** Part names in input order. */
  names: string[];
  /** The reference part of the log-ratios (largest base share); null if only zeros besides one part. */
  reference: string | null;
  /** Historical shares actually modelled (after floors), each year summing to 1. */
  history: Record<string, number[]>;
  /** Forecast shares for the h years after the base year; each year sums to 1. */
  mean: Record<string, number[]>;
  /** Share intervals in [0, 1] at the levels the forecaster gave (empty if none). */
  intervals: Record<string, PathInterval[]>;
  /** Floor used for zero years of each part (0 when none was needed). */
  floors: Record<string, number>;
  /** Parts that are 0 in every history year, kept at 0. */
  zeroParts: string[];
  /** Yearly log-ratio drift cap, or null when the cap is off. */
  driftCap: number | null;
}

function validate(history: Record<string, number[]>, h: number): { names: string[]; n: number } {
  const names = Object.keys(history);
  if (names.length === 0) throw new Error('forecastComposition needs at least one part.');
  const n = history[names[0]!]!.length;
  if (n === 0) throw new Error('forecastComposition needs at least one history year.');
  if (!Number.isInteger(h) || h < 0) throw new Error(`Horizon must be a whole number ≥ 0; got ${h}.`);
  for (const name of names) {
    const v = history[name]!;
    if (v.length !== n) throw new Error(`Part "${name}" has ${v.length} years, "${names[0]}" has ${n}.`);
    v.forEach((x, i) => {
      if (!Number.isFinite(x) || x < 0) throw new Error(`Part "${name}" year ${i + 1} is ${x}; values must be finite and ≥ 0.`);
    });
  }
  for (let t = 0; t < n; t++) {
    if (!(names.reduce((s, k) => s + history[k]![t]!, 0) > 0)) throw new Error(`History year ${t + 1} has no positive part.`);
  }
  return { names, n };
}

/** Make wider levels contain narrower ones exactly (rounding at the cap band can differ by an ulp). */
function nest(ivs: PathInterval[]): PathInterval[] {
  const order = [...ivs].sort((a, b) => a.level - b.level);
  for (let i = 1; i < order.length; i++) {
    const inner = order[i - 1]!;
    const outer = order[i]!;
    outer.lower = outer.lower.map((v, j) => Math.min(v, inner.lower[j]!));
    outer.upper = outer.upper.map((v, j) => Math.max(v, inner.upper[j]!));
  }
  return ivs;
}

/** Yearly shares of each part, normalised so each year sums to 1. */
function toShares(history: Record<string, number[]>, names: string[], n: number): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, new Array<number>(n)]));
  for (let t = 0; t < n; t++) {
    const total = names.reduce((s, k) => s + history[k]![t]!, 0);
    for (const k of names) out[k]![t] = history[k]![t]! / total;
  }
  return out;
}

/**
 * Forecast the shares of the parts of a parent for `h` years.
 * @param history part name → non-negative levels (or shares) per history year,
 *   all the same length; each year is normalised to shares. The last year is the base.
 */
export function forecastComposition(history: Record<string, number[]>, h: number, options: CompositionOptions = {}): CompositionForecast {
  const { names, n } = validate(history, h);
  const forecaster = options.forecaster ?? ((v: number[], hh: number) => dampedDrift(v, hh));
  const rho = options.cap === false ? null : driftCapPerYear(options.cap?.minRetention ?? 0.2, options.cap?.years ?? 10);
  const raw = toShares(history, names, n);
  const zeroParts = names.filter((k) => raw[k]!.every((s) => s === 0));
  const active = names.filter((k) => !zeroParts.includes(k));

  const floors: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  const floored: Record<string, number[]> = {};
  for (const k of active) {
    const f = floorZeros(raw[k]!);
    floors[k] = f.floor;
    floored[k] = f.values;
  }
  const shares = toShares(floored, active, n);
  for (const k of zeroParts) shares[k] = new Array<number>(n).fill(0);

  const mean: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, new Array<number>(h).fill(0)]));
  const intervals: Record<string, PathInterval[]> = Object.fromEntries(names.map((k) => [k, []]));
  const historyOut = Object.fromEntries(names.map((k) => [k, shares[k]!]));
  const result: CompositionForecast = { names, reference: null, history: historyOut, mean, intervals, floors, zeroParts, driftCap: rho };

  if (active.length === 1) {
    mean[active[0]!]!.fill(1);
    result.reference = active[0]!;
    return result;
  }
  const refIdx = active.reduce((best, k, i) => (shares[k]![n - 1]! > shares[active[best]!]![n - 1]! ? i : best), 0);
  result.reference = active[refIdx]!;

  // Log-ratio history of each active part (the reference's is all 0).
  const z: number[][] = active.map(() => new Array<number>(n));
  for (let t = 0; t < n; t++) {
    const lr = logRatios(
      active.map((k) => shares[k]![t]!),
      refIdx,
    );
    lr.forEach((v, p) => (z[p]![t] = v));
  }
  const base = z.map((path) => path[n - 1]!);
  const fits: (PathForecast | null)[] = active.map((_, p) => (p === refIdx ? null : forecaster(z[p]!, h)));
  const capped = active.map((_, p) => {
    const f = fits[p];
    if (!f) return new Array<number>(h).fill(0);
    if (f.mean.length < h) throw new Error(`The forecaster returned ${f.mean.length} values for a horizon of ${h}.`);
    // A non-finite forecast step keeps the base log-ratio (the share holds) rather than poisoning the softmax.
    const m = f.mean.slice(0, h).map((v) => (Number.isFinite(v) ? v : base[p]!));
    return rho === null ? m : capPath(m, base[p]!, rho);
  });

  const meanShares: number[][] = active.map(() => new Array<number>(h));
  for (let j = 0; j < h; j++) {
    softmax(capped.map((path) => path[j]!)).forEach((s, p) => (meanShares[p]![j] = s));
  }
  active.forEach((k, p) => (mean[k] = meanShares[p]!));

  const levelSets = fits.filter((f): f is PathForecast => f !== null).map((f) => (f.intervals ?? []).map((iv) => iv.level));
  const levels = (levelSets[0] ?? []).filter((lv) => levelSets.every((set) => set.includes(lv)));
  if (levels.length > 0 && h > 0) {
    const input = {
      means: capped,
      raw: fits,
      base,
      rho,
      meanShares,
      levels,
      baseShares: active.map((k) => shares[k]![n - 1]!),
      simulations: Math.max(1, options.simulations ?? 1000),
      seed: options.seed ?? 12,
    };
    const sim = options.intervalMethod === 'simulate' ? simulateShareIntervals(input) : deltaShareIntervals(input);
    active.forEach((k, p) => (intervals[k] = nest(sim[p]!)));
    for (const k of zeroParts) {
      intervals[k] = levels.map((level) => ({ level, lower: new Array<number>(h).fill(0), upper: new Array<number>(h).fill(0) }));
    }
  }
  return result;
}
