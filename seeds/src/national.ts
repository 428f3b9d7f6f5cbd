/**
 * National margins of the illustrative employment cells, per year, from the
 * real seed rows (anchors): the total, the 21 section totals and the five
 * qualification-level totals, all integers that add up to the total.
 *
 * - Total: GSO's figure from 2021 (new LFS basis); before 2021 GSO's old-basis
 *   figure × SPLICE (back-cast to the 2021 basis, so cell histories form one
 *   series); after the last GSO year, the last growth rate continues.
 * - Sections: GSO's own section shares where the table exists (2010–2016);
 *   from 2021 the broad sectors A / B-F / G-U follow GSO's counts (interpolated
 *   between published years) split into sections by SECTION_2021 (U); years in
 *   between move linearly from the last GSO structure to the 2021 structure.
 * - Levels: GSO's trained share (interpolated between published years) split
 *   by GSO's composition by qualification, drifting after its last year (U).
 */
import { SECTION_CODES, sectionsOf } from '@lmo/models/codes';
import { interpolate, type Anchors } from './anchors';
import { AGRICULTURE_SLOPE_AFTER, LEVEL_SPLIT_DRIFT, SECTION_2021, SPLICE, TRAINED_SLOPE_AFTER } from './assumptions';
import { largestRemainder } from './rounding';

const BROAD = ['A', 'B-F', 'G-U'] as const;
const TRAINED_LEVELS = ['elementary', 'intermediate', 'college', 'university'] as const;
const NEW_BASIS = 2021;

export interface NationalYear {
  year: number;
  /** Persons; the leaves add up to exactly this. */
  total: number;
  /** Is `total` itself a GSO figure (then the generator does not write it)? */
  totalIsOfficial: boolean;
  /** 21 section totals (order of SECTION_CODES). */
  secTotals: number[];
  /** Five level totals (order of QUALIFICATION_LEVELS). */
  levels: number[];
  /** How the total was obtained (GSO figure; GSO old basis × SPLICE; extrapolated from GSO `from`). */
  kind: 'official' | 'backcast' | 'extrapolated';
  from: number;
  /** Do the section shares / level shares / broad sectors come straight from a GSO table of this year? */
  sectionsReal: boolean;
  levelsReal: boolean;
  broadOfficial: boolean;
  /** Last GSO section table before this year (for years between it and 2021). */
  sectionsFrom?: number;
}

const known = (a: Anchors, indicator: string, region: string, sector: string, qualification: string, pick: (y: number) => boolean) =>
  new Map(
    a
      .years(indicator, region, sector, qualification)
      .filter(pick)
      .map((y) => [y, a.value(indicator, y, region, sector, qualification)!]),
  );

/** National employment of a year on the 2021 basis, and how it was obtained. */
export function nationalTotal(a: Anchors, year: number): { value: number; kind: 'official' | 'backcast' | 'extrapolated'; from: number } {
  const off = a.value('employment', year);
  if (year >= NEW_BASIS && off !== undefined) return { value: Math.round(off), kind: 'official', from: year };
  if (year < NEW_BASIS) {
    const old = known(a, 'employment', 'VN', 'TOTAL', 'ALL', (y) => y < NEW_BASIS);
    if (old.size === 0) throw new Error('anchors: no GSO national employment before 2021 (employment,<year>,VN,TOTAL,ALL)');
    return { value: Math.round((interpolate(old, year) * SPLICE) / 1000) * 1000, kind: 'backcast', from: year };
  }
  const recent = a.years('employment').filter((y) => y >= NEW_BASIS && y < year);
  if (recent.length < 2) throw new Error(`anchors: need two GSO national employment figures from 2021 to extrapolate ${year}`);
  const [y0, y1] = recent.slice(-2);
  const g = a.value('employment', y1)! / a.value('employment', y0)!;
  return { value: Math.round((a.value('employment', y1)! * g ** (year - y1)) / 1000) * 1000, kind: 'extrapolated', from: y1 };
}

