/** Small, hand-written API responses for unit tests (shapes as served by the API). */
import type { ForecastResponse, GapRow, GapsResponse, Meta, SeriesResponse, TargetPath } from './api/types';

/**
 * A gap row; `imbalanceShare` follows `imbalance ÷ employmentBase` unless the patch sets it
 * (as the model serves it).
 */
export function gapRow(patch: Partial<GapRow> = {}): GapRow {
  const base = patch.employmentBase ?? 100_000;
  const imbalance = patch.imbalance ?? -5_000;
  return {
    region: 'VN',
    sector: 'C',
    qualification: 'college',
    horizon: 5,
    period: '2030',
    employmentBase: 100_000,
    employmentEnd: 110_000,
    openings: 20_000,
    expansion: 10_000,
    replacement: 10_000,
    newSupply: 15_000,
    imbalance: -5_000,
    imbalanceLower: -7_000,
    imbalanceUpper: -3_000,
    imbalanceShare: base > 0 ? imbalance / base : null,
    ratio: 0.75,
    flag: 'shortage',
    confidence: 'medium',
    rank: 1,
    status: 'modelled',
    basis: [],
    source: 'LMO model v1',
    ...patch,
  };
}

/** A /api/gaps answer around `rows` (no thresholds or assumptions unless the patch sets them). */
export function gapsResponse(rows: GapRow[], patch: Partial<GapsResponse> = {}): GapsResponse {
  return {
    rows,
    region: 'VN',
    scenario: 'baseline',
    horizon: 5,
    sort: 'imbalance',
    baseYear: 2025,
    period: '2030',
    thresholds: null,
    assumptions: null,
    status: 'modelled',
    basis: [],
    source: 'LMO model',
    dataVersion: 1,
    ...patch,
  };
}

/** A /api/series answer (columnar) for `periods` and `values`, all official. */
export function seriesResponse(periods: string[], values: number[], patch: Partial<SeriesResponse> = {}): SeriesResponse {
  return {
    indicator: 'labour_force',
    region: 'VN',
    sector: 'TOTAL',
    qualification: 'ALL',
    unit: 'persons',
    periods,
    values,
    status: periods.map(() => 'official'),
    source: periods.map((p) => `GSO ${p}`),
    dataVersion: 1,
    ...patch,
  };
}

export function forecastResponse(patch: Partial<ForecastResponse> = {}): ForecastResponse {
  return {
    indicator: 'employment',
    region: 'VN',
    sector: 'TOTAL',
    qualification: 'ALL',
    unit: 'persons',
    scenario: 'baseline',
    horizon: 2,
    baseYear: 2025,
    dataVersion: 1,
    history: [
      { period: '2023', value: 51_300_000, status: 'official', source: 'GSO LFS 2023' },
      { period: '2024', value: 51_900_000, status: 'official', source: 'GSO LFS 2024' },
      { period: '2025', value: 52_400_000, status: 'official', source: 'GSO LFS 2025' },
    ],
    forecast: {
      periods: ['2026', '2027'],
      mean: [52_900_000, 53_300_000],
      intervals: [
        { level: 80, lower: [52_600_000, 52_800_000], upper: [53_200_000, 53_800_000] },
        { level: 95, lower: [52_400_000, 52_500_000], upper: [53_400_000, 54_100_000] },
      ],
    },
    models: [
      { method: 'holt', weight: 0.6 },
      { method: 'theta', weight: 0.4 },
    ],
    intervalKind: 'empirical',
    accuracy: { mase: 0.8, smape: 1.2, coverage80: 0.78, coverage95: 0.93, naiveMase: 1, naiveSmape: 1.6, origins: 6 },
    status: 'modelled',
    source: 'LMO forecast (auto) from GSO LFS',
    ...patch,
  };
}

export function targetPath(patch: Partial<TargetPath> = {}): TargetPath {
  return {
    field: 'semiconductors',
    kind: 'training',
    decision: 'Decision 1017/QĐ-TTg (21 Sep 2024)',
    basis: 'assumption',
    decisionVi: 'Quyết định 1017/QĐ-TTg ngày 21/9/2024',
    date: '2024-09-21',
    quoteVi: 'Đào tạo tối thiểu 50.000 …',
    quoteEn: 'Train at least 50,000 …',
    targetLevel: 50_000,
    targetYear: 2030,
    qualification: 'university',
    latest: { period: '2025', value: 10_000, source: 'Modelled by LMO seed generator v1' },
    trend: { periods: ['2026', '2027'], mean: [11_000, 12_000], intervals: [{ level: 80, lower: [10_500, 11_000], upper: [11_500, 13_000] }] },
    target: { periods: ['2026', '2027'], mean: [15_000, 22_000], intervals: [] },
    graduatesNeededPerYear: { university: 8_000, college: 1_000 },
    currentGraduatesPerYear: { university: 3_000, college: 800 },
    gap: { university: 5_000, college: 200 },
    trendShortfall: 30_000,
    noteVi: 'Ghi chú',
    noteEn: 'Note',
    status: 'modelled',
    source: 'LMO targets v1',
    ...patch,
  };
}

export const meta: Meta = {
  regions: [
    { code: 'VN', nameVi: 'Toàn quốc', nameEn: 'Viet Nam', level: 'country', parent: null },
    { code: 'RRD', nameVi: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta', level: 'region', parent: 'VN' },
    { code: '01', nameVi: 'Hà Nội', nameEn: 'Ha Noi', level: 'province', parent: 'RRD' },
  ],
  sectors: [
    { code: 'TOTAL', nameVi: 'Tất cả các ngành', nameEn: 'All sectors', level: 'total', parent: null, additive: true, newField: false },
    { code: 'C', nameVi: 'Công nghiệp chế biến, chế tạo', nameEn: 'Manufacturing', level: 'section', parent: 'TOTAL', additive: true, newField: false },
  ],
  qualifications: [
    { code: 'ALL', nameVi: 'Tất cả trình độ', nameEn: 'All levels', parent: null, vocational: false },
    { code: 'college', nameVi: 'Cao đẳng', nameEn: 'College', parent: 'ALL', vocational: true },
  ],
  indicators: [],
  scenarios: [{ id: 'baseline', code: 'baseline', nameVi: 'Cơ sở', nameEn: 'Baseline', descriptionVi: '', descriptionEn: '' }],
  formerProvinces: [],
  occupations: [],
  periods: { observed: ['2025'], first: '2025', last: '2025', baseYear: 2025, forecastTo: '2035', maxHorizonYears: 10 },
  sources: [],
  dataLevels: [],
  dataVersion: null,
};

/** A translator for tests that echoes the key and its options: `key(a=1,b=2)`. */
export const echoT = (key: string, o: Record<string, unknown> = {}): string =>
  `${key}(${Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')})`;
