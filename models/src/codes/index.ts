/**
 * Code lists of the long format (regions, sectors, qualifications, indicators,
 * breakdown groups) and their hierarchies: `@lmo/models/codes`. Split by
 * dimension; this file only re-exports, so bundlers keep just what is used.
 * Codes depend on nothing else in models at run time (only the `Unit` type of
 * data/observation), which keeps data → codes ← labour free of cycles.
 */
export * from './normalize';
export * from './regions';
export * from './sectors';
export * from './qualifications';
export * from './indicators';
export * from './breakdowns';
export * from './trees';
