/**
 * `official-graduates.csv`: university and college graduates per year
 * (GSO online database, Education, "University and college education";
 * MOET's count, both levels together: the table has no split by level).
 */
import type { Observation } from '@lmo/models';
import { pxSource, readPxTable, wideCells } from './px-series';
import { obs, seedFile, thousandsToPersons, type SeedRows } from './rows';

const TABLE = 'University and college education';
/** Indicator of graduates of universities and colleges together (both levels: GSO's table has no split). */
export const GRADUATES_HIGHER = 'graduates_higher_education';

/** Build `official-graduates.csv` (2000–2016: the years with a published total). */
export function convertGraduates(dir?: string): SeedRows {
  const t = readPxTable(`Education/${TABLE}.csv`, dir);
  const rows: Observation[] = wideCells({
    ...t,
    rows: t.rows.filter((r) => r[0] === 'Number' && r[1].startsWith('Graduates (')).map((r) => [r[1], ...r.slice(2)]),
    header: [t.header[1], ...t.header.slice(2)],
  }).map((c) =>
    obs(
      GRADUATES_HIGHER,
      String(c.year),
      thousandsToPersons(c.value),
      'persons',
      pxSource(TABLE, c.year, c.preliminary, '; "Graduates (Thous. students)", universities and colleges together (MOET)', false),
      'official',
    ),
  );
  return seedFile('official-graduates.csv', rows);
}
