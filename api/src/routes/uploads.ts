/**
 * POST /api/uploads (analyst): a CSV in the long, wide or microdata format,
 * or GSO data as SDMX (NSDP SDMX-ML, SDMX-CSV) or a PX-Web CSV export,
 * becomes a new dataset version, or with `dryRun=1` is only validated.
 *
 * Bodies are streamed, never buffered whole: `multipart/form-data` is read
 * with busboy (send the fields `format`, `mapping`, `period`, `source`,
 * `dryRun` BEFORE the `file` part, as browsers do in FormData order), or the
 * raw CSV is the body (`Content-Type: text/csv`) with the options in the query.
 */
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import { configOf, type AppDeps } from '../deps';
import { DomainError, invalidRequest } from '../domain-error';
import { problemSchema } from '../http/problem';
import { needsRole, problems } from '../http/responses';
import { requireRole, type AuthEnv } from '../http/require-role';
import { actorOf } from '../services/auth';
import { runUpload, type UploadOutcome } from '../services/upload-service';
import { UPLOAD_FORMATS, type UploadFormat } from '@lmo/models';

const outcomeSchema = z
  .object({
    status: z.enum(['validated', 'created', 'duplicate']),
    version: z.object({ id: z.number(), label: z.string(), rowCount: z.number(), hash: z.string(), isCurrent: z.boolean() }).passthrough().nullable(),
    rows: z.number().int(),
    cells: z.number().int(),
    hash: z.string(),
    warnings: z.array(z.string()),
    indicators: z.record(z.string(), z.number()),
    officialReplaced: z.number().int(),
  })
  .meta({ id: 'UploadOutcome' });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });

/** Upload options as text, from the query string or multipart fields. */
type Fields = Record<string, string | undefined>;

function optionsFrom(fields: Fields, fileName?: string) {
  const format = (fields.format ?? 'long').trim() as UploadFormat;
  if (!UPLOAD_FORMATS.includes(format)) {
    throw invalidRequest(`format must be one of ${UPLOAD_FORMATS.join(', ')}.`, [
      { path: 'format', message: `unknown format "${format}"`, expected: [...UPLOAD_FORMATS] },
    ]);
  }
  let mapping: unknown;
  if (fields.mapping?.trim()) {
    try {
      mapping = JSON.parse(fields.mapping);
    } catch (e) {
      throw new DomainError('INVALID_UPLOAD', 'The mapping is not valid JSON; nothing was stored.', {
        errors: [{ path: 'mapping', line: 0, column: 'mapping', message: `mapping: ${(e as Error).message}` }],
        details: { errorCount: 1 },
      });
    }
  }
  const flag = (v: string | undefined) => ['1', 'true', 'yes'].includes((v ?? '').trim().toLowerCase());
  const dryRun = flag(fields.dryRun ?? fields.dry_run);
  const replaceOfficial = flag(fields.replaceOfficial ?? fields.replace_official);
  return { format, mapping, period: fields.period, source: fields.source, fileName: fileName ?? fields.fileName, dryRun, replaceOfficial };
}

/** Streams a multipart body: fields first, then the `file` part straight into the pipeline. */
function runMultipart(
  request: Request,
  limit: number,
  run: (fields: Fields, file: Readable, fileName: string) => Promise<UploadOutcome>,
): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        limits: { files: 1, fields: 20, fieldSize: 1 << 20, fileSize: limit + 1 },
      });
    } catch (e) {
      return reject(invalidRequest(`Bad multipart body: ${(e as Error).message}`, [{ path: 'body', message: (e as Error).message }]));
    }
    const fields: Fields = {};
    let started = false;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || started) return void stream.resume();
      started = true;
      // A failed run leaves the rest of the part unread: drain it so the request completes.
      run({ ...fields }, stream, info.filename ?? '').then(resolve, (e) => {
        stream.resume();
        reject(e);
      });
    });
    bb.on('error', (e) => reject(invalidRequest(`Bad multipart body: ${(e as Error).message}`, [{ path: 'body', message: (e as Error).message }])));
    bb.on('close', () => {
      if (!started)
        reject(invalidRequest('The multipart body has no "file" part.', [{ path: 'file', message: 'required: the CSV file, sent after the other fields' }]));
    });
    Readable.fromWeb(request.body as import('node:stream/web').ReadableStream).pipe(bb);
  });
}

