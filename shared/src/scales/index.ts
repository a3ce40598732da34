export * from './types';
export * from './scoring';
export * from './validate';
export * from './definitions';
export * from './api';
export * from './catalog';
export * from './stats';
export * from './help-requests';
