/**
 * The cells of the microdata aggregation and their place in the estimator's
 * arrays: indicator × sector × qualification (each level, then `ALL`). Sectors
 * are every code in the code lists (TOTAL, broad, sections, fields); an
 * employed respondent adds to their sector and each of its ancestors up to
 * TOTAL. See microdata-aggregate.ts for which cells are produced.
 */
import { PROVINCES, QUALIFICATIONS, SECTORS } from '../codes/index';
import type { Observation } from './observation';
import type { LabourStatus } from './microdata-columns';
import type { StratifiedTotals } from './microdata-estimator';
import type { MicrodataOptions, MicrodataQuality } from './microdata-types';

const IND = ['employment', 'unemployed', 'labour_force'] as const;
const EMP = 0,
  UNE = 1,
  LF = 2;

const QUALS = QUALIFICATIONS.filter((q) => q.code !== 'ALL');
const S1 = SECTORS.length;
const Q1 = QUALS.length + 1;
const ALL = QUALS.length;
const TOTAL = SECTORS.findIndex((x) => x.code === 'TOTAL');
const cell = (ind: number, s: number, q: number) => (ind * S1 + s) * Q1 + q;

/** Cells per stratum in the estimator's arrays. */
export const CELL_COUNT = IND.length * S1 * Q1;
/** Sector code → its index in the layout. */
export const SECTOR_INDEX = new Map(SECTORS.map((x, i) => [x.code, i]));
/** Qualification level (not `ALL`) → its index in the layout. */
export const QUALIFICATION_INDEX = new Map(QUALS.map((x, i) => [x.code, i]));

/** Sector index → itself and its ancestors up to TOTAL. */
const SECTOR_CHAIN = SECTORS.map((x) => {
  const chain: number[] = [];
  for (let c: string | null = x.code; c; c = SECTORS[SECTOR_INDEX.get(c)!].parent) chain.push(SECTOR_INDEX.get(c)!);
  return chain;
});

/**
 * Writes into `out` the cells one respondent adds to (`s`, `q`: sector and
 * qualification indices where they apply) and returns how many.
 */
export function respondentCells(status: LabourStatus, s: number, q: number, out: Int32Array): number {
  let k = 0;
  if (status === 'employed') {
    const chain = SECTOR_CHAIN[s];
    for (let i = 0; i < chain.length; i++) {
      out[k++] = cell(EMP, chain[i], q);
      out[k++] = cell(EMP, chain[i], ALL);
    }
  } else if (status === 'unemployed') {
    out[k++] = cell(UNE, TOTAL, q);
    out[k++] = cell(UNE, TOTAL, ALL);
  }
  if (status !== 'outside') {
    out[k++] = cell(LF, TOTAL, q);
    out[k++] = cell(LF, TOTAL, ALL);
  }
  return k;
}

/** The "use with caution" rule (Cedefop): under `minPersons`, or a coefficient of variation over `maxCv`. */
export interface CautionRule {
  minPersons: number;
  maxCv: number;
}

/** Observations and their quality, in the same order. */
export interface CellEstimates {
  observations: Observation[];
  quality: MicrodataQuality[];
}

/**
 * Estimates every cell of every area (`[region, its strata]`), skipping cells
 * without respondents: employment × each sector, then unemployed and
 * labour force × TOTAL, each by qualification.
 */
export function estimateCells(
  totals: StratifiedTotals,
  areas: readonly [string, string[]][],
  options: Pick<MicrodataOptions, 'period' | 'source'>,
  rule: CautionRule,
): CellEstimates {
  const out: CellEstimates = { observations: [], quality: [] };
  const qualCodes = [...QUALS.map((x) => x.code), 'ALL'];
  const sectorCodes = SECTORS.map((x) => x.code);
  for (const [region, strata] of areas) {
    const emit = (indicator: string, sector: string, qi: number, cellIndex: number) =>
      estimateCell(totals, cellIndex, strata, { indicator, period: options.period, region, sector, qualification: qualCodes[qi] }, options.source, rule, out);
    for (let si = 0; si < S1; si++) {
      for (let qi = 0; qi < Q1; qi++) emit('employment', sectorCodes[si], qi, cell(EMP, si, qi));
    }
    for (const ind of [UNE, LF]) {
      for (let qi = 0; qi < Q1; qi++) emit(IND[ind], 'TOTAL', qi, cell(ind, TOTAL, qi));
    }
  }
  return out;
}

type CellId = Pick<Observation, 'indicator' | 'period' | 'region' | 'sector' | 'qualification'>;

function estimateCell(totals: StratifiedTotals, cellIndex: number, strata: string[], id: CellId, source: string, rule: CautionRule, out: CellEstimates): void {
  const e = totals.estimate(strata, cellIndex);
  if (e.count === 0) return;
  const se = Math.sqrt(e.variance);
  const cv = e.total > 0 ? se / e.total : null;
  const reasons: MicrodataQuality['reasons'] = [];
  if (e.total < rule.minPersons) reasons.push('under-threshold');
  if (cv !== null && cv > rule.maxCv) reasons.push('high-cv');
  const { indicator, period, region, sector, qualification } = id;
  out.observations.push({
    indicator,
    period,
    region,
    sector,
    qualification,
    value: Math.round(e.total),
    unit: 'persons',
    source,
    status: 'survey',
  });
  out.quality.push({
    indicator,
    period,
    region,
    sector,
    qualification,
    estimate: e.total,
    se,
    cv,
    respondents: e.count,
    caution: reasons.length > 0,
    reasons,
  });
}

/** The areas estimated: `VN` over every stratum, then each current province-level unit with respondents, in code-list order. */
export function estimationAreas(allStrata: string[], strataOfProvince: ReadonlyMap<string, Set<string>>): [string, string[]][] {
  const areas: [string, string[]][] = [['VN', allStrata]];
  for (const p of PROVINCES) {
    const set = strataOfProvince.get(p.code);
    if (set) areas.push([p.code, [...set]]);
  }
  return areas;
}
