/**
 * The one HTTP client of the console. It adds the bearer token, refreshes an expired access token
 * once (single-flight) and retries, and turns error answers into `ApiRequestError` carrying the
 * server's zh-CN `message`. UI reactions (toasts, navigation) are injected with `configureClient`
 * so this module stays free of React and antd.
 */
import { API_PREFIX, STAFF_CSRF_COOKIE, STAFF_CSRF_HEADER, type ApiError, type ErrorCode, type StaffLoginResult } from '@xinqiao/shared';
import { sessionStore } from '../auth/sessionStore';
import { singleFlight } from '../utils/singleFlight';
import { toQueryString } from '../utils/query';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR' | 'UNKNOWN',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface ClientHooks {
  /** Show an error to the user (not called for `silent` requests). */
  onError(error: ApiRequestError): void;
  /** The session is gone (refresh failed or token rejected): go to the login page. */
  onAuthLost(): void;
  /** The account must change its initial password before doing anything else. */
  onPasswordChangeRequired(): void;
}

let hooks: ClientHooks = {
  onError: () => undefined,
  onAuthLost: () => undefined,
  onPasswordChangeRequired: () => undefined,
};

export function configureClient(next: Partial<ClientHooks>): void {
  hooks = { ...hooks, ...next };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: object;
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  /** Send the bearer token and handle expiry (default true). */
  auth?: boolean;
  /** Do not report errors through `onError`; the caller shows them. */
  silent?: boolean;
  headers?: Record<string, string>;
}

const NETWORK_MESSAGE = '网络异常，请检查网络连接后重试';

async function send(method: HttpMethod, path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_PREFIX}${path}${toQueryString(opts.query as Record<string, unknown>)}`, { method, headers, body });
  } catch {
    throw new ApiRequestError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
  }
}

async function toError(res: Response): Promise<ApiRequestError> {
  const payload = (await res.json().catch(() => null)) as Partial<ApiError> | null;
  if (payload && typeof payload.message === 'string') {
    return new ApiRequestError(res.status, payload.code ?? 'UNKNOWN', payload.message, payload.details);
  }
  return new ApiRequestError(res.status, 'UNKNOWN', `请求失败（HTTP ${res.status}）`);
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The CSRF token the server set beside the session cookie; the session routes want it back in a header. */
export function csrfHeader(): Record<string, string> {
  const cookie = typeof document === 'undefined' ? '' : document.cookie;
  const value = cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${STAFF_CSRF_COOKIE}=`))
    ?.slice(STAFF_CSRF_COOKIE.length + 1);
  return value ? { [STAFF_CSRF_HEADER]: decodeURIComponent(value) } : {};
}

/**
 * Tabs share the session cookie and each refresh rotates it, so tabs take turns (Web Locks where the
 * browser has them): a tab that refreshed after another one presents the cookie that tab left.
 */
function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('xq-admin-session-refresh', work) as Promise<T>) : work();
}

/** A new access token from the session cookie; concurrent callers in this tab share one call. */
export const refreshSession = singleFlight(async (): Promise<boolean> => {
  if (!sessionStore.get()) return false;
  try {
    return await oneTabAtATime(async () => {
      const res = await send('POST', '/auth/staff/refresh', { headers: csrfHeader() }, null);
      if (!res.ok) return false;
      sessionStore.saveLogin(await parse<StaffLoginResult>(res));
      return true;
    });
  } catch {
    return false;
  }
});

function fail(error: ApiRequestError, opts: RequestOptions): never {
  if (!opts.silent) hooks.onError(error);
  throw error;
}

/**
 * Send with the session's token and handle expiry, the forced password change and error
 * reporting; resolves with the successful (2xx) response, unread.
 */
async function execute(method: HttpMethod, path: string, opts: RequestOptions): Promise<Response> {
  const auth = opts.auth ?? true;
  // After a reload the page has the profile but no token yet: get one from the session cookie first.
  if (auth && sessionStore.get() && !sessionStore.get()!.accessToken) await refreshSession();
  let token = auth ? (sessionStore.get()?.accessToken ?? null) : null;
  let res: Response;
  try {
    res = await send(method, path, opts, token);
  } catch (e) {
    return fail(e as ApiRequestError, opts);
  }

  if (res.ok) return res;
  let error = await toError(res);

  if (auth && error.status === 401 && error.code === 'TOKEN_EXPIRED') {
    // Another request may already have rotated the pair while this one was in flight.
    const rotated = sessionStore.get()?.accessToken;
    const refreshed = rotated && rotated !== token ? true : await refreshSession();
    if (!refreshed) {
      sessionStore.clear();
      hooks.onAuthLost();
      throw new ApiRequestError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    }
    token = sessionStore.get()?.accessToken ?? null;
    try {
      res = await send(method, path, opts, token);
    } catch (e) {
      return fail(e as ApiRequestError, opts);
    }
    if (res.ok) return res;
    error = await toError(res);
  }

  if (auth && error.status === 401) {
    sessionStore.clear();
    hooks.onAuthLost();
    throw error;
  }
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    sessionStore.updateStaff({ mustChangePassword: true });
    hooks.onPasswordChangeRequired();
    throw error;
  }
  return fail(error, opts);
}

export async function request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
  return parse<T>(await execute(method, path, opts));
}

export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, or null when the server did not name the file. */
  filename: string | null;
}

/**
 * `filename*=UTF-8''...` (RFC 5987, used for Chinese names) wins over a plain `filename=`.
 * Returns null when the header names no file.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*utf-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || null;
}

/**
 * GET a file with the same authentication as JSON calls. A plain `<a href>` cannot carry the bearer
 * token, so the body is fetched as a Blob for the caller to save.
 */
export async function download(path: string, query?: object, opts: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<DownloadedFile> {
  const res = await execute('GET', path, { ...opts, query });
  return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('Content-Disposition')) };
}

export const http = {
  get: <T>(path: string, query?: object, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};
