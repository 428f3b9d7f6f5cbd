/**
 * `official-lfs.csv`: GSO's quarterly Labour Force Survey as released on the
 * National Summary Data Page (NSDP, SDMX-ML, LMIVNM.xml), and annual figures
 * as the mean of the four quarters of each complete year (stocks only).
 * The shared SDMX parser and its built-in GSO code map do the reading, so a
 * user who uploads the next NSDP release gets the same cells.
 */
import type { Observation } from '@lmo/models';
import { annualMeans, parseSdmx, sdmxToLong } from '@lmo/models/data';
import { readReference } from './reference';
import { clean, seedFile, type SeedRows } from './rows';

/** The NSDP snapshot in ../shared (thanhqtran/gso-macro-monitor, folder 2024q3). */
export const NSDP_RELEASE = 'NSDP SDMX release 2024-Q3';

/** Indicators taken from LMIVNM (earnings are not a long-format indicator). */
export const LFS_INDICATORS = [
  'labour_force',
  'employment',
  'unemployed',
  'labour_force_by_group',
  'employment_by_group',
  'unemployed_by_group',
  'unemployment_rate',
  'unemployment_rate_youth',
  'underemployment_rate',
];

const OLD_BASIS = '; pre-2021 LFS weights (before the re-weighting to the 2019 Census; not comparable with 2021 on)';

/** Rows of an NSDP message through the shared code map. */
export function nsdpRows(file: string, dir?: string, frequency: 'A' | 'Q' | 'both' = 'both'): Observation[] {
  const msg = parseSdmx(readReference(`gso_nsdp/${file}`, dir));
  if (msg.errors.length) throw new Error(`gso_nsdp/${file}: ${JSON.stringify(msg.errors[0])}`);
  const name = file.replace(/\.xml$/, '');
  const res = sdmxToLong(msg, {
    source: (s: { attrs: Record<string, string> }) => `GSO, ${NSDP_RELEASE} (${name}), ${s.attrs.INDICATOR}`,
    status: 'official',
    frequency,
    unknownSeries: 'skip',
  });
  if (!res.ok) throw new Error(`gso_nsdp/${file}: ${JSON.stringify(res.errors[0])}`);
  return res.rows;
}

/** Persons as integers, rates as published (no float noise). */
function tidy(o: Observation): Observation {
  return { ...o, value: o.unit === 'persons' ? Math.round(o.value) : clean(o.value) };
}

/** Quarterly rows and annual means of LMIVNM. */
export function lfsRows(dir?: string): Observation[] {
  const quarterly = nsdpRows('LMIVNM.xml', dir, 'Q')
    .filter((o) => LFS_INDICATORS.includes(o.indicator) && o.region === 'VN')
    .map((o) => tidy({ ...o, source: Number(o.period.slice(0, 4)) < 2021 ? o.source + OLD_BASIS : o.source }));
  // annualMeans keeps only years with all four quarters.
  const annual = annualMeans(quarterly)
    .filter((o) => o.unit === 'persons')
    .map((o) => {
      const q1 = quarterly.find((q) => q.indicator === o.indicator && q.sector === o.sector && q.period === `${o.period}-Q1`)!;
      const [head, ...rest] = q1.source.split('; ');
      const source = [`${head} (annual mean of the four quarters)`, ...rest].join('; ');
      return tidy({ ...o, source, value: o.value });
    });
  return [...quarterly, ...annual];
}

/**
 * Build `official-lfs.csv`. The build drops an annual mean where GSO's PX-Web
 * tables publish the annual figure itself (2010–2016): a published figure wins.
 */
export function convertLfs(dir?: string): SeedRows {
  return seedFile('official-lfs.csv', lfsRows(dir), LFS_INDICATORS);
}
