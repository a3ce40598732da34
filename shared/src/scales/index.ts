export * from './types';
export * from './scoring';
export * from './validate';
export * from './alerts';
export * from './definitions';
