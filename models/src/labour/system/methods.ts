/**
 * Plain-language notes on how the national system was built, for the
 * methodology page (vi first, en second), with the figures this run used.
 */
import type { BroadTrend } from './productivity';
import type { SystemMethod } from './types';

/** How the unemployment-rate floor was chosen. */
export type MinURule =
  { kind: 'official'; lowest: number; years: number[]; margin: number; baseRate: number; capped: boolean } | { kind: 'option' } | { kind: 'default' };

export interface MethodFacts {
  supply: boolean;
  calibration: number;
  spliceRatio: number;
  breakYear: number;
  minU: number;
  exitShare: number;
  tau: number | null;
  demand: Record<string, string>;
  productivity?: { trends: BroadTrend[]; longRun: { growth: number; years: number[]; fallback: boolean }; damping: number };
  minURule?: MinURule;
  /** Forecast years capped by the labour force, and the horizon. */
  capped?: { years: number[]; horizon: number };
  /** Gradual adjustment: largest yearly fall of the rate (share), the base-year rate (share), first year at the floor. */
  adjustment?: { speed: number; baseRate: number; floorYear: number | null };
  /** Bands: the official rate years the rate band was fitted on (empty = the system's own rate history). */
  bands?: { rateYears: number[]; labourForceYears?: number[] };
}

/** The gradual-adjustment sentence of the one-system note. */
function adjustmentText(f: MethodFacts, lang: 'vi' | 'en'): string {
  const a = f.adjustment;
  if (!a) return '';
  const pp = (100 * a.speed).toFixed(1);
  const floor =
    a.floorYear === null
      ? lang === 'vi'
        ? 'chưa chạm sàn trong kỳ dự báo'
        : 'the floor is not reached within the horizon'
      : lang === 'vi'
        ? `chạm sàn năm ${a.floorYear}`
        : `the floor is reached in ${a.floorYear}`;
  return lang === 'vi'
    ? ` Điều chỉnh dần: khi cầu vượt cung, tỷ lệ thất nghiệp giảm từ mức năm gốc (${pct(a.baseRate, 2)}) về sàn tối đa ${pp} điểm phần trăm mỗi năm (ngoài các đợt phục hồi sau cú sốc, tỷ lệ chính thức chưa từng giảm nhanh hơn: tối đa −0,26 điểm năm 2011→2012, từ 2013 không quá −0,08 điểm/năm), và việc làm = lực lượng lao động × (1 − tỷ lệ đó), luôn ≤ cầu và ≤ lực lượng lao động; lần tính này ${floor}.`
    : ` Gradual adjustment: when demand outruns supply, the unemployment rate falls from its base-year value (${pct(a.baseRate, 2)}) toward the floor by at most ${pp} percentage points a year (outside recoveries from a shock the official rate has never fallen faster: at most −0.26 pp in 2011→2012, no more than −0.08 pp a year since 2013), and employment = labour force × (1 − that rate), always ≤ demand and ≤ the labour force; this run: ${floor}.`;
}

