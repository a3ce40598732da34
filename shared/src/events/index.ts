export * from './types';
export * from './crypto';
export * from './tickets';
export * from './checkin-codes';
export * from './registration';
export * from './checkin';
export * from './coverage';
export * from './api';
