/**
 * Named assumption sets. A scenario never refits a model: it is a cheap
 * transform of the base projection (fitted once per dataset version), so one
 * province can be recomputed for any scenario in well under 50 ms.
 *
 * - Employment: each sector's base path is multiplied by (1 + g)^t, g the
 *   scenario's extra growth for that sector (or its `*` default). Totals are
 *   re-added from the detailed cells, so they stay coherent.
 * - New fields with a workforce path (targets.ts; only semiconductors, from the training target of
 *   Decision 1017/QĐ-TTg, as an assumption): the path is moved a share `targetAttainment` of the way
 *   from the trend to that path. Hydrogen and carbon markets have no workforce target and stay as baseline.
 * - Supply: graduates × (1 + trainingCapacityChange) × entry rate.
 * - Replacement: replacement (retirement + death) rates × exitRate.
 * - One system: the growth adjustment applies to labour DEMAND before the labour-force cap
 *   (the capped baseline path ÷ the baseline's own cap factor), then national employment is kept
 *   within labour force × (1 − floor) of the national system in every year (floor =
 *   minUnemploymentRate, reached gradually as the system does; `scenarioCap`). Where the
 *   scenario's demand is above the ceiling every detailed cell is scaled by the same factor (the
 *   sector mix of the scenario is kept and only the level gives way); where it is below, employment
 *   = the scenario's demand, which can lie ABOVE the capped baseline (factor > 1): a low-growth
 *   scenario first absorbs the baseline's excess demand before unemployment rises.
 * The growth adjustments are illustrative ranges (about ±1 pp a year overall,
 * more for the ministry's priority sectors), not official projections.
 */
import { employmentCeilings, type GradualCap } from './composition/coherence';
import type { Scenario } from './types';
import type { ScenarioParameters } from './scenario-params/schema';
import { scenarioFromParameters, type ScenarioLabel } from './scenario-params/translate';

/** Growth changes (pp a year) that mark the ministry's priority fields in the growth presets. */
const PRIORITY_UP: Record<string, number> = {
  C: 1.5,
  J: 2,
  K: 1.2,
  M: 1.5,
  semiconductors: 6,
  'ai-digital': 4,
  hydrogen: 6,
  'carbon-markets': 5,
};

/** A named parameter set (issue 13 §1: the presets are parameter sets like any planner's scenario). */
export interface ScenarioPreset extends ScenarioLabel {
  parameters: ScenarioParameters;
}

/** The baseline preset's id: what a read without `scenario=` serves, and what other scenarios share (their history, the accuracy). */
export const BASELINE_SCENARIO = 'baseline';

/** The five named scenarios, as parameter sets. */
export const PRESETS: ScenarioPreset[] = [
  {
    id: BASELINE_SCENARIO,
    nameVi: 'Cơ sở',
    nameEn: 'Baseline',
    description: {
      vi: 'Xu hướng dự báo từ số liệu; tỷ lệ rời thị trường và tỷ lệ gia nhập như hiện nay; đào tạo giữ nguyên quy mô dự báo.',
      en: 'The forecast trend from the data; exit and entry rates as today; training output as forecast.',
    },
    parameters: {},
  },
  {
    id: 'high-growth',
    nameVi: 'Tăng trưởng cao',
    nameEn: 'High growth',
    description: {
      vi: 'Việc làm tăng thêm 1 điểm % mỗi năm ở mọi ngành, nhiều hơn ở chế biến chế tạo, CNTT, tài chính, KHCN và các lĩnh vực mới.',
      en: 'Employment grows 1 pp a year faster in every sector, more in manufacturing, ICT, finance, professional services and the new fields.',
    },
    parameters: { valueAddedGrowthChange: { '*': 1, ...PRIORITY_UP } },
  },
  {
    id: 'low-growth',
    nameVi: 'Tăng trưởng thấp',
    nameEn: 'Low growth',
    description: {
      vi: 'Việc làm tăng chậm hơn 1 điểm % mỗi năm ở mọi ngành (chậm hơn nữa ở chế biến chế tạo và các lĩnh vực mới).',
      en: 'Employment grows 1 pp a year slower in every sector (more slowly still in manufacturing and the new fields).',
    },
    parameters: { valueAddedGrowthChange: Object.fromEntries([['*', -1], ...Object.entries(PRIORITY_UP).map(([k, v]) => [k, -v / 2 - 1])]) },
  },
  {
    id: 'targets-met',
    nameVi: 'Đạt mục tiêu chính sách',
    nameEn: 'Policy targets met',
    description: {
      vi: 'Bán dẫn đi theo đường lao động giả định: mọi người được đào tạo theo mục tiêu đào tạo của QĐ 1017/QĐ-TTg đều vào làm trong ngành. Hydro và thị trường các-bon không có mục tiêu nhân lực trong văn bản nào nên theo kịch bản cơ sở, như các ngành khác.',
      en: 'Semiconductors follow an assumed workforce path: everyone the training target of Decision 1017/QĐ-TTg calls for joins the field. Hydrogen and carbon markets have no workforce target in any decision, so they follow the baseline, like the other sectors.',
    },
    parameters: { targetAttainment: 100 },
  },
  {
    id: 'targets-50',
    nameVi: 'Đạt 50% mục tiêu',
    nameEn: 'Half of targets met',
    description: {
      vi: 'Bán dẫn đi được nửa đường giữa xu hướng và đường lao động giả định từ mục tiêu đào tạo của QĐ 1017/QĐ-TTg; các ngành khác (kể cả hydro, thị trường các-bon) theo kịch bản cơ sở.',
      en: 'Semiconductors get halfway from their trend to the workforce path assumed from the training target of Decision 1017/QĐ-TTg; other sectors (hydrogen and carbon markets included) as baseline.',
    },
    parameters: { targetAttainment: 50 },
  },
];

