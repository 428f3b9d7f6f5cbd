import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/observation';
import { makeDimension } from './hierarchy';
import { indexObservations } from './observations';
import { fillGaps, forecastOfficial } from './official';
import { officialForecastExclusion } from './official-rules';
import { crossesBreak, projectGrid } from './projection';
import type { HistoryPoint } from './types';

const pt = (period: number, value: number): HistoryPoint => ({ period: String(period), value, status: 'official', source: 'GSO' });

describe('fillGaps', () => {
  it('interpolates missing years linearly within the last run of short gaps', () => {
    const r = fillGaps([pt(2010, 10), pt(2015, 20), pt(2019, 28), pt(2020, 30)]);
    expect(r.periods[0]).toBe('2010');
    expect(r.periods.at(-1)).toBe('2020');
    expect(r.values.length).toBe(11);
    expect(r.values[1]).toBeCloseTo(12, 10); // 2011
    expect(r.values[7]).toBeCloseTo(24, 10); // 2017
    expect(r.interpolated).toBe(7);
  });

  it('starts after a gap longer than maxGap', () => {
    const r = fillGaps([pt(2011, 2.2), pt(2012, 2), pt(2021, 3.2), pt(2022, 2.3), pt(2024, 2.2), pt(2025, 2.2)]);
    expect(r.periods).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(r.values[2]).toBeCloseTo(2.25, 10);
  });
});

function row(indicator: string, period: number, value: number, status: Observation['status'], unit: Observation['unit'] = 'persons'): Observation {
  return { indicator, period: String(period), region: 'VN', sector: 'TOTAL', qualification: 'ALL', value, unit, source: 'GSO', status };
}

describe('breaks apply only across measured values', () => {
  const dims = [makeDimension([{ code: 'VN' }]), makeDimension([{ code: 'TOTAL' }]), makeDimension([{ code: 'ALL' }])];
  it('ignores a break when everything before it is modelled on the new basis', () => {
    const modelled = indexObservations([row('employment', 2019, 51, 'modelled'), row('employment', 2021, 49, 'official')]);
    expect(crossesBreak(modelled, 'employment', dims, '2021')).toBe(false);
    const measured = indexObservations([row('employment', 2019, 51, 'official'), row('employment', 2021, 49, 'official')]);
    expect(crossesBreak(measured, 'employment', dims, '2021')).toBe(true);
  });

  it('forecasts sparse official series through the outlook years, percentages within 0–100', () => {
    const idx = indexObservations([98, 98.5, 99.2, 99.6].map((v, i) => row('trained_share_certified', 2018 + 2 * i, v, 'official', 'percent')));
    const [f] = forecastOfficial(idx, { horizon: 10, levels: [80, 95], breaks: [], throughYear: 2035 });
    expect(f.forecast.periods[0]).toBe('2025');
    expect(f.forecast.periods.at(-1)).toBe('2035');
    expect(f.history.length).toBe(4); // observed points only
    expect(f.source).toMatch(/3 missing year\(s\) interpolated/);
    for (const iv of f.forecast.intervals) for (const v of iv.upper) expect(v).toBeLessThanOrEqual(100);
  });
});

