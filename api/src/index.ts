export { createApp, apiRoutes, type AppType } from './app';
export type { AppDeps } from './deps';
/** The problem+json body every error answers with, so the web app reads the same shape (types only). */
export type { Problem } from './http/problem';
