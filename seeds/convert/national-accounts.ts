/**
 * `official-national-accounts.csv`: gross value added by VSIC section (and
 * the broad groups GSO publishes) at constant 2010 prices (2010–2023: the base
 * changes between 2009 and 2010) and at current prices, annual, from GSO's
 * NSDP release (GDPVNM.xml), billions of đồng as published.
 */
import { nsdpRows } from './lfs';
import { seedFile, type SeedRows } from './rows';

/** Build `official-national-accounts.csv`. */
export function convertNationalAccounts(dir?: string): SeedRows {
  const rows = nsdpRows('GDPVNM.xml', dir, 'A')
    .filter((o) => !o.period.includes('-Q'))
    .filter((o) => o.indicator === 'value_added_nominal' || (o.indicator === 'value_added_real' && Number(o.period) >= 2010))
    .map((o) => ({
      ...o,
      // Billions of đồng exactly as published (the test compares with the file's figure).
      source:
        o.indicator === 'value_added_real'
          ? `${o.source}, constant 2010 prices (2010 base; earlier years on the 1994 base are left out)`
          : `${o.source}, current prices`,
    }));
  return seedFile('official-national-accounts.csv', rows, ['value_added_real', 'value_added_nominal']);
}
