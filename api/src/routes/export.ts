/** GET /api/export.csv?view=series|forecasts|gaps&…: the same data as the JSON routes, as CSV. */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { snapshotFor, type AppDeps } from '../deps';
import { DATA_VERSION_HEADER, requestSnapshot, versionOf } from '../http/read-path';
import { requirePresent } from '../services/dataset-versions';
import { publicRead, readProblems } from '../http/responses';
import { zQuery } from '../http/validate';
import { forecastCsv, gapsCsv, seriesCsv } from '../services/csv-export';
import { selectForecast, selectGaps } from '../services/outlook-queries';
import { readSeries } from '../services/series';
import { forecastQuery } from './forecasts';
import { gapsQuery } from './gaps';
import { seriesQuery } from './series';

// Every parameter is a plain optional string here; the view's own schema validates them below.
const loose = z.string().optional();
/** Query of GET /api/export.csv: the view, then that view's own parameters. */
export const exportQuery = z.object({
  view: z.enum(['series', 'forecasts', 'gaps']).meta({ description: 'Which view to export' }),
  indicator: loose,
  region: loose,
  sector: loose,
  qualification: loose,
  from: loose,
  to: loose,
  horizon: loose,
  scenario: loose,
  levels: loose,
  sort: loose,
});

/** Export routes. */
export const exportRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['data'],
      summary: 'The series, forecasts or gaps view as CSV (formula-injection-safe)',
      ...publicRead(),
      responses: {
        200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...readProblems({ 404: 'view=forecasts: no forecast for this cell' }),
      },
    }),
    zQuery(exportQuery),
    async (c) => {
      const { view, ...raw } = c.req.valid('query');
      const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
      let csv: string;
      let versionId: number;
      if (view === 'series') {
        const query = seriesQuery.parse(params);
        versionId = requirePresent(await versionOf(c)).id;
        csv = seriesCsv(await readSeries(deps.database.db, versionId, query));
      } else {
        const query = view === 'forecasts' ? forecastQuery.parse(params) : gapsQuery.parse(params);
        const snap = await snapshotFor(deps, query.scenario, await requestSnapshot(c));
        versionId = snap.version.id;
        csv =
          view === 'forecasts'
            ? forecastCsv(await selectForecast(snap, query as z.infer<typeof forecastQuery>))
            : gapsCsv((await selectGaps(snap, query as z.infer<typeof gapsQuery>)).rows);
      }
      return c.body(csv, 200, {
        [DATA_VERSION_HEADER]: String(versionId),
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="lmo-${view}-v${versionId}.csv"`,
      });
    },
  );
