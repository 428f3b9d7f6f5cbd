/** GET /api/gaps: openings, new supply and imbalance per cell, ranked. */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { snapshotFor, type AppDeps } from '../deps';
import { DATA_VERSION_HEADER, requestSnapshot } from '../http/read-path';
import { codeParam, scenarioParam } from '../http/params';
import { jsonResponses, publicRead } from '../http/responses';
import { gapsSchema } from '../http/schemas';
import { zQuery } from '../http/validate';
import { GAP_SORTS, selectGaps } from '../services/outlook-queries';

/** Query of GET /api/gaps (also used by the gaps CSV export). */
export const gapsQuery = z.object({
  region: z
    .union([z.literal('all'), codeParam('region')])
    .default('VN')
    .meta({ description: 'Region code, or `all` for every region (e.g. to map one sector)' }),
  sector: codeParam('sector').optional(),
  qualification: codeParam('qualification').optional(),
  horizon: z.coerce
    .number()
    .int()
    .min(1, 'horizon must be at least 1')
    .max(10, 'horizon must be at most 10 years')
    .optional()
    .meta({ description: 'Years after the base year (default: the longest computed)' }),
  scenario: scenarioParam,
  sort: z.enum(GAP_SORTS).default('rank').meta({ description: 'rank (severity), imbalance (most negative first), ratio, openings, newSupply, sector, region' }),
});

/** Gap routes. */
export const gapRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['outlook'],
      ...publicRead(),
      summary:
        'Openings (net expansion + replacement), new supply, imbalance (persons and share of base employment) and flag per cell, ranked, with the assumptions behind the flags',
      responses: jsonResponses('Gap rows', gapsSchema),
    }),
    zQuery(gapsQuery),
    async (c) => {
      const q = c.req.valid('query');
      const snap = await snapshotFor(deps, q.scenario, await requestSnapshot(c));
      const body = await selectGaps(snap, q);
      c.header(DATA_VERSION_HEADER, String(snap.version.id));
      return c.json(body);
    },
  );
