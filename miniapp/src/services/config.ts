import { API_PREFIX } from '@xinqiao/shared';

/**
 * Origin of the API. H5 is served by the API process itself (at /h5/), so it calls the same
 * origin. The WeChat build needs an absolute https origin from TARO_APP_API_BASE (see .env.example).
 */
export function apiOrigin(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '');
}

export function isApiConfigured(): boolean {
  return process.env.TARO_ENV === 'h5' || apiOrigin() !== '';
}

/** `/articles` -> `/api/v1/articles` (H5) or `https://host/api/v1/articles` (weapp). */
export function apiUrl(path: string): string {
  return `${apiOrigin()}${API_PREFIX}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Server-relative file URLs (`/uploads/...`) need the API origin outside H5. */
export function assetUrl(url: string | null | undefined): string {
  if (!url) return '';
  if (url.startsWith('/') && !url.startsWith('//')) return `${apiOrigin()}${url}`;
  return url;
}
