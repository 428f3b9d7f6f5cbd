/**
 * Indicators of the long format, with units and how time applies to them.
 * Stocks and rates are *observed* at a period, so a value for a future period
 * cannot be an observation (the validator rejects it); flows may carry plans.
 */
import { closest, type Names } from './normalize';
import type { Unit } from '../data/observation';
import type { BreakdownAxis } from './breakdowns';

export type IndicatorKind = 'stock' | 'flow' | 'rate';

export interface Indicator extends Names {
  code: string;
  unit: Unit;
  kind: IndicatorKind;
  /** True when future periods are invalid (stocks and rates). */
  observed: boolean;
  description: Names;
  /**
   * What the `sector` column holds (default `sector`): a sector code, a
   * demographic group `<sex>:<age>` (`group`) or a VSCO major group (`occupation`).
   * See `breakdowns.ts`.
   */
  axis?: BreakdownAxis;
}

export const INDICATORS: Indicator[] = [
  {
    code: 'employment',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    vi: 'Lao động có việc làm',
    en: 'Employed persons',
    description: {
      vi: 'Số người từ 15 tuổi trở lên có việc làm (cầu lao động đã được đáp ứng), bình quân năm, theo Điều tra Lao động – Việc làm của TCTK.',
      en: 'Employed people aged 15+ (met labour demand), annual average, GSO Labour Force Survey definition.',
    },
  },
  {
    code: 'labour_force',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    vi: 'Lực lượng lao động',
    en: 'Labour force',
    description: {
      vi: 'Lực lượng lao động từ 15 tuổi trở lên (có việc làm + thất nghiệp): cung lao động.',
      en: 'Labour force aged 15+ (employed + unemployed): labour supply stock.',
    },
  },
  {
    code: 'unemployed',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    vi: 'Người thất nghiệp',
    en: 'Unemployed persons',
    description: { vi: 'Số người thất nghiệp từ 15 tuổi trở lên.', en: 'Unemployed people aged 15+.' },
  },
  {
    code: 'vacancies',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    vi: 'Chỗ làm việc trống',
    en: 'Job vacancies',
    description: {
      vi: 'Nhu cầu tuyển dụng chưa được đáp ứng (chỗ làm trống) trong năm, bình quân.',
      en: 'Unfilled job vacancies (average over the year).',
    },
  },
  {
    code: 'graduates',
    unit: 'persons',
    kind: 'flow',
    observed: false,
    vi: 'Người tốt nghiệp',
    en: 'Graduates',
    description: {
      vi: 'Số người tốt nghiệp trong năm theo trình độ và lĩnh vực đào tạo (lĩnh vực gắn với ngành kinh tế dùng nhiều nhất). Sơ cấp: chỉ chương trình ≥ 3 tháng.',
      en: 'People graduating in the year, by level and field of training (field mapped to the sector that employs it most). Elementary: programmes of 3 months or more only.',
    },
  },
  {
    code: 'exits',
    unit: 'persons',
    kind: 'flow',
    observed: false,
    vi: 'Người rời thị trường lao động',
    en: 'Exits from employment',
    description: {
      vi: 'Số người rời việc làm vĩnh viễn trong năm (nghỉ hưu, tử vong, rời lực lượng lao động, di cư): cơ sở của nhu cầu thay thế.',
      en: 'People leaving employment permanently in the year (retirement, death, leaving the labour force, emigration): the basis of replacement demand.',
    },
  },
  {
    code: 'unemployment_rate',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Tỷ lệ thất nghiệp trong độ tuổi lao động',
    en: 'Unemployment rate, working age',
    description: {
      vi: 'Tỷ lệ thất nghiệp của lực lượng lao động trong độ tuổi lao động (chỉ tiêu chính của TCTK).',
      en: 'Unemployment rate of the working-age labour force (GSO headline rate).',
    },
  },
  {
    code: 'trained_share_certified',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Tỷ lệ lao động qua đào tạo có bằng, chứng chỉ',
    en: 'Share of labour force with a degree or certificate',
    description: {
      vi: 'Định nghĩa TCTK: có bằng/chứng chỉ từ sơ cấp trở lên (2024: 28,1 %).',
      en: 'GSO definition: holding a degree or certificate from elementary (sơ cấp) up (2024: 28.1 %).',
    },
  },
  {
    code: 'trained_share_broad',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Tỷ lệ lao động qua đào tạo (định nghĩa rộng)',
    en: 'Share of labour force trained (broad definition)',
    description: {
      vi: 'Định nghĩa của Bộ LĐ-TB&XH, gồm cả đào tạo ngắn hạn không cấp bằng (2024: 68,7 %). Không so sánh trực tiếp với tỷ lệ có bằng, chứng chỉ.',
      en: 'MOLISA definition, including short non-certified training (2024: 68.7 %). Not comparable with the certified share.',
    },
  },
  {
    code: 'employment_share',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Cơ cấu lao động có việc làm theo ngành',
    en: 'Share of employment by sector',
    description: {
      vi: 'Tỷ trọng lao động có việc làm của một ngành trong tổng số (%).',
      en: "A sector's share of total employment (%).",
    },
  },
  {
    code: 'population',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    vi: 'Dân số trung bình',
    en: 'Average population',
    description: {
      vi: 'Dân số trung bình trong năm theo vùng và tỉnh (TCTK).',
      en: 'Average population over the year, by region and province (GSO).',
    },
  },
  {
    code: 'population_by_group',
    unit: 'persons',
    kind: 'stock',
    observed: false,
    axis: 'group',
    vi: 'Dân số theo giới tính và nhóm tuổi',
    en: 'Population by sex and age group',
    description: {
      vi: 'Dân số theo giới tính và nhóm tuổi (cột ngành ghi mã nhóm, ví dụ T:15-24). Cho phép năm tương lai vì dự báo dân số của Liên Hợp Quốc là số liệu đã công bố.',
      en: 'Population by sex and age group (the sector column holds a group code such as T:15-24). Future years are allowed because UN population projections are published figures.',
    },
  },
  {
    code: 'labour_force_by_group',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    axis: 'group',
    vi: 'Lực lượng lao động theo giới tính và nhóm tuổi',
    en: 'Labour force by sex and age group',
    description: {
      vi: 'Lực lượng lao động theo giới tính và nhóm tuổi (mã nhóm trong cột ngành, ví dụ F:ALL, T:15-24).',
      en: 'Labour force by sex and age group (group code in the sector column, e.g. F:ALL, T:15-24).',
    },
  },
  {
    code: 'employment_by_group',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    axis: 'group',
    vi: 'Lao động có việc làm theo giới tính và nhóm tuổi',
    en: 'Employed persons by sex and age group',
    description: {
      vi: 'Số người có việc làm theo giới tính và nhóm tuổi (mã nhóm trong cột ngành).',
      en: 'Employed people by sex and age group (group code in the sector column).',
    },
  },
  {
    code: 'unemployed_by_group',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    axis: 'group',
    vi: 'Người thất nghiệp theo giới tính và nhóm tuổi',
    en: 'Unemployed persons by sex and age group',
    description: {
      vi: 'Số người thất nghiệp theo giới tính và nhóm tuổi (mã nhóm trong cột ngành).',
      en: 'Unemployed people by sex and age group (group code in the sector column).',
    },
  },
  {
    code: 'employment_by_occupation',
    unit: 'persons',
    kind: 'stock',
    observed: true,
    axis: 'occupation',
    vi: 'Lao động có việc làm theo nghề',
    en: 'Employed persons by occupation',
    description: {
      vi: 'Số người từ 15 tuổi trở lên có việc làm theo nhóm nghề cấp 1 VSCO 2008 (OCC1–OCC9, OCC0 là lực lượng vũ trang; mã trong cột ngành).',
      en: 'Employed people aged 15+ by VSCO 2008 major occupation group (OCC1–OCC9, OCC0 armed forces; code in the sector column).',
    },
  },
  {
    code: 'value_added_real',
    unit: 'billion_vnd',
    kind: 'flow',
    observed: true,
    vi: 'Giá trị tăng thêm theo giá so sánh 2010',
    en: 'Gross value added at constant 2010 prices',
    description: {
      vi: 'Giá trị tăng thêm theo giá so sánh 2010 (tỷ đồng), theo ngành cấp 1 VSIC, khu vực B-F / G-U hoặc TOTAL.',
      en: 'Gross value added at constant 2010 prices (billion VND), by VSIC section, B-F / G-U or TOTAL.',
    },
  },
  {
    code: 'value_added_nominal',
    unit: 'billion_vnd',
    kind: 'flow',
    observed: true,
    vi: 'Giá trị tăng thêm theo giá hiện hành',
    en: 'Gross value added at current prices',
    description: {
      vi: 'Giá trị tăng thêm theo giá hiện hành (tỷ đồng), theo ngành cấp 1 VSIC, khu vực B-F / G-U hoặc TOTAL.',
      en: 'Gross value added at current prices (billion VND), by VSIC section, B-F / G-U or TOTAL.',
    },
  },
  {
    code: 'unemployment_rate_youth',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Tỷ lệ thất nghiệp của thanh niên (15–24 tuổi)',
    en: 'Youth unemployment rate (15–24)',
    description: {
      vi: 'Tỷ lệ thất nghiệp của lực lượng lao động từ 15 đến 24 tuổi (%).',
      en: 'Unemployment rate of the labour force aged 15–24 (%).',
    },
  },
  {
    code: 'underemployment_rate',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Tỷ lệ thiếu việc làm trong độ tuổi lao động',
    en: 'Underemployment rate, working age',
    description: {
      vi: 'Tỷ lệ thiếu việc làm của lao động trong độ tuổi lao động (%), định nghĩa TCTK.',
      en: 'Time-related underemployment rate of workers of working age (%), GSO definition.',
    },
  },
  {
    code: 'employment_rate',
    unit: 'percent',
    kind: 'rate',
    observed: true,
    vi: 'Tỷ lệ lao động có việc làm trong dân số từ 15 tuổi',
    en: 'Employment-to-population ratio, 15+',
    description: {
      vi: 'Số người từ 15 tuổi trở lên có việc làm so với dân số từ 15 tuổi trở lên (%), như bảng theo tỉnh của TCTK.',
      en: "Employed people aged 15+ as a percentage of the population aged 15+, as in GSO's province table.",
    },
  },
  {
    // Added by SEEDS: GSO's education table counts university and college graduates together (no split by level).
    code: 'graduates_higher_education',
    unit: 'persons',
    kind: 'flow',
    observed: false,
    vi: 'Người tốt nghiệp đại học và cao đẳng',
    en: 'University and college graduates',
    description: {
      vi: 'Số sinh viên tốt nghiệp đại học và cao đẳng trong năm, tính chung hai bậc (bảng giáo dục của TCTK không tách theo bậc); trình độ ghi ALL.',
      en: "Students graduating from universities and colleges in the year, both levels together (GSO's education table has no split by level); qualification ALL.",
    },
  },
];

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function getIndicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

