/**
 * Planners' scenarios (issue 13 §1): GET /api/scenarios (presets, the levers with units and
 * ranges, and the baseline values), POST /api/scenarios (a parameter set → its id, computed on
 * the served version before the answer), POST /api/scenarios/engine (warm the engine when the
 * builder opens), GET /api/scenarios/:id.
 */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { describeRoute, resolver, uniqueSymbol } from 'hono-openapi';
import { z } from 'zod';
import { PRESETS, PARAMETER_SPECS, parseScenarioParameters, scenarioParametersSchema } from '@lmo/models/labour';
import { scenariosOf, type AppDeps } from '../deps';
import { invalidRequest, notFound } from '../domain-error';
import { DATA_VERSION_HEADER } from '../http/read-path';
import { jsonResponses, publicRead, readProblems } from '../http/responses';
import { scenarioCreatedSchema, scenarioEngineSchema, scenarioInfoSchema, scenarioListSchema } from '../http/schemas-scenarios';

/** The body validator: a failure names every unknown, mistyped or out-of-range parameter (400). */
const parametersBody = Object.assign(
  zValidator('json', scenarioParametersSchema, (result) => {
    if (result.success) return;
    const r = parseScenarioParameters(result.data);
    const issues = r.ok ? [{ path: '(body)', message: 'invalid' }] : r.issues;
    throw invalidRequest(`Invalid scenario parameters: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
  }),
  { [uniqueSymbol]: { target: 'json', ...resolver(scenarioParametersSchema) } },
);

/** Scenario routes. */
export const scenarioRoutes = (deps: AppDeps) =>
  new Hono()
    .get(
      '/',
      describeRoute({
        tags: ['outlook'],
        summary:
          'The scenario levers (unit, range, default, keys, names in Vietnamese and English), the presets as parameter sets, and the baseline value of each lever for the served version',
        ...publicRead(),
        // No parameters, so no 400.
        responses: jsonResponses('Levers, presets and baseline', scenarioListSchema, { 400: false }),
      }),
      async (c) => {
        const snap = await deps.store.current();
        const engine = scenariosOf(deps).engine;
        // A read, not a warm-up: every page with a (closed) builder asks for this, and fitting the
        // base on each of those visits would spend seconds of CPU on readers who never build a
        // scenario. Opening the builder warms it (POST /api/scenarios/engine).
        // No Data-Version header: the engine state changes, so the answer is never replayed from the cache.
        c.header('cache-control', 'no-store');
        return c.json({
          presets: PRESETS.map((p) => ({
            id: p.id,
            nameVi: p.nameVi,
            nameEn: p.nameEn,
            descriptionVi: p.description.vi,
            descriptionEn: p.description.en,
            parameters: p.parameters,
          })),
          specs: PARAMETER_SPECS.map((s) => ({ ...s, keys: s.keys ? [...s.keys] : null, default: Number.isFinite(s.default) ? s.default : null })),
          baseline: snap.summary.scenarioBaseline ?? null,
          engine: engine.state(snap.version.id),
        });
      },
    )
    .post(
      '/',
      describeRoute({
        tags: ['outlook'],
        ...publicRead(),
        summary:
          'Create a scenario from parameters (`valueAddedGrowth`: section or broad sector → % a year, or → { "2026-2030": % }; `trainingOutputChange`: level → % change; see the schema for the others). The id is derived from the normalised parameters: the same parameters give the same id. Answers once the scenario is computed on the served version; read it with `scenario=<id>` on forecasts, gaps, targets and export.csv. Rate-limited per client (SCENARIO_RATE_LIMIT a minute).',
        responses: {
          201: { description: 'Created (or already known)', content: { 'application/json': { schema: resolver(scenarioCreatedSchema) } } },
          ...readProblems({
            400: 'Unknown, mistyped or out-of-range parameters, each named in `errors`; nothing is stored',
            413: true,
            429: 'Over SCENARIO_RATE_LIMIT scenario requests a minute from this client, or (PUBLIC_READ=false) too many invalid tokens (`Retry-After`)',
          }),
        },
      }),
      parametersBody,
      async (c) => {
        const snap = await deps.store.current();
        const created = await scenariosOf(deps).create(snap, c.req.valid('json'));
        c.header(DATA_VERSION_HEADER, String(snap.version.id));
        c.header('location', `/api/scenarios/${created.id}`);
        return c.json(created, 201);
      },
    )
    .post(
      '/engine',
      describeRoute({
        tags: ['outlook'],
        ...publicRead(),
        summary:
          'Warm the scenario engine: fit the served version once, in the background, so the first scenario a planner builds answers quickly. The web app calls it when the scenario builder is opened. Idempotent; answers at once with the engine state.',
        responses: {
          202: { description: 'Warming (or already warm)', content: { 'application/json': { schema: resolver(scenarioEngineSchema) } } },
          ...readProblems({ 400: false }),
        },
      }),
      async (c) => {
        const snap = await deps.store.current();
        const engine = scenariosOf(deps).engine;
        void engine.warm(snap.version.id).catch(() => {});
        c.header('cache-control', 'no-store');
        return c.json({ engine: engine.state(snap.version.id) }, 202);
      },
    )
    .get(
      '/:id',
      describeRoute({
        tags: ['outlook'],
        summary: 'A preset or stored scenario: its normalised parameters',
        ...publicRead(),
        responses: jsonResponses('Scenario', scenarioInfoSchema, { 404: 'No such scenario (never created, or expired)' }),
      }),
      zValidator('param', z.object({ id: z.string().min(1).max(64) })),
      async (c) => {
        const { id } = c.req.valid('param');
        const info = await scenariosOf(deps).find(id);
        if (!info)
          throw notFound(
            `No scenario '${id}': it was never created here or has expired (the least recently used are removed). Create it again with POST /api/scenarios.`,
          );
        return c.json(info);
      },
    );
