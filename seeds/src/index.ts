/**
 * The baseline dataset a fresh install starts with: committed CSVs in
 * seeds/data — real files written by seeds/convert (official-*.csv,
 * international-*.csv, modelled-*.csv) and the hand-curated official.csv, plus
 * the generator's illustrative-*.csv (see seeds/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Observation } from '@lmo/models';
import { parseLongCsv } from '@lmo/models/data';
import { cellKey } from './anchors';

/** Absolute path of seeds/data. */
export const SEED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

/** Absolute paths of every seed CSV in seeds/data, sorted by name (deterministic load order). */
export const SEED_FILES: string[] = (() => {
  let names: string[] = [];
  try {
    names = readdirSync(SEED_DIR).filter((f) => f.endsWith('.csv'));
  } catch {
    return [];
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((f) => join(SEED_DIR, f));
})();

/**
 * Read every seed file through the long-format parser (the same one uploads
 * use). Throws with file, line and column on any error, or on a cell that
 * appears in two files.
 */
export function readSeedObservations(files: readonly string[] = SEED_FILES): Observation[] {
  if (files.length === 0) throw new Error(`No seed CSVs found in ${SEED_DIR}; run: pnpm --filter @lmo/seeds convert && pnpm --filter @lmo/seeds generate`);
  const rows: Observation[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const r = parseLongCsv(readFileSync(file, 'utf8'));
    if (!r.ok) {
      const e = r.errors[0];
      throw new Error(`${file}:${e.line} (${e.column ?? 'row'}): ${e.message} [${r.stats.errorCount} error(s)]`);
    }
    for (const o of r.rows) {
      const key = cellKey(o);
      const other = seen.get(key);
      if (other) throw new Error(`${file}: cell ${key} is also in ${other}`);
      seen.set(key, file);
      rows.push(o);
    }
  }
  return rows;
}
export * from './system-backtest';
