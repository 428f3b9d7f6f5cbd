/**
 * The "what is real" table a planner reads: for each level of detail (national
 * totals, sections, occupations, provinces, province × section × level, …)
 * which indicators exist, for which years, with which status and from which
 * sources. Derived from the loaded observations, never written by hand, so it
 * is always true to the data.
 */
import { OBSERVATION_STATUSES, type ObservationStatus } from '../data/observation';
import type { Names } from '../codes/normalize';
import { indicatorAxis } from '../codes/indicators';
import { getFormerProvince, getRegion } from '../codes/regions';
import { getSector } from '../codes/sectors';

/** Levels of detail, in the order the table lists them. */
export const DATA_LEVELS = [
  { id: 'national-total', vi: 'Toàn quốc, tổng số', en: 'National totals' },
  { id: 'national-broad-sector', vi: 'Toàn quốc theo khu vực kinh tế', en: 'National, by broad sector' },
  { id: 'national-section', vi: 'Toàn quốc theo ngành cấp 1 (VSIC)', en: 'National, by VSIC section' },
  { id: 'national-qualification', vi: 'Toàn quốc theo trình độ', en: 'National, by qualification' },
  { id: 'national-section-qualification', vi: 'Toàn quốc theo ngành và trình độ', en: 'National, by section and qualification' },
  { id: 'national-occupation', vi: 'Toàn quốc theo nghề', en: 'National, by occupation' },
  { id: 'national-group', vi: 'Theo giới tính và nhóm tuổi', en: 'By sex and age group' },
  { id: 'new-fields', vi: 'Lĩnh vực mới', en: 'New fields' },
  { id: 'regions', vi: 'Vùng kinh tế – xã hội', en: 'Socio-economic regions' },
  { id: 'provinces', vi: 'Tỉnh, thành phố (tổng số)', en: 'Provinces (totals)' },
  { id: 'province-section-qualification', vi: 'Tỉnh × ngành × trình độ', en: 'Province × section × qualification' },
  { id: 'graduates', vi: 'Người tốt nghiệp theo trình độ', en: 'Graduates by level' },
  { id: 'exits', vi: 'Người rời thị trường lao động', en: 'Exits from employment' },
  { id: 'vacancies', vi: 'Chỗ làm việc trống', en: 'Job vacancies' },
  { id: 'population', vi: 'Dân số (theo tuổi và giới tính)', en: 'Population (by age and sex)' },
  { id: 'value-added', vi: 'Giá trị tăng thêm theo ngành', en: 'Value added by section' },
  { id: 'other', vi: 'Khác', en: 'Other' },
] as const satisfies readonly (Names & { id: string })[];

export type DataLevelId = (typeof DATA_LEVELS)[number]['id'];

/** Indicators that form their own level wherever they are observed. */
const INDICATOR_LEVELS: Record<string, DataLevelId> = {
  graduates: 'graduates',
  graduates_higher_education: 'graduates',
  exits: 'exits',
  vacancies: 'vacancies',
  population: 'population',
  population_by_group: 'population',
  value_added_real: 'value-added',
  value_added_nominal: 'value-added',
};

/** The coordinates that decide a level. */
export interface LevelKey {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
}

/** Level of detail of one cell. */
export function dataLevelOf(k: LevelKey): DataLevelId {
  const own = INDICATOR_LEVELS[k.indicator] ?? (k.indicator.startsWith('graduates') ? 'graduates' : undefined);
  if (own) return own;
  const axis = indicatorAxis(k.indicator);
  if (axis === 'group') return 'national-group';
  if (axis === 'occupation') return 'national-occupation';
  const sector = getSector(k.sector);
  if (sector?.level === 'field') return 'new-fields';
  // A former (pre-2025) province code counts as a province: the 63-province tables stay reachable.
  const level = getRegion(k.region)?.level ?? (getFormerProvince(k.region) ? 'province' : undefined);
  const total = k.sector === 'TOTAL';
  const all = k.qualification === 'ALL';
  if (level === 'country') {
    if (total) return all ? 'national-total' : 'national-qualification';
    if (!all) return 'national-section-qualification';
    return sector?.level === 'broad' ? 'national-broad-sector' : 'national-section';
  }
  if (level === 'region') return 'regions';
  if (level === 'province') return total && all ? 'provinces' : 'province-section-qualification';
  return 'other';
}

/** Observations of one cell with one status and source, summarised (what a GROUP BY gives). */
export interface ObservationGroup extends LevelKey {
  status: string;
  source: string;
  /** Smallest and largest period label (`2011`, `2024-Q3`). */
  minPeriod: string;
  maxPeriod: string;
  /** Smallest and largest annual period, null when the group has none. */
  minYear: number | null;
  maxYear: number | null;
  /** True when some periods are quarters. */
  quarterly: boolean;
  rows: number;
}

