import { describe, expect, it } from 'vitest';
import type { Meta } from '../../api/types';
import { meta as fixtureMeta } from '../../test-fixtures';
import { detailSectors, makeNamer, sectorOptions } from './names';

const meta: Meta = {
  ...fixtureMeta,
  regions: [{ code: '01', nameVi: 'Hà Nội', nameEn: 'Ha Noi', level: 'province', parent: 'RRD' }],
  sectors: [
    { code: 'TOTAL', nameVi: 'Tất cả', nameEn: 'All', level: 'total', parent: null, additive: true, newField: false },
    { code: 'semiconductors', nameVi: 'Chip bán dẫn', nameEn: 'Semiconductors', level: 'field', parent: 'C', additive: false, newField: true },
    { code: 'C', nameVi: 'Chế biến', nameEn: 'Manufacturing', level: 'section', parent: 'B-F', additive: true, newField: false },
    { code: 'B-F', nameVi: 'Công nghiệp và xây dựng', nameEn: 'Industry and construction', level: 'broad', parent: 'TOTAL', additive: true, newField: false },
  ],
  qualifications: [{ code: 'college', nameVi: 'Cao đẳng', nameEn: 'College', parent: 'ALL', vocational: true }],
  indicators: [],
  scenarios: [{ id: 'baseline', code: 'baseline', nameVi: 'Cơ sở', nameEn: 'Baseline', descriptionVi: '', descriptionEn: '' }],
};

describe('code names', () => {
  it('names codes per language and falls back to the code', () => {
    const vi = makeNamer(meta, 'vi', (c) => (c === 'college' ? 'CĐ' : undefined));
    expect([vi.region('01'), vi.sector('C'), vi.qualification('college'), vi.scenario('baseline')]).toEqual(['Hà Nội', 'Chế biến', 'Cao đẳng', 'Cơ sở']);
    expect(vi.qualificationShort('college')).toBe('CĐ');
    expect(makeNamer(meta, 'en').region('XX')).toBe('XX');
  });
  it('orders sector options totals → sections → new fields, grouped', () => {
    const options = sectorOptions(meta, 'en', (level) => level);
    expect(options.map((o) => [o.value, o.group])).toEqual([
      ['TOTAL', 'broad'],
      ['B-F', 'broad'],
      ['C', 'section'],
      ['semiconductors', 'field'],
    ]);
    expect(sectorOptions(meta, 'en', (l) => l, false).map((o) => o.value)).not.toContain('TOTAL');
  });
  it('treats sections (and optionally new fields) as detailed sectors', () => {
    expect([...detailSectors(meta)]).toEqual(['C']);
    expect([...detailSectors(meta, true)].sort()).toEqual(['C', 'semiconductors']);
  });
});
