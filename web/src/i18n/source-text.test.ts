import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { englishWordsIn } from './english-words';
import { localizeSource } from './source-text';

const seeds = (name: string) => new URL(`../../../seeds/data/${name}`, import.meta.url);

/** Distinct `source` texts of a seed file (the citations the API passes on). */
function seedSources(name: string): string[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(seeds(name), 'utf8'), { header: true, skipEmptyLines: true });
  return [...new Set(parsed.data.map((r) => r.source).filter(Boolean))];
}

// The templates the models write (models/src/labour/*.ts), filled in as the API serves them.
const DECISION = [
  'Decision 1017/QĐ-TTg (21 Sep 2024): programme on developing semiconductor-industry human resources to 2030, vision 2050',
  'Quyết định 1017/QĐ-TTg ngày 21/9/2024',
] as const;
const MODEL_SOURCES = [
  'LMO model: engine forecast (ses+drift+theta) of employment (fitted on 2010–2025, 2 missing year(s) interpolated). History: GSO, NSDP SDMX release 2024-Q3 (LMIVNM), LE_PE_NUM; pre-2021 LFS weights (before the re-weighting to the 2019 Census; not comparable with 2021 on)',
  'LMO model: engine forecast (system-shares) of employment, reconciled across regions, sectors and levels (OLS). History: GSO annual LFS 2023, reported by Vietnam+/SGGP (2 Jan 2024)',
  'LMO model (modelled): openings vs new supply, see assumptions',
  'LMO model (modelled): employment forecasts of this outlook',
  'LMO model thresholds (configurable, COPS-style); a modelled signal, not an official statistic',
  'LMO national system: labour force = population × participation (calibrated to the official base year); employment = value added ÷ productivity by section, ≤ labour force × (1 − u_min); unemployment = labour force − employment. History: GSO 2025 socio-economic report, reported by Lao Động (Japanese edition)',
  "LMO model: the national system's labour force × the region's share (compositional log-ratio forecast of 2010–2016 shares). History: GSO annual LFS 2024, cited by Báo Dân tộc (2025)",
  'LMO model: 100 × (1 − employment ÷ labour force) of the scenario (national system × regional shares). History: MOLISA year-end 2024 report, via vietnam.vn (27 Dec 2024); approximate (C~)',
  `LMO model: logistic workforce path (assumption: everyone ${DECISION[0]} still calls for joins the field); trend = engine forecast of the field's workforce (LMO illustrative generator v2 (seeds/README.md): generated, not a statistic — designed size path of a new field inside section C (no GSO series))`,
  `LMO model: trend = engine forecast of the field's workforce (GSO Labour Force Survey report 2021 (via Geography 12 textbook and khoahocphattrien.vn)); targets quoted from ${DECISION[0]}`,
  'LMO national system: UN WPP 2019 cohort shrinkage (international), statutory retirement ages (2019 Labour Code art. 169, Decree 135/2020), national age profile of employment',
  'LMO national system: labour-force entrants and entry mix (stock-flow calibrated on GSO trained share); graduates series of the data',
  'GSO unemployment rate (LFS, 2021+); LMO demographic supply; LMO forecast engine',
  'UN WPP 2019 (population_by_group); GSO population; GSO LFS labour force by age group and sex; Labour Code 2019 art. 169',
  'GSO GDPVNM value_added_real (constant 2010 prices); GSO LFS employment by broad sector (2021+) and national employment',
  'LMO thresholds (Cedefop / COPS small-cell practice)',
  'GSO LFS 2021 re-weighting',
  'GSO employment by age group (2016); UN WPP 2019; Labour Code 2019',
];

describe('localizeSource', () => {
  it('leaves English untouched', () => {
    expect(localizeSource(MODEL_SOURCES[0], 'en')).toBe(MODEL_SOURCES[0]);
  });

  it('writes the model templates in Vietnamese, with method names and the decision title', () => {
    const vi = localizeSource(MODEL_SOURCES[0], 'vi');
    expect(vi).toMatch(
      /^Mô hình LMO: dự báo bằng bộ máy dự báo \(làm trơn mũ đơn \(SES\) \+ xu hướng đường thẳng \(drift\) \+ phương pháp Theta\) cho chỉ tiêu employment/,
    );
    expect(localizeSource(MODEL_SOURCES[0], 'vi', { indicatorName: () => 'Lao động có việc làm' })).toContain('cho chỉ tiêu lao động có việc làm');
    expect(vi).toContain('Số liệu lịch sử: TCTK, bản phát hành NSDP SDMX 2024-Q3 (LMIVNM), LE_PE_NUM');
    const logistic = localizeSource(MODEL_SOURCES[8], 'vi', { extra: [DECISION] });
    expect(logistic).toContain('Quyết định 1017/QĐ-TTg ngày 21/9/2024');
    for (const text of MODEL_SOURCES)
      expect(
        englishWordsIn(localizeSource(text, 'vi', { extra: [DECISION], indicatorName: (c) => ({ employment: 'Lao động có việc làm' })[c] })),
        text,
      ).toEqual([]);
  });

  it('keeps quoted table titles as published', () => {
    const src =
      'GSO online database (PX-Web, English edition, release c. 2017), table "Labour force at 15 years of age and above by province", 2016 preliminary; pre-2021 LFS basis';
    expect(localizeSource(src, 'vi')).toBe(
      'cơ sở dữ liệu trực tuyến của TCTK (PX-Web, bản tiếng Anh, phát hành khoảng năm 2017), bảng "Labour force at 15 years of age and above by province", 2016 sơ bộ; cơ sở Điều tra LĐ-VL trước 2021',
    );
  });

  it('leaves no English word in any citation of the real seed files', () => {
    const files = [
      'official.csv',
      'official-lfs.csv',
      'official-provinces.csv',
      'official-population.csv',
      'official-national-accounts.csv',
      'official-employment-structure.csv',
      'official-graduates.csv',
      'international-wpp.csv',
      'modelled-province-rates.csv',
      'illustrative-supply.csv',
      'illustrative-vacancies.csv',
      'illustrative-exits-2025.csv',
      'illustrative-graduates-2024-2025.csv',
      'illustrative-employment-2025.csv',
    ];
    const leftovers = files
      .flatMap(seedSources)
      .map((s) => ({ s, words: englishWordsIn(localizeSource(s, 'vi')) }))
      .filter((x) => x.words.length > 0);
    expect(leftovers.slice(0, 5)).toEqual([]);
    // Not vacuous: the files hold hundreds of distinct citations.
    expect(files.flatMap(seedSources).length).toBeGreaterThan(200);
  });
});
