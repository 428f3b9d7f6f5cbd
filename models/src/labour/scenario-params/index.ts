/** Scenario parameters: lever specs, their schema, the baseline beside each lever and their translation into a scenario. */
export * from './specs';
export * from './schema';
export * from './baseline';
export * from './translate';
