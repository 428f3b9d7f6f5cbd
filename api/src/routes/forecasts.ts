/** GET /api/forecasts: history and forecast of one cell (stored per data version). */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { snapshotFor, type AppDeps } from '../deps';
import { DATA_VERSION_HEADER, requestSnapshot } from '../http/read-path';
import { cellQuery, horizonParam, levelsParam, scenarioParam } from '../http/params';
import { jsonResponses, publicRead } from '../http/responses';
import { forecastSchema } from '../http/schemas';
import { zQuery } from '../http/validate';
import { selectForecast } from '../services/outlook-queries';

/** Query of GET /api/forecasts (also used by the forecasts CSV export). */
export const forecastQuery = cellQuery.extend({
  horizon: horizonParam.optional().meta({ description: 'Steps ahead: ≤ 10 years or ≤ 40 quarters (default: all computed)' }),
  scenario: scenarioParam,
  levels: levelsParam,
});

/** Forecast routes. */
export const forecastRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['outlook'],
      ...publicRead(),
      summary: 'History and forecast of one cell: mean, intervals, models and weights, backtest accuracy against naive',
      responses: jsonResponses('Forecast of one cell', forecastSchema, { 404: 'No forecast for this cell' }),
    }),
    zQuery(forecastQuery),
    async (c) => {
      const q = c.req.valid('query');
      const snap = await snapshotFor(deps, q.scenario, await requestSnapshot(c));
      const body = await selectForecast(snap, q);
      c.header(DATA_VERSION_HEADER, String(snap.version.id));
      return c.json(body);
    },
  );
