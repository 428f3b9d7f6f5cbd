import { describe, expect, it } from 'vitest';
import { annualMeans, parseSdmx, sdmxToLong, type SdmxToLongOptions } from './sdmx';

const NOW = new Date('2026-06-01T00:00:00Z');
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message">
<message:Header><message:Prepared>2024-10-09T01:20:18Z</message:Prepared></message:Header>
<message:DataSet>
<Series DATA_DOMAIN="LMI" REF_AREA="VN" INDICATOR="LLF_PE_NUM" FREQ="Q" UNIT_MULT="3">
<Obs TIME_PERIOD="2023-Q2" OBS_VALUE="52400"/>
<Obs TIME_PERIOD="2023-Q1" OBS_VALUE="52000.4"/>
<Obs TIME_PERIOD="2023Q4" OBS_VALUE="52600"/>
<Obs TIME_PERIOD="2023-Q3" OBS_VALUE="52500"/>
<Obs TIME_PERIOD="2024-Q1" OBS_VALUE="na"/>
</Series>
<Series DATA_DOMAIN="NAG" REF_AREA="VN" INDICATOR="NGDPVA_R_ISIC4_C_XDC" FREQ="A" BASE_PER="2010" UNIT_MULT="9">
<Obs TIME_PERIOD="2023" OBS_VALUE="1339350.13"/>
<Obs TIME_PERIOD="2022" OBS_VALUE="1290000"/>
</Series>
<Series DATA_DOMAIN="LMI" REF_AREA="VN" INDICATOR="LUR_PT" FREQ="Q" UNIT_MULT="3">
<Obs TIME_PERIOD="2023-Q4" OBS_VALUE="2.26"/>
</Series>
</message:DataSet>
</message:StructureSpecificData>`;

const OPTS: SdmxToLongOptions = { source: (s) => `GSO, NSDP SDMX release 2024-Q3, ${s.attrs.INDICATOR}`, status: 'official', now: NOW };

describe('parseSdmx (SDMX-ML)', () => {
  it('reads series attributes, observations and lines', () => {
    const m = parseSdmx(XML);
    expect(m.errors).toEqual([]);
    expect(m.prepared).toBe('2024-10-09T01:20:18Z');
    expect(m.series).toHaveLength(3);
    expect(m.series[0].attrs).toMatchObject({ INDICATOR: 'LLF_PE_NUM', FREQ: 'Q', UNIT_MULT: '3', REF_AREA: 'VN' });
    expect(m.series[0].line).toBe(5);
    expect(m.series[0].obs.map((o) => [o.period, o.value, o.line])).toEqual([
      ['2023-Q2', 52400, 6],
      ['2023-Q1', 52000.4, 7],
      ['2023-Q4', 52600, 8],
      ['2023-Q3', 52500, 9],
      ['2024-Q1', null, 10],
    ]);
  });

  it('reports unbalanced and truncated XML as BAD_XML with line and column', () => {
    const unbalanced = parseSdmx('<a>\n<Series INDICATOR="X">\n<Obs TIME_PERIOD="2023" OBS_VALUE="1"/>\n</a>');
    expect(unbalanced.errors).toHaveLength(1);
    expect(unbalanced.errors[0]).toMatchObject({ code: 'BAD_XML', line: 4 });
    expect(unbalanced.errors[0].column).toMatch(/^\d+$/);
    const truncated = parseSdmx(XML.slice(0, XML.indexOf('<Obs TIME_PERIOD="2022"') + 12));
    expect(truncated.errors.map((e) => e.code)).toEqual(['BAD_XML']);
    expect(truncated.errors[0].line).toBe(14);
    expect(truncated.errors[0].messageVi).toContain('dòng 14');
  });

  it('refuses monthly periods and non-numeric values, keeps flagged numbers', () => {
    const m = parseSdmx(
      '<D><Series INDICATOR="LLF_PE_NUM" UNIT_MULT="3"><Obs TIME_PERIOD="2023-01" OBS_VALUE="1"/>\n<Obs TIME_PERIOD="2023" OBS_VALUE="abc"/>\n<Obs TIME_PERIOD="2022" OBS_VALUE="519.4sb"/></Series></D>',
    );
    expect(m.errors.map((e) => [e.code, e.line])).toEqual([
      ['BAD_PERIOD', 1],
      ['NOT_A_NUMBER', 2],
    ]);
    expect(m.errors[0].message).toContain('monthly not supported');
    expect(m.series[0].obs).toEqual([{ period: '2022', value: 519.4, raw: '519.4sb', flag: 'sb', line: 3 }]);
  });
});

describe('parseSdmx (SDMX-CSV)', () => {
  it('groups rows into series by their dimension columns', () => {
    const csv =
      'DATAFLOW,REF_AREA,INDICATOR,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n' +
      'ILO:DF,VNM,EAP_TEAP_SEX_AGE_NB,SEX_T,2022,51700,3,A\n' +
      'ILO:DF,VNM,EAP_TEAP_SEX_AGE_NB,SEX_M,2022,27100,3,A\n' +
      'ILO:DF,VNM,EAP_TEAP_SEX_AGE_NB,SEX_T,2023,52400,3,A\n';
    const m = parseSdmx(csv);
    expect(m.errors).toEqual([]);
    expect(m.series.map((s) => [s.attrs.SEX, s.obs.map((o) => o.period)])).toEqual([
      ['SEX_T', ['2022', '2023']],
      ['SEX_M', ['2022']],
    ]);
    const r = sdmxToLong(m, {
      ...OPTS,
      status: 'international',
      unknownSeries: 'skip',
      codes: { 'EAP_TEAP_SEX_AGE_NB.SEX_T': { indicator: 'labour_force', unit: 'persons' } },
    });
    expect(r.rows.map((o) => [o.period, o.value, o.region])).toEqual([
      ['2022', 51700000, 'VN'],
      ['2023', 52400000, 'VN'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['SKIPPED_SERIES']);
  });
});

describe('sdmxToLong', () => {
  it('maps GSO series, scales UNIT_MULT, ignores it for rates, and warns on na', () => {
    const r = sdmxToLong(parseSdmx(XML), OPTS);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const get = (i: string, p: string) => r.rows.find((o) => o.indicator === i && o.period === p);
    expect(get('labour_force', '2023-Q1')).toMatchObject({
      value: 52000400,
      unit: 'persons',
      region: 'VN',
      sector: 'TOTAL',
      qualification: 'ALL',
      status: 'official',
      source: 'GSO, NSDP SDMX release 2024-Q3, LLF_PE_NUM',
    });
    expect(get('value_added_real', '2023')).toMatchObject({ value: 1339350.13, unit: 'billion_vnd', sector: 'C' });
    expect(get('unemployment_rate', '2023-Q4')).toMatchObject({ value: 2.26, unit: 'percent' });
    expect(r.rows).toHaveLength(7);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['VALUE_NOT_AVAILABLE', 10]]);
    expect(r.warnings[0].message).toContain('LLF_PE_NUM 2024-Q1');
  });

  it('filters by frequency', () => {
    const a = sdmxToLong(parseSdmx(XML), { ...OPTS, frequency: 'A' });
    expect(a.rows.map((o) => o.period)).toEqual(['2023', '2022']);
  });

  it('reports an unknown series as UNKNOWN_SERIES naming the code, or skips it', () => {
    const xml = XML.replace('INDICATOR="LUR_PT"', 'INDICATOR="LME_AVG_XDC"');
    const r = sdmxToLong(parseSdmx(xml), OPTS);
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'UNKNOWN_SERIES', value: 'LME_AVG_XDC', line: 16 });
    expect(r.errors[0].message).toContain('LME_AVG_XDC');
    const s = sdmxToLong(parseSdmx(xml), { ...OPTS, unknownSeries: 'skip' });
    expect(s.ok).toBe(true);
    expect(s.warnings.map((w) => w.code)).toContain('SKIPPED_SERIES');
  });

  it('passes rows through the long-format validator (future periods, origin in the message)', () => {
    const r = sdmxToLong(parseSdmx(XML), { ...OPTS, now: new Date('2023-05-01T00:00:00Z') });
    expect(r.errors.map((e) => e.code)).toEqual(['FUTURE_PERIOD', 'FUTURE_PERIOD', 'FUTURE_PERIOD']);
    expect(r.errors[0]).toMatchObject({ line: 8 });
    expect(r.errors[0].message).toMatch(/^Series LLF_PE_NUM 2023-Q4: /);
  });

  it('carries XML errors into the result', () => {
    const r = sdmxToLong(parseSdmx(XML.slice(0, 400)), OPTS);
    expect(r.ok).toBe(false);
    expect(r.errors[0].code).toBe('BAD_XML');
  });
});

describe('annualMeans', () => {
  it('averages stocks over complete years only', () => {
    const rows = sdmxToLong(parseSdmx(XML), OPTS).rows;
    const extra = { ...rows[0], period: '2022-Q4', value: 1 };
    const a = annualMeans([...rows, extra]);
    expect(a).toEqual([
      {
        indicator: 'labour_force',
        period: '2023',
        region: 'VN',
        sector: 'TOTAL',
        qualification: 'ALL',
        value: 52375100,
        unit: 'persons',
        source: 'GSO, NSDP SDMX release 2024-Q3, LLF_PE_NUM (annual mean of the four quarters)',
        status: 'official',
      },
    ]);
  });
});
