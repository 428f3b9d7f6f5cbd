/**
 * A seeded synthetic dataset in the long format, for tests and benchmarks of
 * the labour model when the real seeds are not at hand. Every row is
 * `modelled` with a source saying it is synthetic.
 */
import { mulberry32 } from '../src/forecast/prng';
import type { Observation } from '../src/data/observation';
import type { LabourStructure } from '../src/labour/structure';

export interface SyntheticOptions {
  structure: LabourStructure;
  firstYear?: number;
  lastYear?: number;
  seed?: number;
  /** Add `exits` rows at region × section × level (default true). */
  exits?: boolean;
  /** Add `graduates` rows at region × section × qualified level (default true). */
  graduates?: boolean;
  /** New fields to give national and per-province data (subset of structure.fields). */
  fields?: string[];
  /** Provinces that get new-field data (default: the first two). */
  fieldProvinces?: string[];
}

const SOURCE = 'Synthetic test data (LMO models/test/synthetic.ts)';

function row(indicator: string, year: number, region: string, sector: string, qualification: string, value: number): Observation {
  return { indicator, period: String(year), region, sector, qualification, value, unit: 'persons', source: SOURCE, status: 'modelled' };
}

/** Bottom codes and parents of a tree. */
function leaves(nodes: LabourStructure['regions']): string[] {
  const parents = new Set(nodes.map((n) => n.parent).filter(Boolean));
  return nodes.map((n) => n.code).filter((c) => !parents.has(c));
}

/**
 * Employment for every bottom cell (province × section × level) with a
 * cell-specific trend and noise; exits ≈ 2–3.5% of employment; graduates by
 * region × section × level, some cells short and some in surplus.
 */
export function syntheticObservations(o: SyntheticOptions): Observation[] {
  const rand = mulberry32(o.seed ?? 7);
  const first = o.firstYear ?? 2015;
  const last = o.lastYear ?? 2025;
  const s = o.structure;
  const provinces = leaves(s.regions);
  const sections = leaves(s.sectors);
  const levels = leaves(s.qualifications);
  const parentOf = new Map(s.regions.map((n) => [n.code, n.parent ?? null]));
  const rows: Observation[] = [];
  const exitsByRegion = new Map<string, number[]>();
  const empByRegion = new Map<string, number[]>();
  for (const p of provinces) {
    for (const sec of sections) {
      const secGrowth = 0.03 * (rand() - 0.3);
      for (const [li, q] of levels.entries()) {
        const size = 2000 + 40000 * rand() * (q === 'none' ? 3 : 1);
        const g = secGrowth + (li - 2) * 0.01 + 0.01 * (rand() - 0.5);
        const reg = parentOf.get(p) ?? p;
        const key = `${reg}|${sec}|${q}`;
        const ex = exitsByRegion.get(key) ?? new Array(last - first + 1).fill(0);
        const em = empByRegion.get(key) ?? new Array(last - first + 1).fill(0);
        const rate = 0.02 + 0.015 * rand();
        for (let y = first; y <= last; y++) {
          const v = Math.round(size * (1 + g) ** (y - first) * (1 + 0.02 * (rand() - 0.5)));
          rows.push(row('employment', y, p, sec, q, v));
          ex[y - first] += Math.round(v * rate);
          em[y - first] += v;
        }
        exitsByRegion.set(key, ex);
        empByRegion.set(key, em);
      }
    }
  }
  for (const [key, ex] of exitsByRegion) {
    const [reg, sec, q] = key.split('|');
    if (o.exits !== false) ex.forEach((v, i) => rows.push(row('exits', first + i, reg, sec, q, v)));
    if (o.graduates !== false && q !== 'none') {
      const em = empByRegion.get(key)!;
      const k = 0.01 + 0.06 * rand(); // some cells train far too few, others too many
      em.forEach((v, i) => rows.push(row('graduates', first + i, reg, sec, q, Math.round(v * k))));
    }
  }
  const fieldProvinces = o.fieldProvinces ?? provinces.slice(0, 2);
  const country = s.regions.find((n) => !n.parent)?.code ?? 'VN';
  for (const f of o.fields ?? []) {
    for (const q of levels) {
      const byYear = new Array(last - first + 1).fill(0);
      for (const p of fieldProvinces) {
        const size = 200 + 2000 * rand();
        for (let y = first; y <= last; y++) {
          const v = Math.round(size * 1.12 ** (y - first));
          byYear[y - first] += v;
          rows.push(row('employment', y, p, f, q, v));
        }
      }
      const elsewhere = 100 + 500 * rand();
      byYear.forEach((v, i) => rows.push(row('employment', first + i, country, f, q, Math.round(v + elsewhere * 1.1 ** i))));
      if (q !== 'none') byYear.forEach((v, i) => rows.push(row('graduates', first + i, country, f, q, Math.round(v * 0.05))));
    }
  }
  return rows;
}

/** A small structure for unit tests: VN → 2 regions → 4 provinces; TOTAL → A, B-F{C,F}; ALL → 3 levels. */
export const SMALL_STRUCTURE: LabourStructure = {
  regions: [
    { code: 'VN', parent: null },
    { code: 'R1', parent: 'VN' },
    { code: 'R2', parent: 'VN' },
    { code: 'P1', parent: 'R1' },
    { code: 'P2', parent: 'R1' },
    { code: 'P3', parent: 'R2' },
    { code: 'P4', parent: 'R2' },
  ],
  sectors: [
    { code: 'TOTAL', parent: null },
    { code: 'A', parent: 'TOTAL' },
    { code: 'B-F', parent: 'TOTAL' },
    { code: 'C', parent: 'B-F' },
    { code: 'F', parent: 'B-F' },
  ],
  qualifications: [
    { code: 'ALL', parent: null },
    { code: 'none', parent: 'ALL' },
    { code: 'college', parent: 'ALL' },
    { code: 'university', parent: 'ALL' },
  ],
  fields: [{ code: 'semiconductors', parent: 'C' }],
};
