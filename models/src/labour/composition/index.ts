export * from './forecaster';
export * from './log-ratio';
export * from './share-intervals';
export * from './share-forecast';
export * from './allocate';
export * from './demand-from-output';
export * from './coherence';
