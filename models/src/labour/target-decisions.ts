/**
 * What the decisions on the new fields actually say, and the arithmetic on them that needs no
 * model: the semiconductor training target laid out by year, and a hydrogen workforce path that
 * exists only as a user-set assumption (workers per thousand tonnes). No I/O and no engine, so the
 * web page can import it and recompute a user's assumption in the browser.
 *
 * Sources (wording and dates): Decision 1017/QĐ-TTg of 21 Sep 2024; Decision 165/QĐ-TTg of
 * 7 Feb 2024; Decree 06/2022/NĐ-CP of 7 Jan 2022 (see shared/reference/VIETNAM_FACTS.md §4).
 * None of them sets a workforce stock: 1017 sets people to TRAIN, 165 sets tonnes to produce,
 * 06 sets a timeline.
 */
import type { TargetSpec, TrainingPlan } from './types';

/** The three decisions, as they state their targets. */
export const DEFAULT_TARGETS: TargetSpec[] = [
  {
    field: 'semiconductors',
    kind: 'training',
    decision: 'Decision 1017/QĐ-TTg (21 Sep 2024): programme on developing semiconductor-industry human resources to 2030, vision 2050',
    decisionVi: 'Quyết định 1017/QĐ-TTg ngày 21/9/2024: Chương trình phát triển nguồn nhân lực ngành công nghiệp bán dẫn đến năm 2030, định hướng đến năm 2050',
    date: '2024-09-21',
    quoteVi:
      'Đến năm 2030: đào tạo tối thiểu 50.000 nhân lực ngành công nghiệp bán dẫn có trình độ đại học trở lên (tối thiểu 42.000 kỹ sư/cử nhân, 7.500 thạc sĩ, 500 tiến sĩ; tối thiểu 15.000 nhân lực khâu thiết kế và 35.000 nhân lực khâu sản xuất, đóng gói, kiểm thử và các khâu khác); đào tạo tối thiểu 5.000 nhân lực trí tuệ nhân tạo phục vụ ngành công nghiệp bán dẫn; bồi dưỡng chuyên sâu 1.300 giảng viên.',
    quoteEn:
      'By 2030: train at least 50,000 semiconductor-industry workers with a university degree or above (at least 42,000 engineers/bachelors, 7,500 master’s, 500 PhDs; at least 15,000 in design and 35,000 in fabrication, packaging, testing and other stages); train at least 5,000 AI specialists for the semiconductor industry; give specialised training to 1,300 lecturers.',
    basis: 'assumption',
    year: 2030,
    qualification: 'university',
    training: {
      startYear: 2024,
      total: 50_000,
      items: [
        { id: 'bachelor', group: 'level', nameVi: 'Kỹ sư/cử nhân', nameEn: 'Engineers/bachelors', atLeast: 42_000, inTotal: true },
        { id: 'master', group: 'level', nameVi: 'Thạc sĩ', nameEn: 'Master’s', atLeast: 7_500, inTotal: true },
        { id: 'phd', group: 'level', nameVi: 'Tiến sĩ', nameEn: 'PhD', atLeast: 500, inTotal: true },
        { id: 'design', group: 'stage', nameVi: 'Thiết kế vi mạch', nameEn: 'Chip design', atLeast: 15_000, inTotal: true },
        {
          id: 'fabrication',
          group: 'stage',
          nameVi: 'Sản xuất, đóng gói, kiểm thử và các khâu khác',
          nameEn: 'Fabrication, packaging, testing and other stages',
          atLeast: 35_000,
          inTotal: true,
        },
        {
          id: 'ai',
          group: 'other',
          nameVi: 'Nhân lực trí tuệ nhân tạo cho ngành bán dẫn',
          nameEn: 'AI specialists for the semiconductor industry',
          atLeast: 5_000,
          inTotal: false,
        },
        {
          id: 'lecturers',
          group: 'other',
          nameVi: 'Giảng viên được bồi dưỡng chuyên sâu',
          nameEn: 'Lecturers given specialised training',
          atLeast: 1_300,
          inTotal: false,
        },
      ],
      // No source seen gives the number of semiconductor graduates trained a year today.
      output: { value: null },
    },
    noteVi:
      'Đây là mục tiêu ĐÀO TẠO (số người được đào tạo, cộng dồn 2024–2030), không phải số lao động của ngành năm 2030. Đường lao động trong kịch bản “đạt mục tiêu” là giả định của mô hình: mọi người được đào tạo theo nhịp đều từ nay đến 2030 đều vào làm trong ngành.',
    noteEn:
      'This is a TRAINING target (people trained, cumulative 2024–2030), not the field’s workforce in 2030. The workforce path of the “targets met” scenario is the model’s assumption: everyone trained at an even pace from now to 2030 joins the field.',
  },
  {
    field: 'hydrogen',
    kind: 'production',
    decision: 'Decision 165/QĐ-TTg (7 Feb 2024): Hydrogen Energy Development Strategy to 2030, vision 2050',
    decisionVi: 'Quyết định 165/QĐ-TTg ngày 7/2/2024: Chiến lược phát triển năng lượng hydro của Việt Nam đến năm 2030, tầm nhìn đến năm 2050',
    date: '2024-02-07',
    quoteVi:
      'Sản lượng hydro được sản xuất thông qua quá trình sử dụng năng lượng tái tạo và các quá trình khác có thu giữ các-bon đạt khoảng 100.000 – 500.000 tấn/năm vào năm 2030.',
    quoteEn: 'Hydrogen produced from renewable energy and other processes with carbon capture reaches about 100,000–500,000 tonnes a year by 2030.',
    basis: 'assumption',
    year: 2030,
    qualification: 'ALL',
    production: { min: 100_000, max: 500_000, unitVi: 'tấn/năm', unitEn: 't/yr', startYear: 2024 },
    exampleWorkersPerKt: 5,
    noteVi:
      'Chiến lược không đặt mục tiêu nhân lực. Đường lao động chỉ có khi người dùng đặt giả định số lao động trên 1.000 tấn/năm; giá trị 5 là ví dụ, không lấy từ quyết định.',
    noteEn:
      'The strategy sets no workforce target. A workforce path exists only from a user-set assumption of workers per thousand tonnes a year; the value 5 is an example, not from the decision.',
  },
  {
    field: 'carbon-markets',
    kind: 'timeline',
    decision: 'Decree 06/2022/NĐ-CP (7 Jan 2022): greenhouse-gas mitigation and ozone-layer protection; domestic carbon market roadmap',
    decisionVi: 'Nghị định 06/2022/NĐ-CP ngày 7/1/2022: quy định giảm nhẹ phát thải khí nhà kính và bảo vệ tầng ô-dôn; lộ trình thị trường các-bon trong nước',
    date: '2022-01-07',
    quoteVi:
      'Đến hết năm 2027: xây dựng quy định quản lý tín chỉ các-bon, hoạt động trao đổi hạn ngạch phát thải khí nhà kính và tín chỉ các-bon; tổ chức thực hiện thí điểm sàn giao dịch tín chỉ các-bon từ năm 2025. Từ năm 2028: tổ chức vận hành sàn giao dịch tín chỉ các-bon chính thức.',
    quoteEn:
      'To the end of 2027: build the rules on carbon credits and on trading greenhouse-gas quotas and credits; pilot a carbon-credit exchange from 2025. From 2028: operate the carbon-credit exchange officially.',
    basis: 'assumption',
    year: 2028,
    qualification: 'university',
    milestones: [
      { year: 2025, textVi: 'Thí điểm sàn giao dịch tín chỉ các-bon', textEn: 'Pilot carbon-credit exchange' },
      { year: 2028, textVi: 'Sàn giao dịch vận hành chính thức', textEn: 'Exchange in official operation' },
    ],
    claims: [
      {
        value: 150_000,
        textVi:
          'Khoảng 150.000 chuyên gia cần cho thị trường các-bon — nhận định của doanh nghiệp trên báo chí, chưa được kiểm chứng, không có trong Nghị định.',
        textEn: 'About 150,000 specialists needed for the carbon market — an industry claim in the press, unverified, not in the Decree.',
        source: 'The VOS, SGGP (Aug 2024), industry claim',
      },
    ],
    noteVi: 'Nghị định chỉ quy định lộ trình, không có mục tiêu nhân lực; chỉ hiển thị xu hướng việc làm.',
    noteEn: 'The Decree sets a timeline only, with no workforce target; only the employment trend is shown.',
  },
];

