/**
 * GET /api/audit (analyst): who uploaded, rolled back or changed tokens, newest
 * first. Each entry's `by` names the token and its area scope (null: central);
 * an upload's `detail.areas` lists the areas of its cells.
 */
import { desc, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { auditLog } from '../db/schema';
import { problemSchema } from '../http/problem';
import { needsRole, problems } from '../http/responses';
import { requireRole, type AuthEnv } from '../http/require-role';
import { limitParam, positiveIntParam } from '../http/params';
import { zQuery } from '../http/validate';
import { resolveActors } from '../services/upload-actors';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });

/** Audit routes. */
export const auditRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>().get(
    '/',
    describeRoute({
      tags: ['uploads'],
      summary: 'Audit log, newest first (page with `before`)',
      ...needsRole('analyst'),
      responses: {
        200: { description: 'Entries', content: { 'application/json': { schema: resolver(z.object({}).passthrough()) } } },
        401: problem('No token'),
        403: problem('Role below analyst'),
        ...problems({ 400: 'Bad limit or before', 429: true, 503: true }),
      },
    }),
    requireRole(deps, 'analyst'),
    zQuery(z.object({ limit: limitParam(1000, 100), before: positiveIntParam('before').optional() })),
    async (c) => {
      const { limit, before } = c.req.valid('query');
      const rows = await deps.database.db
        .select()
        .from(auditLog)
        .where(before ? lt(auditLog.id, before) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(limit);
      const actors = await resolveActors(
        deps.database.db,
        rows.map((r) => r.actor),
      );
      return c.json({ entries: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), by: actors.get(r.actor)! })) });
    },
  );
