export * from './notifications';
export * from './staff-notices';
