export * from './types';
export * from './scoring';
export * from './validate';
export * from './alerts';
export * from './definitions';
export * from './api';
export * from './catalog';
export * from './stats';
