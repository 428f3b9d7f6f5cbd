/**
 * Everything of `@lmo/models` in one import, for server code (api, seeds). Browser
 * code imports a subpath (`@lmo/models/forecast`, `/labour`, `/data`, `/codes`) so the
 * bundle holds only what it uses; each index only re-exports.
 */
export * from './forecast/index';
export * from './labour/index';
export * from './data/index';
export * from './codes/index';
