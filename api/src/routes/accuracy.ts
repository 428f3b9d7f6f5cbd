/** GET /api/accuracy: the served version's backtest accuracy (methodology page), from its stored results. */
import { Hono } from 'hono';
import { BASELINE_SCENARIO } from '@lmo/models';
import { describeRoute } from 'hono-openapi';
import { snapshotFor, type AppDeps } from '../deps';
import { DATA_VERSION_HEADER, requestSnapshot } from '../http/read-path';
import { jsonResponses, publicRead } from '../http/responses';
import { accuracySchema } from '../http/schemas-accuracy';
import { selectAccuracy } from '../services/accuracy';

/** Accuracy routes. */
export const accuracyRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['outlook'],
      ...publicRead(),
      summary:
        'Backtest accuracy of the served version: national series one by one (engine beside naive, interval coverage) and employment cells by level of detail',
      responses: jsonResponses('Backtest accuracy', accuracySchema),
    }),
    async (c) => {
      const snap = await snapshotFor(deps, BASELINE_SCENARIO, await requestSnapshot(c));
      const body = await selectAccuracy(snap);
      // While the version's system backtest is computed the answer changes within the version: not cached.
      if (!body.system.pending) c.header(DATA_VERSION_HEADER, String(snap.version.id));
      return c.json(body);
    },
  );
