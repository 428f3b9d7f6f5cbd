/**
 * Source citations of the data-levels table, summarised so /api/meta stays small: citations that
 * differ only by their year or by a per-province tail ("sum of former provinces …", the weights of
 * an estimator) are one family ("…", 2010–2016; …), and each row keeps its most frequent families.
 */
import { dataLevelOf, dataLevels, type DataLevelRow, type ObservationGroup } from '@lmo/models/labour';

/** How many source families a row of /api/meta `dataLevels` lists (most rows first). */
export const MAX_LEVEL_SOURCES = 5;

/** A data-levels row with its sources capped to MAX_LEVEL_SOURCES. */
export interface LevelRowWithCounts extends DataLevelRow {
  /** Distinct source families of the row (the length of the full list `sources` is cut from). */
  sourceCount: number;
  /** Distinct raw citations of the row, before families were merged. */
  citationCount: number;
}

// Per-province tails: what follows is a list of former provinces with their figures.
const TAILS = [/; sum of former provinces .*$/, /: [^:;]*\(\d{2}\) -?[\d.,]+ %.*$/];
// The year of a PX-Web table citation: `table "…", 2016 preliminary; …`.
const YEAR = /, (\d{4})( preliminary)?(?=;|$| \()/;
const YEARS = '\u0000years\u0000';

/** The family a citation belongs to, with the year it names (null if none). */
export function citationFamily(citation: string): { family: string; year: number | null; preliminary: boolean } {
  let family = citation;
  for (const tail of TAILS) family = family.replace(tail, '');
  let year: number | null = null;
  let preliminary = false;
  family = family.replace(YEAR, (_m, y: string, p: string | undefined) => {
    year = Number(y);
    preliminary = Boolean(p);
    return `, ${YEARS}`;
  });
  return { family, year, preliminary };
}

/** `2010–2016` for a run, runs joined by commas; a preliminary last year says so. */
export function yearSpan(years: Iterable<number>, preliminary: ReadonlySet<number> = new Set()): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  const text = runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
  const prel = sorted.filter((y) => preliminary.has(y));
  return prel.length ? `${text} (${prel.join(', ')} preliminary)` : text;
}

/**
 * The data-levels table of `groups` with citations merged into families (years shown as a span)
 * and each row's `sources` capped to the `max` families with most rows; `sourceCount` and
 * `citationCount` say how many there are in all.
 */
export function dataLevelsWithSources(groups: readonly ObservationGroup[], max = MAX_LEVEL_SOURCES): LevelRowWithCounts[] {
  const citations = new Map<string, Set<string>>();
  const years = new Map<string, { years: Set<number>; preliminary: Set<number> }>();
  const merged = groups.map((g) => {
    const row = `${dataLevelOf(g)}|${g.status}`;
    let set = citations.get(row);
    if (!set) citations.set(row, (set = new Set()));
    set.add(g.source);
    const f = citationFamily(g.source);
    if (f.year !== null) {
      const key = `${row}|${f.family}`;
      let y = years.get(key);
      if (!y) years.set(key, (y = { years: new Set(), preliminary: new Set() }));
      y.years.add(f.year);
      if (f.preliminary) y.preliminary.add(f.year);
    }
    return { ...g, source: f.family };
  });
  return dataLevels(merged).map((r) => {
    const row = `${r.level}|${r.status}`;
    const label = (family: string) => {
      const y = years.get(`${row}|${family}`);
      return family.replace(YEARS, y ? yearSpan(y.years, y.preliminary) : '');
    };
    return {
      ...r,
      sources: r.sources.slice(0, max).map(label),
      sourceCount: r.sources.length,
      citationCount: citations.get(row)?.size ?? r.sources.length,
    };
  });
}

/** One line of /api/meta `sources`: a citation family with its status, rows and raw citations merged. */
export interface SourceFamilyRow {
  citation: string;
  status: string;
  rows: number;
  /** How many raw citations the family merges (1 when nothing was merged). */
  citations: number;
}

/**
 * The source list of /api/meta with citations differing only by year or a per-province tail
 * merged into one family per status (years as a span), sorted by citation. Keeps the list a
 * planner reads to a few hundred lines instead of one line per province and year.
 */
export function mergeSourceFamilies(sources: readonly { citation: string; status: string; rows: number }[]): SourceFamilyRow[] {
  const acc = new Map<string, { family: string; status: string; rows: number; citations: number; years: Set<number>; preliminary: Set<number> }>();
  for (const s of sources) {
    const f = citationFamily(s.citation);
    const key = `${s.status}|${f.family}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { family: f.family, status: s.status, rows: 0, citations: 0, years: new Set(), preliminary: new Set() }));
    a.rows += s.rows;
    a.citations++;
    if (f.year !== null) a.years.add(f.year);
    if (f.preliminary && f.year !== null) a.preliminary.add(f.year);
  }
  return [...acc.values()]
    .map((a) => ({ citation: a.family.replace(YEARS, yearSpan(a.years, a.preliminary)), status: a.status, rows: a.rows, citations: a.citations }))
    .sort((x, y) => x.citation.localeCompare(y.citation) || x.status.localeCompare(y.status));
}
