/**
 * Weighted totals and their sampling variance for survey microdata, computed
 * in one streaming pass over the respondents.
 *
 * Estimator (documented in seeds/examples/README.md as well):
 * - Total of cell c: Ŷ_c = Σ_i w_i·y_ic (Horvitz–Thompson with the file's
 *   final weights; y_ic = 1 when respondent i falls in c).
 * - Variance: with-replacement Taylor linearisation, stratified ("ultimate
 *   cluster"). Within stratum h with n_h units (PSUs when the file has a PSU
 *   column, otherwise respondents) and unit totals z_hj = Σ_{i∈j} w_i·y_ic:
 *     v(Ŷ_c) = Σ_h n_h/(n_h−1) · ( Σ_j z_hj² − (Σ_j z_hj)² / n_h ).
 *   Without a PSU column every respondent is its own unit, so the design
 *   effect of clustering is ignored and standard errors are too small for a
 *   clustered survey such as the LFS; with a PSU column clustering is
 *   captured. Finite-population corrections are ignored (conservative).
 *   A stratum with a single unit contributes no variance (it cannot be
 *   estimated); such strata are counted by `countSingletons()`.
 * - Covariances between two nested cells use the same formula with z·z' in
 *   place of z², which is what a ratio (e.g. an unemployment rate) needs.
 */

/** Cell totals of one PSU, stored sparsely once the PSU's rows have been read. */
interface PsuTotals {
  cells: Int32Array;
  z: Float64Array;
}

/** Accumulators of one stratum. */
interface Stratum {
  units: number;
  /** Σ w·y per cell. */
  sum: Float64Array;
  /** Σ z² per cell: accumulated per respondent without PSUs; derived from `psus` (lazily) with them. */
  sumSq: Float64Array | null;
  /** Respondent count per cell. */
  count: Uint32Array;
  /** PSU id → its cell totals; only with PSUs. */
  psus: Map<string, PsuTotals> | null;
}

/** Estimate, variance and respondent count of one cell (or a sum of strata). */
export interface CellEstimate {
  total: number;
  variance: number;
  count: number;
}

/**
 * Streaming accumulator: `add(stratum, psu, weight, cells)` once per
 * respondent; `estimate(strata, cell)` and `nestedCovariance(...)` afterwards.
 * Cells are small integers chosen by the caller. PSU totals are built in a
 * dense scratch array while a PSU's rows arrive together (the usual order)
 * and stored sparsely when the next PSU starts; a PSU that reappears later is
 * reopened, so any row order gives the same result.
 */
export class StratifiedTotals {
  private readonly strata = new Map<string, Stratum>();
  private lastKey = '';
  private last: Stratum | null = null;
  // The PSU being accumulated.
  private active: Stratum | null = null;
  private activePsu = '';
  private readonly scratch: Float64Array;
  private readonly touched: Int32Array;
  private readonly inScratch: Uint8Array;
  private touchedCount = 0;

  constructor(
    readonly cellCount: number,
    readonly clustered: boolean,
  ) {
    this.scratch = new Float64Array(clustered ? cellCount : 0);
    this.touched = new Int32Array(clustered ? cellCount : 0);
    this.inScratch = new Uint8Array(clustered ? cellCount : 0);
  }

  private stratum(key: string): Stratum {
    if (this.last && key === this.lastKey) return this.last;
    let s = this.strata.get(key);
    if (!s) {
      s = {
        units: 0,
        sum: new Float64Array(this.cellCount),
        sumSq: this.clustered ? null : new Float64Array(this.cellCount),
        count: new Uint32Array(this.cellCount),
        psus: this.clustered ? new Map() : null,
      };
      this.strata.set(key, s);
    }
    this.lastKey = key;
    this.last = s;
    return s;
  }

  /** Adds one respondent with weight `w` to the first `cellCount` cells of `cells` (no duplicates). */
  add(stratumKey: string, psu: string | null, w: number, cells: ArrayLike<number>, cellCount = cells.length): void {
    const s = this.stratum(stratumKey);
    if (s.psus) {
      const id = psu ?? '';
      if (s !== this.active || id !== this.activePsu) this.open(s, id);
      for (let k = 0; k < cellCount; k++) {
        const c = cells[k];
        s.sum[c] += w;
        s.count[c]++;
        if (!this.inScratch[c]) {
          this.inScratch[c] = 1;
          this.touched[this.touchedCount++] = c;
        }
        this.scratch[c] += w;
      }
    } else {
      s.units++;
      const sq = s.sumSq!;
      for (let k = 0; k < cellCount; k++) {
        const c = cells[k];
        s.sum[c] += w;
        s.count[c]++;
        sq[c] += w * w;
      }
    }
  }

