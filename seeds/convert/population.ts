/**
 * `official-population.csv`: GSO's average population — the NSDP release
 * (POPVNM: country, sex, the six regions, 2009–2023) and the PX-Web table by
 * province (2010–2016, 63 former provinces added into the 34 units).
 */
import type { Observation } from '@lmo/models';
import { readProvinceTable, provinceCounts } from './province-table';
import { seedFile, type SeedRows } from './rows';
import { nsdpRows } from './lfs';

const POP = 'Average population by province';

/**
 * POPVNM rows through the shared code map: total, male, female, six regions (thousands → persons).
 * Urban/rural series are not a dimension of the long format and are not mapped.
 */
export function nsdpPopulation(dir?: string): Observation[] {
  return nsdpRows('POPVNM.xml', dir, 'A').map((row) => ({
    ...row,
    value: Math.round(row.value),
    source: `${row.source}, average population${row.region !== 'VN' ? ' (regions as GSO defined them before July 2025)' : ''}`,
  }));
}

/** Build `official-population.csv`. */
export function convertPopulation(dir?: string): SeedRows {
  const nsdp = nsdpPopulation(dir);
  const have = new Set(nsdp.map((o) => `${o.region}|${o.period}`));
  // The PX-Web table repeats the country and regions: NSDP (the later release) wins where both exist.
  const px = provinceCounts(
    readProvinceTable(`Population_and_Employment/${POP}.csv`, dir, (h) => h.startsWith('Total')),
    'population',
    POP,
    false,
  ).filter((o) => !have.has(`${o.region}|${o.period}`));
  return seedFile('official-population.csv', [...nsdp, ...px], ['population', 'population_by_group']);
}
