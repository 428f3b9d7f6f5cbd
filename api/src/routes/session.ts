/** GET /api/session: who the bearer token belongs to (for the web sign-in); 401 for a bad token. */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { problemSchema } from '../http/problem';
import { requireRole, type AuthEnv } from '../http/require-role';

const sessionSchema = z.object({ tokenId: z.number().nullable(), name: z.string(), role: z.enum(['anonymous', 'viewer', 'analyst', 'admin']) }).meta({ id: 'Session' });

/** Session routes. */
export const sessionRoutes = (deps: AppDeps) => new Hono<AuthEnv>().get(
  '/',
  describeRoute({
    tags: ['uploads'], summary: 'The role of the bearer token (anonymous without one while PUBLIC_READ is on)',
    responses: {
      200: { description: 'Principal', content: { 'application/json': { schema: resolver(sessionSchema) } } },
      401: { description: 'Bad token', content: { 'application/problem+json': { schema: resolver(problemSchema) } } },
    },
  }),
  requireRole(deps, 'viewer'),
  (c) => {
    const p = c.get('principal');
    return c.json({ tokenId: p.tokenId, name: p.name, role: p.role });
  },
);
