/**
 * Survey microdata upload: one row per respondent → weighted totals with
 * standard errors and Cedefop "use with caution" flags. See
 * microdata-aggregate.ts for the cells, microdata-row.ts for the checks of
 * each respondent and microdata-estimator.ts for the variance estimator.
 */
export * from './microdata-types';
export * from './microdata-columns';
export * from './microdata-labels';
export * from './microdata-estimator';
export * from './microdata-aggregate';
export * from './microdata-csv';