/** Broad-sector totals from 2021: GSO counts where all three are published, else interpolated shares. */
function broadTotals(a: Anchors, year: number, total: number): { values: number[]; official: boolean } {
  const full = a.years('employment', 'VN', 'A').filter((y) => y >= NEW_BASIS && BROAD.every((b) => a.value('employment', y, 'VN', b) !== undefined));
  if (full.length === 0) throw new Error('anchors: no GSO broad-sector employment (A, B-F, G-U) from 2021');
  const counts = (y: number) => BROAD.map((b) => a.value('employment', y, 'VN', b)!);
  if (full.includes(year)) return { values: largestRemainder(counts(year), total), official: true };
  const aShare = new Map(
    a
      .years('employment', 'VN', 'A')
      .filter((y) => y >= NEW_BASIS)
      .map((y) => {
        const t = a.value('employment', y) ?? counts(y).reduce((s, v) => s + v, 0);
        return [y, a.value('employment', y, 'VN', 'A')! / t];
      }),
  );
  const bfFrac = new Map(full.map((y) => [y, counts(y)[1] / (counts(y)[1] + counts(y)[2])]));
  const slope = full.length > 1 ? (bfFrac.get(full[full.length - 1])! - bfFrac.get(full[0])!) / (full[full.length - 1] - full[0]) : 0;
  const as = interpolate(aShare, year, AGRICULTURE_SLOPE_AFTER / 100);
  const bf = interpolate(bfFrac, year, slope);
  return { values: largestRemainder([as, (1 - as) * bf, (1 - as) * (1 - bf)], total), official: false };
}

/** The sections of broad sector `b` (indices into SECTION_CODES) and their SECTION_2021 weights in `year` (U, with drift). */
function sectionWeights(b: (typeof BROAD)[number], year: number): { idx: number[]; w: number[] } {
  const idx = sectionsOf(b).map((c) => SECTION_CODES.indexOf(c));
  return { idx, w: idx.map((i) => SECTION_2021[SECTION_CODES[i]][0] * (1 + SECTION_2021[SECTION_CODES[i]][1]) ** (year - NEW_BASIS)) };
}

/** Section shares of the 2021+ structure (sums to 1). */
function structureFrom2021(a: Anchors, year: number, total: number): number[] {
  const broad = broadTotals(a, year, total).values;
  const shares = new Array<number>(SECTION_CODES.length).fill(0);
  BROAD.forEach((b, bi) => {
    const { idx, w } = sectionWeights(b, year);
    const sw = w.reduce((s, v) => s + v, 0);
    idx.forEach((i, k) => (shares[i] = (broad[bi] / total) * (w[k] / sw)));
  });
  return shares;
}

/** Years (before 2021) with GSO employment for all 21 sections. */
function realSectionYears(a: Anchors): number[] {
  return a
    .years('employment', 'VN', SECTION_CODES[0])
    .filter((y) => y < NEW_BASIS && SECTION_CODES.every((s) => a.value('employment', y, 'VN', s) !== undefined));
}

function sectionTotals(a: Anchors, year: number, total: number): { values: number[]; real: boolean; from?: number } {
  const real = realSectionYears(a);
  const realShares = (y: number) => {
    const v = SECTION_CODES.map((s) => a.value('employment', y, 'VN', s)!);
    const sum = v.reduce((s, x) => s + x, 0);
    return v.map((x) => x / sum);
  };
  if (real.includes(year)) return { values: largestRemainder(realShares(year), total), real: true };
  if (year >= NEW_BASIS) {
    // Broad sectors from GSO, sections within them by SECTION_2021 (U) with its drift.
    const broad = broadTotals(a, year, total).values;
    const out = new Array<number>(SECTION_CODES.length).fill(0);
    BROAD.forEach((b, bi) => {
      const { idx, w } = sectionWeights(b, year);
      largestRemainder(w, broad[bi]).forEach((v, k) => (out[idx[k]] = v));
    });
    return { values: out, real: false };
  }
  const s1 = structureFrom2021(a, NEW_BASIS, nationalTotal(a, NEW_BASIS).value);
  if (real.length === 0) return { values: largestRemainder(s1, total), real: false };
  // Between the last GSO section table and 2021: move linearly from one structure to the other.
  const from = [...real].reverse().find((y) => y < year) ?? real[0];
  const w = Math.min(1, Math.max(0, (year - from) / (NEW_BASIS - from)));
  const s0 = realShares(from);
  return {
    values: largestRemainder(
      s0.map((x, i) => (1 - w) * x + w * s1[i]),
      total,
    ),
    real: false,
    from,
  };
}

