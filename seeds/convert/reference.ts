/**
 * Where the converters find GSO's and the UN's published files: the read-only
 * `../shared/reference/data` beside the repository (see its README.md for
 * provenance and checksums). Only the converters and benchmarks read it; the
 * app and its tests use the committed CSVs in seeds/data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above seeds/convert). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the reference data folder (it may be absent). */
export const REFERENCE_DIR = resolve(REPO_ROOT, '..', 'shared', 'reference', 'data');

/** True when the reference data folder exists. */
export function hasReference(dir: string = REFERENCE_DIR): boolean {
  return existsSync(join(dir, 'README.md'));
}

/** Read one reference file as UTF-8 text; a clear error says what is missing and why it is needed. */
export function readReference(relPath: string, dir: string = REFERENCE_DIR): string {
  if (!hasReference(dir)) {
    throw new Error(
      `Reference data not found at ${dir}. The seed converters read GSO's and the UN's published files from ` +
        `../shared/reference/data beside the repository; the committed seeds/data/*.csv need no reference data.`,
    );
  }
  const file = join(dir, relPath);
  if (!existsSync(file)) throw new Error(`Reference file missing: ${file}`);
  return readFileSync(file, 'utf8');
}
