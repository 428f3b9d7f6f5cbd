/**
 * Run every converter and resolve overlaps, so each cell is in one file only.
 *
 * Priority (first wins): published annual tables by province, population,
 * the national PX-Web tables, graduates, national accounts, the NSDP LFS
 * (an annual mean of quarters yields to a published annual figure), WPP,
 * modelled rates; the hand-curated official.csv loses every cell a converted
 * file holds.
 */
import { convertEmploymentStructure } from './employment-structure';
import { convertGraduates } from './graduates';
import { convertLfs } from './lfs';
import { convertNationalAccounts } from './national-accounts';
import { curateOfficial } from './official-curated';
import { convertPopulation } from './population';
import { convertProvinces } from './provinces';
import { cellKey, serialise, type SeedFile, type SeedRows } from './rows';
import { convertWpp } from './wpp';

export interface ConvertResult {
  files: SeedFile[];
  /** Cells dropped from a lower-priority file, by file. */
  dropped: Record<string, string[]>;
}

/**
 * Convert the reference data in `dir` into seed files. `curatedText` is the
 * current official.csv (read from seeds/data when omitted).
 */
export function convertAll(dir?: string, curatedText?: string): ConvertResult {
  const [provinces, provinceRates] = convertProvinces(dir);
  const ordered: SeedRows[] = [
    provinces,
    convertPopulation(dir),
    convertEmploymentStructure(dir),
    convertGraduates(dir),
    convertNationalAccounts(dir),
    convertLfs(dir),
    convertWpp(dir),
    provinceRates,
  ];
  const taken = new Map<string, number>();
  const dropped: Record<string, string[]> = {};
  const kept = ordered.map((f) => {
    const rows = f.rows.filter((o) => {
      const k = cellKey(o);
      const prev = taken.get(k);
      if (prev === undefined) {
        taken.set(k, o.value);
        return true;
      }
      // Two GSO tables holding the same rate must agree; an LFS quarterly mean may differ from the annual table.
      if (o.unit === 'percent' && prev !== o.value) throw new Error(`${f.name}: ${k} = ${o.value} but a higher-priority file has ${prev}`);
      (dropped[f.name] ??= []).push(k);
      return false;
    });
    return { ...f, rows };
  });
  const curated = curateOfficial(new Set(taken.keys()), curatedText);
  if (curated.removed.length) dropped[curated.file.name] = curated.removed;
  const files = [...kept, curated.file].map(serialise).sort((a, b) => (a.name < b.name ? -1 : 1));
  return { files, dropped };
}
