import { lazy } from 'react';

/**
 * 403 / 404 result with a way back home. Loaded on demand: antd's Result carries its illustrations
 * (about 30 KB of script) that the login page, which loads with the entry, never shows.
 */
export const NotAllowed = lazy(() => import('./NotAllowedResult'));
