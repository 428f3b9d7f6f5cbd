/** GET /api/audit (analyst): who uploaded, rolled back or changed tokens, newest first. */
import { desc, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { auditLog } from '../db/schema';
import { problemSchema } from '../http/problem';
import { requireRole, type AuthEnv } from '../http/require-role';
import { limitParam, positiveIntParam } from '../http/params';
import { zQuery } from '../http/validate';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });

/** Audit routes. */
export const auditRoutes = (deps: AppDeps) => new Hono<AuthEnv>().get(
  '/',
  describeRoute({
    tags: ['uploads'], summary: 'Audit log, newest first (page with `before`)',
    responses: { 200: { description: 'Entries', content: { 'application/json': { schema: resolver(z.object({}).passthrough()) } } }, 401: problem('No token'), 403: problem('Role below analyst') },
  }),
  requireRole(deps, 'analyst'),
  zQuery(z.object({ limit: limitParam(1000, 100), before: positiveIntParam('before').optional() })),
  async (c) => {
    const { limit, before } = c.req.valid('query');
    const rows = await deps.database.db.select().from(auditLog)
      .where(before ? lt(auditLog.id, before) : undefined).orderBy(desc(auditLog.id)).limit(limit);
    return c.json({ entries: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) });
  },
);
