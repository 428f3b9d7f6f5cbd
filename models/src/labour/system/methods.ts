/**
 * Plain-language notes on how the national system was built, for the
 * methodology page (vi first, en second), with the figures this run used.
 */
import type { SystemMethod } from './types';

export interface MethodFacts {
  supply: boolean;
  calibration: number;
  spliceRatio: number;
  breakYear: number;
  minU: number;
  exitShare: number;
  tau: number | null;
  demand: Record<string, string>;
}

const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)} %`;

/** The method notes of one run. */
export function SYSTEM_METHODS(f: MethodFacts): SystemMethod[] {
  const byMethod = (m: string) => Object.entries(f.demand).filter(([, v]) => v === m).map(([k]) => k).join(', ') || '–';
  return [
    f.supply
      ? {
        id: 'supply-demography',
        vi: `Lực lượng lao động = Σ dân số × tỷ lệ tham gia theo giới tính và nhóm 5 tuổi. Dân số: UN WPP 2019, hiệu chỉnh theo tổng dân số của TCTK. Tỷ lệ tham gia theo nhóm tuổi rộng (15-24, 25-49, 50+) từ TCTK, dự báo trên thang logit; tuổi nghỉ hưu theo Bộ luật Lao động 2019. Mức được hiệu chỉnh bằng một hệ số (${f.calibration.toFixed(3)}) để khớp số chính thức của năm gốc (hấp thụ khác biệt định nghĩa và việc điều chỉnh quyền số năm ${f.breakYear}).`,
        en: `Labour force = Σ population × participation by sex and five-year age group. Population: UN WPP 2019 scaled to GSO's total population. Participation by broad age group (15-24, 25-49, 50+) from GSO, forecast on the logit scale; retirement ages of the 2019 Labour Code shape ages 50+. One level factor (${f.calibration.toFixed(3)}) calibrates it to the official base-year labour force (absorbing definitional differences and the ${f.breakYear} re-weighting).`,
        source: 'UN WPP 2019 (population_by_group); GSO population; GSO LFS labour force by age group and sex; Labour Code 2019 art. 169',
      }
      : {
        id: 'supply-official-trend',
        vi: 'Thiếu số liệu dân số theo tuổi: lực lượng lao động được dự báo bằng xu hướng của chuỗi chính thức.',
        en: 'No population by age in the data: the labour force is forecast from the trend of the official series.',
        source: 'GSO labour force (LFS)',
      },
    {
      id: 'demand-value-added',
      vi: `Việc làm theo ngành = giá trị tăng thêm thực tế ÷ năng suất lao động (dự báo bằng engine) hoặc theo hệ số co giãn việc làm–sản lượng; năm gốc khớp đúng số việc làm theo ngành. Năng suất: ${byMethod('productivity')}; co giãn: ${byMethod('elasticity')}; theo tỷ trọng trong khu vực: ${byMethod('broad-share')}; không có số liệu GTTT: ${byMethod('none')}.`,
      en: `Employment by section = real value added ÷ labour productivity (forecast by the engine) or an employment–output elasticity; the base year reproduces employment by section exactly. Productivity: ${byMethod('productivity')}; elasticity: ${byMethod('elasticity')}; share of broad sector: ${byMethod('broad-share')}; no value added: ${byMethod('none')}.`,
      source: 'GSO GDPVNM value_added_real (constant 2010 prices); GSO employment by section',
    },
    {
      id: 'one-system',
      vi: `Việc làm không vượt quá lực lượng lao động × (1 − ${pct(f.minU, 2)}) (tỷ lệ thất nghiệp thấp nhất trong lịch sử chính thức); tỷ lệ thất nghiệp = 1 − việc làm ÷ lực lượng lao động.`,
      en: `Employment never exceeds labour force × (1 − ${pct(f.minU, 2)}) (the lowest official unemployment rate in the history); the unemployment rate = 1 − employment ÷ labour force.`,
      source: 'GSO unemployment rate (LFS)',
    },
    {
      id: 'break-splice',
      vi: `Năm ${f.breakYear} TCTK điều chỉnh quyền số điều tra LĐVL theo Tổng điều tra 2019: giá trị trước ${f.breakYear} của lực lượng lao động và việc làm được nhân cùng hệ số ${f.spliceRatio.toFixed(3)}.`,
      en: `In ${f.breakYear} GSO re-weighted the LFS to the 2019 Census: labour force and employment before ${f.breakYear} are both multiplied by the same ratio ${f.spliceRatio.toFixed(3)}.`,
      source: 'GSO LFS 2021 re-weighting',
    },
    {
      id: 'replacement-age',
      vi: `Nhu cầu thay thế = nghỉ hưu (người có việc làm vượt tuổi nghỉ hưu luật định, ${pct(f.exitShare, 0)} trong số đó rời thị trường – giả định) + tử vong/di cư (co hẹp đoàn hệ WPP), theo cơ cấu tuổi của việc làm toàn quốc (TCTK 2016, giả định như nhau giữa các ngành).`,
      en: `Replacement = retirements (the employed crossing the statutory retirement age, ${pct(f.exitShare, 0)} of whom leave — an assumption) + deaths/emigration (WPP cohort shrinkage), through the national age profile of employment (GSO 2016; assumed the same in every sector).`,
      source: 'GSO employment by age group (2016); UN WPP 2019; Labour Code 2019',
    },
    {
      id: 'entry-mix',
      vi: f.tau === null
        ? 'Cơ cấu trình độ của người mới vào: cơ cấu việc làm năm gốc (thiếu chuỗi tỷ lệ qua đào tạo).'
        : `Cơ cấu trình độ của người mới vào hiệu chỉnh theo chuỗi tỷ lệ lao động qua đào tạo có bằng/chứng chỉ (tỷ lệ qua đào tạo của người mới vào ${pct(f.tau)}).`,
      en: f.tau === null
        ? 'Entry mix by level: the base-year employment mix (no trained-share series).'
        : `Entry mix by level calibrated (stock-flow) to the official trained share with certificates (trained share of entrants ${pct(f.tau)}).`,
      source: 'GSO trained_share_certified',
    },
  ];
}
