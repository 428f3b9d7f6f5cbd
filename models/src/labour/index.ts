export * from './codes';
export * from './shares';
export * from './types';
