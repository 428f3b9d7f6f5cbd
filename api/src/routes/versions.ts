/**
 * Dataset versions: GET /api/versions (history, newest first, with who made
 * each version, their token's area scope and the areas an upload was for),
 * GET /api/versions/{id}/diff (what it changed against its parent) and
 * POST /api/versions/{id}/rollback (central analyst: make it current again; a
 * rollback changes every area, so scoped tokens get 403).
 */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { problemSchema } from '../http/problem';
import { needsRole, problems, publicRead, viewerProblems } from '../http/responses';
import { assertCentral, requireRole, type AuthEnv } from '../http/require-role';
import { idParam as versionId, limitParam, offsetParam } from '../http/params';
import { zInput, zQuery } from '../http/validate';
import { actorOf } from '../services/auth';
import { diffVersion, DIFF_SORTS, listVisibleVersions, rollbackTo } from '../services/versions-service';
import { withUploaders } from '../services/upload-actors';

const idParam = z.object({ id: versionId.meta({ description: 'Dataset version id (a positive 32-bit integer)' }) });
const diffQuery = z.object({
  limit: limitParam(1000, 200).meta({ description: 'Cells per page (1–1000, default 200)' }),
  offset: offsetParam.meta({ description: 'Cells to skip (paging)' }),
  sort: z
    .enum(DIFF_SORTS)
    .default('official')
    .meta({ description: 'official (replaced official cells first, then official revisions, then by size of change), change, cell or period' }),
});
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: resolver(z.object({}).passthrough()) } } });

/** Version routes. */
export const versionRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .get(
      '/',
      describeRoute({
        tags: ['uploads'],
        summary: 'Dataset versions, newest first; exactly one is current',
        ...publicRead(
          'Each version has `by` (who made it: kind token/cli/system, token name, and its area scope, null for central) and `areas` (for uploads: the region codes of the uploaded cells).',
        ),
        responses: { 200: ok('Versions'), ...viewerProblems({ 400: 'Bad limit' }) },
      }),
      requireRole(deps, 'viewer'),
      zQuery(z.object({ limit: limitParam(1000, 100) })),
      async (c) => {
        const db = deps.database.db;
        const versions = await withUploaders(db, await listVisibleVersions(db, c.req.valid('query').limit));
        // Token names may name people: anonymous readers see the kind of uploader, its scope and areas only.
        if (c.get('principal').role !== 'anonymous') return c.json({ versions });
        return c.json({
          versions: versions.map((v) => ({ ...v, by: v.by && (v.by.kind === 'token' ? { ...v.by, name: null, tokenId: null, actor: 'token' } : v.by) })),
        });
      },
    )
    .get(
      '/:id/diff',
      describeRoute({
        tags: ['uploads'],
        summary:
          'Every cell added, removed and changed against the parent version (paged, sortable; official cells replaced first), with names, statuses, and totals per indicator and period',
        ...publicRead(),
        responses: { 200: ok('Diff'), ...viewerProblems({ 400: 'Bad id, limit, offset or sort', 404: 'No such version (or an upload still being stored)' }) },
      }),
      requireRole(deps, 'viewer'),
      zInput('param', idParam),
      zQuery(diffQuery),
      async (c) => c.json(await diffVersion(deps.database.db, c.req.valid('param').id, c.req.valid('query'))),
    )
    .post(
      '/:id/rollback',
      describeRoute({
        tags: ['uploads'],
        summary: 'Make an earlier version current again (moves the current pointer; its stored results are reused)',
        ...needsRole('analyst'),
        responses: {
          200: ok('Now current'),
          401: problem('No token'),
          403: problem('Role below analyst, or a token scoped to some areas (code OUT_OF_SCOPE)'),
          404: problem('No such version'),
          ...problems({ 400: 'Bad id', 429: true, 503: true }),
        },
      }),
      requireRole(deps, 'analyst'),
      zInput('param', idParam),
      async (c) => {
        assertCentral(c.get('principal'), { en: 'a rollback', vi: 'khôi phục phiên bản' });
        const result = await rollbackTo(deps.database.db, c.req.valid('param').id, actorOf(c.get('principal')));
        deps.store.invalidate();
        // Results of an old version are normally stored already; this computes them if a crash lost them.
        await deps.store.load(result.version.id);
        return c.json(result);
      },
    );
