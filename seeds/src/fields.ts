/**
 * The ministry's new fields (semiconductors, hydrogen, carbon markets, AI &
 * digital): "of which" parts of one VSIC section, seeded only in the
 * provinces where they concentrate (elsewhere negligible and not generated),
 * so a field's national value is exactly the sum of its hub provinces.
 * Every cell is capped at 90 % of the parent section's cell.
 */
import { PROVINCES, SECTION_CODES } from '@lmo/models/codes';
import { EXIT_RATE, FIELDS, FLOW_YEARS, type FieldAssumption } from './assumptions';
import { cellIndex, Q, type EmploymentYear } from './employment';
import type { FlowYear } from './flows';
import { largestRemainder } from './rounding';

const LEVELS = ['none', 'elementary', 'intermediate', 'college', 'university'] as const;

export interface FieldCells {
  field: FieldAssumption;
  /** Province codes of the hubs, in code order. */
  hubs: string[];
  /** year → hub index × level → persons. */
  employment: Map<number, number[]>;
  exits: Map<number, number[]>;
  /** year → hub index × level (level 0 = none, always 0). */
  graduates: Map<number, number[]>;
}

export function buildFields(employment: EmploymentYear[], flows: FlowYear[]): FieldCells[] {
  const pIndex = new Map(PROVINCES.map((p, i) => [p.code, i]));
  return FIELDS.map((field) => {
    const hubs = Object.keys(field.hubs).sort();
    const s = SECTION_CODES.indexOf(field.parent);
    const emp = new Map<number, number[]>();
    employment.forEach((ey, yi) => {
      const weights: number[] = [];
      for (const h of hubs) for (let q = 0; q < Q; q++) weights.push(field.hubs[h] * field.levels[q]);
      const alloc = largestRemainder(weights, Math.round(field.employment[yi] * 1000));
      emp.set(
        ey.year,
        alloc.map((v, k) => {
          const parent = ey.cells[cellIndex(pIndex.get(hubs[Math.floor(k / Q)])!, s, k % Q)];
          return Math.min(v, Math.floor(0.9 * parent));
        }),
      );
    });
    const exits = new Map<number, number[]>();
    const graduates = new Map<number, number[]>();
    FLOW_YEARS.forEach((year, fi) => {
      const prev = emp.get(year - 1)!;
      // A young workforce: half the usual exit rate.
      exits.set(
        year,
        prev.map((v, k) => Math.round(v * EXIT_RATE[LEVELS[k % Q]] * 0.5)),
      );
      const flow = flows.find((f) => f.year === year)!;
      const g = new Array<number>(hubs.length * Q).fill(0);
      for (let q = 1; q < Q; q++) {
        const split = largestRemainder(
          hubs.map((h) => field.hubs[h]),
          field.graduates[fi][q - 1],
        );
        split.forEach((v, hi) => {
          const parent = flow.graduates[cellIndex(pIndex.get(hubs[hi])!, s, q)];
          g[hi * Q + q] = Math.min(v, Math.floor(0.9 * parent));
        });
      }
      graduates.set(year, g);
    });
    return { field, hubs, employment: emp, exits, graduates };
  });
}
