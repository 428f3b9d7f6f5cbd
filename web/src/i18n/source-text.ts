/**
 * Vietnamese forms of the citations the API sends (`source` fields). The models and seeds write
 * them in English ("LMO model: engine forecast (ses+drift) of employment. History: GSO, NSDP SDMX
 * release …"); in Vietnamese mode the UI shows the same citation in Vietnamese, phrase by phrase.
 * Published names stay as published: table titles in quotes, series codes, URLs, commit ids and
 * the agency names of the time (a 2024 "MOLISA report" is still cited as Bộ LĐ-TB&XH's).
 * Unknown text passes through unchanged, so a new source is never lost, only left untranslated
 * (the e2e Vietnamese scan then names it).
 */
/* oxlint-disable no-control-regex -- NUL brackets the placeholders of quoted titles: no source text contains it. */
import type { Lang } from './format';
import { methodsVi } from './method-names';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Marks an indicator code in the translated text until it is named (see `localizeSource`). */
const INDICATOR = '\u0001';

type Rule = readonly [RegExp, string | ((...m: string[]) => string)];

/** Ordered: longer, more specific phrases first. */
const RULES: readonly Rule[] = [
  // Model templates (models/src/labour/*.ts).
  [
    /LMO model: engine forecast \(([^)]*)\) of (\w+)/g,
    (_, m, ind) => `Mô hình LMO: dự báo bằng bộ máy dự báo (${methodsVi(m)}) cho chỉ tiêu ${INDICATOR}${ind}${INDICATOR}`,
  ],
  [/ \(fitted on (\d{4})–(\d{4}), (\d+) missing year\(s\) interpolated\)/g, ' (ước lượng trên $1–$2, nội suy $3 năm thiếu)'],
  [/, reconciled across regions, sectors and levels \(OLS\)/g, ', cân đối giữa các vùng, ngành và trình độ (OLS)'],
  [/LMO model: share derived from the employment forecasts \(([^)]*) ÷ total\)/g, 'Mô hình LMO: tỷ trọng suy ra từ các dự báo việc làm ($1 ÷ tổng)'],
  [/LMO: share of the modelled employment history/g, 'LMO: tỷ trọng trên chuỗi việc làm lịch sử do mô hình tính'],
  [
    /LMO model: the national system's labour force × the region's share \(compositional log-ratio forecast of (\d{4})–(\d{4}) shares\)/g,
    'Mô hình LMO: lực lượng lao động của hệ thống quốc gia × tỷ trọng của vùng (dự báo thành phần trên log-tỷ số của tỷ trọng $1–$2)',
  ],
  [
    /LMO model: 100 × \(1 − employment ÷ labour force\) of the scenario \(national system × regional shares\)/g,
    'Mô hình LMO: 100 × (1 − việc làm ÷ lực lượng lao động) của kịch bản (hệ thống quốc gia × tỷ trọng vùng)',
  ],
  [
    /LMO model: labour force − employment of the scenario \(national system × regional shares\)/g,
    'Mô hình LMO: lực lượng lao động − việc làm của kịch bản (hệ thống quốc gia × tỷ trọng vùng)',
  ],
  [
    /LMO model: logistic workforce path \(assumption: everyone (.+?) still calls for joins the field\)/g,
    'Mô hình LMO: đường lao động dạng logistic (giả định: mọi người mà $1 còn yêu cầu đều vào làm trong lĩnh vực)',
  ],
  [/LMO model: trend = engine forecast of the field's workforce/g, 'Mô hình LMO: xu hướng = dự báo của bộ máy dự báo cho lao động của lĩnh vực'],
  [/; trend = engine forecast of the field's workforce/g, '; xu hướng = dự báo của bộ máy dự báo cho lao động của lĩnh vực'],
  [/; targets quoted from /g, '; mục tiêu trích từ '],
  [
    /LMO national system: labour force = population × participation \(calibrated to the official base year\); employment = value added ÷ productivity by section, ≤ labour force × \(1 − u_min\); unemployment = labour force − employment/g,
    'Hệ thống quốc gia LMO: lực lượng lao động = dân số × tỷ lệ tham gia (hiệu chỉnh theo năm gốc chính thức); việc làm = giá trị tăng thêm ÷ năng suất theo ngành, ≤ lực lượng lao động × (1 − u_min); thất nghiệp = lực lượng lao động − việc làm',
  ],
  [
    /LMO national system: UN WPP 2019 cohort shrinkage \(international\), statutory retirement ages \(2019 Labour Code art\. 169, Decree 135\/2020\), national age profile of employment/g,
    'Hệ thống quốc gia LMO: co hẹp đoàn hệ theo UN WPP 2019 (ước tính quốc tế), tuổi nghỉ hưu luật định (Bộ luật Lao động 2019 điều 169, Nghị định 135/2020), cơ cấu tuổi của việc làm toàn quốc',
  ],
  [
    /LMO national system: labour-force entrants and entry mix \(stock-flow calibrated on GSO trained share\)/g,
    'Hệ thống quốc gia LMO: người vào lực lượng lao động và cơ cấu trình độ khi vào (mô hình tồn lượng – dòng chảy hiệu chỉnh theo tỷ lệ qua đào tạo của TCTK)',
  ],
  [/Documented default other-entrant rates \(assumption\)/g, 'Tỷ lệ người gia nhập khác mặc định, có ghi chép (giả định)'],
  [/graduates series of the data/g, 'chuỗi người tốt nghiệp trong dữ liệu'],
  [
    /LMO model thresholds \(configurable, COPS-style\); a modelled signal, not an official statistic/g,
    'Ngưỡng của mô hình LMO (đổi được, theo cách của COPS); là tín hiệu của mô hình, không phải thống kê chính thức',
  ],
  [/LMO model thresholds/g, 'Ngưỡng của mô hình LMO'],
  [/LMO model \(modelled\): openings vs new supply, see assumptions/g, 'Mô hình LMO (kết quả mô hình): nhu cầu tuyển mới so với cung mới, xem các giả định'],
  [/LMO model \(modelled\): employment forecasts of this outlook/g, 'Mô hình LMO (kết quả mô hình): các dự báo việc làm của lần dự báo này'],
  [/LMO thresholds \(Cedefop \/ COPS small-cell practice\)/g, 'Ngưỡng LMO (theo cách xử lý ô nhỏ của Cedefop / COPS)'],
  [
    /GSO unemployment rate \(LFS, 2021\+\); LMO demographic supply; LMO forecast engine/g,
    'Tỷ lệ thất nghiệp của TCTK (Điều tra LĐ-VL, từ 2021); cung lao động theo dân số của LMO; bộ máy dự báo LMO',
  ],
  [/Σ graduates of the grid's bottom cells/g, 'Σ người tốt nghiệp của các ô chi tiết nhất'],
  [/Sum of the detailed cells \(LMO\)/g, 'Tổng các ô chi tiết (LMO)'],
  [
    /: the detailed cells are illustrative \(generated\), so is their sum/g,
    ': các ô chi tiết là số liệu minh hoạ (do chương trình sinh ra), nên tổng của chúng cũng vậy',
  ],
  [/Seed dataset/g, 'Bộ dữ liệu gốc'],
  [/Synthetic test data/g, 'Số liệu thử nghiệm tổng hợp'],
  [/\bLMO model\b/g, 'Mô hình LMO'],
  [/\. History: /g, '. Số liệu lịch sử: '],
  [/\(History: /g, '(Số liệu lịch sử: '],

  // Illustrative generator (seeds/README.md).
  [/LMO illustrative generator v(\d+)/g, 'Bộ sinh số liệu minh hoạ LMO v$1'],
  [/: generated, not a statistic — /g, ': do chương trình sinh ra, không phải thống kê — '],
  [/designed exit rates by level and section \(no GSO series\)/g, 'tỷ lệ rời thị trường theo trình độ và ngành do LMO đặt (TCTK không có chuỗi này)'],
  [
    /designed graduates-per-opening ratios \(no GSO series by level and field\)/g,
    'tỷ số người tốt nghiệp trên nhu cầu tuyển do LMO đặt (TCTK không có chuỗi theo trình độ và lĩnh vực)',
  ],
  [/designed vacancy rates by section \(no GSO vacancy series\)/g, 'tỷ lệ chỗ làm trống theo ngành do LMO đặt (TCTK không có chuỗi chỗ làm trống)'],
  [
    /designed size path of a new field inside section (\w+) \(no GSO series\)/g,
    'quy mô theo thời gian của một lĩnh vực mới trong ngành $1 do LMO đặt (TCTK không có chuỗi này)',
  ],
  [
    /designed graduate numbers of a new field in section (\w+) \(no GSO series\)/g,
    'số người tốt nghiệp của một lĩnh vực mới trong ngành $1 do LMO đặt (TCTK không có chuỗi này)',
  ],
  [
    /half the usual exit rates of a new field in section (\w+) \(no GSO series\)/g,
    'tỷ lệ rời thị trường bằng một nửa mức thường của một lĩnh vực mới trong ngành $1 (TCTK không có chuỗi này)',
  ],
  [/shares move from GSO (\d{4}) to (\d{4}) on the (\d{4}) LFS basis/g, 'tỷ trọng chuyển dần từ số TCTK năm $1 đến năm $2, theo cơ sở Điều tra LĐ-VL $3'],
  [/GSO (\d{4}) province\/section\/level shares on the (\d{4}) LFS basis/g, 'tỷ trọng tỉnh/ngành/trình độ của TCTK năm $1, theo cơ sở Điều tra LĐ-VL $2'],
  [/sums to GSO (\d{4}) national employment and broad sectors/g, 'cộng đúng bằng việc làm toàn quốc và theo khu vực kinh tế năm $1 của TCTK'],
  [/sums to GSO (\d{4}) national employment/g, 'cộng đúng bằng việc làm toàn quốc năm $1 của TCTK'],
  [
    /regional split of the national labour force interpolated between GSO (\d{4}) and (\d{4})/g,
    'phân theo vùng của lực lượng lao động toàn quốc nội suy giữa số TCTK năm $1 và $2',
  ],
  [/regional split of the GSO (\d{4}) national labour force/g, 'phân theo vùng của lực lượng lao động toàn quốc năm $1 của TCTK'],
  [
    /national labour force interpolated between GSO (\d{4}) and (\d{4}) minus national employment/g,
    'lực lượng lao động toàn quốc nội suy giữa số TCTK năm $1 và $2, trừ việc làm toàn quốc',
  ],
  [/national labour force interpolated between GSO (\d{4}) and (\d{4})/g, 'lực lượng lao động toàn quốc nội suy giữa số TCTK năm $1 và $2'],
  [/GSO (\d{4}) national labour force minus national employment/g, 'lực lượng lao động toàn quốc năm $1 của TCTK trừ việc làm toàn quốc'],

  // Estimator for merged provinces (seeds/convert).
  [/LMO estimator \u0000\d+\u0000: /g, 'Ước lượng của LMO "bình quân gia quyền của các tỉnh cũ": '],
  [
    /GSO average population \(table (\u0000\d+\u0000)\) as weights, since population 15\+ by province is not in the database/g,
    'quyền số là dân số trung bình của TCTK (bảng $1), vì cơ sở dữ liệu không có dân số từ 15 tuổi theo tỉnh',
  ],
  [
    /GSO labour force 15\+ \(table (\u0000\d+\u0000)\) as weights, standing in for employed persons by province/g,
    'quyền số là lực lượng lao động từ 15 tuổi của TCTK (bảng $1), thay cho số người có việc làm theo tỉnh',
  ],
  [/; rates from /g, '; tỷ lệ lấy từ '],
  [/\(weight ([\d.]+) thousand\)/g, '(quyền số $1 nghìn)'],
  [/sum of former provinces /g, 'tổng các tỉnh cũ '],
  [/ ([\d.]+) thousand\b/g, ' $1 nghìn'],

  // Publishers and releases.
  [
    /GSO online database \(PX-Web, English edition, release c\. (\d{4})\)/g,
    'cơ sở dữ liệu trực tuyến của TCTK (PX-Web, bản tiếng Anh, phát hành khoảng năm $1)',
  ],
  [/, table (\u0000)/g, ', bảng $1'],
  [/\btable (\d[\d.]*)/g, 'bảng $1'],
  [/GSO, NSDP SDMX release (\d{4}-Q\d)/g, 'TCTK, bản phát hành NSDP SDMX $1'],
  [/ \(annual mean of the four quarters\)/g, ' (bình quân năm của bốn quý)'],
  [
    /pre-(\d{4}) LFS weights \(before the re-weighting to the (\d{4}) Census; not comparable with (\d{4}) on\)/g,
    'quyền số Điều tra LĐ-VL trước $1 (trước khi tính lại quyền số theo Tổng điều tra $2; không so sánh được với số từ $3)',
  ],
  [/pre-(\d{4}) LFS basis/g, 'cơ sở Điều tra LĐ-VL trước $1'],
  [/pre-(\d{4})-Census estimates/g, 'ước tính trước Tổng điều tra $1'],
  [
    /, constant (\d{4}) prices \((\d{4}) base; earlier years on the (\d{4}) base are left out\)/g,
    ', giá so sánh $1 (gốc $2; các năm trước theo gốc $3 không dùng)',
  ],
  [/, current prices/g, ', giá hiện hành'],
  [/ \(regions as GSO defined them before July (\d{4})\)/g, ' (vùng theo cách chia của TCTK trước tháng 7/$1)'],
  [/regions as GSO defined them before July (\d{4})/g, 'vùng theo cách chia của TCTK trước tháng 7/$1'],
  [/ \(regions as defined before July (\d{4})\)/g, ' (vùng theo cách chia trước tháng 7/$1)'],
  [/, average population/g, ', dân số trung bình'],
  [/share of employed persons 15\+ at this level/g, 'tỷ lệ người có việc làm từ 15 tuổi ở trình độ này'],
  [/sum of the published sections ([A-Z]–[A-Z])/g, 'tổng các ngành $1 đã công bố'],
  [/; working age/g, '; trong độ tuổi lao động'],
  [/ = university and above/g, ' = đại học trở lên'],
  [/ = none/g, ' = không có'],
  [/crosswalk: /g, 'quy đổi: '],
  [/\(short-term vocational, sơ cấp nghề\) → elementary/g, '(dạy nghề ngắn hạn, sơ cấp nghề) → sơ cấp'],
  [/\(trung cấp\) → intermediate/g, '(trung cấp) → trung cấp'],
  [/\(the tenth VSCO (\d{4}) major group\) read as group 0, armed forces/g, '(nhóm lớn thứ mười của VSCO $1) đọc là nhóm 0, lực lượng vũ trang'],
  [/, universities and colleges together \(MOET\)/g, ', đại học và cao đẳng gộp chung (Bộ GD&ĐT)'],
  [/(\d{4}) preliminary/g, '$1 sơ bộ'],
  [
    /GSO Labour Force Survey report (\d{4}) \(via Geography 12 textbook and khoahocphattrien\.vn\)/g,
    'Báo cáo Điều tra LĐ-VL $1 của TCTK (qua sách giáo khoa Địa lí 12 và khoahocphattrien.vn)',
  ],
  [/GSO Statistical Yearbook, cited in Geography 12 textbook/g, 'Niên giám thống kê của TCTK, trích trong sách giáo khoa Địa lí 12'],
  [/Census (\d{4}) via /g, 'Tổng điều tra $1 qua '],
  [
    /GSO (\d{4}) socio-economic report, reported by Lao Động \(Japanese edition\)/g,
    'Báo cáo kinh tế – xã hội năm $1 của TCTK, theo báo Lao Động (bản tiếng Nhật)',
  ],
  [/GSO annual LFS (\d{4}), cited by /g, 'Điều tra LĐ-VL năm $1 của TCTK, theo '],
  [/GSO annual LFS (\d{4}), reported by /g, 'Điều tra LĐ-VL năm $1 của TCTK, theo '],
  [/GSO \((\d{4})\), cited in /g, 'TCTK ($1), trích trong '],
  [/GSO (\d{4}), cited in /g, 'TCTK $1, trích trong '],
  [/, Can Tho University/g, ', Trường Đại học Cần Thơ'],
  [/share computed from the published counts/g, 'tỷ lệ tính từ các số đã công bố'],
  [/MOLISA year-end (\d{4}) report, via /g, 'Báo cáo tổng kết năm $1 của Bộ LĐ-TB&XH, qua '],
  [/MOLISA broad definition incl\. short courses/g, 'định nghĩa rộng của Bộ LĐ-TB&XH, gồm cả khoá ngắn hạn'],
  [/approximate \(C~\)/g, 'số gần đúng (C~)'],
  [/ (\d+)\.(\d+) million\b/g, ' $1,$2 triệu'],
  [/ (\d+) million\b/g, ' $1 triệu'],
  [/\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})/g, (_, d, m, y) => `${d}/${MONTHS.indexOf(m) + 1}/${y}`],
  [/\((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\)/g, (_, m, y) => `(tháng ${MONTHS.indexOf(m) + 1}/${y})`],
  [
    /UN DESA, World Population Prospects (\d{4}), medium variant \(estimates to (\d{4}), projection after\), population by single age aggregated to 5-year groups/g,
    'UN DESA, Triển vọng Dân số Thế giới (World Population Prospects) $1, phương án trung bình (ước tính đến $2, sau đó là dự báo), dân số theo từng độ tuổi gộp thành nhóm 5 tuổi',
  ],
  [/\bcommit ([0-9a-f]{6,})/g, 'commit $1'],
  [/GSO LFS (\d{4})\b(?! re-weighting)/g, 'Điều tra LĐ-VL $1 của TCTK'],
  [/GSO LFS (\d{4}) re-weighting/g, 'Tính lại quyền số Điều tra LĐ-VL năm $1 của TCTK'],
  [/GSO employment by age group \((\d{4})\)/g, 'Việc làm theo nhóm tuổi của TCTK ($1)'],
  [/UN WPP (\d{4}) \(population_by_group\)/g, 'UN WPP $1 (population_by_group)'],
  [/GSO population/g, 'dân số của TCTK'],
  [/GSO LFS labour force by age group and sex/g, 'lực lượng lao động theo nhóm tuổi và giới tính, Điều tra LĐ-VL của TCTK'],
  [/Labour Code (\d{4}) art\. (\d+)/g, 'Bộ luật Lao động $1 điều $2'],
  [/Labour Code (\d{4})/g, 'Bộ luật Lao động $1'],
  [/GSO labour force \(LFS\)/g, 'lực lượng lao động của TCTK (Điều tra LĐ-VL)'],
  [/GSO GDPVNM value_added_real \(constant (\d{4}) prices\)/g, 'giá trị tăng thêm thực tế GDPVNM của TCTK (giá so sánh $1)'],
  [
    /GSO LFS employment by broad sector \((\d{4})\+\) and national employment/g,
    'việc làm theo khu vực kinh tế (từ $1) và việc làm toàn quốc, Điều tra LĐ-VL của TCTK',
  ],
  [/GSO unemployment rate \(LFS\)/g, 'tỷ lệ thất nghiệp của TCTK (Điều tra LĐ-VL)'],
  [/GSO trained_share_certified/g, 'trained_share_certified của TCTK'],
  [/, industry claim/g, ', nhận định của doanh nghiệp'],
  [/\bGSO\b/g, 'TCTK'],
];

export interface LocalizeOptions {
  /** Exact pairs (English → Vietnamese) the page knows, e.g. a decision's title; applied first. */
  extra?: ReadonlyArray<readonly [string, string]>;
  /** Vietnamese name of an indicator code (from /api/meta); the code stays when absent. */
  indicatorName?: (code: string) => string | undefined;
}

/**
 * The citation in the UI language. English text is returned unchanged; in Vietnamese the known
 * phrases are translated, quoted titles kept.
 */
export function localizeSource(text: string, lang: Lang, { extra = [], indicatorName }: LocalizeOptions = {}): string {
  if (lang !== 'vi' || !text) return text;
  let out = text;
  for (const [en, vi] of extra) if (en) out = out.split(en).join(vi);
  // Quoted titles are published names: park them so no rule rewrites inside.
  const titles: string[] = [];
  out = out.replace(/"[^"]*"/g, (q) => `\u0000${titles.push(q) - 1}\u0000`);
  for (const [re, to] of RULES) out = out.replace(re, to as never);
  out = out.replace(new RegExp(`${INDICATOR}(\\w+)${INDICATOR}`, 'g'), (_, code: string) => {
    const name = indicatorName?.(code);
    return name ? name.charAt(0).toLowerCase() + name.slice(1) : code;
  });
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => titles[Number(i)]);
}
