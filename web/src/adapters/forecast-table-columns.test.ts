import { describe, expect, it } from 'vitest';
import { forecastResponse } from '../test-fixtures';
import { forecastRows, mergeForecastRows, readForecast } from './forecast-columns';
import { boundAt, forecastTableColumns, numberAt, projectedColumn, seriesColumns } from './forecast-table-columns';

const labels = {
  period: 'Period',
  actual: 'Observed',
  mean: 'Projected',
  bands: { 80: { lower: 'lo80', upper: 'hi80' }, 95: { lower: 'lo95', upper: 'hi95' } },
};

describe('forecast table columns', () => {
  const rows = mergeForecastRows([{ key: 'employment', rows: forecastRows(readForecast(forecastResponse())) }]);
  const cells = (keys: string[]) => {
    const columns = forecastTableColumns('employment', labels, (v) => (v === undefined ? '–' : String(v)));
    return rows.map((r) => columns.filter((c) => keys.includes(c.key)).map((c) => c.value(r)));
  };

  it('reads observed values, and projections and bounds only in forecast years', () => {
    expect(forecastTableColumns('employment', labels, String).map((c) => c.key)).toEqual(['period', 'actual', 'mean', 'lo80', 'hi80', 'lo95', 'hi95']);
    expect(cells(['period', 'actual', 'mean', 'lo80', 'hi95'])).toEqual([
      ['2023', 51_300_000, undefined, undefined, undefined],
      ['2024', 51_900_000, undefined, undefined, undefined],
      // The last observed year starts the forecast line, but its row is an observation.
      ['2025', 52_400_000, undefined, undefined, undefined],
      ['2026', undefined, 52_900_000, 52_600_000, 53_400_000],
      ['2027', undefined, 53_300_000, 52_800_000, 54_100_000],
    ]);
  });
  it('has no band columns unless asked', () => {
    expect(forecastTableColumns('employment', { period: 'P', actual: 'A', mean: 'M' }, String).map((c) => c.key)).toEqual(['period', 'actual', 'mean']);
  });
  it('gives each series of a several-series table its own column keys, and only the bands asked for', () => {
    const columns = seriesColumns('employment', { actual: 'A', mean: 'M', bands: { 95: { lower: 'L', upper: 'U' } } }, (v) => `<${v}>`, 'employment_');
    expect(columns.map((c) => c.key)).toEqual(['employment_actual', 'employment_mean', 'employment_lo95', 'employment_hi95']);
    expect(rows.map((r) => columns.map((c) => c.format!(r)))).toEqual([
      ['<51300000>', '–', '–', '–'],
      ['<51900000>', '–', '–', '–'],
      ['<52400000>', '–', '–', '–'],
      ['<undefined>', '<52900000>', '<52400000>', '<53400000>'],
      ['<undefined>', '<53300000>', '<52500000>', '<54100000>'],
    ]);
  });
  it('leaves a projected column blank in observed years even where the row holds a number', () => {
    const column = projectedColumn('demand', 'Demand', (r) => numberAt(r, 'demand'), String);
    const observed = { period: '2025', forecast: false, demand: 7 };
    const projected = { period: '2026', forecast: true, demand: 8 };
    expect([column.value(observed), column.format!(observed), column.value(projected), column.format!(projected)]).toEqual([undefined, '–', 8, '8']);
  });
  it('reads only numbers from the open row keys', () => {
    const row = { period: '2026', forecast: true, x_mean: 5, x_band80: [1, 9], x_status: 'modelled' };
    expect([numberAt(row, 'x_mean'), numberAt(row, 'x_status'), numberAt(row, 'y_mean')]).toEqual([5, undefined, undefined]);
    expect([boundAt(row, 'x_band80', 0), boundAt(row, 'x_band80', 1), boundAt(row, 'x_mean', 0)]).toEqual([1, 9, undefined]);
  });
});