/** The breakdown axis of an indicator's `sector` column (`sector` when not set or unknown). */
export function indicatorAxis(code: string): BreakdownAxis {
  return BY_CODE.get(code)?.axis ?? 'sector';
}

/** Near-miss suggestion for an unknown indicator code. */
export function suggestIndicator(value: string): string | undefined {
  return closest(
    value,
    INDICATORS.map((i) => i.code),
  );
}

/** A break in a published series: values before `period` are not comparable with those from it. */
export interface SeriesBreak {
  indicator: string;
  region: string;
  /** First period of the new basis. */
  period: string;
  reason: Names;
}

const BREAK_2021: Names = {
  vi: 'Từ năm 2021 TCTK tính lại quyền số Điều tra LĐ-VL (theo Tổng điều tra 2019; có thể kèm định nghĩa việc làm ICLS-19 — chưa xác nhận): lực lượng lao động 2021 là 50,6 triệu, thấp hơn 2020 công bố lần đầu (54,6 triệu) nhưng chỉ ~0,8 triệu dưới 2020 đã hiệu chỉnh. Dùng số liệu từ 2021 hoặc nối chuỗi rõ ràng.',
  en: 'From 2021 GSO re-weighted the LFS (to the 2019 Census; the ICLS-19 employment definition is a likely but unconfirmed further cause): labour force 2021 is 50.6 m, below 2020 as first published (54.6 m) yet only ~0.8 m below revised 2020. Model from 2021 or splice explicitly.',
};

/** National LFS series with the 2021 break (VIETNAM_FACTS §1). */
export const SERIES_BREAKS: SeriesBreak[] = ['labour_force', 'employment', 'unemployed', 'unemployment_rate', 'employment_share'].map((indicator) => ({
  indicator,
  region: 'VN',
  period: '2021',
  reason: BREAK_2021,
}));
