export * from './auth';
export * from './password-change';
