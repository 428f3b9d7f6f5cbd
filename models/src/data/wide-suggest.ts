import type { ObservationStatus } from './observation';
import { foldKey } from '../labour/codes-normalize';
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
  /** Why the guesses were made and what to check. */
  notes: string[];
}

// World Bank WDI codes we can map with confidence. ILO modelled estimates are modelled, not official.
const WDI: Record<string, { indicator?: string; unit: 'persons' | 'percent'; note: string }> = {
  'SL.TLF.TOTL.IN': { indicator: 'labour_force', unit: 'persons', note: 'WDI SL.TLF.TOTL.IN is an ILO modelled estimate of the labour force 15+ (not GSO\'s LFS figure): status "modelled".' },
  'SL.UEM.TOTL.ZS': { unit: 'percent', note: 'WDI SL.UEM.TOTL.ZS is the ILO modelled unemployment rate for ages 15+; LMO\'s unemployment_rate is GSO\'s working-age rate, so no indicator is suggested.' },
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
 * unit, status and a code map `VNM` → `VN`.
 */
export function suggestWideMapping(header: string[], firstRow?: string[]): WideMappingSuggestion {
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

  const indicatorCodeIdx = others.find((c) => c.key === 'indicatorcode' || c.key === 'seriescode')?.i;
  const wdi = indicatorCodeIdx !== undefined && firstRow ? WDI[(firstRow[indicatorCodeIdx] ?? '').trim()] : undefined;
  if (wdi && firstRow) {
    const code = firstRow[indicatorCodeIdx!].trim();
    out.unit = wdi.unit;
    out.status = 'modelled';
    out.source = `World Bank, World Development Indicators, ${code} (ILO modelled estimate)`;
    if (wdi.indicator) out.indicator = wdi.indicator;
    notes.push(wdi.note);
  }
  if (out.regionColumn && /iso|countrycode|economycode/.test(foldKey(out.regionColumn))) {
    out.codeMap = { VNM: 'VN' };
    notes.push(`"${out.regionColumn}" holds ISO3 country codes: only VNM is mapped (to VN); other countries are skipped.`);
  }
  return out;
}