/** One line of the table: a level with one status. */
export interface DataLevelRow {
  level: DataLevelId;
  nameVi: string;
  nameEn: string;
  status: ObservationStatus;
  from: string;
  to: string;
  firstYear: number | null;
  lastYear: number | null;
  frequencies: ('annual' | 'quarterly')[];
  indicators: { code: string; from: string; to: string; rows: number }[];
  rows: number;
  /** Distinct citations, most rows first. */
  sources: string[];
}

const minOf = (a: string, b: string) => (b < a ? b : a);
const maxOf = (a: string, b: string) => (b > a ? b : a);

/** The table from grouped observations (see ObservationGroup), ordered by level then status. */
export function dataLevels(groups: Iterable<ObservationGroup>): DataLevelRow[] {
  interface Acc {
    row: DataLevelRow;
    indicators: Map<string, DataLevelRow['indicators'][number]>;
    sources: Map<string, number>;
    annual: boolean;
    quarterly: boolean;
  }
  const acc = new Map<string, Acc>();
  const names = new Map<string, Names>(DATA_LEVELS.map((l) => [l.id, l]));
  for (const g of groups) {
    const status = g.status as ObservationStatus;
    const level = dataLevelOf(g);
    const key = `${level}|${status}`;
    let a = acc.get(key);
    if (!a) {
      const n = names.get(level)!;
      a = {
        row: {
          level,
          nameVi: n.vi,
          nameEn: n.en,
          status,
          from: g.minPeriod,
          to: g.maxPeriod,
          firstYear: null,
          lastYear: null,
          frequencies: [],
          indicators: [],
          rows: 0,
          sources: [],
        },
        indicators: new Map(),
        sources: new Map(),
        annual: false,
        quarterly: false,
      };
      acc.set(key, a);
    }
    const r = a.row;
    r.from = minOf(r.from, g.minPeriod);
    r.to = maxOf(r.to, g.maxPeriod);
    if (g.minYear !== null) r.firstYear = r.firstYear === null ? g.minYear : Math.min(r.firstYear, g.minYear);
    if (g.maxYear !== null) r.lastYear = r.lastYear === null ? g.maxYear : Math.max(r.lastYear, g.maxYear);
    if (g.minYear !== null) a.annual = true;
    if (g.quarterly) a.quarterly = true;
    r.rows += g.rows;
    const ind = a.indicators.get(g.indicator);
    if (ind) {
      ind.from = minOf(ind.from, g.minPeriod);
      ind.to = maxOf(ind.to, g.maxPeriod);
      ind.rows += g.rows;
    } else a.indicators.set(g.indicator, { code: g.indicator, from: g.minPeriod, to: g.maxPeriod, rows: g.rows });
    a.sources.set(g.source, (a.sources.get(g.source) ?? 0) + g.rows);
  }
  const levelOrder = new Map<string, number>(DATA_LEVELS.map((l, i) => [l.id, i]));
  const statusOrder = new Map<string, number>(OBSERVATION_STATUSES.map((s, i) => [s, i]));
  return [...acc.values()]
    .map((a) => ({
      ...a.row,
      frequencies: [...(a.annual ? ['annual' as const] : []), ...(a.quarterly ? ['quarterly' as const] : [])],
      indicators: [...a.indicators.values()].sort((x, y) => x.code.localeCompare(y.code)),
      sources: [...a.sources].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([s]) => s),
    }))
    .sort((x, y) => levelOrder.get(x.level)! - levelOrder.get(y.level)! || (statusOrder.get(x.status) ?? 9) - (statusOrder.get(y.status) ?? 9));
}

const YEAR = /^\d{4}$/;

/** Group raw observations (same shape as a SQL GROUP BY would give) — for tests and small datasets. */
export function groupObservations(observations: Iterable<LevelKey & { period: string; status: string; source: string }>): ObservationGroup[] {
  const out = new Map<string, ObservationGroup>();
  for (const o of observations) {
    const key = `${o.indicator}|${o.region}|${o.sector}|${o.qualification}|${o.status}|${o.source}`;
    const year = YEAR.test(o.period) ? Number(o.period) : null;
    const g = out.get(key);
    if (!g) {
      out.set(key, {
        indicator: o.indicator,
        region: o.region,
        sector: o.sector,
        qualification: o.qualification,
        status: o.status,
        source: o.source,
        minPeriod: o.period,
        maxPeriod: o.period,
        minYear: year,
        maxYear: year,
        quarterly: year === null,
        rows: 1,
      });
      continue;
    }
    g.minPeriod = minOf(g.minPeriod, o.period);
    g.maxPeriod = maxOf(g.maxPeriod, o.period);
    if (year !== null) {
      g.minYear = g.minYear === null ? year : Math.min(g.minYear, year);
      g.maxYear = g.maxYear === null ? year : Math.max(g.maxYear, year);
    } else g.quarterly = true;
    g.rows++;
  }
  return [...out.values()];
}
