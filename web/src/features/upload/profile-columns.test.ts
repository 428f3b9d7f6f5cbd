import { describe, expect, it } from 'vitest';
import { headerLineIndex, looksLikeXml, planProfile } from './profile-columns';

describe('planProfile', () => {
  it('long files: codes counted, value summed by region and sector', () => {
    const plan = planProfile(['indicator', 'period', 'region', 'sector', 'qualification', 'value', 'unit', 'source', 'status'], 'long');
    expect(plan).toEqual({ codes: ['indicator', 'region', 'sector', 'qualification', 'status', 'unit'], region: 'region', sector: 'sector', measure: 'value' });
  });

  it('microdata with Vietnamese headers: weights summed by province', () => {
    const plan = planProfile(['id', 'Tỉnh', 'Ngành', 'trinh_do', 'tinh_trang', 'tuoi', 'trong_so'], 'microdata');
    expect(plan).toMatchObject({ region: 'Tỉnh', sector: 'Ngành', measure: 'trong_so' });
    expect(plan.codes).toContain('trinh_do');
  });

  it('wide files: no measure to sum', () => {
    expect(planProfile(['Country Name', 'Country Code', '2020', '2021'], 'wide')).toMatchObject({ region: 'Country Name', measure: null });
  });
});

describe('headerLineIndex', () => {
  it('skips World Bank metadata lines', () => {
    const lines = [
      ['Data Source', 'World Development Indicators', ''],
      [''],
      ['Last Updated Date', '2023-10-26', ''],
      [''],
      ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code', '1960', '1961', ''],
      ['Aruba', 'ABW', 'Labor force, total', 'SL', '', '', ''],
    ];
    expect(headerLineIndex(lines)).toBe(4);
  });
  it('a plain CSV has its header first', () => {
    expect(
      headerLineIndex([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe(0);
  });
});

describe('GSO formats', () => {
  it('SDMX-CSV: OBS_VALUE summed by REF_AREA; PX-Web: nothing to sum', () => {
    expect(planProfile(['DATAFLOW', 'REF_AREA', 'INDICATOR', 'FREQ', 'TIME_PERIOD', 'OBS_VALUE'], 'sdmx')).toMatchObject({
      region: 'REF_AREA',
      measure: 'OBS_VALUE',
    });
    expect(planProfile(['Cities, provincies', '2015', 'Prel. 2016'], 'pxweb')).toMatchObject({ measure: null });
  });
  it('XML files (SDMX-ML) are recognised, with or without a BOM', () => {
    expect(looksLikeXml('\uFEFF<?xml version="1.0"?><message:StructureSpecificData')).toBe(true);
    expect(looksLikeXml('  \n<message:StructureSpecificData')).toBe(true);
    expect(looksLikeXml('DATAFLOW,REF_AREA,OBS_VALUE')).toBe(false);
  });
  it('a PX-Web export: title line and blank line above the header', () => {
    expect(
      headerLineIndex([
        ['Labour force by province by Cities, provincies and Year'],
        [''],
        ['Cities, provincies', '2015', 'Prel. 2016'],
        [' WHOLE COUNTRY', '53984.2', '54445.3'],
      ]),
    ).toBe(2);
  });
});