  /** Makes (stratum, psu) the PSU being accumulated, reloading its totals if it was seen before. */
  private open(s: Stratum, psu: string): void {
    this.flush();
    this.active = s;
    this.activePsu = psu;
    const seen = s.psus!.get(psu);
    if (seen) {
      for (let i = 0; i < seen.cells.length; i++) {
        const c = seen.cells[i];
        this.inScratch[c] = 1;
        this.touched[this.touchedCount++] = c;
        this.scratch[c] = seen.z[i];
      }
    } else {
      s.units++;
      s.psus!.set(psu, { cells: new Int32Array(0), z: new Float64Array(0) });
    }
  }

  /** Stores the active PSU's totals sparsely and clears the scratch array. */
  private flush(): void {
    const s = this.active;
    if (!s) return;
    const n = this.touchedCount;
    const cells = new Int32Array(n);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = this.touched[i];
      cells[i] = c;
      z[i] = this.scratch[c];
      this.scratch[c] = 0;
      this.inScratch[c] = 0;
    }
    s.psus!.set(this.activePsu, { cells, z });
    s.sumSq = null;
    this.touchedCount = 0;
    this.active = null;
  }

  /** Keys of all strata seen so far. */
  strataKeys(): string[] {
    return [...this.strata.keys()];
  }

  /** Total, variance and count of `cell` summed over the given strata. */
  estimate(strataKeys: Iterable<string>, cell: number): CellEstimate {
    this.flush();
    let total = 0;
    let variance = 0;
    let count = 0;
    for (const key of strataKeys) {
      const s = this.strata.get(key);
      if (!s) continue;
      total += s.sum[cell];
      count += s.count[cell];
      variance += this.stratumCovariance(s, cell, cell);
    }
    return { total, variance, count };
  }

  /**
   * Covariance of the totals of two NESTED cells (every respondent in `inner`
   * is also in `outer`, e.g. unemployed ⊂ labour force), over the given strata.
   */
  nestedCovariance(strataKeys: Iterable<string>, inner: number, outer: number): number {
    this.flush();
    let cov = 0;
    for (const key of strataKeys) {
      const s = this.strata.get(key);
      if (s) cov += this.stratumCovariance(s, inner, outer);
    }
    return cov;
  }

  /** Number of strata with a single unit (their variance cannot be estimated). */
  countSingletons(): number {
    let n = 0;
    for (const s of this.strata.values()) if (s.units < 2) n++;
    return n;
  }

  /** Σ_j z_j² per cell over the PSUs of a stratum, computed once after the last `add`. */
  private psuSquares(s: Stratum): Float64Array {
    if (!s.sumSq) {
      const sq = new Float64Array(this.cellCount);
      for (const { cells, z } of s.psus!.values()) for (let i = 0; i < cells.length; i++) sq[cells[i]] += z[i] * z[i];
      s.sumSq = sq;
    }
    return s.sumSq;
  }

  /** Covariance within one stratum; for a ≠ b, cell a must be nested in b. */
  private stratumCovariance(s: Stratum, a: number, b: number): number {
    const n = s.units;
    if (n < 2) return 0;
    let cross = 0;
    if (s.psus && a === b) {
      cross = this.psuSquares(s)[a];
    } else if (s.psus) {
      for (const { cells, z } of s.psus.values()) {
        const ia = cells.indexOf(a);
        const ib = ia < 0 ? -1 : cells.indexOf(b);
        if (ib >= 0) cross += z[ia] * z[ib];
      }
    } else {
      // Σ w²·y_a·y_b: for a = b, or nested cells (a ⊂ b), that is Σ w² over a.
      cross = s.sumSq![a];
    }
    const v = (n / (n - 1)) * (cross - (s.sum[a] * s.sum[b]) / n);
    // Rounding can leave a tiny negative variance for a cell with equal weights.
    return a === b && v < 0 ? 0 : v;
  }
}
