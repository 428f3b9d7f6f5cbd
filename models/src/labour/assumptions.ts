/**
 * The assumptions an outlook used, in both languages, for display beside the figures (methodology
 * page, tooltips beside a flag, exports): thresholds, replacement rates and their sources, the
 * demographic inflow behind new supply, and the national system's method notes.
 */
import type { BaseProjection } from './base';
import { DEFAULT_EXIT_RATES, REPLACEMENT_PROFILE_ASSUMPTION, replacementRatePath } from './openings';
import { systemInputsOf, systemInputsUnder, type SystemInputs } from './recompute';
import { DEFAULT_OTHER_ENTRANTS_RATE, otherEntrantsUnder } from './other-entrants';
import { entryRateAt } from './scenario-levers';
import type { AssumptionNote, Assumptions, CellForecast, Scenario } from './types';
import { minOpeningsOf } from './imbalance';

/** Replacement rate of each sector (scenario-independent; computed once per base). */
const baseExitRates = new WeakMap<BaseProjection, Assumptions['exitRates']>();

const mean = (a: ArrayLike<number>) => (a.length ? Array.from(a).reduce((x, y) => x + y, 0) / a.length : 0);

/**
 * Employment-weighted mean replacement rate per sector over the detailed cells and the horizon:
 * measured `exits` where they override a cell, else the age-based rate of its level (system), else
 * the sector default. Basis: `exits-data` when measured exits cover at least half the sector's base
 * employment, else `demographic` with a system, else `default`.
 */
function exitRatesOf(base: BaseProjection, sys: SystemInputs | null): Assumptions['exitRates'] {
  const cached = baseExitRates.get(base);
  if (cached) return cached;
  const exitRates: Assumptions['exitRates'] = [];
  const seen = new Set<string>();
  const levelMean = new Map<string, number>();
  const levelRate = (q: string) => {
    if (!levelMean.has(q)) levelMean.set(q, mean(replacementRatePath(sys!.system, q, base.horizon)));
    return levelMean.get(q)!;
  };
  for (const gb of [base.main, ...base.fields]) {
    if (!gb) continue;
    const sums = new Map<string, { rate: number; emp: number; observed: number }>();
    const [br, bs, bq] = gb.grid.reconciler.dims.map((d) => new Set(d.bottom));
    gb.grid.nodes.forEach((n, off) => {
      if (!br.has(n.region) || !bs.has(n.sector) || !bq.has(n.qualification)) return;
      const s = sums.get(n.sector) ?? { rate: 0, emp: 0, observed: 0 };
      const w = Math.max(n.base, 1e-9);
      const measured = gb.exits.observed[off] === 1;
      s.rate += (measured || !sys ? gb.exits.rate[off] : levelRate(n.qualification)) * w;
      s.emp += w;
      s.observed += (measured ? 1 : 0) * w;
      sums.set(n.sector, s);
    });
    for (const [sector, s] of sums) {
      if (seen.has(sector)) continue;
      seen.add(sector);
      const basis = s.observed / s.emp >= 0.5 ? 'exits-data' : sys ? 'demographic' : 'default';
      exitRates.push({ sector, rate: s.rate / s.emp, basis });
    }
  }
  baseExitRates.set(base, exitRates);
  return exitRates;
}

/** A scenario's entrants, entering graduates and other entrants by level (other-entrants.ts), or null without a system. */
function scenarioEntrants(base: BaseProjection, sys: SystemInputs | null, scenario: Scenario) {
  const inputs = systemInputsUnder(sys, scenario)?.others;
  return inputs ? { inflow: inputs.inflow, ...otherEntrantsUnder(inputs, (q, t) => entryRateAt(scenario, base.entryRate, q, t), base.horizon) } : null;
}

