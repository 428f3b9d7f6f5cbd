/**
 * `pnpm --filter @lmo/api lint:openapi`: builds /api/openapi.json in-process (no database, no
 * server: the document depends only on the routes) and lints it with Redocly's `recommended`
 * rules. Exits 1 on any error; warnings are printed. The vitest test beside it runs the same lint.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { ReadCache } from '../services/read-cache';

const REDOCLY = fileURLToPath(new URL('../../node_modules/.bin/redocly', import.meta.url));

/** One problem Redocly reported. */
export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  /** JSON pointer of the offending node, e.g. `#/paths/~1api~1gaps/get`. */
  pointer: string;
}

/** The OpenAPI document exactly as GET /api/openapi.json serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Building the document never touches the database or the results: route metadata only.
  const deps = { database: { kind: 'pglite' }, store: { cache: new ReadCache(0) }, webDist: null } as unknown as AppDeps;
  const res = await createApp(deps).request('/api/openapi.json');
  if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Runs the Redocly CLI on `file`; resolves with its exit code and output. */
function redocly(args: string[], inherit: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No telemetry and no update check: the lint must not reach out to the network.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: inherit ? process.env.NO_COLOR : '1' };
    const child = spawn(REDOCLY, args, { env, stdio: ['ignore', inherit ? 'inherit' : 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Writes `document` to a temporary file (pretty-printed, so codeframes are readable) and runs `fn` on it. */
async function withFile<T>(document: unknown, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lmo-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  try {
    return await fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lints `document` with Redocly's recommended rules; every problem, errors first. */
export async function lintOpenApi(document: unknown): Promise<LintProblem[]> {
  return withFile(document, async (file) => {
    const r = await redocly(['lint', file, '--extends=recommended', '--format=json', '--max-problems=1000'], false);
    const start = r.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly lint printed no report (exit ${r.code}):\n${r.stdout}${r.stderr}`);
    const report = JSON.parse(r.stdout.slice(start)) as {
      problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }[];
    };
    return report.problems
      .map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, pointer: p.location[0]?.pointer ?? '' }))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  });
}

async function main(): Promise<number> {
  const document = await openApiDocument();
  // Redocly's own report (codeframes and summary) for people; its exit code is 1 on any error.
  const { code } = await withFile(document, (file) => redocly(['lint', file, '--extends=recommended', '--format=stylish'], true));
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