const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)} %`;
const span = (ys: number[]) => (ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : '–');

/** "A 5.4 %/yr (2021–2025)" per broad sector. */
function trendList(f: MethodFacts, lang: 'vi' | 'en'): string {
  const ts = f.productivity?.trends ?? [];
  const na = lang === 'vi' ? 'không đủ số liệu' : 'too few years';
  return ts.map((t) => `${t.group} ${t.fitted === null ? na : `${pct(t.fitted)}/${lang === 'vi' ? 'năm' : 'yr'}`} (${span(t.years)})`).join('; ') || '–';
}

/** The floor sentence of the one-system note. */
function floorText(f: MethodFacts, lang: 'vi' | 'en'): string {
  const r = f.minURule;
  if (r?.kind === 'official') {
    const cap = r.capped
      ? lang === 'vi'
        ? `, giới hạn ở tỷ lệ năm gốc của hệ thống (${pct(r.baseRate, 2)})`
        : `, capped at the system's base-year rate (${pct(r.baseRate, 2)})`
      : '';
    return lang === 'vi'
      ? `tỷ lệ thất nghiệp năm thấp nhất của TCTK từ ${span(r.years)} (${pct(r.lowest, 2)}) trừ ${(100 * r.margin).toFixed(1)} điểm phần trăm (thất nghiệp tạm thời)${cap}. Sàn chỉ có hiệu lực khi cầu vượt cung lao động từ dân số; khi cầu thấp hơn cung, tỷ lệ thất nghiệp tăng`
      : `the lowest official annual rate ${span(r.years)} (${pct(r.lowest, 2)}) less a ${(100 * r.margin).toFixed(1)} percentage-point frictional margin${cap}. The floor only binds when demand outruns the demographic labour force; when demand falls short of supply the rate rises`;
  }
  if (r?.kind === 'option') return lang === 'vi' ? 'do người dùng đặt' : 'set by the user';
  return lang === 'vi' ? 'giá trị mặc định (thiếu tỷ lệ thất nghiệp chính thức)' : 'a default (no official unemployment rate in the data)';
}

