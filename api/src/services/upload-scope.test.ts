import { PROVINCES, SOCIO_ECONOMIC_REGIONS } from '@lmo/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeScope, findOutOfScope, normalizeScope, ScopeError, scopeCovers } from './upload-scope';

const PROVINCE_CODES = PROVINCES.map((p) => p.code);
const REGION_CODES = SOCIO_ECONOMIC_REGIONS.map((r) => r.code);

describe('normalizeScope', () => {
  it('reads lists and comma text: trimmed, upper-cased, deduplicated, sorted; empty is unscoped', () => {
    expect(normalizeScope(' 79, 01,se,01 ')).toEqual(['01', '79', 'SE']);
    expect(normalizeScope(['rrd', '1'])).toEqual(['01', 'RRD']);
    expect(normalizeScope('')).toBeNull();
    expect(normalizeScope([' ', ''])).toBeNull();
    expect(normalizeScope(undefined)).toBeNull();
  });

  it('refuses VN, former provinces (naming the unit they joined) and unknown codes with code BAD_SCOPE', () => {
    const fail = (input: string) => {
      try {
        normalizeScope(input);
      } catch (e) {
        expect(e).toBeInstanceOf(ScopeError);
        expect((e as ScopeError).code).toBe('BAD_SCOPE');
        return (e as Error).message;
      }
      throw new Error(`accepted ${input}`);
    };
    expect(fail('VN')).toMatch(/leave the scope empty/);
    expect(fail('01,74')).toMatch(/74 is a former province \(Bình Dương\).*use 79/);
    expect(fail('Hà Nội')).toMatch(/Unknown area/);
  });
});

describe('scope coverage', () => {
  it('a region covers exactly its provinces (and itself); a province only itself; never VN; unscoped covers all', () => {
    fc.assert(
      fc.property(
        fc.subarray(REGION_CODES),
        fc.subarray(PROVINCE_CODES),
        fc.constantFrom(...PROVINCE_CODES, ...REGION_CODES, 'VN'),
        (regions, provinces, area) => {
          const scope = normalizeScope([...regions, ...provinces]);
          const province = PROVINCES.find((p) => p.code === area);
          const expected = scope !== null && (scope.includes(area) || (province !== undefined && scope.includes(province.parent!)));
          expect(scopeCovers(scope, area)).toBe(scope === null ? true : expected);
        },
      ),
    );
  });

  it('lists out-of-scope cells in file order with their origin, counting all', () => {
    const obs = ['01', 'VN', '48', '24', '79'].map((region) => ({ region, indicator: 'labour_force', period: '2024', sector: 'TOTAL', qualification: 'ALL' }));
    const found = findOutOfScope({ observations: obs as never, origins: (i) => ({ line: i + 2, column: 'value' }) }, ['RRD'], 1);
    expect(found.count).toBe(3);
    expect(found.regions).toEqual({ VN: 1, 48: 1, 79: 1 });
    expect(found.cells).toEqual([{ line: 3, column: 'value', region: 'VN', indicator: 'labour_force', period: '2024', sector: 'TOTAL', qualification: 'ALL' }]);
    expect(findOutOfScope({ observations: obs as never, origins: () => ({ line: 0, column: null }) }, null).count).toBe(0);
  });

  it('describes a scope with names in either language', () => {
    expect(describeScope(['01', 'SE'], 'vi')).toBe('01 Hà Nội, SE Đông Nam Bộ');
    expect(describeScope(null, 'en')).toBe('every area (central)');
  });
});
