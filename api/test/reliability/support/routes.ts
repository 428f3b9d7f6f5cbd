/**
 * Every GET route of the API with its query parameters, shared by the
 * query-parameter fuzz and the SQL-injection tests. The order of routes and of
 * parameters is significant: fuzz-query.test.ts picks them by index under a
 * fixed seed, so reordering changes the URLs it generates.
 */
export const ROUTE_PARAMS: Readonly<Record<string, readonly string[]>> = {
  '/api/health': [],
  '/api/meta': [],
  '/api/series': ['indicator', 'region', 'sector', 'qualification', 'from', 'to'],
  '/api/forecasts': ['indicator', 'region', 'sector', 'qualification', 'horizon', 'scenario', 'levels'],
  '/api/gaps': ['region', 'sector', 'qualification', 'horizon', 'scenario', 'sort'],
  '/api/targets': ['scenario'],
  '/api/export.csv': ['view', 'indicator', 'region', 'sector', 'qualification', 'from', 'to', 'horizon', 'scenario', 'levels', 'sort'],
  '/api/versions': ['limit'],
  '/api/versions/1/diff': ['limit'],
  '/api/audit': ['limit', 'actor', 'action', 'before', 'after'],
};
