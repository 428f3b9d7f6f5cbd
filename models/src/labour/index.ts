export * from './shares';
export * from './types';
export * from './structure';
export * from './hierarchy';
export * from './reconcile';
export * from './breaks';
export * from './observations';
export * from './projection';
export * from './openings';
export * from './supply';
export * from './other-entrants';
export * from './imbalance';
export * from './scenarios';
export * from './targets';
export * from './official';
export * from './official-rules';
export * from './basis';
export * from './data-levels';
export * from './recompute';
export * from './base';
export * from './assumptions';
export * from './accuracy-summary';
export * from './system-backtest';
export * from './outlook';
// demography/age-groups' `yearsOf` (years of a ByYear record) would clash with observations' `yearsOf`.
export {
  AGE_GROUP_COUNT,
  AGE_STEP,
  WORKING_AGE_FIRST,
  SEXES,
  BROAD_GROUPS,
  BROAD_MEMBERS,
  ageGroupIndex,
  zeroAges,
  zeroSexAges,
  sumAt,
  type Sex,
  type SexAges,
  type ByYear,
  type BroadGroup,
} from './demography/age-groups';
export * from './demography/logit';
export * from './demography/population';
export * from './demography/retirement-age';
export * from './demography/participation';
export * from './demography/participation-profile';
export * from './demography/participation-forecast';
export * from './demography/labour-supply';
export * from './demography/qualification-stock';
export * from './demography/qualification-calibrate';
export * from './demography/replacement';
export * from './demography/from-observations';
export * from './composition';
export * from './system';
export * from './target-decisions';
export * from './scenario-params/index';
