import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n/index';
import { plannerColumns, plannerExportColumns } from './planner-columns';

describe('planner columns', () => {
  it('exports the codes beside the sector and level names, keeping every column on screen', () => {
    const t = i18n.getFixedT('vi');
    const columns = plannerColumns(t, 'vi');
    const keys = plannerExportColumns(t, columns).map((c) => c.key);
    expect(keys.slice(0, 5)).toEqual(['rank', 'sectorCode', 'sector', 'qualificationCode', 'qualification']);
    expect(keys.filter((k) => !k.endsWith('Code'))).toEqual(columns.map((c) => c.key));
  });
});
