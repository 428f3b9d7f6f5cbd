export { createApp, apiRoutes, type AppType } from './app';
export type { AppDeps } from './deps';
/** The problem+json body every error answers with, so the web app reads the same shape (types only). */
export type { Problem } from './http/problem';
/** One official cell an upload would replace (the 409 REPLACES_OFFICIAL problem's `cells`; types only). */
export type { OfficialConflict } from './services/upload-official';
