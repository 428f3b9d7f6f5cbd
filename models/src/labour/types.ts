/**
 * Output shapes of the labour-market model (openings, new supply, imbalance,
 * targets, scenarios). Everything here is plain JSON-serialisable data: the api
 * stores it per dataset version and serves it without recomputing.
 *
 * Conventions
 * - Periods are labels (`2025`); horizons are whole years after `baseYear`.
 * - Every computed figure carries `status: 'modelled'` and a `source` text.
 * - `null` stands for "not defined" (e.g. a ratio with zero openings), never NaN/Infinity.
 *
 * The shapes are grouped by domain: cell-types.ts (one cell's history and forecast),
 * gap-types.ts (gap rows, flags, thresholds), target-types.ts (the new fields' targets) and
 * outlook-types.ts (scenario, assumptions, accuracy, outlook); this module gathers them.
 */
export type * from './cell-types';
export type * from './gap-types';
export type * from './target-types';
export type * from './outlook-types';