/** National totals per qualification level (integers summing to `total`). */
export function levelTotals(a: Anchors, year: number, total: number): { values: number[]; real: boolean } {
  const trained = known(a, 'trained_share_certified', 'VN', 'TOTAL', 'ALL', () => true);
  if (trained.size === 0) throw new Error('anchors: no GSO trained share (trained_share_certified,<year>,VN,TOTAL,ALL)');
  const t = interpolate(trained, year, TRAINED_SLOPE_AFTER);
  const compYears = a
    .years('trained_share_certified', 'VN', 'TOTAL', 'university')
    .filter((y) => TRAINED_LEVELS.every((q) => a.value('trained_share_certified', y, 'VN', 'TOTAL', q) !== undefined));
  if (compYears.length === 0) throw new Error('anchors: no GSO trained share by qualification (trained_share_certified,<year>,VN,TOTAL,<level>)');
  const comp = (y: number) => {
    const v = TRAINED_LEVELS.map((q) => a.value('trained_share_certified', y, 'VN', 'TOTAL', q)!);
    const sum = v.reduce((s, x) => s + x, 0);
    return v.map((x) => x / sum);
  };
  const last = compYears[compYears.length - 1];
  const base = compYears.includes(year) ? year : year > last ? last : (compYears.find((y) => y > year) ?? last);
  const c = comp(base).map((x, i) => Math.max(0.001, x + (year > last ? LEVEL_SPLIT_DRIFT[TRAINED_LEVELS[i]] * (year - last) : 0)));
  const cs = c.reduce((s, x) => s + x, 0);
  return { values: largestRemainder([100 - t, ...c.map((x) => (t * x) / cs)], total), real: compYears.includes(year) && trained.has(year) };
}

/** National margins for every year. */
export function nationalYears(a: Anchors, years: readonly number[]): NationalYear[] {
  return years.map((year) => {
    const nt = nationalTotal(a, year);
    const sec = sectionTotals(a, year, nt.value);
    const lv = levelTotals(a, year, nt.value);
    return {
      year,
      total: nt.value,
      totalIsOfficial: nt.kind === 'official',
      secTotals: sec.values,
      levels: lv.values,
      kind: nt.kind,
      from: nt.from,
      sectionsReal: sec.real,
      levelsReal: lv.real,
      sectionsFrom: sec.from,
      broadOfficial: year >= NEW_BASIS && broadTotals(a, year, nt.value).official,
    };
  });
}

/**
 * What a year's employment cells are anchored to, in words (the tail of the
 * rows' source text). `provincesReal`: province shares from a GSO table of that year.
 */
export function employmentAnchor(n: NationalYear, provincesReal: boolean): string {
  if (n.kind === 'official') return `sums to GSO ${n.year} national employment${n.broadOfficial ? ' and broad sectors' : ''}`;
  if (n.kind === 'extrapolated') return `national total extrapolated from GSO ${n.from}`;
  const parts = [provincesReal && 'province', n.sectionsReal && 'section', n.levelsReal && 'level'].filter(Boolean);
  const shares = parts.length > 0 ? `GSO ${n.year} ${parts.join('/')} shares` : `shares move from GSO ${n.sectionsFrom ?? 2016} to 2021`;
  return `${shares} on the 2021 LFS basis`;
}
