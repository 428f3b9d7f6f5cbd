import type { ObservationStatus } from './observation';
import { foldKey } from '../codes/normalize';
import { resolveRegion } from '../codes/regions';
import { periodFromColumn } from './wide-table';

/** A starting point for a `WideMapping`, shown to the person uploading so they can confirm it. */
export interface WideMappingSuggestion {
  periodColumns: string[];
  regionColumn?: string;
  sectorColumn?: string;
  indicator?: string;
  unit?: 'persons' | 'percent';
  status?: ObservationStatus;
  source?: string;
  codeMap?: Record<string, string>;
  /** The file's own series code (World Bank `Indicator Code`, ILO `indicator`), when it has one. */
  seriesCode?: string;
  /** With data rows: how many rows the code map keeps and which values it leaves out (first few). */
  regionValues?: { mapped: number; skipped: number; skippedExamples: string[] };
  /** Why the guesses were made and what to check. */
  notes: string[];
}

// Viet Nam as international files write it: ISO 3166 alpha-3/alpha-2/numeric, World Bank, ILO, UN and IMF names.
const VIET_NAM = new Set(['vnm', 'vn', '704', 'vietnam', 'vietnam(the)', 'socialistrepublicofvietnam', 'vietnamsocialistrepublicof'].map(foldKey));

/**
 * The LMO region code of a country/area value from a file: Viet Nam in any of
 * its international spellings (`VNM`, `Viet Nam`, `Vietnam`, `704`) → `VN`, and
 * LMO's own region codes and names (provinces, former provinces) → their code.
 * Other countries → undefined.
 */
export function knownAreaCode(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (VIET_NAM.has(foldKey(v))) return 'VN';
  return resolveRegion(v)?.code;
}

// World Bank WDI codes we can map with confidence. They are ILO modelled estimates published by the
// World Bank: status `international` (observation.ts: UN, ILO, World Bank), never `official` (GSO).
const WDI: Record<string, { indicator?: string; unit: 'persons' | 'percent'; note: string }> = {
  'SL.TLF.TOTL.IN': {
    indicator: 'labour_force',
    unit: 'persons',
    note: 'WDI SL.TLF.TOTL.IN is an ILO modelled estimate of the labour force 15+ published by the World Bank (not GSO\'s LFS figure): status "international".',
  },
  'SL.UEM.TOTL.ZS': {
    unit: 'percent',
    note: "WDI SL.UEM.TOTL.ZS is the ILO modelled unemployment rate for ages 15+; LMO's unemployment_rate is GSO's working-age rate, so no indicator is suggested.",
  },
};

const REGION_WORDS = /country|region|province|tinh|vung|khuvuc|diaphuong|geo|area|economy/;
const CODE_WORDS = /code|^ma|iso/;
const SECTOR_WORDS = /sector|nganh|industry|vsic|activity/;

/**
 * Guesses a mapping from a wide header (and, optionally, the first data row):
 * period columns are those named like years or quarters; the region column is
 * the one naming a country/region/province, preferring a code column
 * (`Country Code` over `Country Name`); a sector column likewise. For World
 * Bank files with a known `Indicator Code` it also proposes the indicator,
 * unit, status (`international`) and a code map `VNM` → `VN`.
 *
 * With `rows` (the data rows), the code map is built from the region column's
 * values (`knownAreaCode`: Viet Nam in any spelling, LMO regions and
 * provinces), and the series code is read from the Viet Nam row if there is one.
 */
export function suggestWideMapping(header: string[], firstRow?: string[], rows?: readonly string[][]): WideMappingSuggestion {
  const notes: string[] = [];
  const periodColumns = header.filter((h) => periodFromColumn(h) !== null);
  const others = header.map((h, i) => ({ h, i, key: foldKey(h) })).filter((c) => c.h !== '' && periodFromColumn(c.h) === null);
  const pick = (words: RegExp) => {
    const hits = others.filter((c) => words.test(c.key));
    return (hits.find((c) => CODE_WORDS.test(c.key)) ?? hits[0])?.h;
  };
  const out: WideMappingSuggestion = { periodColumns, notes };
  out.regionColumn = pick(REGION_WORDS);
  out.sectorColumn = pick(SECTOR_WORDS);
  if (periodColumns.length === 0) notes.push('No column is named like a period (2023, 2023-Q4, 2023 [YR2023]): list the period columns yourself.');
  if (!out.regionColumn && !out.sectorColumn) notes.push('No region or sector column recognised: choose one, or set a fixed region such as VN.');

  const regionIdx = out.regionColumn ? header.indexOf(out.regionColumn) : -1;
  if (rows && regionIdx >= 0) {
    firstRow = rows.find((r) => knownAreaCode(r[regionIdx] ?? '') === 'VN') ?? firstRow ?? rows[0];
  }
  const indicatorCodeIdx = others.find((c) => c.key === 'indicatorcode' || c.key === 'seriescode' || c.key === 'indicator')?.i;
  const code = indicatorCodeIdx !== undefined && firstRow ? (firstRow[indicatorCodeIdx] ?? '').trim() : '';
  if (code) out.seriesCode = code;
  const wdi = WDI[code];
  if (wdi) {
    out.unit = wdi.unit;
    out.status = 'international';
    out.source = `World Bank, World Development Indicators, ${code} (ILO modelled estimate)`;
    if (wdi.indicator) out.indicator = wdi.indicator;
    notes.push(wdi.note);
  }
  if (rows && regionIdx >= 0) {
    const codeMap: Record<string, string> = {};
    const skippedExamples: string[] = [];
    let mapped = 0;
    let skipped = 0;
    for (const r of rows) {
      const value = (r[regionIdx] ?? '').trim();
      const to = Object.hasOwn(codeMap, value) ? codeMap[value] : knownAreaCode(value);
      if (to) {
        codeMap[value] = to;
        mapped++;
      } else {
        skipped++;
        if (skippedExamples.length < 5 && value) skippedExamples.push(value);
      }
    }
    out.regionValues = { mapped, skipped, skippedExamples };
    if (mapped > 0) out.codeMap = codeMap;
    notes.push(
      mapped > 0
        ? `"${out.regionColumn}": ${mapped} row(s) map to LMO regions (${[...new Set(Object.values(codeMap))].slice(0, 5).join(', ')}); ${skipped} other row(s) are skipped.`
        : `No value of "${out.regionColumn}" is Viet Nam or a Vietnamese region: map them yourself.`,
    );
  } else if (out.regionColumn && /iso|countrycode|economycode/.test(foldKey(out.regionColumn))) {
    out.codeMap = { VNM: 'VN' };
    notes.push(`"${out.regionColumn}" holds ISO3 country codes: only VNM is mapped (to VN); other countries are skipped.`);
  }
  return out;
}
