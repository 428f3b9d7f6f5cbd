/**
 * `international-wpp.csv`: UN World Population Prospects 2019 for Viet Nam
 * (medium variant), population by single year of age and sex (thousands)
 * aggregated to 5-year groups by sex, and the population aged 15+ (both
 * sexes), 2000–2050, in persons.
 */
import type { Observation } from '@lmo/models';
import { readReference } from './reference';
import { obs, seedFile, type SeedRows } from './rows';

/** Years written (the model's history and horizon). */
export const WPP_YEARS = { from: 2000, to: 2050 };

const SOURCE =
  'UN DESA, World Population Prospects 2019, medium variant (estimates to 2020, projection after), ' +
  'population by single age aggregated to 5-year groups (open-numbers/ddf--unpop--wpp_population, commit 2eee2208)';

const groupOf = (age: number) => (age >= 100 ? '100+' : `${age - (age % 5)}-${age - (age % 5) + 4}`);

/** Build `international-wpp.csv`. */
export function convertWpp(dir?: string): SeedRows {
  const text = readReference('un_wpp2019/population_vnm_by_age1_gender.csv', dir);
  // Plain numeric CSV without quotes (checked by the header test below): a split is enough.
  const [header, ...data] = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  if (header.join(',') !== 'country,time,age1yearinterval,gender,population') throw new Error(`un_wpp2019: unexpected header ${header.join(',')}`);
  // Sum in persons (integers: the file has at most three decimals of thousands) so totals carry no float noise.
  const sums = new Map<string, number>();
  const add = (k: string, v: number) => sums.set(k, (sums.get(k) ?? 0) + v);
  for (const [country, time, age, gender, pop] of data) {
    const year = Number(time);
    if (country !== '704' || year < WPP_YEARS.from || year > WPP_YEARS.to) continue;
    const sex = gender === '1' ? 'M' : gender === '2' ? 'F' : null;
    if (!sex) throw new Error(`un_wpp2019: unknown gender ${gender}`);
    const persons = Math.round(Number(pop) * 1000);
    add(`${year}|${sex}:${groupOf(Number(age))}`, persons);
    if (Number(age) >= 15) add(`${year}|T:15+`, persons);
  }
  const rows: Observation[] = [...sums].map(([k, v]) => {
    const [year, group] = k.split('|');
    return obs('population_by_group', year, v, 'persons', SOURCE, 'international', { sector: group });
  });
  return seedFile('international-wpp.csv', rows);
}
