export * from './statistics';
export * from './api';
