export * from './api';
export * from './time';
export * from './privacy';
export * from './login-backoff';
export * from './rules';
