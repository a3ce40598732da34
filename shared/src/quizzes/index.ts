export * from './types';
export * from './scoring';
export * from './statistics';
export * from './bank';
export * from './api';
