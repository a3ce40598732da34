/**
 * The one HTTP client of the console: openapi-fetch typed by the generated contract (`ApiPaths`), so
 * a call's path, parameters and body are checked against docs/openapi.json. Its middleware adds the
 * bearer token, refreshes an expired access token once (single-flight) and repeats the call, and
 * turns error answers into `ApiRequestError` carrying the server's zh-CN `message`. UI reactions
 * (toasts, navigation) are injected with `configureClient` so this module stays free of React and antd.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { API_PREFIX, STAFF_CSRF_COOKIE, STAFF_CSRF_HEADER, type ApiError, type ApiPaths, type ErrorCode, type StaffLoginResult } from '@xinqiao/shared';
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

/**
 * What a call may add to openapi-fetch's options. openapi-fetch copies unknown options onto the
 * request it builds, which is how the middleware reads them.
 */
export interface CallOptions {
  /** Send the bearer token and handle expiry (default true). */
  auth?: boolean;
  /** Do not report errors through `onError`; the caller shows them. */
  silent?: boolean;
}

/** The option a read offers the pages that show its error themselves. */
export type ReadOptions = Pick<CallOptions, 'silent'>;

type CallRequest = Request & CallOptions;

const NETWORK_MESSAGE = '网络异常，请检查网络连接后重试';

async function toError(res: Response): Promise<ApiRequestError> {
  const payload = (await res.json().catch(() => null)) as Partial<ApiError> | null;
  if (payload && typeof payload.message === 'string') {
    return new ApiRequestError(res.status, payload.code ?? 'UNKNOWN', payload.message, payload.details);
  }
  return new ApiRequestError(res.status, 'UNKNOWN', `请求失败（HTTP ${res.status}）`);
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

function fail(error: ApiRequestError, call: CallRequest): never {
  if (!call.silent) hooks.onError(error);
  throw error;
}

function bearer(token: string | null | undefined): string | null {
  return token ? `Bearer ${token}` : null;
}

/** A copy of each authenticated request taken before it is sent, to send it again after a refresh. */
const unsent = new WeakMap<Request, Request>();

/**
 * The session and error handling of every call: the token, its refresh on TOKEN_EXPIRED, sign-out
 * on any other 401, the forced password change, and reporting. An error answer always throws, so a
 * call that resolves carries its `data`.
 */
const sessionMiddleware: Middleware = {
  async onRequest({ request }) {
    if ((request as CallRequest).auth === false) return;
    // After a reload the page has the profile but no token yet: get one from the session cookie first.
    if (sessionStore.get() && !sessionStore.get()!.accessToken) await refreshSession();
    const auth = bearer(sessionStore.get()?.accessToken);
    if (auth) request.headers.set('Authorization', auth);
    unsent.set(request, request.clone());
  },

  async onResponse({ request, response }) {
    const call = request as CallRequest;
    if (response.ok) return undefined;
    const auth = call.auth !== false;
    let res = response;
    let error = await toError(res);

    if (auth && error.status === 401 && error.code === 'TOKEN_EXPIRED') {
      // Another request may already have rotated the pair while this one was in flight.
      const current = bearer(sessionStore.get()?.accessToken);
      const refreshed = current && current !== request.headers.get('Authorization') ? true : await refreshSession();
      if (!refreshed) {
        sessionStore.clear();
        hooks.onAuthLost();
        throw new ApiRequestError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
      }
      const again = unsent.get(request)!;
      again.headers.set('Authorization', bearer(sessionStore.get()?.accessToken) ?? '');
      try {
        res = await fetch(again);
      } catch {
        return fail(new ApiRequestError(0, 'NETWORK_ERROR', NETWORK_MESSAGE), call);
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
    return fail(error, call);
  },

  onError({ request }) {
    return fail(new ApiRequestError(0, 'NETWORK_ERROR', NETWORK_MESSAGE), request as CallRequest);
  },
};

/**
 * The typed client: `api.GET('/admin/articles/{id}', { params: { path: { id } }, silent: true })`.
 * `fetch` is looked up per call so tests can stand in for the server.
 */
export const api = createClient<ApiPaths>({
  baseUrl: `${location.origin}${API_PREFIX}`,
  headers: { Accept: 'application/json' },
  querySerializer: toQueryString,
  fetch: (request) => fetch(request),
});
api.use(sessionMiddleware);

/**
 * The answer of a call made with `api`: the body the contract declares for the route (the middleware
 * throws on an error answer, so a resolved call has one). Each API function names its shared answer
 * type, which the compiler checks against the contract's.
 */
export async function data<R extends { data?: unknown }>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  return (await call).data as NonNullable<R['data']>;
}

/** A new access token from the session cookie; concurrent callers in this tab share one call. */
export const refreshSession = singleFlight(async (): Promise<boolean> => {
  if (!sessionStore.get()) return false;
  try {
    return await oneTabAtATime(async () => {
      const login: StaffLoginResult = await data(api.POST('/auth/staff/refresh', { body: {}, headers: csrfHeader(), auth: false, silent: true }));
      sessionStore.saveLogin(login);
      return true;
    });
  } catch {
    return false;
  }
});

/**
 * The multipart body of an upload route (`{ file }` in the contract), sent with
 * `bodySerializer: () => fileForm(file, filename)`.
 */
export function fileForm(file: Blob, filename?: string): FormData {
  const form = new FormData();
  form.append('file', file, filename);
  return form;
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
 * A file answer (call made with `parseAs: 'blob'`), fetched with the same authentication as JSON
 * calls: a plain `<a href>` cannot carry the bearer token, so the caller saves the Blob.
 */
export async function download(call: Promise<{ data?: Blob; response: Response }>): Promise<DownloadedFile> {
  const { data: blob, response } = await call;
  return { blob: blob!, filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
}
