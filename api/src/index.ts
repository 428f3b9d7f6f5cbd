export { createApp, apiRoutes, type AppType } from './app';
export type { AppDeps } from './deps';