/** The method notes of one run. */
export function SYSTEM_METHODS(f: MethodFacts): SystemMethod[] {
  const byMethod = (m: string) =>
    Object.entries(f.demand)
      .filter(([, v]) => v === m)
      .map(([k]) => k)
      .join(', ') || '–';
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
      vi: `Việc làm = giá trị tăng thêm thực tế ÷ năng suất lao động. Năng suất được ước lượng cho 3 khu vực (A nông-lâm-thủy sản; B-F công nghiệp-xây dựng; G-U dịch vụ), chỉ trên số liệu cùng một cơ sở sau năm ${f.breakYear} (việc làm khu vực của TCTK nơi có công bố, giá trị tăng thêm GDPVNM đến năm cuối rồi dự báo): ${trendList(f, 'vi')}. Số liệu ngành trước ${f.breakYear} không dùng: điều chỉnh quyền số năm ${f.breakYear} chuyển khoảng 9 triệu người sản xuất tự cung tự cấp ra khỏi nông nghiệp, không thể nối bằng một hệ số chung. Tăng năng suất của mỗi khu vực hội tụ dần (×${(f.productivity?.damping ?? 0.8).toFixed(2)} mỗi năm) về tăng năng suất chung dài hạn của nền kinh tế ${pct(f.productivity?.longRun.growth ?? 0)}/năm (Σ giá trị tăng thêm ÷ việc làm toàn quốc ${span(f.productivity?.longRun.years ?? [])}, trước ${f.breakYear} nhân hệ số nối ${f.spliceRatio.toFixed(3)}). Các ngành cấp 1 trong khu vực chia việc làm của khu vực theo tỷ trọng năm gốc, dịch chuyển theo tăng trưởng giá trị tăng thêm của từng ngành (lịch sử việc làm theo ngành trước ${f.breakYear} là minh họa). Năm gốc khớp đúng số việc làm theo ngành. Theo năng suất khu vực: ${byMethod('broad-productivity')}; theo tỷ trọng trong khu vực: ${byMethod('broad-share')}; không có số liệu GTTT: ${byMethod('none')}.`,
      en: `Employment = real value added ÷ labour productivity. Productivity is fitted for three broad sectors (A agriculture; B-F industry and construction; G-U services) on one basis only, the years from ${f.breakYear} (GSO broad-sector employment where published, GDPVNM value added to its last year then forecast): ${trendList(f, 'en')}. Section data before ${f.breakYear} are not used: the ${f.breakYear} re-weighting moved about 9 m own-use producers out of agriculture, which no single ratio can splice. Each broad sector's productivity growth converges (×${(f.productivity?.damping ?? 0.8).toFixed(2)} a year) to the economy's long-run aggregate productivity growth, ${pct(f.productivity?.longRun.growth ?? 0)}/yr (Σ value added ÷ national employment ${span(f.productivity?.longRun.years ?? [])}, pre-${f.breakYear} years × the splice ratio ${f.spliceRatio.toFixed(3)}). Sections share their broad sector's employment by base-year shares moved by each section's own value-added growth (their pre-${f.breakYear} employment history is illustrative). The base year reproduces employment by section exactly. Broad-sector productivity: ${byMethod('broad-productivity')}; share of broad sector: ${byMethod('broad-share')}; no value added: ${byMethod('none')}.`,
      source: 'GSO GDPVNM value_added_real (constant 2010 prices); GSO LFS employment by broad sector (2021+) and national employment',
    },
    {
      id: 'one-system',
      vi: `Việc làm không vượt quá lực lượng lao động × (1 − ${pct(f.minU, 2)}); sàn này là ${floorText(f, 'vi')}. Tỷ lệ thất nghiệp = 1 − việc làm ÷ lực lượng lao động (mọi người 15+, nên khác một chút với tỷ lệ chính thức tính cho tuổi lao động).${adjustmentText(f, 'vi')}${f.capped ? ` Lần tính này: cầu lao động vượt trần ở ${f.capped.years.length}/${f.capped.horizon} năm dự báo${f.capped.years.length ? ` (${span(f.capped.years)}): việc làm bị giới hạn bởi nguồn cung lao động, không phải bởi cầu` : ''}.` : ''} Kịch bản thay đổi CẦU lao động trước giới hạn này (cầu của kịch bản cơ sở × tăng trưởng của kịch bản), rồi áp cùng giới hạn: kịch bản tăng trưởng thấp trước hết hấp thụ phần cầu dư của kịch bản cơ sở rồi thất nghiệp mới tăng; kịch bản tăng trưởng cao bị giữ ở trần.`,
      en: `Employment never exceeds labour force × (1 − ${pct(f.minU, 2)}); this floor is ${floorText(f, 'en')}. The unemployment rate = 1 − employment ÷ labour force (all people 15+, so slightly different from the official working-age rate).${adjustmentText(f, 'en')}${f.capped ? ` This run: demand exceeds the ceiling in ${f.capped.years.length} of ${f.capped.horizon} forecast years${f.capped.years.length ? ` (${span(f.capped.years)}): employment is limited by labour supply, not by demand` : ''}.` : ''} Scenarios change labour DEMAND before this limit (the baseline's demand × the scenario's growth), then the same limit applies: a low-growth scenario first absorbs the baseline's excess demand before unemployment rises; a high-growth one is held at the ceiling.`,
      source: 'GSO unemployment rate (LFS)',
    },
    {
      id: 'coherent-bands',
      vi: `Khoảng dự báo nhất quán: khoảng của lực lượng lao động là độ bất định của tổng, đo trên chính chuỗi tổng: nửa độ rộng tương đối của khoảng dự báo (đã hiệu chỉnh qua kiểm định lại) mà mô hình cho chuỗi lực lượng lao động chính thức toàn quốc ${f.bands?.labourForceYears?.length ? `(${span(f.bands.labourForceYears)}, trước ${f.breakYear} nối chuỗi bằng hệ số ${f.spliceRatio.toFixed(3)})` : ''}, áp quanh đường lực lượng lao động của hệ thống. Không lấy từ khoảng của tỷ lệ tham gia: đặt mọi nhóm giới tính × tuổi cùng lúc ở cận (hoàn toàn tương quan) cho khoảng quá rộng (±8 triệu năm 2035), còn giả định các nhóm độc lập thì bỏ qua việc các nhóm cùng biến động (cú sốc 2020–2021, điều chỉnh quyền số 2021); chuỗi tổng chứa đúng mức tương quan đã xảy ra (kiểm tra chéo: cách độc lập cho độ rộng gần như nhau). khoảng của tỷ lệ thất nghiệp = đường tỷ lệ của hệ thống ± nửa độ rộng khoảng dự báo của mô hình cho chính chuỗi tỷ lệ thất nghiệp chính thức ${f.bands?.rateYears.length ? `(${span(f.bands.rateYears)}, cùng cơ sở sau năm ${f.breakYear})` : '(lịch sử tỷ lệ của hệ thống, thiếu chuỗi chính thức)'}, giới hạn trong [0, 100] %; khoảng việc làm suy ra từ hai khoảng đó: cận dưới = cận dưới lực lượng lao động × (1 − cận trên tỷ lệ thất nghiệp), cận trên = min(cận trên lực lượng lao động × (1 − cận dưới tỷ lệ thất nghiệp), cận trên của cầu), nên việc làm ≤ lực lượng lao động cả ở các cận. Không ghép các khoảng độc lập của giá trị tăng thêm và năng suất qua 10 năm (hai đại lượng này tương quan chặt). Các ô chi tiết giữ độ rộng tương đối của ô cha (cộng với độ bất định của tỷ trọng).`,
      en: `Coherent bands: the labour force band is the uncertainty of the aggregate, measured on the aggregate: the relative half-widths of the engine's (backtest-calibrated) forecast of the official national labour-force series itself ${f.bands?.labourForceYears?.length ? `(${span(f.bands.labourForceYears)}, pre-${f.breakYear} values spliced by ${f.spliceRatio.toFixed(3)})` : ''}, applied around the system's labour-force path. It is not built from participation intervals: putting every sex × age group at its bound together (perfect correlation) gave a band far too wide (±8 m by 2035), while assuming the groups independent would ignore that they move together (the 2020–21 shock, the 2021 re-weighting); the aggregate series carries the correlation that actually happened (cross-check: the independence assumption gives almost the same width). the unemployment-rate band is the system's rate path ± the half-widths of the engine's forecast of the official unemployment-rate series itself ${f.bands?.rateYears.length ? `(${span(f.bands.rateYears)}, one basis from ${f.breakYear})` : "(the system's own rate history: no official series)"}, clamped to [0, 100] %; the employment band follows from those two: lower = labour force lower × (1 − rate upper), upper = min(labour force upper × (1 − rate lower), demand upper), so employment ≤ labour force holds for the bounds too. Independent value-added and productivity intervals are not compounded over 10 years (the two are strongly correlated). Detailed cells keep their parent's relative width (plus their share's uncertainty).`,
      source: 'GSO unemployment rate (LFS, 2021+); LMO demographic supply; LMO forecast engine',
    },
    {
      id: 'small-cells',
      vi: 'Ô quá nhỏ để đánh giá (không gắn cờ, không xếp hạng): dưới 5.000 lao động năm gốc hoặc dưới 500 nhu cầu tuyển mới GỘP trong kỳ (thay thế + tăng thêm khi dương; ngưỡng mặc định, có thể đổi). Độ tin cậy phụ thuộc vào quy mô dòng chảy, không phải số ròng: một ô lớn đang thu hẹp, nhu cầu ròng gần 0, vẫn tuyển hàng nghìn người thay thế và vẫn được đánh giá.',
      en: 'Too small to assess (never flagged or ranked): fewer than 5,000 base-year workers or fewer than 500 GROSS openings over the horizon (replacement + growth when positive; default thresholds, configurable). Reliability depends on the volume of flows, not the net figure: a large shrinking cell whose net openings are about 0 still hires thousands of replacements and is assessed.',
      source: 'LMO thresholds (Cedefop / COPS small-cell practice)',
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
      vi:
        f.tau === null
          ? 'Cơ cấu trình độ của người mới vào: cơ cấu việc làm năm gốc (thiếu chuỗi tỷ lệ qua đào tạo).'
          : `Cơ cấu trình độ của người mới vào hiệu chỉnh theo chuỗi tỷ lệ lao động qua đào tạo có bằng/chứng chỉ (tỷ lệ qua đào tạo của người mới vào ${pct(f.tau)}).`,
      en:
        f.tau === null
          ? 'Entry mix by level: the base-year employment mix (no trained-share series).'
          : `Entry mix by level calibrated (stock-flow) to the official trained share with certificates (trained share of entrants ${pct(f.tau)}).`,
      source: 'GSO trained_share_certified',
    },
  ];
}
