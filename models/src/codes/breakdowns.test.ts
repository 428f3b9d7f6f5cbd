import { describe, expect, it } from 'vitest';
import { breakdownNames, groupNames, indicatorAxis, isGroupCode, OCCUPATIONS, resolveGroup, resolveOccupation } from './index';

describe('breakdown axes', () => {
  it('validates demographic group codes', () => {
    for (const ok of ['T:15-24', 'M:ALL', 'F:60-64', 'T:15+', 'T:0-4']) expect(isGroupCode(ok)).toBe(true);
    for (const bad of ['X:ALL', 'T:24-15', 'T:15', 'T:all', 'T15-24', 'T:15-24-30', 'T:200+']) expect(isGroupCode(bad)).toBe(false);
    expect(resolveGroup(' t : all ')).toBe('T:ALL');
    expect(resolveGroup('F:15–24')).toBe('F:15-24');
    expect(resolveGroup('C')).toBeUndefined();
  });

  it('names groups and occupations in Vietnamese and English', () => {
    expect(groupNames('T:15-24')).toEqual({ vi: 'Chung, 15–24 tuổi', en: 'Both sexes, aged 15–24' });
    expect(groupNames('F:15+')?.vi).toBe('Nữ, từ 15 tuổi trở lên');
    expect(OCCUPATIONS.map((o) => o.code)).toEqual(['TOTAL', 'OCC1', 'OCC2', 'OCC3', 'OCC4', 'OCC5', 'OCC6', 'OCC7', 'OCC8', 'OCC9', 'OCC0']);
    expect(breakdownNames('occupation', 'OCC9')).toEqual({ vi: 'Lao động giản đơn', en: 'Elementary occupations' });
    expect(breakdownNames('sector', 'C')?.en).toBe('Manufacturing');
    expect(resolveOccupation('Lao dong gian don')).toBe('OCC9');
    expect(resolveOccupation('1')).toBe('OCC1');
    expect(indicatorAxis('employment_by_occupation')).toBe('occupation');
    expect(indicatorAxis('labour_force_by_group')).toBe('group');
    expect(indicatorAxis('employment')).toBe('sector');
  });
});
