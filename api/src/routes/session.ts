/**
 * GET /api/session: who the bearer token belongs to (for the web sign-in), with
 * its area scope (issue 15 §9: null for central tokens); 401 for a bad token.
 */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { publicRead, viewerProblems } from '../http/responses';
import { requireRole, type AuthEnv } from '../http/require-role';
import { scopeAreas } from '../services/upload-scope';

const sessionSchema = z
  .object({
    tokenId: z.number().nullable(),
    name: z.string(),
    role: z.enum(['anonymous', 'viewer', 'analyst', 'admin']),
    scope: z.array(z.string()).nullable().meta({ description: 'Province and region codes this token may upload for; null: every area (central)' }),
    scopeAreas: z.array(z.object({ code: z.string(), level: z.enum(['province', 'region']), vi: z.string(), en: z.string() })).nullable(),
  })
  .meta({ id: 'Session' });

/** Session routes. */
export const sessionRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>().get(
    '/',
    describeRoute({
      tags: ['uploads'],
      summary: 'The role and area scope of the bearer token (anonymous without one while PUBLIC_READ is on)',
      ...publicRead("The web app's sign-in check: send the token, read its role."),
      responses: {
        200: { description: 'Principal', content: { 'application/json': { schema: resolver(sessionSchema) } } },
        // No parameters, so no 400.
        ...viewerProblems({ 400: false }),
      },
    }),
    requireRole(deps, 'viewer'),
    (c) => {
      const p = c.get('principal');
      return c.json({ tokenId: p.tokenId, name: p.name, role: p.role, scope: p.scope ? [...p.scope] : null, scopeAreas: scopeAreas(p.scope) });
    },
  );
