import { describe, expect, it } from 'vitest';
import {
  FORMER_PROVINCES,
  PROVINCES,
  REGIONS,
  SECTORS,
  SECTOR_TREE,
  QUALIFICATIONS,
  INDICATORS,
  SERIES_BREAKS,
  resolveRegion,
  suggestRegion,
  resolveSector,
  suggestSector,
  resolveQualification,
  suggestQualification,
  sectionsOf,
  foldKey,
  editDistance,
  closest,
  getRegion,
  regionOf,
} from './index';

describe('regions', () => {
  it('has the country, 6 regions and 34 units (28 provinces + 6 cities)', () => {
    expect(REGIONS.filter((r) => r.level === 'country')).toHaveLength(1);
    expect(REGIONS.filter((r) => r.level === 'region').map((r) => r.code)).toEqual(['NMM', 'RRD', 'NCCC', 'CH', 'SE', 'MRD']);
    expect(PROVINCES).toHaveLength(34);
    expect(
      PROVINCES.filter((p) => p.kind === 'city')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['01', '31', '46', '48', '79', '92']);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
  });

  it('maps all 63 former provinces onto the 34 units: 11 unchanged, 23 merged from 52', () => {
    expect(FORMER_PROVINCES).toHaveLength(63);
    const sizes = PROVINCES.map((p) => p.formerCodes!.length);
    expect(sizes.filter((n) => n === 1)).toHaveLength(11);
    expect(sizes.filter((n) => n > 1)).toHaveLength(23);
    expect(sizes.filter((n) => n > 1).reduce((a, b) => a + b, 0)).toBe(52);
    expect(getRegion('79')!.formerCodes!.sort()).toEqual(['74', '77', '79']);
  });

  it('flags exactly the units that straddle old regions (7, counting the table in VIETNAM_FACTS §6)', () => {
    const flagged = PROVINCES.filter((p) => p.regionNote)
      .map((p) => p.code)
      .sort();
    expect(flagged).toEqual(['24', '25', '51', '52', '66', '68', '80']);
  });

  it('resolves codes, former codes and names without diacritics', () => {
    expect(resolveRegion('01')).toEqual({ code: '01' });
    expect(resolveRegion('1')).toEqual({ code: '01' });
    expect(resolveRegion('RRD')).toEqual({ code: 'RRD' });
    expect(resolveRegion('74')).toEqual({ code: '79', mappedFrom: '74' });
    expect(resolveRegion('Bình Dương')).toEqual({ code: '79', mappedFrom: '74' });
    expect(resolveRegion('binh duong')).toEqual({ code: '79', mappedFrom: '74' });
    expect(resolveRegion('Tỉnh Hà Giang')).toEqual({ code: '08', mappedFrom: '02' });
    expect(resolveRegion('TP. Hồ Chí Minh')).toEqual({ code: '79' });
    expect(resolveRegion('Ba Ria - Vung Tau')).toEqual({ code: '79', mappedFrom: '77' });
    expect(resolveRegion('Thừa Thiên Huế')).toEqual({ code: '46' });
    expect(resolveRegion('Dong bang song Hong')).toEqual({ code: 'RRD' });
    expect(resolveRegion('Viet Nam')).toEqual({ code: 'VN' });
    expect(resolveRegion('Atlantis')).toBeUndefined();
  });

  it('reads a current code as the current unit even when it was also a former code', () => {
    // 15 was Yên Bái, now Lào Cai: Yên Bái is inside Lào Cai, so the answer is the same unit.
    expect(resolveRegion('15')).toEqual({ code: '15' });
    for (const f of FORMER_PROVINCES) {
      if (getRegion(f.code)?.level === 'province') expect(f.current).toBe(f.code);
    }
  });

  it('suggests near misses and finds the region of a province', () => {
    expect(suggestRegion('Ha Nio')).toMatch(/^01/);
    expect(regionOf('24')).toBe('RRD');
    expect(regionOf('NMM')).toBe('NMM');
    expect(regionOf('VN')).toBeUndefined();
  });
});

describe('sectors, qualifications, indicators', () => {
  it('has TOTAL, 3 broad sectors incl. A, 21 sections and 4 non-additive new fields', () => {
    expect(SECTORS.filter((s) => s.level === 'section')).toHaveLength(21);
    expect(sectionsOf('B-F')).toEqual(['B', 'C', 'D', 'E', 'F']);
    expect(sectionsOf('G-U')).toHaveLength(15);
    expect(sectionsOf('A')).toEqual(['A']);
    const fields = SECTORS.filter((s) => s.level === 'field');
    expect(fields.map((f) => [f.code, f.parent])).toEqual([
      ['semiconductors', 'C'],
      ['hydrogen', 'D'],
      ['carbon-markets', 'M'],
      ['ai-digital', 'J'],
    ]);
    expect(fields.every((f) => !f.additive && f.scope?.vi && f.scope.en)).toBe(true);
    expect(SECTOR_TREE.some((n) => n.code === 'semiconductors')).toBe(false);
  });

  it('resolves and suggests sector and qualification labels', () => {
    expect(resolveSector('c')).toBe('C');
    expect(resolveSector('Xay dung')).toBe('F');
    expect(resolveSector('Semiconductors')).toBe('semiconductors');
    expect(suggestSector('semiconductor')).toBe('semiconductors');
    expect(resolveQualification('Cao đẳng')).toBe('college');
    expect(resolveQualification('trung cap')).toBe('intermediate');
    expect(suggestQualification('colege')).toBe('college');
    expect(QUALIFICATIONS.map((q) => q.code)).toEqual(['ALL', 'none', 'elementary', 'intermediate', 'college', 'university']);
  });

  it('describes every indicator and marks stocks/rates as observed', () => {
    for (const i of INDICATORS) {
      expect(i.vi && i.en && i.description.vi && i.description.en).toBeTruthy();
      // Published projections (population_by_group) may be future; value added is a flow but only ever measured.
      const exception = i.code === 'population_by_group' || i.code.startsWith('value_added_');
      expect(i.observed).toBe(exception ? i.kind === 'flow' : i.kind !== 'flow');
    }
    expect(SERIES_BREAKS.find((b) => b.indicator === 'labour_force')?.period).toBe('2021');
  });
});

describe('normalisation helpers', () => {
  it('folds Vietnamese text and measures edit distance', () => {
    expect(foldKey('Đắk Lắk')).toBe('daklak');
    expect(foldKey('Bà Rịa – Vũng Tàu')).toBe('bariavungtau');
    expect(editDistance('qualifcation', 'qualification')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(closest('qualifcation', ['indicator', 'qualification'])).toBe('qualification');
    expect(closest('zzzz', ['indicator', 'qualification'])).toBeUndefined();
  });
});
