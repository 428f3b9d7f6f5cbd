/**
 * The scenario levers a planner can set (issue 13 §1): each with a unit, a range and a
 * default (the baseline). One table, read by the validator (schema.ts), the API's OpenAPI
 * description and the web's scenario builder, so a range is written once.
 */

/** A lever's unit; the builder shows it beside the slider. */
export type ParameterUnit = 'pct-per-year' | 'pp-per-year' | 'pp' | 'pct' | 'years' | 'months' | 'year' | 'workers' | 'graduates-per-year';

/** One lever. Keyed levers (`keys`) take an object from key to value. */
export interface ParameterSpec {
  name: ParameterName;
  unit: ParameterUnit;
  min: number;
  max: number;
  /** Slider step. */
  step: number;
  /** The baseline value (what "no change" means for this lever). */
  default: number;
  /** Keys a keyed lever accepts (sections, broad sectors, levels, fields, sex × age group). */
  keys?: readonly string[];
  vi: string;
  en: string;
  /** How the lever enters the model, one sentence. */
  noteVi: string;
  noteEn: string;
}

/** VSIC 2018 sections and the three broad sectors GSO reports (A is both a section and a broad sector). */
export const VALUE_ADDED_KEYS = [
  'A',
  'B-F',
  'G-U',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
/** Keys of the relative value-added lever: every sector (`*`) plus the above and the new fields. */
export const VALUE_ADDED_CHANGE_KEYS = ['*', ...VALUE_ADDED_KEYS, 'semiconductors', 'hydrogen', 'carbon-markets', 'ai-digital'] as const;
/** Trained levels (graduates exist for these) and `ALL` for every level at once. */
export const TRAINING_KEYS = ['ALL', 'elementary', 'intermediate', 'college', 'university'] as const;
export const FIELD_KEYS = ['semiconductors', 'hydrogen', 'carbon-markets', 'ai-digital'] as const;
/** Sex × broad age group of the participation lever. */
export const PARTICIPATION_KEYS = ['M:15-24', 'M:25-49', 'M:50+', 'F:15-24', 'F:25-49', 'F:50+'] as const;

export const PARAMETER_NAMES = [
  'valueAddedGrowth',
  'valueAddedGrowthChange',
  'productivityGrowthChange',
  'participationChange',
  'retirementAge',
  'trainingOutputChange',
  'trainingOutput',
  'entryRate',
  'exitRateChange',
  'graduateMobility',
  'newFieldBoost',
  'targetAttainment',
] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

/** The levers, in the order the builder shows them. */
export const PARAMETER_SPECS: readonly ParameterSpec[] = [
  {
    name: 'valueAddedGrowth',
    unit: 'pct-per-year',
    min: -10,
    max: 30,
    step: 0.5,
    default: NaN,
    keys: VALUE_ADDED_KEYS,
    vi: 'Tăng trưởng giá trị tăng thêm (thực)',
    en: 'Real value-added growth',
    noteVi: 'Thay dự báo giá trị tăng thêm của ngành; việc làm = giá trị tăng thêm ÷ năng suất. Mặc định = dự báo cơ sở của từng ngành.',
    noteEn: "Replaces the sector's value-added forecast; employment = value added ÷ productivity. Default = each sector's baseline forecast.",
  },
  {
    name: 'valueAddedGrowthChange',
    unit: 'pp-per-year',
    min: -10,
    max: 10,
    step: 0.1,
    default: 0,
    keys: VALUE_ADDED_CHANGE_KEYS,
    vi: 'Thay đổi tăng trưởng so với cơ sở',
    en: 'Growth change against the baseline',
    noteVi: 'Cộng thêm (điểm %/năm) vào tăng trưởng cơ sở; giá trị «Mọi ngành» (khóa *) áp dụng cho mọi ngành không có giá trị riêng.',
    noteEn: 'Added (percentage points a year) to baseline growth; the "Every sector" value (key *) applies to every sector without its own value.',
  },
  {
    name: 'productivityGrowthChange',
    unit: 'pp-per-year',
    min: -5,
    max: 5,
    step: 0.1,
    default: 0,
    vi: 'Điều chỉnh tăng năng suất lao động',
    en: 'Labour-productivity growth adjustment',
    noteVi: 'Năng suất tăng nhanh hơn thì cùng giá trị tăng thêm cần ít lao động hơn (mọi ngành).',
    noteEn: 'Faster productivity growth means the same value added needs fewer workers (every sector).',
  },
  {
    name: 'participationChange',
    unit: 'pp',
    min: -20,
    max: 20,
    step: 0.5,
    default: 0,
    keys: PARTICIPATION_KEYS,
    vi: 'Thay đổi tỷ lệ tham gia lực lượng lao động',
    en: 'Labour-force participation change',
    noteVi: 'Điểm % cộng vào tỷ lệ tham gia dự báo của nhóm giới tính × tuổi, mọi năm dự báo.',
    noteEn: 'Percentage points added to the forecast participation rate of a sex × age group, every forecast year.',
  },
  {
    name: 'retirementAge',
    unit: 'years',
    min: 55,
    max: 70,
    step: 0.25,
    default: NaN,
    keys: ['M', 'F'],
    vi: 'Tuổi nghỉ hưu mục tiêu (lộ trình tăng thêm)',
    en: 'Target retirement age (a later step-up)',
    noteVi: 'Mặc định: lộ trình của Bộ luật Lao động 2019 (nam 62 từ 2028, nữ 60 từ 2035). Tuổi cao hơn được tăng dần theo số tháng mỗi năm từ năm bắt đầu.',
    noteEn:
      'Default: the 2019 Labour Code roadmap (men 62 from 2028, women 60 from 2035). A higher target is reached step by step, months a year from the start year.',
  },
  {
    name: 'trainingOutputChange',
    unit: 'pct',
    min: -90,
    max: 300,
    step: 5,
    default: 0,
    keys: TRAINING_KEYS,
    vi: 'Thay đổi quy mô đào tạo',
    en: 'Training output change',
    noteVi:
      '% thay đổi số tốt nghiệp mỗi năm so với dự báo cơ sở, theo trình độ; giá trị «Tất cả trình độ» áp dụng cho mọi trình độ. Người tốt nghiệp thêm là cùng những người vào thị trường được đào tạo tốt hơn: cung chưa qua đào tạo giảm tương ứng, tổng cung không đổi.',
    noteEn:
      '% change in graduates a year against the baseline forecast, by level; the "All levels" value (key ALL) applies to every level. Extra graduates are the same entrants better trained: unqualified supply falls by as much, total supply does not change.',
  },
  {
    name: 'trainingOutput',
    unit: 'graduates-per-year',
    min: 0,
    max: 5_000_000,
    step: 1000,
    default: NaN,
    keys: TRAINING_KEYS.slice(1),
    vi: 'Số tốt nghiệp mỗi năm',
    en: 'Graduates a year',
    noteVi: 'Số tốt nghiệp mỗi năm của trình độ từ năm dự báo đầu tiên (thay cho % thay đổi của trình độ đó).',
    noteEn: "Graduates a year at the level from the first forecast year (replaces that level's % change).",
  },
  {
    name: 'entryRate',
    unit: 'pct',
    min: 20,
    max: 100,
    step: 1,
    default: NaN,
    vi: 'Tỷ lệ tốt nghiệp vào làm việc',
    en: 'Share of graduates entering work',
    noteVi: 'Phần trăm người tốt nghiệp tham gia thị trường lao động trong năm.',
    noteEn: 'Percent of graduates who join the labour market in the year.',
  },
  {
    name: 'exitRateChange',
    unit: 'pct',
    min: -50,
    max: 50,
    step: 5,
    default: 0,
    vi: 'Thay đổi tỷ lệ rời thị trường (nghỉ hưu, tử vong)',
    en: 'Exit-rate change (retirement, death)',
    noteVi: '% thay đổi nhu cầu thay thế so với cơ sở.',
    noteEn: '% change in replacement demand against the baseline.',
  },
  {
    name: 'graduateMobility',
    unit: 'pct',
    min: 0,
    max: 100,
    step: 5,
    default: 0,
    vi: 'Người tốt nghiệp làm việc ngoài tỉnh nơi học',
    en: 'Graduates working outside the province where they studied',
    noteVi:
      'Phần trăm người tốt nghiệp đi làm ở tỉnh khác, chia cho các tỉnh theo việc làm năm gốc của cùng ngành và trình độ; số còn lại ở tỉnh nơi học. Mặc định 0: tính ở nơi số liệu ghi nhận (nơi học), vì chưa có số liệu di chuyển sau tốt nghiệp. Chỉ đổi cung mới giữa các tỉnh; tổng toàn quốc không đổi.',
    noteEn:
      'Percent of graduates who take work in another province, shared among provinces by base-year employment in their sector and level; the rest stay where they studied. Default 0: graduates count where the data place them (where they study), because no data on moves after graduating exist here. Moves new supply between provinces only; national totals do not change.',
  },
  {
    name: 'newFieldBoost',
    unit: 'workers',
    min: 0,
    max: 1_000_000,
    step: 500,
    default: 0,
    keys: FIELD_KEYS,
    vi: 'Lao động tăng thêm trong lĩnh vực mới',
    en: 'Extra workers in a new field',
    noteVi: 'Số lao động thêm vào xu hướng của lĩnh vực (toàn quốc, chia theo tỉnh và trình độ như xu hướng), không vượt ngành mẹ.',
    noteEn: "Workers added to the field's trend (national, shared by province and level like the trend), never above the parent section.",
  },
  {
    name: 'targetAttainment',
    unit: 'pct',
    min: 0,
    max: 100,
    step: 5,
    default: 0,
    vi: 'Mức đi theo đường lao động giả định từ mục tiêu đào tạo bán dẫn',
    en: 'Share of the way to the semiconductor path assumed from the training target',
    noteVi: 'Giả định: mọi người được đào tạo theo QĐ 1017/QĐ-TTg vào làm trong ngành; 100% = đi hết đường đó.',
    noteEn: 'Assumption: everyone trained under Decision 1017/QĐ-TTg joins the field; 100% = the whole path.',
  },
];

/** A lever's spec by name. */
export function specOf(name: ParameterName): ParameterSpec {
  return PARAMETER_SPECS.find((s) => s.name === name)!;
}

/** Limits of the retirement step-up besides its target age. */
export const RETIREMENT_LIMITS = { startYear: { min: 2026, max: 2045 }, stepMonths: { min: 1, max: 12 } } as const;
/** Years a year-keyed value may name (per-period growth, boost by year). */
export const YEAR_LIMITS = { min: 2020, max: 2060 } as const;