/** Other entrants per year ÷ base employment by level (mean over the horizon), and their basis. */
function otherEntrantsOf(base: BaseProjection, entrants: ReturnType<typeof scenarioEntrants>): Pick<Assumptions, 'otherEntrantsRate' | 'otherEntrantsBasis'> {
  const otherEntrantsRate: Assumptions['otherEntrantsRate'] = {};
  const otherEntrantsBasis: Assumptions['otherEntrantsBasis'] = {};
  const gb = base.main ?? base.fields[0];
  const levels = gb ? gb.grid.reconciler.dims[2].bottom : Object.keys(DEFAULT_OTHER_ENTRANTS_RATE);
  const fromData = new Set<string>();
  if (gb) gb.grid.nodes.forEach((n, off) => gb.supply.otherFromData?.[off] && fromData.add(n.qualification));
  for (const q of levels) {
    if (fromData.has(q)) {
      otherEntrantsBasis[q] = 'entrants-data';
      otherEntrantsRate[q] = entrants ? mean(entrants.perWorker[q] ?? []) : (base.otherEntrants.rate[q] ?? 0);
    } else if (entrants) {
      otherEntrantsBasis[q] = 'demographic';
      otherEntrantsRate[q] = mean(entrants.perWorker[q] ?? []);
    } else {
      otherEntrantsBasis[q] = 'default';
      otherEntrantsRate[q] = base.otherEntrants.rate[q] ?? DEFAULT_OTHER_ENTRANTS_RATE[q] ?? 0;
    }
  }
  return { otherEntrantsRate, otherEntrantsBasis };
}

const pct = (x: number, lang: 'vi' | 'en') => `${(x * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en', { maximumFractionDigits: 1 })} %`;

/** Where graduates count: where the data place them, or, under the mobility lever, partly where the jobs are. */
function mobilityText(mobility: number, lang: 'vi' | 'en'): string {
  if (mobility > 0)
    return lang === 'vi'
      ? `Kịch bản này giả định ${pct(mobility, 'vi')} người tốt nghiệp làm việc ngoài tỉnh nơi học, chia cho các tỉnh theo việc làm năm gốc của cùng ngành và trình độ; số còn lại tính ở nơi học (giả định của kịch bản: chưa có số liệu di chuyển sau tốt nghiệp). Tổng toàn quốc không đổi.`
      : `This scenario assumes ${pct(mobility, 'en')} of graduates work outside the province where they studied, shared among provinces by base-year employment in their sector and level; the rest count where they study (a scenario assumption: no data on moves after graduating exist here). National totals do not change.`;
  return lang === 'vi'
    ? 'Người tốt nghiệp được tính ở tỉnh mà số liệu ghi nhận (nơi học); việc chuyển đến tỉnh khác sau khi tốt nghiệp không được mô hình hoá, nên các thành phố có nhiều trường đại học (Hà Nội, TP HCM) hiện dư thừa và nơi khác thiếu hụt nhiều hơn mức di cư thực tế sẽ để lại; đòn bẩy kịch bản «người tốt nghiệp làm việc ngoài tỉnh nơi học» cho thấy điều này ảnh hưởng bao nhiêu.'
    : 'Graduates count in the province where the data place them (where they study); moving to another province after graduating is not modelled, so university cities (Ha Noi, Ho Chi Minh City) show surpluses, and other provinces shortages, larger than migration would leave; the scenario lever "graduates working outside the province where they studied" shows how much this matters.';
}

