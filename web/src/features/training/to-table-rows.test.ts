import { describe, expect, it } from 'vitest';
import { gapRow, meta } from '../../test-fixtures';
import { makeNamer } from '../meta/names';
import { plannerAreaOptions, toPlannerRows } from './to-table-rows';

const names = makeNamer(meta, 'vi');
const rows = [
  gapRow({ sector: 'C', qualification: 'college', imbalance: -200, flag: 'shortage' }),
  gapRow({ sector: 'C', qualification: 'university', imbalance: -900, flag: 'shortage' }),
  gapRow({ sector: 'F', qualification: 'college', imbalance: 300, flag: 'surplus' }),
  gapRow({ sector: 'TOTAL', qualification: 'college', imbalance: -5000 }),
  gapRow({ sector: 'C', qualification: 'ALL', imbalance: -5000 }),
];

describe('training planner rows', () => {
  it('keeps detailed cells only, largest shortage first', () => {
    const out = toPlannerRows(rows, names);
    expect(out.map((r) => r.key)).toEqual(['C|university', 'C|college', 'F|college']);
    expect(out.map((r) => r.rank)).toEqual([1, 2, 3]);
  });
  it('filters by flag and by qualification without renumbering ranks', () => {
    expect(toPlannerRows(rows, names, { flag: 'surplus' }).map((r) => r.rank)).toEqual([3]);
    expect(toPlannerRows(rows, names, { qualification: 'college' }).map((r) => r.rank)).toEqual([2, 3]);
  });
  it('lists only the given sectors when a set is passed', () => {
    expect(toPlannerRows(rows, names, { sectors: new Set(['F']) }).map((r) => r.key)).toEqual(['F|college']);
  });
  it('matches free text without diacritics', () => {
    const out = toPlannerRows(rows, names, { q: 'che bien' });
    expect(out.map((r) => r.sector)).toEqual(['C', 'C']);
    expect(out[0].sectorName).toBe('Công nghiệp chế biến, chế tạo');
  });
});

describe('training planner ranks (issue 12)', () => {
  it('ranks by share of base employment and never ranks too-small cells', () => {
    const out = toPlannerRows(
      [
        gapRow({ sector: 'C', qualification: 'college', imbalance: -2_000, employmentBase: 100_000, flag: 'shortage' }),
        gapRow({ sector: 'C', qualification: 'university', imbalance: -1_000, employmentBase: 20_000, flag: 'shortage' }),
        gapRow({ sector: 'F', qualification: 'college', imbalance: -900, employmentBase: 3_000, flag: 'too-small', rank: null }),
      ],
      names,
    );
    // −5 % beats −2 % even though the absolute gap is smaller; the small cell comes last, unranked.
    expect(out.map((r) => [r.key, r.rank])).toEqual([
      ['C|university', 1],
      ['C|college', 2],
      ['F|college', null],
    ]);
    expect(out[0].imbalanceShare).toBeCloseTo(-0.05);
  });
});

describe('planner area options', () => {
  it('names provinces plainly and larger areas with their level', () => {
    const regions = [
      { ...meta.regions[0], code: 'VN', level: 'country' as const, nameVi: 'Toàn quốc', nameEn: 'Viet Nam' },
      { ...meta.regions[0], code: '01', level: 'province' as const, nameVi: 'Hà Nội', nameEn: 'Ha Noi' },
    ];
    expect(plannerAreaOptions(regions, 'vi', (l) => `cấp ${l}`)).toEqual([
      { value: 'VN', label: 'Toàn quốc (cấp country)' },
      { value: '01', label: 'Hà Nội' },
    ]);
    expect(plannerAreaOptions(undefined, 'en', String)).toEqual([]);
  });
});
