/**
 * Token management over HTTP (admin), so accounts change while the server runs,
 * on the embedded database too (`pnpm run token … ` uses these routes when the
 * server holds the data directory):
 *   GET    /api/tokens        every token, newest first (never a secret)
 *   POST   /api/tokens        { name, role } → 201 with the secret, shown this once
 *   DELETE /api/tokens/{id}   revoke (the row stays, for the audit log)
 * Only sha256 hashes are stored; answers carrying a secret are `no-store`.
 */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { notFoundProblem, ProblemError, problemSchema } from '../http/problem';
import { idParam } from '../http/params';
import { requireRole, type AuthEnv } from '../http/require-role';
import { zInput } from '../http/validate';
import { actorOf, createToken, listTokens, MAX_TOKEN_NAME, revokeTokenChecked, ROLES, tokenNameProblem } from '../services/auth';

const tokenInfo = z.object({
  id: z.number().int(), name: z.string(), role: z.enum(ROLES),
  createdAt: z.string(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable(),
}).meta({ id: 'TokenInfo' });
const created = tokenInfo.extend({ token: z.string().meta({ description: 'The secret: shown only in this answer; only its sha256 is stored' }) }).meta({ id: 'TokenCreated' });

const createBody = z.object({
  name: z.string().max(MAX_TOKEN_NAME * 4).superRefine((name, ctx) => {
    const problem = tokenNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).meta({ description: `Who or what uses the token (1–${MAX_TOKEN_NAME} characters)` }),
  role: z.enum(ROLES).meta({ description: 'viewer (read), analyst (upload, roll back, audit), admin (also tokens)' }),
}).strict();

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: resolver(problemSchema) } } });
const json = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema: resolver(schema) } } });
const guarded = { 401: problem('No or invalid token'), 403: problem('Token role below admin'), 429: problem('Too many failed token attempts') };

/** Token routes (admin only). */
export const tokenRoutes = (deps: AppDeps) => new Hono<AuthEnv>()
  .get(
    '/',
    describeRoute({ tags: ['uploads'], summary: 'Every API token, newest first (admin; never the secrets)', responses: { 200: json('Tokens', z.object({ tokens: z.array(tokenInfo) })), ...guarded } }),
    requireRole(deps, 'admin'),
    async (c) => c.json({ tokens: await listTokens(deps.database.db) }),
  )
  .post(
    '/',
    describeRoute({
      tags: ['uploads'], summary: 'Create a token (admin): the secret is in this answer only',
      responses: { 201: json('Created', created), 400: problem('Bad name or role'), ...guarded },
    }),
    requireRole(deps, 'admin'),
    zInput('json', createBody),
    async (c) => {
      const { name, role } = c.req.valid('json');
      const token = await createToken(deps.database.db, { name, role, actor: actorOf(c.get('principal')) });
      c.header('cache-control', 'no-store');
      return c.json(token, 201);
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags: ['uploads'], summary: 'Revoke a token (admin); requests with it get 401 from now on',
      responses: {
        200: json('Revoked', z.object({ revoked: tokenInfo })), 400: problem('Bad id'), 404: problem('No such active token'),
        409: problem('The last active admin token cannot be revoked through the API'), ...guarded,
      },
    }),
    requireRole(deps, 'admin'),
    zInput('param', z.object({ id: idParam.meta({ description: 'Token id (see GET /api/tokens)' }) })),
    async (c) => {
      const id = c.req.valid('param').id;
      const outcome = await revokeTokenChecked(deps.database.db, id, actorOf(c.get('principal')), { keepAnAdmin: true });
      if (outcome.status === 'missing') throw notFoundProblem(`No active token #${id} (see GET /api/tokens).`);
      if (outcome.status === 'last-admin') {
        throw new ProblemError({
          type: '/api/problems/conflict', title: 'Last admin token', status: 409,
          detail: `Token #${id} is the last active admin token; create another admin token first, or revoke it with the server stopped (pnpm run token revoke ${id}).`,
        });
      }
      return c.json({ revoked: outcome.token });
    },
  );
