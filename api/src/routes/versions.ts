/**
 * Dataset versions: GET /api/versions (history, newest first),
 * GET /api/versions/{id}/diff (what it changed against its parent) and
 * POST /api/versions/{id}/rollback (analyst: make it current again).
 */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { problemSchema } from '../http/problem';
import { requireRole, type AuthEnv } from '../http/require-role';
import { idParam as versionId, limitParam, offsetParam } from '../http/params';
import { zInput, zQuery } from '../http/validate';
import { actorOf } from '../services/auth';
import { diffVersion, DIFF_SORTS, listVisibleVersions, rollbackTo } from '../services/versions-service';

const idParam = z.object({ id: versionId.meta({ description: 'Dataset version id (a positive 32-bit integer)' }) });
const diffQuery = z.object({
  limit: limitParam(1000, 200).meta({ description: 'Cells per page (1–1000, default 200)' }),
  offset: offsetParam.meta({ description: 'Cells to skip (paging)' }),
  sort: z.enum(DIFF_SORTS).default('official').meta({ description: 'official (replaced official cells first, then official revisions, then by size of change), change, cell or period' }),
});
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: resolver(z.object({}).passthrough()) } } });

/** Version routes. */
export const versionRoutes = (deps: AppDeps) => new Hono<AuthEnv>()
  .get(
    '/',
    describeRoute({ tags: ['uploads'], summary: 'Dataset versions, newest first; exactly one is current', responses: { 200: ok('Versions') } }),
    requireRole(deps, 'viewer'),
    zQuery(z.object({ limit: limitParam(1000, 100) })),
    async (c) => c.json({ versions: await listVisibleVersions(deps.database.db, c.req.valid('query').limit) }),
  )
  .get(
    '/:id/diff',
    describeRoute({
      tags: ['uploads'], summary: 'Every cell added, removed and changed against the parent version (paged, sortable; official cells replaced first), with names, statuses, and totals per indicator and period',
      responses: { 200: ok('Diff'), 400: problem('Bad id, limit, offset or sort'), 404: problem('No such version (or an upload still being stored)') },
    }),
    requireRole(deps, 'viewer'),
    zInput('param', idParam),
    zQuery(diffQuery),
    async (c) => c.json(await diffVersion(deps.database.db, c.req.valid('param').id, c.req.valid('query'))),
  )
  .post(
    '/:id/rollback',
    describeRoute({
      tags: ['uploads'], summary: 'Make an earlier version current again (moves the current pointer; its stored results are reused)',
      responses: { 200: ok('Now current'), 401: problem('No token'), 403: problem('Role below analyst'), 404: problem('No such version') },
    }),
    requireRole(deps, 'analyst'),
    zInput('param', idParam),
    async (c) => {
      const result = await rollbackTo(deps.database.db, c.req.valid('param').id, actorOf(c.get('principal')));
      deps.store.invalidate();
      // Results of an old version are normally stored already; this computes them if a crash lost them.
      await deps.store.load(result.version.id);
      return c.json(result);
    },
  );
