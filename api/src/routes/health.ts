/**
 * GET /api/health: liveness, a database check and the current data version.
 * The check is the instance's shared current-version read, so a load balancer
 * polling many times a second costs at most one query per RESULTS_RECHECK_MS;
 * an unreachable database still answers 503 at once.
 */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { problemSchema } from '../http/problem';
import { alwaysOpen } from '../http/responses';
import { hasResultsOf } from '../services/dataset-versions';
import { modelFingerprint } from '../services/model-fingerprint';

const healthSchema = z
  .object({
    status: z.literal('ok'),
    /** True once a dataset version is loaded and its results are computed (readiness). */
    ready: z.boolean(),
    database: z.object({
      kind: z.enum(['pglite', 'postgres']),
      ok: z.boolean(),
      latencyMs: z.number().meta({ description: 'How long this request waited for the (shared) database check' }),
    }),
    dataVersion: z
      .object({
        id: z.number(),
        label: z.string(),
        createdAt: z.string(),
        computedAt: z.string().nullable(),
        computeMs: z.number().nullable(),
        rowCount: z.number(),
      })
      .nullable(),
    uptimeS: z.number(),
  })
  .meta({ id: 'Health' });

/** Health routes. */
export const healthRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['system'],
      summary: 'Liveness, database check and current data version',
      ...alwaysOpen("`ready` turns true once the current dataset version's results are computed by the running model code (use it as the readiness check)."),
      responses: {
        200: { description: 'Up', content: { 'application/json': { schema: resolver(healthSchema) } } },
        503: { description: 'Database unavailable', content: { 'application/problem+json': { schema: resolver(problemSchema) } } },
      },
    }),
    async (c) => {
      const t = performance.now();
      // Health checks the database every pollMs even while NOTIFY makes the version poll rare.
      const version = await deps.store.pointer(deps.store.pollMs);
      return c.json({
        status: 'ok' as const,
        ready: version ? hasResultsOf(version, modelFingerprint()) : false,
        database: { kind: deps.database.kind, ok: true, latencyMs: Math.round((performance.now() - t) * 100) / 100 },
        dataVersion: version && {
          id: version.id,
          label: version.label,
          createdAt: version.createdAt,
          computedAt: version.computedAt,
          computeMs: version.computeMs,
          rowCount: version.rowCount,
        },
        uptimeS: Math.round(process.uptime()),
      });
    },
  );
