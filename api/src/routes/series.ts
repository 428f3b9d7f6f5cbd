/** GET /api/series: observed values of one cell with source and status (columnar). */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';
import { OBSERVATION_STATUSES } from '@lmo/models';
import type { AppDeps } from '../deps';
import { DATA_VERSION_HEADER, versionOf } from '../http/read-path';
import { cellQuery, periodParam } from '../http/params';
import { invalidRequest, notFound } from '../domain-error';
import { requirePresent } from '../services/dataset-versions';
import { publicRead, readProblems } from '../http/responses';
import { zQuery } from '../http/validate';
import { catalog } from '../services/catalog';
import { readSeries } from '../services/series';

/** Query of GET /api/series: a cell plus an optional period range. */
export const seriesQuery = cellQuery.extend({
  from: periodParam.optional().meta({ description: 'First period, inclusive' }),
  to: periodParam.optional().meta({ description: 'Last period, inclusive' }),
});

/** Response of GET /api/series (columnar). */
export const seriesSchema = z
  .object({
    indicator: z.string(),
    region: z.string(),
    sector: z.string(),
    qualification: z.string(),
    unit: z.string().nullable(),
    periods: z.array(z.string()),
    values: z.array(z.number()),
    status: z.array(z.enum(OBSERVATION_STATUSES)),
    source: z.array(z.string()),
    dataVersion: z.number(),
  })
  .meta({ id: 'Series', description: 'Columnar: periods[i] goes with values[i], status[i] and source[i].' });

/** Series routes. */
export const seriesRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['data'],
      summary: 'Observed values of one cell',
      ...publicRead(),
      responses: {
        200: { description: 'Columnar series', content: { 'application/json': { schema: resolver(seriesSchema) } } },
        ...readProblems({
          400: 'Invalid input, unknown code, a sector code that does not fit the indicator, or from after to',
          404: 'No observations for this cell',
        }),
      },
    }),
    zQuery(seriesQuery),
    async (c) => {
      const q = c.req.valid('query');
      if (q.from && q.to && q.from > q.to) {
        throw invalidRequest(`from (${q.from}) is after to (${q.to}).`, [{ path: 'from', message: 'must not be after to' }]);
      }
      // The sector column holds a sector, a sex:age group or an occupation, by the indicator's axis.
      const axisProblem = catalog().checkAxis(q.indicator, q.sector);
      if (axisProblem) throw invalidRequest(axisProblem.message, [{ path: 'sector', message: axisProblem.message, expected: axisProblem.expected }]);
      const version = requirePresent(await versionOf(c));
      const key = `series:${q.indicator}|${q.region}|${q.sector}|${q.qualification}|${q.from ?? ''}|${q.to ?? ''}`;
      // Priced at ~64 bytes a period across its four columns.
      const series = await deps.store.cache.load(
        version.id,
        key,
        () => readSeries(deps.database.db, version.id, q),
        (s) => 512 + 64 * s.periods.length,
      );
      if (series.periods.length === 0 && !q.from && !q.to) {
        throw notFound(`No observations for ${q.indicator} / ${q.region} / ${q.sector} / ${q.qualification} in dataset version ${version.id}.`);
      }
      c.header(DATA_VERSION_HEADER, String(version.id));
      return c.json(series);
    },
  );
