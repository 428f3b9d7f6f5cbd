/** GET /api/targets: new fields beside what their decisions say (training, production or timeline targets). */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { snapshotFor, type AppDeps } from '../deps';
import { DATA_VERSION_HEADER, requestSnapshot } from '../http/read-path';
import { scenarioParam } from '../http/params';
import { jsonResponses, publicRead } from '../http/responses';
import { targetsSchema } from '../http/schemas';
import { zQuery } from '../http/validate';
import { selectTargets } from '../services/outlook-queries';

/** Query of GET /api/targets. */
export const targetsQuery = z.object({ scenario: scenarioParam });

/** Target routes. */
export const targetRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['outlook'],
      ...publicRead(),
      summary:
        "New fields beside their decisions: the decision's own target quoted (Vietnamese first) and dated, the semiconductor training plan by year, the workforce trend, and a workforce path only where it is a stated assumption",
      responses: jsonResponses('Target paths', targetsSchema),
    }),
    zQuery(targetsQuery),
    async (c) => {
      const { scenario } = c.req.valid('query');
      const snap = await snapshotFor(deps, scenario, await requestSnapshot(c));
      const body = selectTargets(snap, scenario);
      c.header(DATA_VERSION_HEADER, String(snap.version.id));
      return c.json(body);
    },
  );