/** Upload routes. */
export const uploadRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>().post(
    '/',
    describeRoute({
      tags: ['uploads'],
      summary: 'Upload a file (long, wide + mapping, microdata, sdmx, pxweb + mapping): validate, then store as a new dataset version and recompute',
      ...needsRole('analyst'),
      description:
        'multipart/form-data with fields format (long, wide, microdata, sdmx, pxweb), mapping (JSON: WideMapping for wide, PxwebMapping for pxweb, optional { codes, status, source, frequency } for sdmx), period and source (microdata), dryRun, replaceOfficial (true to let non-official values replace official cells; otherwise 409), then file; or the raw file as the body (text/csv, application/xml) with the same options in the query. SDMX problems also carry series and period. Needs an analyst token.',
      responses: {
        200: {
          description: 'Dry run passed, or the same data were uploaded before (existing version)',
          content: { 'application/json': { schema: resolver(outcomeSchema) } },
        },
        201: { description: 'New dataset version created and its results computed', content: { 'application/json': { schema: resolver(outcomeSchema) } } },
        401: problem('No or invalid token'),
        403: problem(
          "Token role below analyst, or (code OUT_OF_SCOPE) a scoped token's file has cells of other areas: cells[] with line, column, region; nothing stored",
        ),
        413: problem('File over MAX_UPLOAD_BYTES'),
        409: problem(
          'The file would replace official cells with non-official values (cells[] with line, column, current official value and source, new value; send replaceOfficial=true to confirm), or the data changed meanwhile',
        ),
        422: problem('Invalid file: errors[] with line, column, value, message (vi + en), and series and period for SDMX; nothing stored'),
        429: problem('Too many failed token attempts, or over UPLOAD_RATE_LIMIT uploads a minute from this client (`Retry-After`)'),
        ...problems({ 400: 'Unknown format, a bad multipart body, or no file', 503: true }),
      },
    }),
    requireRole(deps, 'analyst'),
    async (c) => {
      const { maxUploadBytes: limit, compute } = configOf(deps);
      const declared = Number(c.req.header('content-length'));
      if (Number.isFinite(declared) && declared > limit + 64 * 1024) {
        throw new DomainError('UPLOAD_TOO_LARGE', `The upload is ${declared} bytes; the limit is ${limit} (MAX_UPLOAD_BYTES). Nothing was stored.`);
      }
      if (!c.req.raw.body) throw invalidRequest('The request has no body: send the CSV file.', [{ path: 'file', message: 'required' }]);
      const principal = c.get('principal');
      const actor = actorOf(principal);
      const type = c.req.header('content-type') ?? '';
      const go = async (fields: Fields, file: Readable, fileName?: string) => {
        const options = optionsFrom(fields, fileName);
        return runUpload(deps.database.db, file, {
          ...options,
          actor,
          actorName: principal.name,
          scope: principal.scope,
          maxBytes: limit,
          compute,
          atomic: deps.database.kind === 'postgres',
        });
      };
      const outcome = type.startsWith('multipart/form-data')
        ? await runMultipart(c.req.raw, limit, (fields, file, name) => go({ ...c.req.query(), ...fields }, file, name))
        : await go(c.req.query(), Readable.fromWeb(c.req.raw.body as import('node:stream/web').ReadableStream));
      if (outcome.status === 'created') deps.store.invalidate();
      return c.json(outcome, outcome.status === 'created' ? 201 : 200);
    },
  );
