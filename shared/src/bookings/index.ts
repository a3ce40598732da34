export * from './types';
export * from './slots';
export * from './rules';
export * from './ics';
