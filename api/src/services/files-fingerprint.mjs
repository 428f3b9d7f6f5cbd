/**
 * One sha256 over named files: each name (a path relative to a root, `/`-separated, so equal on
 * every clone), a NUL, the sha256 of the file's bytes and a newline, in the order given. Plain JS
 * because `build.mjs` runs before any bundle exists; `model-fingerprint.ts` uses the same function
 * for unbuilt runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** sha256 of a file's bytes, or `missing`. */
export const fileSha = (file) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing');

/** The fingerprint of `[name, absolute path]` pairs. */
export function fingerprintFiles(entries) {
  const hash = createHash('sha256');
  for (const [name, file] of entries) hash.update(name.replaceAll('\\', '/')).update('\0').update(fileSha(file)).update('\n');
  return hash.digest('hex');
}
