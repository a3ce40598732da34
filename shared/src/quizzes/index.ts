export * from './types';
export * from './scoring';
export * from './bank';
export * from './api';
export * from './rules';