describe('forecastOfficial: only current headline series (official-rules.ts)', () => {
  const cell = (indicator: string, region: string, sector: string, years: number[], unit: Observation['unit'] = 'persons'): Observation[] =>
    years.map((y, i) => ({
      indicator,
      period: String(y),
      region,
      sector,
      qualification: 'ALL',
      value: 1000 + 10 * i,
      unit,
      source: 'GSO',
      status: 'official',
    }));
  const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const idx = indexObservations([
    ...cell('labour_force', 'VN', 'TOTAL', span(2011, 2024)),
    ...cell('labour_force', '01', 'TOTAL', span(2010, 2016)), // a province table ending in 2016
    ...cell('labour_force', 'RRD', 'TOTAL', span(2010, 2016)), // a regional series ending in 2016
    ...cell('value_added_real', 'VN', 'C', span(2010, 2023), 'billion_vnd'),
    ...cell('employment_by_occupation', 'VN', 'OCC2', span(2010, 2016)),
    ...cell('population', 'VN', 'TOTAL', span(2009, 2023)),
  ]);
  const out = forecastOfficial(idx, { horizon: 10, levels: [80], breaks: [], baseYear: 2024 });
  const keys = out.map((f) => `${f.indicator}|${f.region}|${f.sector}`);

  it('forecasts the national labour force', () => {
    expect(keys).toEqual(['labour_force|VN|TOTAL']);
    expect(out[0].basis).toEqual(['official']);
  });

  it('skips a province series that ends in 2016, value added, occupations and population', () => {
    expect(officialForecastExclusion({ indicator: 'labour_force', region: '01', sector: 'TOTAL', qualification: 'ALL' }, ['official'], 2016, 2024)).toMatch(
      /level/,
    );
    expect(officialForecastExclusion({ indicator: 'labour_force', region: 'RRD', sector: 'TOTAL', qualification: 'ALL' }, ['official'], 2016, 2024)).toMatch(
      /ends in 2016/,
    );
    expect(officialForecastExclusion({ indicator: 'value_added_real', region: 'VN', sector: 'C', qualification: 'ALL' }, ['official'], 2023, 2024)).toMatch(
      /not a headline/,
    );
    expect(keys.some((k) => k.startsWith('value_added') || k.startsWith('population') || k.startsWith('employment_by'))).toBe(false);
  });

  it('splices an annual old-basis series at the 2021 break', () => {
    const lf = [...span(2011, 2020).map((y, i) => 53 + 0.4 * i), 50.6, 51.7, 52.4, 52.9];
    const rows = span(2011, 2024).map((y, i): Observation => ({
      indicator: 'labour_force',
      period: String(y),
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: lf[i] * 1e6,
      unit: 'persons',
      source: 'GSO NSDP',
      status: 'official',
    }));
    const [f] = forecastOfficial(indexObservations(rows), { horizon: 10, levels: [80], breaks: [{ indicator: 'labour_force', region: 'VN', period: '2021' }] });
    expect(f.break?.period).toBe('2021');
    expect(f.break?.treatment).toBe('splice');
    expect(f.break?.ratio).toBeLessThan(0.95);
    // The forecast continues the new basis, not the old level.
    expect(f.forecast.mean[0]).toBeGreaterThan(52e6);
    expect(f.forecast.mean[0]).toBeLessThan(55e6);
  });
});

describe('the employment grid ignores national totals it does not sum', () => {
  it('an official old-basis national series from 2011 neither adds years of zeros nor splices the detail', () => {
    const obs: Observation[] = [];
    for (let y = 2011; y <= 2024; y++) obs.push({ ...row('employment', y, y < 2021 ? 54e6 : 50e6, 'official'), region: 'VN' });
    for (let y = 2015; y <= 2024; y++) {
      for (const [p, v] of [
        ['P1', 20e6],
        ['P2', 30e6],
      ] as const) {
        obs.push({
          indicator: 'employment',
          period: String(y),
          region: p,
          sector: 'TOTAL',
          qualification: 'ALL',
          value: v * (1 + 0.01 * (y - 2015)),
          unit: 'persons',
          source: 'generator',
          status: 'illustrative',
        });
      }
    }
    const dims: [ReturnType<typeof makeDimension>, ReturnType<typeof makeDimension>, ReturnType<typeof makeDimension>] = [
      makeDimension([{ code: 'VN' }, { code: 'P1', parent: 'VN' }, { code: 'P2', parent: 'VN' }]),
      makeDimension([{ code: 'TOTAL' }]),
      makeDimension([{ code: 'ALL' }]),
    ];
    const idx = indexObservations(obs);
    expect(crossesBreak(idx, 'employment', dims, '2021')).toBe(false);
    const grid = projectGrid(idx, { indicator: 'employment', dims, horizon: 3, levels: [80], breaks: [{ indicator: 'employment', period: '2021' }] })!;
    expect(grid.firstYear).toBe(2015);
    const vn = grid.nodes.find((n) => n.region === 'VN')!;
    expect(vn.break).toBeUndefined();
    expect(vn.history[0].value).toBeGreaterThan(0);
  });
});
