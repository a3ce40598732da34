export * from './staff';
export * from './readers';
