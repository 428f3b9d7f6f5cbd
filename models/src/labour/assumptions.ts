/**
 * The assumptions an outlook used, in both languages, for display beside
 * the figures (methodology page, tooltips, exports).
 */
import type { BaseProjection } from './base';
import { DEFAULT_EXIT_RATES } from './openings';
import type { Assumptions, CellForecast, Scenario } from './types';

/** Employment-weighted exit rate of each sector (scenario-independent; computed once per base). */
const baseExitRates = new WeakMap<BaseProjection, Assumptions['exitRates']>();

function exitRatesOf(base: BaseProjection): Assumptions['exitRates'] {
  const cached = baseExitRates.get(base);
  if (cached) return cached;
  const exitRates: Assumptions['exitRates'] = [];
  const seen = new Set<string>();
  for (const gb of [base.main, ...base.fields]) {
    if (!gb) continue;
    const sums = new Map<string, { rate: number; emp: number; observed: number }>();
    const [br, bs, bq] = gb.grid.reconciler.dims.map((d) => new Set(d.bottom));
    gb.grid.nodes.forEach((n, off) => {
      if (!br.has(n.region) || !bs.has(n.sector) || !bq.has(n.qualification)) return;
      const s = sums.get(n.sector) ?? { rate: 0, emp: 0, observed: 0 };
      const w = Math.max(n.base, 1e-9);
      s.rate += gb.exits.rate[off] * w;
      s.emp += w;
      s.observed += gb.exits.observed[off] * w;
      sums.set(n.sector, s);
    });
    for (const [sector, s] of sums) {
      if (seen.has(sector)) continue;
      seen.add(sector);
      exitRates.push({ sector, rate: s.rate / s.emp, basis: s.observed / s.emp >= 0.5 ? 'observed' : 'default' });
    }
  }
  baseExitRates.set(base, exitRates);
  return exitRates;
}

export function assumptionsOf(base: BaseProjection, scenario: Scenario): Assumptions {
  const exitRates = exitRatesOf(base).map((e) => ({ ...e, rate: e.rate * scenario.exitRate }));
  const applied = new Map<string, Assumptions['breaks'][number]>();
  const cells = [...(base.main ? base.main.grid.nodes : []), ...base.official];
  for (const c of cells) {
    if (!c.break) continue;
    const indicator = 'indicator' in c ? (c as CellForecast).indicator : 'employment';
    const k = `${indicator}|${c.break.period}|${c.break.treatment}`;
    const declared = base.breaks.find((b) => b.indicator === indicator && b.period === c.break!.period) ?? base.breaks.find((b) => b.period === c.break!.period);
    const reason = typeof declared?.reason === 'string' ? { vi: declared.reason, en: declared.reason } : declared?.reason;
    if (!applied.has(k)) applied.set(k, { indicator, period: c.break.period, treatment: c.break.treatment, ...(reason ? { reason } : {}) });
  }
  return {
    thresholds: base.thresholds,
    exitRates,
    entryRate: (scenario.entryRate ?? base.entryRate) * (1 + scenario.trainingCapacityChange),
    mobilityRate: base.mobilityRate,
    otherEntrantsRate: base.otherEntrants.rate,
    otherEntrantsBasis: base.otherEntrants.basis,
    levels: base.levels,
    breaks: [...applied.values()],
    notesVi: [
      ...base.skippedBreaks.map((b) => `Không nối chuỗi việc làm chi tiết tại năm ${b.period}: các giá trị trước ${b.period} là ước tính mô hình đã theo cùng cơ sở với số liệu từ ${b.period}.`),
      'Nhu cầu tuyển mới = nhu cầu mở rộng (tăng việc làm, không âm ở từng ô chi tiết) + nhu cầu thay thế (tỷ lệ rời thị trường × việc làm).',
      'Cung mới = người tốt nghiệp × tỷ lệ gia nhập thị trường + người gia nhập khác (kể cả người mất việc ở ngành thu hẹp chuyển sang ngành tăng trưởng cùng tỉnh, cùng trình độ); người tốt nghiệp được phân bổ cho các ô theo tỷ trọng việc làm năm gốc.',
      'Tỷ lệ người gia nhập khác theo trình độ được hiệu chỉnh từ cân đối dòng–tồn lịch sử toàn quốc: số vào = thay đổi việc làm + số rời; phần người tốt nghiệp không giải thích được là người gia nhập khác.',
      `Cờ: thiếu hụt khi cung mới/nhu cầu < ${base.thresholds.shortageBelow}, dư thừa khi > ${base.thresholds.surplusAbove}. Đây là tín hiệu mô hình, không phải số liệu chính thức.`,
      `Độ tin cậy: cao khi cả hai đầu khoảng 80% của chênh lệch cho cùng một cờ; thấp khi khoảng trải từ thiếu hụt đến dư thừa hoặc ô có dưới ${base.thresholds.smallCell.toLocaleString('vi-VN')} lao động; giảm một bậc nếu dự báo của ô kém hơn phương pháp ngây thơ khi kiểm định lại.`,
      'Các dự báo được điều hòa (OLS) để tỉnh cộng lại bằng vùng và toàn quốc, ngành cộng lại bằng tổng, trình độ cộng lại bằng tất cả.',
    ],
    notesEn: [
      ...base.skippedBreaks.map((b) => `Detailed employment cells are not spliced at ${b.period}: values before ${b.period} are modelled on the same basis as the data from ${b.period}.`),
      'Openings = expansion demand (employment growth, floored at zero in each detailed cell) + replacement demand (exit rate × employment).',
      'New supply = graduates × labour-market entry rate + other entrants (incl. workers released by shrinking sections moving to growing sections of the same province and level); graduates are shared among cells by base-year employment.',
      'Other-entrant rates by level are calibrated on the national stock-flow history: inflow = change in employment + exits; the part graduates do not explain counts as other entrants.',
      `Flags: shortage when new supply / openings < ${base.thresholds.shortageBelow}, surplus when > ${base.thresholds.surplusAbove}. A modelled signal, not an official statistic.`,
      `Confidence: high when both ends of the imbalance's 80% interval give the same flag; low when the interval spans shortage to surplus or the cell employs fewer than ${base.thresholds.smallCell.toLocaleString('en')} people; one step lower when the cell's forecast backtested worse than naive.`,
      'Forecasts are reconciled (OLS) so provinces add up to regions and the country, sections to the total, and levels to all levels.',
      `Default exit rates where no exits data exist: ${Object.entries(DEFAULT_EXIT_RATES).map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`).join(', ')}.`,
    ],
  };
}