/** The method notes behind every flag (openings, replacement, supply, thresholds) and the system's own. */
function sourcesOf(base: BaseProjection, sys: SystemInputs | null, mobility = 0): AssumptionNote[] {
  const t = base.thresholds;
  const notes: AssumptionNote[] = [
    {
      id: 'expansion',
      vi: 'Nhu cầu mở rộng = thay đổi ròng của việc làm trong kỳ (có thể âm ở ô thu hẹp); cộng dồn: mở rộng toàn quốc = tổng các bộ phận = thay đổi việc làm.',
      en: 'Expansion demand = net change in employment over the horizon (negative in a shrinking cell); it adds up: national expansion = sum of the parts = change in employment.',
      source: 'LMO model (modelled): employment forecasts of this outlook',
    },
    {
      id: 'replacement',
      vi: `Nhu cầu thay thế = (tỷ lệ nghỉ hưu + tỷ lệ tử vong) × việc làm đầu mỗi năm × hệ số theo trình độ. ${REPLACEMENT_PROFILE_ASSUMPTION.vi} Số liệu người rời thị trường đo lường được (chính thức/khảo sát/quốc tế) thay thế tỷ lệ này cho ô có số liệu; số liệu mô phỏng không được dùng.`,
      en: `Replacement demand = (retirement rate + death rate) × employment at the start of each year × a per-level multiplier. ${REPLACEMENT_PROFILE_ASSUMPTION.en} Measured exits data (official, survey or international) override the rate for the cells they cover; modelled or illustrative exits are not used.`,
      source: sys
        ? 'LMO national system: UN WPP 2019 cohort shrinkage (international), statutory retirement ages (2019 Labour Code art. 169, Decree 135/2020), national age profile of employment'
        : `Documented default exit rates by sector (assumption): ${Object.entries(DEFAULT_EXIT_RATES)
            .map(([k, v]) => `${k} ${(v * 100).toFixed(1)}%`)
            .join(', ')}`,
    },
    {
      id: 'new-supply',
      vi: `Cung mới = người tốt nghiệp × tỷ lệ gia nhập thị trường + người gia nhập khác từ mô hình dân số (người vào lực lượng lao động × cơ cấu trình độ khi vào − người tốt nghiệp đã tính, không âm), phân bổ cho ngành và tỉnh theo tỷ trọng việc làm năm gốc (giả định). Tổng cung mới toàn quốc bằng số người vào lực lượng lao động của hệ thống: người tốt nghiệp vượt phần của trình độ mình là người đã ở trong lực lượng lao động học lên (vừa làm vừa học, văn bằng hai), nên được trừ khỏi trình độ chưa qua đào tạo mà họ rời đi (giả định: khoảng 7/10 lao động chưa có bằng/chứng chỉ); trình độ này nhận phần còn lại, và đào tạo thêm trong kịch bản là cùng những người đó được đào tạo tốt hơn, không phải thêm người. ${mobilityText(mobility, 'vi')} Khoảng 80 % của số tốt nghiệp: chuỗi dưới 10 năm được giữ trong khoảng 5 % đến 15,5 % × √(số năm dự báo) của giá trị trung bình (mức trần là sai số 80 % của dự báo naive có xu hướng trên chuỗi tốt nghiệp thật của TCTK 2000–2016); tổng của nhiều chuỗi tốt nghiệp được cộng như các chuỗi có cùng hệ số tương quan, chọn sao cho khoảng của tổng toàn quốc bằng khoảng của dự báo chính chuỗi tổng.`,
      en: `New supply = graduates × labour-market entry rate + other entrants from the demographic model (labour-force entrants × entry mix by level − graduates already counted, floored at 0), shared among sectors and provinces by base-year employment (assumption). National new supply equals the system's labour-force entrants: graduates beyond their level's share are people already in the labour force moving up a level (in-service and second-degree learners), so they are taken out of the unqualified level they leave (assumption: about 7 in 10 workers hold no certificate), which takes the rest of the inflow; extra training in a scenario is the same people better trained, not more people. ${mobilityText(mobility, 'en')} Graduates' 80 % band: a series under 10 years is held between 5 % and 15.5 % × √(years ahead) of its mean (the cap is the naive-with-drift 80 % error of GSO's real graduates series 2000–2016); totals combine graduates series as equicorrelated, with the correlation set so the national total's band equals the band of a forecast of the aggregate itself.`,
      source: sys
        ? 'LMO national system: labour-force entrants and entry mix (stock-flow calibrated on GSO trained share); graduates series of the data'
        : 'Documented default other-entrant rates (assumption); graduates series of the data',
    },
    {
      id: 'thresholds',
      vi: `Cờ theo chênh lệch cộng dồn (cung mới − nhu cầu tuyển mới) chia việc làm năm gốc: thiếu hụt khi < ${pct(t.shortageBelow, 'vi')}, dư thừa khi > ${pct(t.surplusAbove, 'vi')}; "không chắc chắn" khi khoảng 80% vượt cả hai ngưỡng (khoảng này = độ bất định tỷ trọng của chính ô trong ô cha – tỉnh, ngành, trình độ – và độ bất định của số tốt nghiệp, cộng bình phương; độ bất định của mức toàn quốc – lực lượng lao động, tổng cầu – không tính vào vì nó làm dịch chuyển cả nhu cầu tuyển mới lẫn cung mới cùng chiều); "quá nhỏ" (không gắn cờ, không xếp hạng) khi ô có dưới ${t.smallCell.toLocaleString('vi-VN')} lao động hoặc dưới ${minOpeningsOf(t).toLocaleString('vi-VN')} nhu cầu tuyển mới gộp (thay thế + tăng thêm nếu dương; ô lớn đang thu hẹp vẫn được đánh giá).`,
      en: `Flags read the cumulative imbalance (new supply − openings) over base-year employment: shortage below ${pct(t.shortageBelow, 'en')}, surplus above ${pct(t.surplusAbove, 'en')}; "uncertain" when the 80% interval crosses both thresholds (that interval = the cell's own share uncertainty within its parents – province, sector, level – and the graduates' uncertainty, in quadrature; the national level's uncertainty – labour force, aggregate demand – is left out because it moves openings and new supply alike); "too small" (never flagged or ranked) below ${t.smallCell.toLocaleString('en')} workers or ${minOpeningsOf(t).toLocaleString('en')} gross openings (replacement + growth when positive; a large shrinking cell is still assessed).`,
      source: 'LMO model thresholds (configurable, COPS-style); a modelled signal, not an official statistic',
    },
  ];
  for (const m of sys?.system.methods ?? []) notes.push({ id: `system:${m.id}`, vi: m.vi, en: m.en, source: m.source });
  return notes;
}

