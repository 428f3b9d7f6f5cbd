export * from './observation';
export * from './csv-sniff';
export * from './long-format';
export * from './wide';
export * from './microdata';
export * from './sdmx';
export * from './pxweb';
export * from './plausibility';
