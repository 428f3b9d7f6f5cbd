/**
 * `official.csv` is hand-curated: figures GSO or MOLISA published that no
 * converted release holds (2024–2025 national totals, broad-sector counts and
 * shares, trained shares from 2019, MOLISA's broad trained share). A row whose
 * cell a converted file now holds is removed here: GSO's own release beats a
 * second-hand citation (newspapers, a textbook, a university report).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLongCsv } from '@lmo/models/data';
import { SEED_DIR } from '../src/index';
import { cellKey, seedFile, type SeedRows } from './rows';

/** Name of the hand-curated file in seeds/data. */
export const CURATED = 'official.csv';

/** The curated rows minus the cells in `taken`; `removed` lists the cells dropped. */
export function curateOfficial(taken: ReadonlySet<string>, text = readFileSync(join(SEED_DIR, CURATED), 'utf8')): { file: SeedRows; removed: string[] } {
  const r = parseLongCsv(text);
  if (!r.ok) throw new Error(`${CURATED}:${r.errors[0].line}: ${r.errors[0].message}`);
  const removed = r.rows.filter((o) => taken.has(cellKey(o))).map(cellKey);
  const kept = r.rows.filter((o) => !taken.has(cellKey(o)));
  // Keep the curated order (it groups rows by topic), so the file stays readable by hand.
  return { file: { ...seedFile(CURATED, kept), keepOrder: true }, removed };
}
