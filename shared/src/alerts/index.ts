export * from './types';
export * from './escalation';
export * from './roster';
export * from './casework';
export * from './rules';
export * from './follow-up-time';
export * from './api';
