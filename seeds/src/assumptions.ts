/**
 * Assumptions of the illustrative generator (all U: background knowledge,
 * used only as relative weights or shapes; every figure they produce is
 * labelled `illustrative`). The real anchors are read from the committed
 * official/modelled seed files (anchors.ts). Documented in seeds/README.md.
 */

/** Generator version: bump when the model changes, it is part of every generated row's source. */
export const GENERATOR_VERSION = 'v2';
export const SEED = 20250701;
/** Prefix of every generated row's source. */
export const ILLUSTRATIVE_SOURCE = `LMO illustrative generator ${GENERATOR_VERSION} (seeds/README.md): generated, not a statistic`;
/** Source text of a generated row: the prefix and what the row is anchored to. */
export const illustrativeSource = (anchor: string): string => `${ILLUSTRATIVE_SOURCE} — ${anchor}`;

/** Employment history: annual periods. */
export const EMPLOYMENT_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Flows (graduates, exits) and vacancies: recent years, new LFS basis only. */
export const FLOW_YEARS = [2021, 2022, 2023, 2024, 2025];

/**
 * Back-cast factor from the old LFS basis to the 2021 basis: revised 2020
 * labour force ≈ 51.4 m (implied by GSO's "2021 is ~0.8 m below 2020", C)
 * over 54.6 m first published (C). Applied to GSO's old-basis national
 * employment (before 2021) so cell histories form one series.
 */
export const SPLICE = 51.4 / 54.6;
/** Yearly change of the national trained share after the last GSO figure (pp, U). */
export const TRAINED_SLOPE_AFTER = 0.8;
/** Yearly change of agriculture's share after the last GSO figure (pp, U). */
export const AGRICULTURE_SLOPE_AFTER = -0.5;

/** Annual drift of a province's employment share after the last GSO province table (fast-growing industrial/urban units up, rural down). */
export const PROVINCE_DRIFT: Record<string, number> = {
  '79': 0.012,
  '24': 0.015,
  '01': 0.01,
  '75': 0.01,
  '31': 0.01,
  '33': 0.008,
  '80': 0.006,
  '48': 0.006,
  '19': 0.004,
  '25': 0.004,
  '22': 0.004,
  '92': 0.002,
};
export const REGION_DRIFT: Record<string, number> = { NMM: -0.004, CH: -0.002, MRD: -0.006, NCCC: -0.002, RRD: 0, SE: 0 };

/** National section shares of employment in 2021 (%, U) and their annual drift within the broad sector. */
export const SECTION_2021: Record<string, [share: number, drift: number]> = {
  A: [29.1, 0],
  B: [0.4, -0.03],
  C: [22.4, 0.01],
  D: [0.3, 0.01],
  E: [0.3, 0.01],
  F: [9.7, -0.005],
  G: [13.7, 0],
  H: [3.6, 0.02],
  I: [5.2, 0.01],
  J: [0.6, 0.05],
  K: [0.9, 0.02],
  L: [0.4, 0.02],
  M: [0.7, 0.04],
  N: [0.8, 0.04],
  O: [2.8, -0.01],
  P: [3.7, -0.005],
  Q: [1.3, 0.03],
  R: [0.6, 0.02],
  S: [2.2, -0.01],
  T: [1.3, -0.02],
  U: [0.01, 0],
};

