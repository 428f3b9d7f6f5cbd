/** GET /api/meta: code lists (with the 63→34 crosswalk), periods, scenarios and sources. */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { DATA_VERSION_HEADER, requestSnapshot, versionOf } from '../http/read-path';
import { jsonResponses, publicRead } from '../http/responses';
import { unitSchema } from '../http/schemas';
import { metaCodes } from '../services/catalog';
import { SCENARIOS, DATA_LEVELS } from '@lmo/models/labour';
import { OBSERVATION_STATUSES } from '@lmo/models';
import { observationStats } from '../services/observation-stats';
import { MAX_LEVEL_SOURCES } from '../services/level-sources';

const named = { code: z.string(), nameVi: z.string(), nameEn: z.string() };
const dataLevelSchema = z
  .object({
    level: z.enum(DATA_LEVELS.map((l) => l.id) as [string, ...string[]]),
    nameVi: z.string(),
    nameEn: z.string(),
    status: z.enum(OBSERVATION_STATUSES),
    from: z.string(),
    to: z.string(),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
    frequencies: z.array(z.enum(['annual', 'quarterly'])),
    indicators: z.array(z.object({ code: z.string(), from: z.string(), to: z.string(), rows: z.number().int() })),
    rows: z.number().int(),
    sources: z
      .array(z.string())
      .max(MAX_LEVEL_SOURCES)
      .meta({
        description: `The ${MAX_LEVEL_SOURCES} most frequent source families (publisher, table or series code, release; citations differing only by year or by a per-province tail merged, years shown as a span), most rows first`,
      }),
    sourceCount: z.number().int().meta({ description: 'Distinct source families of the row (the full list `sources` is cut from)' }),
    citationCount: z.number().int().meta({ description: 'Distinct raw citations of the row, before merging into families' }),
  })
  .meta({ id: 'DataLevel' });
/** Response of GET /api/meta. */
export const metaSchema = z
  .object({
    regions: z.array(
      z.object({
        ...named,
        level: z.enum(['country', 'region', 'province']),
        parent: z.string().nullable(),
        kind: z.string().optional(),
        formerCodes: z.array(z.string()).optional(),
      }),
    ),
    formerProvinces: z
      .array(z.object({ ...named, current: z.string(), formerRegion: z.string() }))
      .meta({ description: 'The 63 provinces before 1 July 2025 and the current unit each now belongs to' }),
    sectors: z.array(
      z.object({
        ...named,
        level: z.string(),
        parent: z.string().nullable(),
        additive: z.boolean(),
        newField: z.boolean(),
        scopeVi: z.string().optional(),
        scopeEn: z.string().optional(),
      }),
    ),
    qualifications: z.array(z.object({ ...named, parent: z.string().nullable(), vocational: z.boolean() })),
    indicators: z.array(
      z.object({
        ...named,
        unit: unitSchema,
        kind: z.string(),
        axis: z
          .enum(['sector', 'group', 'occupation'])
          .meta({ description: 'What the sector column holds: a sector code, a sex:age group (T:15-24) or an occupation (OCC1)' }),
        descriptionVi: z.string(),
        descriptionEn: z.string(),
      }),
    ),
    occupations: z
      .array(z.object({ ...named, major: z.number().nullable() }))
      .meta({ description: 'VSCO 2008 major groups (sector column of employment_by_occupation)' }),
    periods: z.object({
      observed: z.array(z.string()),
      first: z.string().nullable(),
      last: z.string().nullable(),
      baseYear: z.number().nullable(),
      forecastTo: z.string().nullable(),
      maxHorizonYears: z.number(),
    }),
    scenarios: z.array(
      z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string(), descriptionVi: z.string(), descriptionEn: z.string() }),
    ),
    sources: z.array(
      z.object({
        citation: z.string(),
        status: z.string(),
        rows: z.number(),
        citations: z.number().int().meta({
          description:
            'How many raw citations this line merges (citations differing only by year or by a per-province tail are one family, years shown as a span)',
        }),
      }),
    ),
    dataLevels: z.array(dataLevelSchema).meta({
      description:
        'What is real: per level of detail and status, the indicators, years and sources loaded (derived from the observations of the served version)',
    }),
    dataVersion: z.object({ id: z.number(), label: z.string(), createdAt: z.string() }).nullable(),
  })
  .meta({ id: 'Meta' });

/** Meta routes. */
export const metaRoutes = (deps: AppDeps) =>
  new Hono().get(
    '/',
    describeRoute({
      tags: ['data'],
      summary: 'Regions (34 units + former-province crosswalk), sectors, qualifications, indicators, periods, scenarios, sources',
      ...publicRead(),
      // No parameters, so no 400.
      responses: jsonResponses('Meta', metaSchema, { 400: false }),
    }),
    async (c) => {
      // Meta never waits for the outlook: code lists, periods and sources come from the
      // observations; scenarios are the model's fixed list.
      const version = await versionOf(c);
      const stats = version
        ? await deps.store.cache.load(
            version.id,
            'meta:stats',
            () => observationStats(deps.database.db, version.id),
            (s) => JSON.stringify(s).length,
          )
        : { periods: [], sources: [], lastEmploymentYear: null, dataLevels: [] };
      const snap = (await requestSnapshot(c)) ?? deps.store.peek();
      const summary = snap && version && snap.version.id === version.id ? snap.summary : null;
      const observed = stats.periods;
      const baseYear = summary?.baseYear || stats.lastEmploymentYear;
      const maxHorizonYears = summary?.horizon || 10;
      // Cached only once the results are loaded: until then baseYear and scenarios are provisional.
      if (summary) c.header(DATA_VERSION_HEADER, String(version!.id));
      return c.json({
        ...metaCodes(),
        periods: {
          observed,
          first: observed[0] ?? null,
          last: observed.at(-1) ?? null,
          baseYear,
          forecastTo: baseYear ? String(baseYear + maxHorizonYears) : null,
          maxHorizonYears,
        },
        scenarios: (summary?.scenarios ?? SCENARIOS).map((s) => ({
          id: s.id,
          code: s.id,
          nameVi: s.nameVi,
          nameEn: s.nameEn,
          descriptionVi: s.description.vi,
          descriptionEn: s.description.en,
        })),
        sources: stats.sources,
        dataLevels: stats.dataLevels,
        dataVersion: version ? { id: version.id, label: version.label, createdAt: version.createdAt } : null,
      });
    },
  );
