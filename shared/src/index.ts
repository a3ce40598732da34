export * from './api';
export * from './regions';
export * from './people';
export * from './staff';
export * from './articles';
export * from './auth';
export * from './audit';
