import { describe, expect, it } from 'vitest';
import { toMethodNotes } from './method-notes';

const notes = [
  { id: 'expansion', vi: 'Mở rộng ròng', en: 'Net expansion', source: 'LMO model' },
  { id: 'system:supply-demography', vi: 'Cung từ dân số', en: 'Supply from demography', source: 'UN WPP 2019; GSO' },
  { id: 'system:supply-demography', vi: 'lặp', en: 'dup', source: 'x' },
  { id: 'system:one-system', vi: '', en: 'One system', source: 'GSO LFS' },
];

describe('served method notes', () => {
  it('lists the system notes first, once each, in the page language with their source', () => {
    const rows = toMethodNotes(notes, 'vi');
    expect(rows.map((r) => r.id)).toEqual(['system:supply-demography', 'system:one-system', 'expansion']);
    expect(rows[0]).toMatchObject({ group: 'system', text: 'Cung từ dân số', source: 'UN WPP 2019; GSO' });
    expect(rows[1]!.text).toBe('One system');
    expect(rows[2]!.group).toBe('outlook');
  });
  it('is empty without notes', () => {
    expect(toMethodNotes(undefined, 'en')).toEqual([]);
  });
});
