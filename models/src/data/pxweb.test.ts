import { describe, expect, it } from 'vitest';
import { parsePxweb, pxwebPeriod, pxwebToLong, pxwebValue, type PxwebMapping } from './pxweb';

const NOW = { now: new Date('2026-06-01T00:00:00Z') };
const WIDE =
  '\ufeff"Labour force at 15 years of age and above by province by Cities, provincies and Year"\r\n\r\n' +
  '"Cities, provincies";"2015";"Prel. 2016"\r\n' +
  '" WHOLE COUNTRY";53984.2;54445.3\r\n' +
  '"Red River Delta";11992.3;11993.8\r\n' +
  '"Ha Noi";..;3890.5\r\n' +
  '"South  East";9420.1;9500.0\r\n' +
  '"Binh Duong";1200.0;1250.0\r\n' +
  '"Ho Chi Minh";4500.0;4600.0\r\n';
const MAP: PxwebMapping = { indicator: 'labour_force', unit: 'persons', scale: 1000, source: 'GSO PX-Web, Labour force by province', status: 'official' };

describe('parsePxweb', () => {
  it('strips the BOM, reads the title, collapses doubled spaces and keeps line numbers', () => {
    const t = parsePxweb(WIDE);
    expect(t.errors).toEqual([]);
    expect(t.title).toBe('Labour force at 15 years of age and above by province by Cities, provincies and Year');
    expect(t.header).toEqual(['Cities, provincies', '2015', 'Prel. 2016']);
    expect(t.rows[0]).toEqual({ cells: ['WHOLE COUNTRY', '53984.2', '54445.3'], line: 4 });
    expect(t.rows[3].cells[0]).toBe('South East');
    expect(t.rows[3].line).toBe(7);
  });

  it('reads values and periods', () => {
    expect(pxwebValue('..')).toBeNull();
    expect(pxwebValue('...')).toBeNull();
    expect(pxwebValue('-')).toBeNull();
    expect(pxwebValue('')).toBeNull();
    expect(pxwebValue('12.5')).toBe(12.5);
    expect(() => pxwebValue('12,5')).toThrow(/not a number/);
    expect(pxwebPeriod('2016')).toEqual({ period: '2016', preliminary: false });
    expect(pxwebPeriod('Prel. 2016')).toEqual({ period: '2016', preliminary: true });
    expect(pxwebPeriod('2016 Prel.')).toEqual({ period: '2016', preliminary: true });
    expect(pxwebPeriod('Total')).toBeNull();
  });
});

describe('pxwebToLong', () => {
  it('turns a wide table into observations: regions by name, years as periods, preliminary flagged', () => {
    const r = pxwebToLong(parsePxweb(WIDE), MAP, NOW);
    expect(r.errors).toEqual([]);
    const at = (region: string, period: string) => r.rows.find((o) => o.region === region && o.period === period);
    expect(at('VN', '2015')).toEqual({
      indicator: 'labour_force',
      period: '2015',
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      value: 53984200,
      unit: 'persons',
      source: 'GSO PX-Web, Labour force by province',
      status: 'official',
    });
    expect(at('VN', '2016')!.source).toBe('GSO PX-Web, Labour force by province (preliminary)');
    expect(at('RRD', '2016')!.value).toBe(11993800);
    expect(at('SE', '2015')!.value).toBe(9420100);
    expect(at('01', '2015')).toBeUndefined();
    // Binh Duong and Ho Chi Minh (former provinces) add up into today's unit 79.
    expect(at('79', '2015')!.value).toBe(5700000);
    expect(r.warnings.map((w) => w.code)).toContain('VALUE_NOT_AVAILABLE');
    expect(r.warnings.find((w) => w.code === 'VALUE_NOT_AVAILABLE')!.line).toBe(6);
  });

  it('reads long tables with a Year column and breakdown labels in value columns', () => {
    const text =
      '\ufeff"Unemployment rate by region and age"\r\n\r\n"Year";"Region";"Unemployment rate General";"Unemployment rate 15-24"\r\n' +
      '"Prel. 2016";"Whole country";2.30;7.43\r\n"2015";"Northern midlands and mountain areas";1.10;2.95\r\n';
    const r = pxwebToLong(
      parsePxweb(text),
      {
        indicator: 'unemployment_rate_youth',
        unit: 'percent',
        source: 'GSO PX-Web',
        status: 'official',
        labels: { 'Unemployment rate 15-24': 'TOTAL', '*': 'ignore' },
      },
      NOW,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((o) => [o.period, o.region, o.value])).toEqual([
      ['2016', 'VN', 7.43],
      ['2015', 'NMM', 2.95],
    ]);
  });

  it('builds group codes from a prefix and age labels', () => {
    const text =
      '"LF by age"\n\n"Indicators";"Year";"Total";"15 - 24";"50+"\n"Total (Thous. Persons)";"2015";53984.2;8000.5;12000.0\n"Structure (%)";"2015";100;14.8;22.2\n';
    const r = pxwebToLong(
      parsePxweb(text),
      {
        indicator: 'labour_force_by_group',
        unit: 'persons',
        scale: 1000,
        source: 'GSO',
        status: 'official',
        labels: { 'Total (Thous. Persons)': 'T:', 'Structure (%)': 'ignore', Total: 'ALL', '15 - 24': '15-24' },
      },
      NOW,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((o) => [o.sector, o.value])).toEqual([
      ['T:ALL', 53984200],
      ['T:15-24', 8000500],
      ['T:50+', 12000000],
    ]);
  });

  it('reports a non-numeric value with its line and column', () => {
    const bad = WIDE.replace('9420.1', '9,420.1');
    const r = pxwebToLong(parsePxweb(bad), MAP, NOW);
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'NOT_A_NUMBER', line: 7, column: '2015', value: '9,420.1' });
  });

  it('reports unknown regions through the validator, at the right line', () => {
    const r = pxwebToLong(parsePxweb(WIDE.replace('"Ha Noi"', '"Ha Tay"')), MAP, NOW);
    expect(r.errors.map((e) => [e.code, e.line])).toEqual([['UNKNOWN_REGION', 6]]);
    expect(r.errors[0].message).toMatch(/^Column "Prel. 2016": /);
    const ignored = pxwebToLong(parsePxweb(WIDE.replace('"Ha Noi"', '"Ha Tay"')), { ...MAP, labels: { 'Ha Tay': 'ignore' } }, NOW);
    expect(ignored.ok).toBe(true);
  });

  it('skips rates of merged former provinces on request', () => {
    const rates = WIDE.replace(/\d{4,5}\.\d/g, '55.5').replace(/;\.\./, ';55.5');
    const err = pxwebToLong(parsePxweb(rates), { ...MAP, indicator: 'employment_rate', unit: 'percent', scale: 1 }, NOW);
    expect(err.errors.map((e) => e.code)).toContain('MERGE_PERCENT');
    const skip = pxwebToLong(parsePxweb(rates), { ...MAP, indicator: 'employment_rate', unit: 'percent', scale: 1 }, { ...NOW, mergedRates: 'skip' });
    expect(skip.ok).toBe(true);
    expect(skip.rows.some((o) => o.region === '79')).toBe(false);
    expect(skip.warnings.map((w) => w.code)).toContain('MERGED_RATE_SKIPPED');
  });
});