/** Province × section intensity multipliers (1 = national pattern). */
export const REGION_SECTION: Record<string, Partial<Record<string, number>>> = {
  NMM: { A: 1.9, C: 0.5, G: 0.7, I: 0.6, J: 0.4, K: 0.5, M: 0.4, N: 0.4 },
  RRD: { A: 0.6, C: 1.3, F: 1.1, G: 1.05 },
  NCCC: { A: 1.25, C: 0.8, I: 1.2 },
  CH: { A: 2.0, C: 0.35, F: 0.8, J: 0.4, K: 0.6, M: 0.4, N: 0.4 },
  SE: { A: 0.3, C: 1.4, H: 1.3, N: 1.5 },
  MRD: { A: 1.7, C: 0.6, J: 0.5, M: 0.5, N: 0.5 },
};
export const PROVINCE_SECTION: Record<string, Partial<Record<string, number>>> = {
  '01': { A: 0.35, C: 0.8, J: 6.5, K: 3, L: 2.5, M: 4, N: 2, O: 2, P: 1.5, Q: 1.6, R: 1.8, U: 40 },
  '79': { A: 0.2, J: 5.5, K: 3, L: 3, M: 3.5, N: 2.5, H: 1.4, I: 1.3, Q: 1.5, R: 1.8, U: 20 },
  '48': { A: 0.4, J: 3.5, I: 2.2, K: 1.5, L: 2, M: 1.5, N: 1.5 },
  '46': { A: 0.8, P: 1.8, Q: 1.8, I: 1.6 },
  '92': { A: 0.9, G: 1.2, P: 1.3, Q: 1.3 },
  '31': { A: 0.6, C: 1.5, H: 2.2 },
  '24': { A: 0.5, C: 2.4 },
  '75': { A: 0.6, C: 1.9 },
  '33': { C: 1.5 },
  '80': { C: 1.5 },
  '19': { C: 1.6, B: 2.5, P: 1.4 },
  '25': { C: 1.4 },
  '22': { B: 14, I: 1.8, H: 1.4 },
  '15': { B: 2.5, I: 1.3 },
  '56': { I: 2.0, D: 2.5 },
  '68': { I: 1.6, D: 2.0 },
  '51': { C: 1.2, D: 1.8 },
  '96': { D: 2.0, A: 1.2 },
  '86': { D: 1.5 },
  '14': { D: 1.8 },
};

/**
 * How the trained composition (elementary : intermediate : college :
 * university) moves each year after the last GSO table by qualification:
 * towards university and college (U).
 */
export const LEVEL_SPLIT_DRIFT = { elementary: -0.002, intermediate: -0.004, college: 0.002, university: 0.004 };

/** Section-specific odds of each level relative to `none` (shape of the qualification mix, U). */
export const SECTION_LEVELS: Record<string, [elementary: number, intermediate: number, college: number, university: number]> = {
  A: [0.05, 0.02, 0.01, 0.01],
  B: [0.35, 0.45, 0.25, 0.35],
  C: [0.12, 0.13, 0.09, 0.14],
  D: [0.4, 1.1, 0.9, 1.6],
  E: [0.15, 0.2, 0.1, 0.2],
  F: [0.1, 0.1, 0.06, 0.1],
  G: [0.06, 0.1, 0.07, 0.2],
  H: [0.25, 0.12, 0.06, 0.15],
  I: [0.05, 0.06, 0.06, 0.08],
  J: [0.1, 0.3, 0.5, 2.6],
  K: [0.1, 0.4, 0.5, 6.0],
  L: [0.06, 0.25, 0.25, 1.5],
  M: [0.1, 0.4, 0.5, 4.0],
  N: [0.08, 0.12, 0.1, 0.35],
  O: [0.3, 1.0, 0.6, 3.5],
  P: [0.1, 1.2, 1.8, 9.0],
  Q: [0.2, 2.0, 1.8, 3.0],
  R: [0.1, 0.3, 0.4, 0.6],
  S: [0.06, 0.06, 0.04, 0.08],
  T: [0.01, 0.01, 0.005, 0.005],
  U: [0.1, 0.3, 0.3, 5],
};

/** Starting tilt of the trained levels by region; the generator calibrates one tilt per province to GSO's province trained shares. */
export const REGION_TRAINED: Record<string, number> = { RRD: 1.45, SE: 1.25, NCCC: 0.95, NMM: 0.8, CH: 0.6, MRD: 0.55 };

/**
 * Annual exit rate from employment by level (retirement, death, leaving the
 * labour force, emigration), adjusted by section age structure (U).
 */
export const EXIT_RATE = { none: 0.034, elementary: 0.03, intermediate: 0.031, college: 0.022, university: 0.02 };
export const EXIT_SECTION: Partial<Record<string, number>> = { A: 1.3, T: 1.2, O: 1.1, P: 1.05, J: 0.6, K: 0.7, M: 0.8, I: 0.9 };

/**
 * Graduates per opening (openings = growth + exits) by level: > 1 surplus,
 * < 1 shortage. Encodes "thừa thầy, thiếu thợ": too few college and
 * intermediate technicians, enough university graduates overall (U).
 */
