import { describe, expect, it } from 'vitest';
import { clean, codeMapToLines, linesToCodeMap, looksWide, parseMapping, periodRange, suggestFromText } from './wide-wizard-model';

describe('wide wizard model', () => {
  it('suggests from an ILO-style file named by country name, and finds no wide table in a long file', async () => {
    const ilo = 'ref_area.label,indicator,2021,2022,2023\nViet Nam,EAP_TEAP_SEX_AGE_NB,51000,51700,52400\nThailand,EAP_TEAP_SEX_AGE_NB,1,2,3\n';
    const s = await suggestFromText(ilo, 'ilo.csv');
    expect(s?.shape.periodColumns).toEqual(['2021', '2022', '2023']);
    expect(s?.mapping).toMatchObject({ regionColumn: 'ref_area.label', codeMap: { 'Viet Nam': 'VN' } });
    expect(s?.shape.suggestion.seriesCode).toBe('EAP_TEAP_SEX_AGE_NB');
    expect(looksWide(s!.shape)).toBe(true);
    expect(await suggestFromText('indicator,period,region,sector,qualification,value,unit,source,status\n')).toBeNull();
    expect(looksWide({ header: ['region', 'value', '2021', '2022'], periodColumns: ['2021', '2022'] })).toBe(false);
  });

  it('round-trips code maps and period ranges, and leaves empty fields out of the JSON', () => {
    expect(linesToCodeMap('VNM = VN\n\nbad line\nViet Nam=VN\n')).toEqual({ VNM: 'VN', 'Viet Nam': 'VN' });
    expect(linesToCodeMap(codeMapToLines({ VNM: 'VN', 'Hà Nội': '01' }))).toEqual({ VNM: 'VN', 'Hà Nội': '01' });
    const all = ['2019', '2020', '2021', '2022'];
    expect(periodRange(all, '2019', '2022')).toBeUndefined();
    expect(periodRange(all, '2022', '2020')).toEqual(['2020', '2021', '2022']);
    expect(clean({ indicator: 'employment', source: '', codeMap: {}, periodColumns: [], region: undefined })).toEqual({ indicator: 'employment' });
    expect(parseMapping('{"a":1}')).toEqual({ a: 1 });
    expect(parseMapping('{oops')).toBeNull();
    expect(parseMapping('[1]')).toBeNull();
  });
});
