/**
 * `pnpm ingest <file> [--format long|wide|microdata|sdmx|pxweb] [--mapping m.json]
 *   [--period 2024] [--source "…"] [--dry-run] [--replace-official]`: the upload pipeline from the
 * command line. Problems print as `file:line:column: message`; SDMX messages
 * start with the series and period (`nsdp.xml:31:OBS_VALUE: Series LE_PE_NUM
 * 2023-Q4: …`), malformed XML gives the column number (`nsdp.xml:12:5: …`).
 *
 * Where the data go: with DATABASE_URL, straight into PostgreSQL (safe beside
 * a running server). With the embedded database: directly when no server has
 * it open; otherwise the file is posted to the running server
 * (LMO_URL, default http://127.0.0.1:$PORT) with LMO_TOKEN, an analyst token.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DomainError } from '../domain-error';
import { toProblem } from '../http/on-error';
import type { UploadOutcome } from '../services/upload-service';
import { runUpload } from '../services/upload-service';
import type { OfficialConflict } from '../services/upload-official';
import { loadConfig } from '../config';
import { UPLOAD_FORMATS, type UploadFormat } from '@lmo/models';
import { dataDirInUse, embeddedDataDir, isMain, openForCli } from './open-database';

const USAGE =
  'Usage: pnpm ingest <file> [--format long|wide|microdata|sdmx|pxweb] [--mapping mapping.json] [--period 2024] [--source "citation"] [--dry-run] [--replace-official]\n' +
  '  sdmx: GSO NSDP SDMX-ML (.xml) or SDMX-CSV; --mapping optional for GSO series codes. pxweb: GSO PX-Web CSV export; --mapping required.';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/** Prints problems as `file:line:column: message` (line 0 = not in the file, e.g. the mapping). */
export function formatProblems(
  file: string,
  problem: {
    errors?: { line?: number; column?: string | number | null; message: string }[];
    errorCount?: unknown;
    detail?: string;
    cells?: OfficialConflict[];
    cellCount?: unknown;
  },
): string[] {
  const lines = (problem.errors ?? []).map((e) => `${file}:${e.line ?? 0}:${e.column ?? ''}: ${e.message}`);
  // 409: the official cells the file would replace (--replace-official confirms).
  for (const c of problem.cells ?? []) {
    lines.push(
      `${file}:${c.line}:${c.column ?? ''}: official ${c.indicator} ${c.region} ${c.sector} ${c.qualification} ${c.period} = ${c.current.value} (${c.current.source}) would become ${c.new.value} (${c.new.status})`,
    );
  }
  const total = Number(problem.errorCount ?? problem.cellCount ?? lines.length);
  if (total > lines.length) lines.push(`… and ${total - lines.length} more`);
  if (problem.detail) lines.push(problem.detail);
  return lines;
}

function summary(file: string, o: UploadOutcome, dryRun: boolean): string {
  const what = `${o.rows.toLocaleString('en')} records → ${o.cells.toLocaleString('en')} cells (${Object.entries(o.indicators)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`;
  if (dryRun) return `${file}: valid — ${what}. Dry run: nothing stored.${o.version ? ` (Already uploaded as version ${o.version.id}.)` : ''}`;
  if (o.status === 'duplicate') return `${file}: already uploaded as version ${o.version!.id}; nothing new stored.`;
  return `${file}: stored as version ${o.version!.id} (${o.version!.rowCount.toLocaleString('en')} observations; ${what}); results computed in ${o.computeMs ?? '?'} ms.`;
}

/** Runs the ingest CLI; returns the exit code (0 ok, 1 invalid file, 2 usage, 3 database busy). */
export async function ingestCli(argv: string[], io: Io = { out: console.log, err: console.error, env: process.env }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'long' },
        mapping: { type: 'string' },
        period: { type: 'string' },
        source: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'replace-official': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  // pnpm runs scripts from the repository root; paths are relative to where the user typed them.
  const file = parsed.positionals[0] && resolve(io.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]);
  const format = parsed.values.format as UploadFormat;
  if (!file || !UPLOAD_FORMATS.includes(format)) {
    io.err(USAGE);
    return 2;
  }
  try {
    statSync(file);
  } catch {
    io.err(`${file}: no such file`);
    return 2;
  }
  let mappingText: string | undefined;
  if (parsed.values.mapping) {
    try {
      mappingText = readFileSync(resolve(io.env.INIT_CWD ?? process.cwd(), parsed.values.mapping), 'utf8');
    } catch {
      io.err(`${parsed.values.mapping}: cannot read the mapping file`);
      return 2;
    }
  }
  const dryRun = parsed.values['dry-run']!;
  const replaceOfficial = parsed.values['replace-official']!;
  const name = basename(file);
  const dir = embeddedDataDir(io.env);

  if (dir && dataDirInUse(dir)) {
    const token = io.env.LMO_TOKEN?.trim();
    if (!token) {
      io.err(
        `The embedded database in ${dir} is open by a running server. Set LMO_TOKEN to an analyst token (\`pnpm run token create --role analyst --name "…"\`) and the file is sent to the server; or stop the server and run this again.`,
      );
      return 3;
    }
    const base = io.env.LMO_URL?.trim() || `http://127.0.0.1:${io.env.PORT || 8787}`;
    const query = new URLSearchParams({
      format,
      fileName: name,
      ...(dryRun ? { dryRun: '1' } : {}),
      ...(replaceOfficial ? { replaceOfficial: 'true' } : {}),
      ...(parsed.values.period ? { period: parsed.values.period } : {}),
      ...(parsed.values.source ? { source: parsed.values.source } : {}),
      ...(mappingText ? { mapping: mappingText } : {}),
    });
    let res: Response;
    try {
      res = await fetch(`${base}/api/uploads?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': format === 'sdmx' && /\.xml$/i.test(name) ? 'application/xml' : 'text/csv' },
        body: Readable.toWeb(createReadStream(file)) as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit);
    } catch (e) {
      io.err(`Cannot reach the server at ${base} (${(e as Error).message}); set LMO_URL.`);
      return 3;
    }
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) {
      for (const line of formatProblems(file, body as never)) io.err(line);
      return res.status === 422 || res.status === 413 || body.code === 'REPLACES_OFFICIAL' ? 1 : 3;
    }
    io.out(summary(file, body as unknown as UploadOutcome, dryRun) + ` (via ${base})`);
    return 0;
  }

  const config = loadConfig(io.env);
  const database = await openForCli('Stop the server first.', io.env);
  try {
    let mapping: unknown;
    if (mappingText) {
      try {
        mapping = JSON.parse(mappingText);
      } catch (e) {
        io.err(`${parsed.values.mapping}:0:mapping: not valid JSON: ${(e as Error).message}`);
        return 1;
      }
    }
    const outcome = await runUpload(database.db, createReadStream(file), {
      format,
      mapping,
      period: parsed.values.period,
      source: parsed.values.source,
      fileName: name,
      dryRun,
      replaceOfficial,
      actor: 'cli',
      maxBytes: config.maxUploadBytes,
      compute: config.compute,
      atomic: database.kind === 'postgres',
    });
    io.out(summary(file, outcome, dryRun));
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      for (const line of formatProblems(file, toProblem(e) as never)) io.err(line);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

if (isMain(import.meta.url)) process.exitCode = await ingestCli(process.argv.slice(2));
