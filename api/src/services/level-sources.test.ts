import { describe, expect, it } from 'vitest';
import type { ObservationGroup } from '@lmo/models/labour';
import { citationFamily, dataLevelsWithSources, mergeSourceFamilies, yearSpan } from './level-sources';

const PX = 'GSO online database (PX-Web, English edition, release c. 2017), table "Labour force at 15 years of age and above by province"';
function group(source: string, region = '01', rows = 1): ObservationGroup {
  return {
    indicator: 'labour_force',
    region,
    sector: 'TOTAL',
    qualification: 'ALL',
    status: 'official',
    source,
    minPeriod: '2010',
    maxPeriod: '2010',
    minYear: 2010,
    maxYear: 2010,
    quarterly: false,
    rows,
  };
}

describe('citationFamily', () => {
  it('drops the year and the per-province tail', () => {
    const a = citationFamily(`${PX}, 2016 preliminary; pre-2021 LFS basis; sum of former provinces Tây Ninh (72) 651.4 thousand + Long An (80) 899.4 thousand`);
    const b = citationFamily(`${PX}, 2010; pre-2021 LFS basis`);
    expect(a.family).toBe(b.family);
    expect([a.year, a.preliminary, b.year]).toEqual([2016, true, 2010]);
  });
  it('drops the weights of an estimator', () => {
    const a = citationFamily(
      'LMO estimator "x"; rates from table "y", 2010; pre-2021 LFS basis: An Giang (89) 56.2 % (weight 2148.3 thousand), Kiên Giang (91) 55.2 %',
    );
    const b = citationFamily('LMO estimator "x"; rates from table "y", 2011; pre-2021 LFS basis: Bắc Giang (24) 62 % (weight 1569.8 thousand)');
    expect(a.family).toBe(b.family);
  });
  it('leaves series codes apart', () => {
    expect(citationFamily('GSO, NSDP SDMX release 2024-Q3 (LMIVNM), LE_PE_NUM').family).not.toBe(
      citationFamily('GSO, NSDP SDMX release 2024-Q3 (LMIVNM), LLF_PE_NUM').family,
    );
  });
});

describe('yearSpan', () => {
  it('writes runs and preliminary years', () => {
    expect(yearSpan([2012, 2010, 2011, 2016], new Set([2016]))).toBe('2010–2012, 2016 (2016 preliminary)');
  });
});

describe('dataLevelsWithSources', () => {
  it('merges families, caps the list and counts them all', () => {
    const groups = [
      ...[2010, 2011, 2012].map((y) => group(`${PX}, ${y}; pre-2021 LFS basis; sum of former provinces A (01) 1 thousand + B (02) 2 thousand`, '01', 10)),
      ...Array.from({ length: 7 }, (_, i) => group(`Other source ${i}`, '01', 1)),
    ];
    const [row] = dataLevelsWithSources(groups, 5);
    expect(row).toMatchObject({ level: 'provinces', status: 'official', sourceCount: 8, citationCount: 10 });
    expect(row!.sources).toHaveLength(5);
    expect(row!.sources[0]).toBe(`${PX}, 2010–2012; pre-2021 LFS basis`);
  });
});

describe('mergeSourceFamilies', () => {
  it('merges the per-year and per-province citations of one table, keeping statuses apart', () => {
    const out = mergeSourceFamilies([
      { citation: `${PX}, 2010; pre-2021 LFS basis`, status: 'official', rows: 60 },
      { citation: `${PX}, 2016 preliminary; pre-2021 LFS basis; sum of former provinces A (01) 1 thousand + B (02) 2 thousand`, status: 'official', rows: 1 },
      { citation: 'GSO, NSDP SDMX release 2024-Q3 (LMIVNM), LE_PE_NUM', status: 'official', rows: 50 },
      { citation: `${PX}, 2011; pre-2021 LFS basis`, status: 'modelled', rows: 2 },
    ]);
    expect(out).toEqual([
      { citation: `${PX}, 2010, 2016 (2016 preliminary); pre-2021 LFS basis`, status: 'official', rows: 61, citations: 2 },
      { citation: `${PX}, 2011; pre-2021 LFS basis`, status: 'modelled', rows: 2, citations: 1 },
      { citation: 'GSO, NSDP SDMX release 2024-Q3 (LMIVNM), LE_PE_NUM', status: 'official', rows: 50, citations: 1 },
    ]);
  });
});
