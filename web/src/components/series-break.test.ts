import { describe, expect, it } from 'vitest';
import { echoT, forecastResponse } from '../test-fixtures';
import { breakLegend, breakMarks, breakNote, servedBreaks } from './series-break';

const t = echoT;

describe('series breaks as the API declares them', () => {
  it('draws nothing when no forecast declares a break (the web has no break of its own)', () => {
    expect(servedBreaks([forecastResponse(), undefined, null])).toEqual([]);
    expect(breakLegend([], t)).toEqual([]);
  });
  it('takes the served break once per year, with the reason from the assumptions when the forecast has none', () => {
    const breaks = servedBreaks(
      [
        { indicator: 'labour_force', break: { period: '2021', treatment: 'splice', ratio: 0.9158 } },
        { indicator: 'employment', break: { period: '2021', treatment: 'splice' } },
      ],
      [
        { indicator: 'unemployed', period: '2021', reason: { vi: 'khác', en: 'other' } },
        { indicator: 'labour_force', period: '2021', reason: { vi: 'Tính lại quyền số.', en: 'Re-weighted.' } },
      ],
    );
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ year: 2021, ratio: 0.9158, reason: { vi: 'Tính lại quyền số.' } });
    expect(breakMarks(breaks, t)).toEqual([{ year: 2021, label: 'chart.breakLfs(year=2021)' }]);
    expect(breakLegend(breaks, t)[0]).toMatchObject({ kind: 'dashed', dash: '2 4' });
    expect(breakNote(breaks[0], t, 'vi')).toBe('chart.breakNote(year=2021,reason=Tính lại quyền số; chart.breakSplice(ratio=0,916)).');
  });
  it('explains a break without a served reason in general words', () => {
    const [b] = servedBreaks([{ break: { period: '2016' } }]);
    expect(breakNote(b, t, 'en')).toContain('chart.breakReason(year=2016)');
  });
});

describe('changes of basis in a shown history', () => {
  const change = { period: '2017', previous: '2016', breakPeriod: '2021', toNew: true };
  it('draws a served change of basis with its own label and note, and lets an applied break win its year', () => {
    const breaks = servedBreaks([{ indicator: 'employment', basisChanges: [change] }]);
    expect(breaks).toEqual([{ year: 2017, period: '2017', basis: { previous: '2016', breakPeriod: '2021', toNew: true } }]);
    expect(breakMarks(breaks, t)).toEqual([{ year: 2017, label: 'chart.basisChange(year=2017)' }]);
    expect(breakNote(breaks[0], t, 'vi')).toBe('chart.basisChangeNote(year=2017,previous=2016,breakYear=2021)');
    const back = servedBreaks([{ basisChanges: [{ ...change, toNew: false }] }]);
    expect(breakNote(back[0], t, 'en')).toContain('chart.basisChangeBackNote');
    const both = servedBreaks([
      { indicator: 'employment', basisChanges: [{ ...change, period: '2021', previous: '2020' }] },
      { indicator: 'labour_force', break: { period: '2021', treatment: 'splice', ratio: 0.94 } },
    ]);
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ year: 2021, treatment: 'splice' });
    expect(both[0].basis).toBeUndefined();
  });
  it('explains a change of basis at the declared break itself as that break', () => {
    const [b] = servedBreaks(
      [{ indicator: 'employment', basisChanges: [{ ...change, period: '2021', previous: '2020' }] }],
      [{ indicator: 'employment', period: '2021', reason: { vi: 'Tính lại quyền số.', en: 'Re-weighted.' } }],
    );
    expect(b).toEqual({ year: 2021, period: '2021', reason: { vi: 'Tính lại quyền số.', en: 'Re-weighted.' } });
    expect(breakMarks([b], t)[0].label).toBe('chart.breakLfs(year=2021)');
  });
});
