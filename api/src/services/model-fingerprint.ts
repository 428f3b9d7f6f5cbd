/**
 * Which model code computed a version's stored results. Results are computed once per data
 * version and kept across restarts; without this, an installation upgraded to a corrected model
 * would go on serving the old model's figures until new data arrived. A version whose results
 * carry another fingerprint is recomputed on its next load (results-loader.ts).
 *
 * Built (pnpm start): build.mjs hashes the compute worker bundle's inputs (paths relative to
 * api/ and their sha256) into dist/compute-worker.fingerprint. From the sources (tests, tsx):
 * the same kind of hash over models/src and the API's packing code, read once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerDir } from './compute-worker-bundle';
import { fingerprintFiles } from './files-fingerprint.mjs';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The sources the stored results depend on, when running unbundled. */
function sourceFiles(): string[] {
  const models = join(REPO, 'models', 'src');
  const files = readdirSync(models, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(models, f));
  const api = ['compute-pack.ts', 'compute-worker.ts', 'observation-columns.ts'].map((f) => join(REPO, 'api', 'src', 'services', f));
  return [...files, ...api].sort();
}

function sourceFingerprint(): string {
  return `src:${fingerprintFiles(sourceFiles().map((f) => [relative(REPO, f), f]))}`;
}

let cached: string | undefined;

/** The fingerprint of the model code this process computes with (read once). */
export function modelFingerprint(): string {
  const dir = workerDir();
  cached ??= dir ? readFileSync(join(dir, 'compute-worker.fingerprint'), 'utf8').trim() : sourceFingerprint();
  return cached;
}
