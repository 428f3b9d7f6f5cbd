import { describe, expect, it } from 'vitest';
import { gapRow } from '../test-fixtures';
import { areaPick, plannerCellPick, sectorLevelPick } from './gap-picks';

const regions = [
  { code: 'VN', level: 'country' as const },
  { code: 'RRD', level: 'region' as const },
  { code: 'HN', level: 'province' as const },
  { code: 'HP', level: 'province' as const },
];
const regionName = (code: string) => `name:${code}`;
// A `region=all` answer: the country, a region, two provinces and an area the code lists do not know.
const allAreas = ['VN', 'RRD', 'HN', 'HP', 'XX'].map((region) => gapRow({ region }));
const keys = (pick: ReturnType<typeof areaPick>, rows = allAreas) => rows.map((r) => pick.keyOf(r)).filter((k) => k !== undefined);

describe('gap picks', () => {
  it('keeps only the provinces in the provinces view, named by the namer', () => {
    const pick = areaPick(regions, 'provinces', regionName);
    expect(keys(pick)).toEqual(['HN', 'HP']);
    expect(pick.labelOf(gapRow({ region: 'HN' }))).toBe('name:HN');
    // The map's order is the largest change first, not the order served.
    expect(pick.order).toBeUndefined();
  });

  it('keeps only the regions in the regions view, never the country', () => {
    expect(keys(areaPick(regions, 'regions', regionName))).toEqual(['RRD']);
  });

  it('shows no area before the code lists have loaded', () => {
    expect(keys(areaPick(undefined, 'provinces', regionName))).toEqual([]);
  });

  it("keeps one sector's levels, in the order served", () => {
    const pick = sectorLevelPick('C', (q) => `q:${q}`);
    const rows = [
      gapRow({ sector: 'C', qualification: 'college' }),
      gapRow({ sector: 'F', qualification: 'college' }),
      gapRow({ sector: 'C', qualification: 'ALL' }),
    ];
    expect(rows.map((r) => pick.keyOf(r))).toEqual(['college', undefined, 'ALL']);
    expect(pick.labelOf(rows[0]!)).toBe('q:college');
    expect(pick.order).toBe('served');
  });

  it('keeps the planner cells: detail sectors × one level, the level filter applied', () => {
    const names = { sector: (c: string) => `s:${c}`, qualification: (c: string) => `q:${c}` };
    const rows = [
      gapRow({ sector: 'C', qualification: 'college' }),
      gapRow({ sector: 'C', qualification: 'ALL' }),
      gapRow({ sector: 'TOTAL', qualification: 'college' }),
      gapRow({ sector: 'F', qualification: 'university' }),
    ];
    const all = plannerCellPick(new Set(['C', 'F']), undefined, names);
    expect(rows.map((r) => all.keyOf(r))).toEqual(['C|college', undefined, undefined, 'F|university']);
    expect(all.labelOf(rows[0]!)).toBe('s:C · q:college');
    const college = plannerCellPick(new Set(['C', 'F']), 'college', names);
    expect(rows.map((r) => college.keyOf(r))).toEqual(['C|college', undefined, undefined, undefined]);
  });
});
