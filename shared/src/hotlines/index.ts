export * from './hotlines';
