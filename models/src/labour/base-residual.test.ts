import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { computeBase } from './base';

const row = (region: string, sector: string, qualification: string, year: number, value: number): Observation => ({
  indicator: 'employment',
  period: String(year),
  region,
  sector,
  qualification,
  value,
  unit: 'persons',
  source: 'test',
  status: 'modelled',
});

describe('national detail with a single province observed', () => {
  // National employment by section × level, plus ONE province (01) with data: the national figures must
  // not be lost to the sum of that province's cells (a hidden residual keeps them).
  const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
  const rows: Observation[] = [];
  for (const y of years) {
    for (const [s, base] of [
      ['C', 9e6],
      ['F', 4e6],
    ] as const) {
      rows.push(row('VN', s, 'none', y, base * 0.7 * 1.02 ** (y - 2015)));
      rows.push(row('VN', s, 'college', y, base * 0.3 * 1.03 ** (y - 2015)));
    }
    rows.push(row('01', 'F', 'college', y, 50_000 + 1_000 * (y - 2015)));
  }

  it('keeps the national grid and the province cell', () => {
    const base = computeBase(rows, { backtest: 'aggregates' });
    const nodes = base.main!.grid.nodes;
    const vn = nodes.find((n) => n.region === 'VN' && n.sector === 'TOTAL' && n.qualification === 'ALL')!;
    expect(vn.base).toBeCloseTo(9e6 * 0.7 * 1.02 ** 9 + 9e6 * 0.3 * 1.03 ** 9 + (4e6 * 0.7 * 1.02 ** 9 + 4e6 * 0.3 * 1.03 ** 9), -1);
    const p = nodes.find((n) => n.region === '01' && n.sector === 'F' && n.qualification === 'college')!;
    expect(p.base).toBe(59_000);
    expect(p.mean.every((m) => m > 0)).toBe(true);
  });
});