/** The assumptions of one scenario's outlook. */
export function assumptionsOf(base: BaseProjection, scenario: Scenario): Assumptions {
  const sys = systemInputsOf(base);
  const exitRates = exitRatesOf(base, sys).map((e) => ({ ...e, rate: e.rate * scenario.exitRate }));
  const applied = new Map<string, Assumptions['breaks'][number]>();
  const cells = [...(base.main ? base.main.grid.nodes : []), ...base.official];
  for (const c of cells) {
    if (!c.break) continue;
    const indicator = 'indicator' in c ? (c as CellForecast).indicator : 'employment';
    const k = `${indicator}|${c.break.period}|${c.break.treatment}`;
    const declared =
      base.breaks.find((b) => b.indicator === indicator && b.period === c.break!.period) ?? base.breaks.find((b) => b.period === c.break!.period);
    const reason = typeof declared?.reason === 'string' ? { vi: declared.reason, en: declared.reason } : declared?.reason;
    if (!applied.has(k)) applied.set(k, { indicator, period: c.break.period, treatment: c.break.treatment, ...(reason ? { reason } : {}) });
  }
  const years = Array.from({ length: base.horizon }, (_, i) => base.baseYear + i + 1);
  const s = sys?.system;
  const hold = (a: readonly number[]) => years.map((_, t) => (a.length ? a[Math.min(t, a.length - 1)] : 0));
  const sources = sourcesOf(base, sys, scenario.graduateMobility ?? 0);
  const entrants = scenarioEntrants(base, sys, scenario);
  return {
    thresholds: base.thresholds,
    exitRates,
    entryRate: (scenario.entryRate ?? base.entryRate) * (1 + scenario.trainingCapacityChange),
    mobilityRate: 0,
    ...otherEntrantsOf(base, entrants),
    replacement: s
      ? {
          years,
          retirementRate: hold(s.retirementRate),
          deathRate: hold(s.deathRate),
          byLevel: { ...s.replacementByLevel },
          scenarioMultiplier: scenario.exitRate,
        }
      : null,
    newSupply:
      s && entrants
        ? {
            years,
            lfEntrants: entrants.inflow,
            entryMix: { ...s.entryMix },
            graduatesEntering: entrants.graduatesEntering,
            otherEntrants: entrants.otherEntrants,
          }
        : null,
    sources,
    levels: base.levels,
    breaks: [...applied.values()],
    notesVi: [
      ...base.skippedBreaks.map(
        (b) =>
          `Không nối chuỗi việc làm chi tiết tại năm ${b.period}: các giá trị trước ${b.period} là ước tính mô hình đã theo cùng cơ sở với số liệu từ ${b.period}.`,
      ),
      ...sources.filter((n) => !n.id.startsWith('system:')).map((n) => n.vi),
      'Độ tin cậy: thấp với ô "quá nhỏ" hoặc "không chắc chắn"; cao khi cả hai đầu khoảng 80% cho cùng một cờ; trung bình trong trường hợp khác; giảm một bậc nếu dự báo của ô kém hơn phương pháp ngây thơ khi kiểm định lại.',
      ...(s ? [] : ['Chưa có hệ thống quốc gia (dân số – kinh tế): dùng tỷ lệ rời thị trường và tỷ lệ người gia nhập khác mặc định (giả định).']),
    ],
    notesEn: [
      ...base.skippedBreaks.map(
        (b) =>
          `Detailed employment cells are not spliced at ${b.period}: values before ${b.period} are modelled on the same basis as the data from ${b.period}.`,
      ),
      ...sources.filter((n) => !n.id.startsWith('system:')).map((n) => n.en),
      'Confidence: low for "too small" and "uncertain" cells; high when both ends of the 80% interval give the same flag; medium otherwise; one step lower when the cell\'s forecast backtested worse than naive.',
      ...(s ? [] : ['No national (demography–economy) system: default exit and other-entrant rates are used (assumptions).']),
    ],
  };
}