export const GRAD_PER_OPENING = { elementary: 1.25, intermediate: 0.78, college: 0.62, university: 1.12 };
export const GRAD_SECTION: Record<'vocational' | 'university', Partial<Record<string, number>>> = {
  vocational: { A: 1.5, C: 0.8, D: 0.8, F: 0.75, H: 0.85, J: 0.8, Q: 0.9, S: 1.2, G: 1.1 },
  university: { G: 1.25, K: 1.45, L: 1.3, M: 1.1, O: 1.2, P: 1.35, J: 0.7, C: 0.8, D: 0.85, Q: 0.9, F: 0.85 },
};
/** University graduates are trained where universities are (students move), not where jobs are. */
export const UNIVERSITY_HUBS: Partial<Record<string, number>> = { '01': 1.8, '79': 1.35, '48': 1.3, '46': 1.6, '92': 1.3, '19': 1.3, '40': 1.05 };

/** Vacancies as a share of employment by section (U). */
export const VACANCY_RATE: Partial<Record<string, number>> = { C: 0.02, F: 0.012, H: 0.015, I: 0.015, J: 0.025, K: 0.012, M: 0.015, N: 0.02, Q: 0.015 };
export const VACANCY_DEFAULT = 0.006;

/** The ministry's new fields: national size path (persons, 2015–2025), hub provinces, level mix, graduates path. */
export interface FieldAssumption {
  code: string;
  parent: string;
  /** Employment, thousands, 2015…2025. */
  employment: number[];
  hubs: Record<string, number>;
  /** Mix over none, elementary, intermediate, college, university. */
  levels: [number, number, number, number, number];
  /** Graduates entering the field, 2021…2025, by elementary, intermediate, college, university. */
  graduates: [number, number, number, number][];
}

export const FIELDS: FieldAssumption[] = [
  {
    code: 'semiconductors',
    parent: 'C',
    employment: [8.0, 8.8, 9.8, 11.0, 12.4, 13.5, 15.0, 17.5, 20.5, 24.5, 29.0],
    hubs: { '24': 0.35, '79': 0.35, '01': 0.18, '48': 0.06, '19': 0.03, '31': 0.03 },
    levels: [0.08, 0.1, 0.17, 0.2, 0.45],
    graduates: [
      [100, 120, 150, 400],
      [120, 150, 180, 500],
      [150, 180, 220, 650],
      [180, 230, 280, 900],
      [220, 300, 350, 1300],
    ],
  },
  {
    code: 'hydrogen',
    parent: 'D',
    employment: [0.3, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8, 1.1, 1.5, 2.0],
    hubs: { '51': 0.25, '79': 0.25, '96': 0.15, '56': 0.12, '86': 0.1, '68': 0.08, '01': 0.05 },
    levels: [0.05, 0.1, 0.25, 0.25, 0.35],
    graduates: [
      [5, 10, 10, 15],
      [5, 10, 12, 20],
      [8, 15, 15, 30],
      [10, 20, 20, 45],
      [15, 25, 30, 70],
    ],
  },
  {
    code: 'carbon-markets',
    parent: 'M',
    employment: [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7, 1.0, 1.5, 2.2, 3.2],
    hubs: { '01': 0.45, '79': 0.35, '48': 0.08, '92': 0.07, '46': 0.05 },
    levels: [0.02, 0.03, 0.05, 0.1, 0.8],
    graduates: [
      [2, 3, 5, 20],
      [3, 5, 8, 30],
      [5, 6, 10, 50],
      [6, 8, 14, 80],
      [8, 10, 20, 120],
    ],
  },
  {
    code: 'ai-digital',
    parent: 'J',
    employment: [70, 78, 86, 95, 105, 115, 125, 137, 150, 163, 177],
    hubs: { '01': 0.4, '79': 0.38, '48': 0.08, '24': 0.03, '46': 0.03, '92': 0.03, '31': 0.03, '19': 0.02 },
    levels: [0.05, 0.04, 0.1, 0.16, 0.65],
    graduates: [
      [300, 500, 1500, 6500],
      [300, 550, 1600, 7000],
      [350, 600, 1700, 7500],
      [350, 650, 1800, 8200],
      [400, 700, 1900, 9000],
    ],
  },
];