/** The presets as model scenarios (relative levers only: no data needed to translate them). */
export const SCENARIOS: Scenario[] = PRESETS.map(({ parameters, ...label }) => scenarioFromParameters(parameters, null, label));

/** Look up a scenario by id. */
export function getScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * Extra annual growth for a sector: the first of `codes` (the sector, then
 * its parents) with an entry, else `*`, else 0.
 */
export function sectorGrowthOf(s: Scenario, codes: readonly string[]): number | readonly number[] {
  const g = s.sectorGrowth;
  for (const c of codes) if (g[c] !== undefined) return g[c];
  return g['*'] ?? 0;
}

/** Multipliers Π(1 + g_k) for t = 1..h; `g` constant or per year (the last value holds after the array ends). */
export function growthMultipliers(g: number | readonly number[], h: number): Float64Array {
  const m = new Float64Array(h);
  let f = 1;
  for (let t = 0; t < h; t++) {
    const gt = typeof g === 'number' ? g : g.length ? g[Math.min(t, g.length - 1)] : 0;
    f *= 1 + gt;
    m[t] = f;
  }
  return m;
}

/**
 * What of a scenario moves the national employment ceiling and the main grid's cells: sector growth
 * and the labour-force levers. Scenarios with the same key share cap factors and main-grid paths.
 */
export function demandKey(s: Scenario): string {
  const growth = Object.entries(s.sectorGrowth).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([growth, s.labourForceChange ?? null]);
}

/** A scenario's level factors on the capped baseline paths (see {@link scenarioCap}). */
export interface ScenarioCap {
  /** Factor per forecast year applied to the capped baseline path × the scenario's growth; may exceed 1. */
  factors: Float64Array;
  /** 1 in years where the scenario's own demand reaches the labour-force ceiling (cells are then rounded down). */
  capped: Uint8Array;
}

/**
 * Level factors of a scenario, working from demand BEFORE the cap.
 *
 * The stored baseline paths are already capped: baseline = demand × c_t (c_t ≤ 1, the baseline's
 * cap factor, 1 where demand fits). A scenario's demand is therefore
 *   demand_t = (Σ baseline cells × growth)_t ÷ c_t,
 * the labour-force ceiling (`employmentCeilings`, gradual when asked) is applied to THAT demand, and
 * the factor returned is relative to the capped baseline cells × growth:
 *   factor_t = min(1, ceiling_t ÷ demand_t) ÷ c_t.
 * It exceeds 1 where the scenario's demand is below the ceiling but the baseline was capped.
 * Factors within 1e-9 of 1 are set to exactly 1 (the baseline reproduces itself).
 * @param grown Σ of the capped baseline cells × the scenario's growth, per forecast year
 * @param baselineCap c_t per forecast year (missing or non-positive = 1: no baseline cap known)
 */
export function scenarioCap(
  grown: ArrayLike<number>,
  baselineCap: ArrayLike<number> | undefined,
  labourForce: ArrayLike<number | undefined>,
  minUnemploymentRate: number,
  gradual?: GradualCap,
): ScenarioCap {
  const H = grown.length;
  const c = Float64Array.from({ length: H }, (_, t) => {
    const v = baselineCap?.[t];
    return v !== undefined && v > 0 && v <= 1 ? v : 1;
  });
  const demand = Float64Array.from({ length: H }, (_, t) => grown[t] / c[t]);
  const ceilings = employmentCeilings(demand, labourForce, minUnemploymentRate, gradual);
  const factors = new Float64Array(H).fill(1);
  const capped = new Uint8Array(H);
  for (let t = 0; t < H; t++) {
    const ceiling = ceilings[t];
    let f = 1;
    // A relative tolerance: the baseline sits exactly on the system's ceiling (floating point).
    if (Number.isFinite(ceiling) && demand[t] > 0 && demand[t] > ceiling * (1 + 1e-9)) {
      f = Math.max(0, ceiling / demand[t]);
      capped[t] = 1;
    }
    const F = f / c[t];
    factors[t] = Math.abs(F - 1) <= 1e-9 ? 1 : F;
  }
  return { factors, capped };
}
