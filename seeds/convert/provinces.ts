/**
 * `official-provinces.csv` (labour force 15+, employment-to-population ratio
 * and trained share by province, 2010–2016) and `modelled-province-rates.csv`
 * (the two rates for units merged from several former provinces).
 */
import { readProvinceTable, provinceCounts, provinceRates } from './province-table';
import { seedFile, type SeedRows } from './rows';

const PE = 'Population_and_Employment';
const LF = 'Labour force at 15 years of age and above by province';
const ER = 'Percentage of employed workers at 15 years of age and above among population by province';
const TS = 'Percentage of trained employed workers at 15 years of age and above by province';
const POP = 'Average population by province';

const ORDER = ['labour_force', 'employment_rate', 'trained_share_certified'];

/** Build the province files from the reference data in `dir`. */
export function convertProvinces(dir?: string): SeedRows[] {
  const lf = readProvinceTable(`${PE}/${LF}.csv`, dir);
  const er = readProvinceTable(`${PE}/${ER}.csv`, dir);
  const ts = readProvinceTable(`${PE}/${TS}.csv`, dir);
  const pop = readProvinceTable(`${PE}/${POP}.csv`, dir, (h) => h.startsWith('Total'));
  const counts = provinceCounts(lf, 'labour_force', LF);
  const rates1 = provinceRates(
    er,
    'employment_rate',
    ER,
    pop,
    `GSO average population (table "${POP}") as weights, since population 15+ by province is not in the database`,
  );
  const rates2 = provinceRates(
    ts,
    'trained_share_certified',
    TS,
    lf,
    `GSO labour force 15+ (table "${LF}") as weights, standing in for employed persons by province`,
  );
  return [
    seedFile('official-provinces.csv', [...counts, ...rates1.official, ...rates2.official], ORDER),
    seedFile('modelled-province-rates.csv', [...rates1.modelled, ...rates2.modelled], ORDER),
  ];
}
