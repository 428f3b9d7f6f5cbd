/**
 * createApp(deps): mounts one Hono sub-app per resource under /api, the OpenAPI
 * document and reference, the static web app, and a single onError that turns
 * every failure into problem+json.
 */
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { openAPIRouteHandler } from 'hono-openapi';
import { configOf, type AppDeps } from './deps';
import { jsonContentLength } from './http/json-length';
import { onError, problemResponse } from './http/on-error';
import { PROBLEM_TYPES } from './http/problem';
import { BEARER, bearerScheme, validationErrorResponse } from './http/responses';
import { authState, readGuard } from './http/require-role';
import { answerCache, revalidate, servedVersion, sharedRequest } from './http/read-path';
import { security } from './http/security';
import { mountWeb } from './http/static-web';
import { accuracyRoutes } from './routes/accuracy';
import { exportRoutes } from './routes/export';
import { forecastRoutes } from './routes/forecasts';
import { gapRoutes } from './routes/gaps';
import { healthRoutes } from './routes/health';
import { metaRoutes } from './routes/meta';
import { scenarioRoutes } from './routes/scenarios';
import { seriesRoutes } from './routes/series';
import { targetRoutes } from './routes/targets';
import { auditRoutes } from './routes/audit';
import { uploadRoutes } from './routes/uploads';
import { sessionRoutes } from './routes/session';
import { tokenRoutes } from './routes/tokens';
import { versionRoutes } from './routes/versions';
import { COMPRESS_THRESHOLD } from './http/fast-path';

/** The API routes alone, chained so `hc<AppType>` knows every path and response. */
export function apiRoutes(deps: AppDeps) {
  const config = configOf(deps);
  return (
    new Hono()
      // Large JSON and CSV answers go out compressed when the client accepts it (outside the answer cache,
      // which stores them uncompressed, so every client gets the encoding it asked for).
      .use('/api/*', compress({ threshold: COMPRESS_THRESHOLD }))
      // …and the threshold needs a Content-Length, which c.json() answers lack (http/json-length.ts).
      .use('/api/*', jsonContentLength())
      // The served version, resolved once per read request when first needed (c.var.version, http/read-path.ts).
      .use('/api/*', servedVersion(deps.store))
      // Next: a stored answer keeps the headers the chain below added, and only anonymous
      // public reads (the same for everyone) are answered from it (the one read cache).
      .use(
        '/api/*',
        answerCache({
          // Its budget says whether answers are kept at all (read-cache.ts readCacheFor, RESPONSE_CACHE_MB).
          cache: deps.store.cache,
          cacheable: (c) =>
            sharedRequest({ authorization: c.req.header('authorization'), origin: c.req.header('origin') }, authState(deps).settings.publicRead),
        }),
      )
      // Secure headers, CORS, body and upload limits wrap every route (see http/security.ts).
      .use(...security(config.security))
      // PUBLIC_READ=false: reads need a viewer token too (http/require-role.ts).
      .use('/api/*', readGuard(deps))
      // If-None-Match with this version's ETag: 304 before the route runs.
      .use('/api/*', revalidate())
      .route('/api/health', healthRoutes(deps))
      .route('/api/meta', metaRoutes(deps))
      .route('/api/series', seriesRoutes(deps))
      .route('/api/forecasts', forecastRoutes(deps))
      .route('/api/gaps', gapRoutes(deps))
      .route('/api/scenarios', scenarioRoutes(deps))
      .route('/api/targets', targetRoutes(deps))
      .route('/api/accuracy', accuracyRoutes(deps))
      .route('/api/export.csv', exportRoutes(deps))
      .route('/api/uploads', uploadRoutes(deps))
      .route('/api/versions', versionRoutes(deps))
      .route('/api/audit', auditRoutes(deps))
      .route('/api/session', sessionRoutes(deps))
      .route('/api/tokens', tokenRoutes(deps))
  );
}

/** The complete application: API, docs, static web app and error handling. */
export function createApp(deps: AppDeps) {
  const app = apiRoutes(deps);
  app.get(
    '/api/openapi.json',
    openAPIRouteHandler(app, {
      documentation: {
        openapi: '3.1.0',
        info: {
          title: 'Labour Market Outlook API — Triển vọng thị trường lao động',
          version: '1.0.0',
          description:
            'Labour supply and demand forecasts for Viet Nam. Every figure carries its source and status; anything computed is `modelled`. Errors are RFC 9457 problem+json.\n\nSigning in: reads are public while PUBLIC_READ is on (the default); uploads, rollback and the audit log need an analyst token, token management an admin token, sent as `Authorization: Bearer lmo_…` (an admin creates tokens with `pnpm run token create` or POST /api/tokens).',
        },
        tags: [
          { name: 'system', description: 'Health' },
          { name: 'data', description: 'Code lists, observations, CSV export' },
          { name: 'outlook', description: 'Forecasts, gaps and targets computed once per dataset version' },
          { name: 'uploads', description: 'Sign-in, uploads, dataset versions, audit log and API tokens (analyst and admin)' },
        ],
        servers: [{ url: '/', description: 'This server' }],
        // Each operation says who may call it (http/responses.ts: publicRead, needsRole, alwaysOpen).
        components: { securitySchemes: { [BEARER]: bearerScheme } },
      },
      // Validators' 400 answers are problem+json like every other error, not hono-openapi's default shape.
      defaultValidationErrorResponse: validationErrorResponse,
      exclude: ['/api/openapi.json', '/api/docs'],
      // /api/export.csv has a dot but is a route, not a static file.
      excludeStaticFile: false,
    }),
  );
  app.get('/api/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'Labour Market Outlook API' }));
  app.all('/api/*', (c) =>
    problemResponse(c, {
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: `No API route ${c.req.method} ${c.req.path}; see /api/docs.`,
    }),
  );
  mountWeb(app as unknown as Hono, deps.webDist);
  app.notFound((c) => problemResponse(c, { type: 'about:blank', title: 'Not found', status: 404, detail: `Nothing at ${c.req.path}.` }));
  app.onError(onError(deps.logError));
  return app;
}

/** Type of the API for `hc<AppType>` in the web app. */
export type AppType = ReturnType<typeof apiRoutes>;
