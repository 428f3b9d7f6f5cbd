export * from './forecast/index';
export * from './labour/index';
export * from './data/index';
