/**
 * Stock-flow of the labour force (or the employed) by qualification level.
 *
 * Each year, starting from the stock by age group × level:
 * 1. the stock ages: a fifth of each five-year group moves up, carrying its
 *    own mix (uniform ages within a group);
 * 2. each age group is brought to that year's labour force (from the
 *    demographic supply model): where it shrinks, leavers (retirement, death,
 *    exit) leave with the group's own mix, so old, less-qualified groups take
 *    their lower attainment with them; where it grows at entry ages (default
 *    15-29), the net entrants are graduates by level plus others with the
 *    entry mix; where it grows at older ages (re-entrants) they come with the
 *    group's own mix;
 * 3. graduates beyond the net entrants (young people already counted in the
 *    labour force who finish a qualification) upgrade untrained members of
 *    the entry ages; any still left are reported as unabsorbed.
 *
 * Levels are caller-defined (e.g. none, elementary, intermediate, college,
 * university); `untrained` names the levels outside the trained share.
 */
import { ageOneYear } from './population';

export interface StockFlowInput {
  levels: readonly string[];
  /** Consecutive years; the first is the base year. */
  years: readonly number[];
  /** Labour force by year index × five-year age group. */
  labourForce: readonly (readonly number[])[];
  /** Base-year mix by level: one mix for every age, or one per age group. */
  initialMix: readonly number[] | readonly (readonly number[])[];
  /** Mix by level of non-graduate entrants (normalised here). */
  entryMix: readonly number[];
  /** Graduates entering the labour market by year index × level (base year ignored). */
  graduates?: readonly (readonly number[] | undefined)[];
  /** Age groups whose net growth counts as entry; default 15-29 (indices 3, 4, 5). */
  entryAges?: readonly number[];
  /** Levels outside the trained share; default `['none']`. */
  untrained?: readonly string[];
}

export interface StockFlowResult {
  years: number[];
  /** Stock by year index × age group × level. */
  stock: number[][][];
  /** Shares by level per year (≥ 0, Σ = 1; the entry mix when the stock is empty). */
  shares: number[][];
  /** 1 − Σ shares of the untrained levels, per year. */
  trainedShare: number[];
  /** Net entrants at entry ages, per year (0 in the base year). */
  entrants: number[];
  /** Graduates neither entering nor upgrading, per year. */
  unabsorbedGraduates: number[];
}

const norm = (v: readonly number[]): number[] => {
  const s = v.reduce((a, b) => a + Math.max(0, b), 0);
  return s > 0 ? v.map((x) => Math.max(0, x) / s) : v.map(() => 1 / v.length);
};

/** Run the stock-flow over `input.years`. */
export function qualificationStockFlow(input: StockFlowInput): StockFlowResult {
  const L = input.levels.length;
  const entryAges = input.entryAges ?? [3, 4, 5];
  const untrained = new Set(input.untrained ?? ['none']);
  const isUntrained = input.levels.map((l) => untrained.has(l));
  const entryMix = norm(input.entryMix);
  const flat = typeof input.initialMix[0] === 'number';
  const mixAt = (a: number) => norm(flat ? (input.initialMix as number[]) : (input.initialMix as number[][])[a]);

  const stock: number[][][] = [input.labourForce[0].map((t, a) => mixAt(a).map((m) => t * m))];
  const entrants = [0];
  const unabsorbed = [0];
  for (let t = 1; t < input.years.length; t++) {
    const prev = stock[t - 1];
    const A = prev.length;
    const byLevel = Array.from({ length: L }, (_, l) => ageOneYear(prev.map((row) => row[l])));
    const aged = Array.from({ length: A }, (_, a) => byLevel.map((col) => col[a]));
    const target = input.labourForce[t];
    const next: number[][] = [];
    const need = new Array<number>(A).fill(0);
    for (let a = 0; a < A; a++) {
      const have = aged[a].reduce((s, x) => s + x, 0);
      const want = target[a] ?? 0;
      if (want <= have) next.push(aged[a].map((x) => (have > 0 ? (x * want) / have : 0)));
      else if (entryAges.includes(a)) {
        next.push([...aged[a]]);
        need[a] = want - have;
      } else {
        const mix = have > 0 ? aged[a].map((x) => x / have) : entryMix;
        next.push(aged[a].map((x, l) => x + (want - have) * mix[l]));
      }
    }
    const E = need.reduce((s, x) => s + x, 0);
    const G = (input.graduates?.[t] ?? []).length === L ? input.graduates![t]!.map((g) => Math.max(0, g)) : new Array<number>(L).fill(0);
    const Gs = G.reduce((s, x) => s + x, 0);
    const frac = Gs > 0 ? Math.min(1, E / Gs) : 0;
    const absorbed = G.map((g) => g * frac);
    const rest = Math.max(0, E - absorbed.reduce((s, x) => s + x, 0));
    const inflow = absorbed.map((g, l) => g + rest * entryMix[l]);
    if (E > 0) for (const a of entryAges) if (need[a] > 0) for (let l = 0; l < L; l++) next[a][l] += (inflow[l] * need[a]) / E;
    // Surplus graduates upgrade untrained members of the entry ages.
    const surplus = G.map((g) => g * (1 - frac));
    const S = surplus.reduce((s, x) => s + x, 0);
    let U = 0;
    for (const a of entryAges) if (next[a]) for (let l = 0; l < L; l++) if (isUntrained[l]) U += next[a][l];
    const moved = Math.min(S, U);
    if (moved > 0) {
      for (const a of entryAges) {
        if (!next[a]) continue;
        let fromHere = 0;
        for (let l = 0; l < L; l++)
          if (isUntrained[l]) {
            const d = Math.min(next[a][l], (next[a][l] * moved) / U);
            next[a][l] -= d;
            fromHere += d;
          }
        for (let l = 0; l < L; l++) next[a][l] += (fromHere * surplus[l]) / S;
      }
    }
    stock.push(next);
    entrants.push(E);
    unabsorbed.push(S - moved);
  }
  const shares = stock.map((s) => {
    const tot = input.levels.map((_, l) => s.reduce((acc, row) => acc + row[l], 0));
    const sum = tot.reduce((a, b) => a + b, 0);
    return sum > 0 ? tot.map((x) => x / sum) : [...entryMix];
  });
  const trainedShare = shares.map((sh) => 1 - sh.reduce((s, x, l) => s + (isUntrained[l] ? x : 0), 0));
  return { years: [...input.years], stock, shares, trainedShare, entrants, unabsorbedGraduates: unabsorbed };
}
