/**
 * Flows derived from the employment cells: exits (replacement demand),
 * graduates by level and field (new supply) and vacancies. Graduates are
 * set as a designed ratio to openings, so the seeded baseline shows the
 * known pattern: shortages of college and intermediate technicians and in
 * technical fields, surpluses of business/education graduates and of
 * elementary certificates (see assumptions.ts, README "Flows and vacancies").
 * All of it is illustrative: no GSO series by level and field exists here.
 */
import { PROVINCES, SECTION_CODES } from '@lmo/models/codes';
import { EXIT_RATE, EXIT_SECTION, GRAD_PER_OPENING, GRAD_SECTION, UNIVERSITY_HUBS, VACANCY_RATE, VACANCY_DEFAULT } from './assumptions';
import { cellIndex, P, Q, S, type EmploymentYear } from './employment';
import { largestRemainder } from './rounding';
import type { Rng } from './prng';

const LEVELS = ['none', 'elementary', 'intermediate', 'college', 'university'] as const;

export interface FlowYear {
  year: number;
  /** Exits, index `cellIndex(p, s, q)`. */
  exits: Int32Array;
  /** Graduates, index `cellIndex(p, s, q)`; q = 0 (none) is always 0. */
  graduates: Int32Array;
  /** Vacancies by region index (0–5, order of SOCIO_ECONOMIC_REGIONS) × section. */
  vacancies: Int32Array;
}

const VACANCY_CYCLE: Record<number, number> = { 2021: 0.8, 2022: 1.25, 2023: 0.95, 2024: 1.0, 2025: 1.05 };

export function buildFlows(employment: EmploymentYear[], flowYears: number[], regionCodes: string[], rng: Rng): FlowYear[] {
  const byYear = new Map(employment.map((e) => [e.year, e.cells]));
  return flowYears.map((year) => {
    const now = byYear.get(year)!;
    const prev = byYear.get(year - 1)!;
    const back3 = byYear.get(year - 3)!;
    const exits = new Int32Array(P * S * Q);
    const openings = new Float64Array(P * S * Q);
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) {
        const sec = SECTION_CODES[s];
        for (let q = 0; q < Q; q++) {
          const i = cellIndex(p, s, q);
          const rate = EXIT_RATE[LEVELS[q]] * (EXIT_SECTION[sec] ?? 1) * (1 + 0.05 * rng.normal());
          exits[i] = Math.max(0, Math.round(prev[i] * rate));
          // Expansion from the three-year trend, so one noisy year does not swing supply.
          openings[i] = Math.max(0, (now[i] - back3[i]) / 3) + exits[i];
        }
      }
    }
    const graduates = new Int32Array(P * S * Q);
    for (let s = 0; s < S; s++) {
      const sec = SECTION_CODES[s];
      for (let q = 1; q < Q; q++) {
        const level = LEVELS[q] as Exclude<(typeof LEVELS)[number], 'none'>;
        const adj = (level === 'university' ? GRAD_SECTION.university[sec] : GRAD_SECTION.vocational[sec]) ?? 1;
        let national = 0;
        const w: number[] = [];
        for (let p = 0; p < P; p++) {
          const o = openings[cellIndex(p, s, q)];
          national += o * GRAD_PER_OPENING[level] * adj;
          const hub = level === 'university' ? (UNIVERSITY_HUBS[PROVINCES[p].code] ?? 0.8) : 1;
          w.push(o * hub * Math.exp(0.06 * rng.normal()));
        }
        const total = Math.round(national * Math.exp(0.03 * rng.normal()));
        const wsum = w.reduce((a, b) => a + b, 0);
        const split = wsum > 0 ? largestRemainder(w, total) : w.map(() => 0);
        split.forEach((v, p) => (graduates[cellIndex(p, s, q)] = v));
      }
    }
    const vacancies = new Int32Array(regionCodes.length * S);
    for (let p = 0; p < P; p++) {
      const r = regionCodes.indexOf(PROVINCES[p].parent!);
      for (let s = 0; s < S; s++) {
        let e = 0;
        for (let q = 0; q < Q; q++) e += now[cellIndex(p, s, q)];
        vacancies[r * S + s] += Math.round(e * (VACANCY_RATE[SECTION_CODES[s]] ?? VACANCY_DEFAULT) * VACANCY_CYCLE[year] * Math.exp(0.1 * rng.normal()));
      }
    }
    return { year, exits, graduates, vacancies };
  });
}