/**
 * The training target laid out by year at an even pace, and what is needed a year from now on.
 * Cumulative needed by the end of year y = target × (y − start + 1) ÷ (targetYear − start + 1).
 * From now on: (total − trained so far) ÷ years left, where years left counts `baseYear + 1` to the
 * target year inclusive; trained so far is counted only when a source gives it (else 0, and the
 * page says so). Lines outside the total (AI specialists, lecturers) are not reduced by it.
 */
export function trainingPlan(spec: TargetSpec, baseYear: number, trainedSoFar: number | null = null): TrainingPlan | null {
  const t = spec.training;
  if (!t) return null;
  const span = spec.year - t.startYear + 1;
  const share = (k: number) => k / span;
  const cumulative = Array.from({ length: span }, (_, k) => ({
    year: t.startYear + k,
    total: t.total * share(k + 1),
    byItem: Object.fromEntries(t.items.map((i) => [i.id, i.atLeast * share(k + 1)])),
  }));
  const fromYear = Math.max(t.startYear, baseYear + 1);
  const yearsLeft = Math.max(0, spec.year - fromYear + 1);
  const left = Math.max(0, t.total - (trainedSoFar ?? 0)) / t.total;
  const perYear = (v: number) => (yearsLeft > 0 ? v / yearsLeft : 0);
  return {
    startYear: t.startYear,
    targetYear: spec.year,
    total: t.total,
    items: t.items,
    cumulative,
    evenPacePerYear: { total: t.total / span, byItem: Object.fromEntries(t.items.map((i) => [i.id, i.atLeast / span])) },
    fromYear,
    yearsLeft,
    trainedSoFar,
    perYearFromNow: {
      total: perYear(t.total * left),
      byItem: Object.fromEntries(t.items.map((i) => [i.id, perYear(i.atLeast * (i.inTotal ? left : 1))])),
    },
    output: t.output,
  };
}

/**
 * Workforce implied by an ASSUMPTION of workers per thousand tonnes a year: production rises in
 * a straight line from 0 in the start year to `tonnes` in the target year and stays there; the
 * decision itself contains no workforce number.
 * @param tonnes production in the target year (t/yr), e.g. the decision's 100,000 or 500,000
 * @param workersPerKt the user's assumption (persons per 1,000 t/yr)
 * @param years the years to compute (e.g. 2026..2035)
 */
export function assumedWorkforcePath(tonnes: number, workersPerKt: number, startYear: number, targetYear: number, years: readonly number[]): number[] {
  return years.map((y) => {
    const share = y <= startYear ? 0 : y >= targetYear ? 1 : (y - startYear) / (targetYear - startYear);
    return (workersPerKt * tonnes * share) / 1000;
  });
}
