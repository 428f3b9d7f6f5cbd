import { describe, expect, it } from 'vitest';
import type { DataLevelRow } from '../api/types';
import { forecastResponse, gapRow, targetPath } from '../test-fixtures';
import { basisOf, basisOfRows, illustrativeLevelNames, mergeBasis, servedSources } from './basis';
import { chartStatuses, forecastRows, mergedRowStatuses, mergeForecastRows, readForecast } from './forecast-columns';

function level(patch: Partial<DataLevelRow>): DataLevelRow {
  return {
    level: 'provinces',
    nameVi: 'Tỉnh',
    nameEn: 'Provinces',
    status: 'official',
    from: '2010',
    to: '2016',
    firstYear: 2010,
    lastYear: 2016,
    frequencies: ['annual'],
    indicators: [],
    rows: 1,
    sources: [],
    sourceCount: 0,
    citationCount: 0,
    ...patch,
  };
}

describe('basis adapter', () => {
  it('reads the served basis when there is one', () => {
    expect(basisOf(gapRow({ basis: ['illustrative', 'official'] }))).toEqual(['official', 'illustrative']);
  });
  it('falls back to the statuses of the history points, then to an observation status', () => {
    const f = forecastResponse({
      history: [
        { period: '2024', value: 1, status: 'illustrative', source: 'gen' },
        { period: '2025', value: 1, status: 'official', source: 'GSO' },
      ],
    });
    expect(basisOf(f)).toEqual(['official', 'illustrative']);
    expect(basisOf({ history: [{ status: 'international' }] })).toEqual(['international']);
    expect(basisOf({ status: 'official' })).toEqual(['official']);
    expect(basisOf(gapRow())).toEqual([]);
    expect(basisOf(undefined)).toEqual([]);
    // Targets: `basis` is decision/assumption, the data basis is `dataBasis`.
    expect(basisOf(targetPath({ dataBasis: ['illustrative'] }))).toEqual(['illustrative']);
    expect(basisOf(targetPath())).toEqual([]);
  });
  it('merges rows and the response-level basis', () => {
    const rows = [gapRow({ basis: ['official'] }), gapRow({ basis: ['illustrative'] })];
    expect(basisOfRows(rows)).toEqual(['official', 'illustrative']);
    expect(basisOfRows([], { basis: ['survey'] })).toEqual(['survey']);
    expect(mergeBasis(['modelled'], { basis: ['official'] })).toEqual(['official', 'modelled']);
  });
  it('names the illustrative levels a view rests on, in the chosen language', () => {
    const levels = [
      level({ level: 'provinces', status: 'official' }),
      level({
        level: 'province-section-qualification',
        nameVi: 'Tỉnh × ngành × trình độ',
        nameEn: 'Province × section × qualification',
        status: 'illustrative',
      }),
      level({ level: 'exits', nameVi: 'Người rời thị trường', nameEn: 'Exits', status: 'illustrative' }),
    ];
    expect(illustrativeLevelNames(levels, ['provinces', 'province-section-qualification'], 'vi')).toEqual(['Tỉnh × ngành × trình độ']);
    expect(illustrativeLevelNames(levels, ['new-fields'], 'en')).toEqual(['Province × section × qualification', 'Exits']);
    expect(illustrativeLevelNames(undefined, ['provinces'], 'en')).toEqual([]);
  });
});

describe('row statuses of forecast charts', () => {
  it('observed years carry their own status, projected years are modelled', () => {
    const f = readForecast(
      forecastResponse({
        history: [
          { period: '2024', value: 1, status: 'official', source: 'GSO' },
          { period: '2025', value: 2, status: 'illustrative', source: 'gen' },
        ],
      }),
    );
    const rows = mergeForecastRows([{ key: 'employment', rows: forecastRows(f) }]);
    expect(rows.map(mergedRowStatuses)).toEqual([['official'], ['illustrative'], ['modelled'], ['modelled']]);
    expect(f.basis).toEqual(['official', 'illustrative']);
  });
  it("heads a chart with its rows' statuses and always modelled, in status order", () => {
    const rows = [{ s: ['illustrative'] as const }, { s: ['official'] as const }, { s: [] as const }];
    expect(chartStatuses(rows, (r) => r.s)).toEqual(['official', 'modelled', 'illustrative']);
    expect(chartStatuses([], () => [])).toEqual(['modelled']);
  });
});

describe('served sources', () => {
  it('names each source once, in order, skipping answers not loaded and empty sources', () => {
    expect(servedSources({ source: 'GSO LFS' }, undefined, { source: '' }, { source: 'ILO' }, { source: 'GSO LFS' }, null)).toEqual(['GSO LFS', 'ILO']);
    expect(servedSources()).toEqual([]);
  });
});
