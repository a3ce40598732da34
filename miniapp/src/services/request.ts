import Taro from '@tarojs/taro';
import type { ApiError, ApiPaths, ErrorCode } from '@xinqiao/shared';
import type {
  IsOperationRequestBodyOptional,
  MediaType,
  OperationRequestBodyContent,
  PathsWithMethod,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
} from 'openapi-typescript-helpers';
import { apiUrl, isApiConfigured } from './config';
import { clearToken, getToken } from './session';

/** Server error codes plus the ones the client produces itself. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'HTTP_ERROR' | 'API_NOT_CONFIGURED' | 'PRIVACY_DECLINED' | 'LOGIN_FAILED';

/** What every failed call throws: `message` is zh-CN and can be shown as is. */
export class RequestError extends Error {
  readonly code: ClientErrorCode;
  readonly statusCode: number;
  readonly details?: unknown;

  constructor(message: string, code: ClientErrorCode, statusCode = 0, details?: unknown) {
    super(message);
    this.name = 'RequestError';
    this.code = code;
    this.statusCode = statusCode;
    this.details = details;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/**
 * - `none`: never send a token (login calls).
 * - `optional`: send the token when there is one (public content scoped to the resident).
 * - `required`: log in first when there is no token.
 */
export type AuthMode = 'none' | 'optional' | 'required';

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  data?: unknown;
  auth?: AuthMode;
  /** Show the error message as a toast (default true). */
  toast?: boolean;
}

const REQUEST_TIMEOUT_MS = 15_000;

type ResponseBody = string | TaroGeneral.IAnyObject | ArrayBuffer;

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '内容不存在或已下线',
  409: '操作冲突，请刷新后重试',
  413: '内容太大了',
  429: '操作太频繁，请稍后再试',
};
const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const SERVER_MESSAGE = '服务暂时不可用，请稍后再试';

type Relogin = () => Promise<unknown>;
let relogin: Relogin | null = null;

/** Registered by the auth service: how to get a fresh token after a 401 (or before a `required` call). */
export function setReloginHandler(handler: Relogin | null): void {
  relogin = handler;
}

export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function isApiErrorBody(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).code === 'string';
}

/** Map an error answer `{ statusCode, code, message }` (or anything else) to a RequestError. */
export function errorFromResponse(statusCode: number, body: unknown): RequestError {
  if (isApiErrorBody(body)) {
    const raw = (body as { message?: unknown }).message;
    const message = typeof raw === 'string' && raw ? raw : Array.isArray(raw) ? raw.join('；') : (STATUS_MESSAGES[statusCode] ?? SERVER_MESSAGE);
    return new RequestError(message, body.code, statusCode, body.details);
  }
  if (statusCode === 401) return new RequestError(STATUS_MESSAGES[401], 'UNAUTHENTICATED', statusCode);
  return new RequestError(STATUS_MESSAGES[statusCode] ?? SERVER_MESSAGE, 'HTTP_ERROR', statusCode);
}

export function toRequestError(error: unknown): RequestError {
  if (error instanceof RequestError) return error;
  return new RequestError(NETWORK_MESSAGE, 'NETWORK_ERROR');
}

/** wx.request has no PATCH; the WeChat build sends PUT, which the server accepts as an alias. */
function wireMethod(method: HttpMethod): HttpMethod {
  return method === 'PATCH' && process.env.TARO_ENV === 'weapp' ? 'PUT' : method;
}

async function send<T>(path: string, options: RequestOptions, retried: boolean): Promise<T> {
  const method = options.method ?? 'GET';
  const auth = options.auth ?? 'optional';
  const token = auth === 'none' ? null : getToken();
  const header: Record<string, string> = { Accept: 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.data !== undefined) header['Content-Type'] = 'application/json';

  let res: Taro.request.SuccessCallbackResult<ResponseBody>;
  try {
    res = await Taro.request<ResponseBody>({
      url: apiUrl(path) + buildQuery(options.query),
      method: wireMethod(method) as keyof Taro.request.Method,
      data: options.data as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch {
    throw new RequestError(NETWORK_MESSAGE, 'NETWORK_ERROR');
  }

  const { statusCode } = res;
  if (statusCode >= 200 && statusCode < 300) {
    return (statusCode === 204 || res.data === '' ? undefined : res.data) as T;
  }

  // An expired or revoked token: forget it, log in again once and repeat the call.
  if (statusCode === 401 && !retried && (token || auth === 'required')) {
    clearToken();
    if (relogin) {
      try {
        await relogin();
      } catch (loginError) {
        if (auth === 'required') throw toRequestError(loginError);
        // Optional auth: fall through and repeat the call anonymously.
      }
      return send<T>(path, options, true);
    }
  }
  if (statusCode === 401) clearToken();
  throw errorFromResponse(statusCode, res.data);
}

export function showErrorToast(error: RequestError): void {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
}

/** The one way this app talks to the API. Throws RequestError; shows it as a toast unless `toast: false`. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const toast = options.toast ?? true;
  try {
    if (!isApiConfigured()) {
      throw new RequestError('尚未配置服务器地址（TARO_APP_API_BASE）', 'API_NOT_CONFIGURED');
    }
    if (options.auth === 'required' && !getToken()) {
      if (!relogin) throw new RequestError(STATUS_MESSAGES[401], 'UNAUTHENTICATED', 401);
      await relogin();
    }
    return await send<T>(path, options, false);
  } catch (e) {
    const error = toRequestError(e);
    if (toast) showErrorToast(error);
    throw error;
  }
}

/** The contract's operation for a method and path of the generated `ApiPaths`. */
type Operation<M extends HttpMethod, P extends PathsWithMethod<ApiPaths, Lowercase<M>>> = ApiPaths[P][Lowercase<M>];

/** `params: { path, query }` as the operation declares them, required when any of them is. */
type ParamsOption<Op> = Op extends { parameters: infer Params }
  ? RequiredKeysOf<Params> extends never
    ? { params?: Params }
    : { params: Params }
  : { params?: never };

/** `body` as the operation declares it: absent, optional or required. */
type BodyOption<Op> =
  OperationRequestBodyContent<Op> extends never
    ? { body?: never }
    : IsOperationRequestBodyOptional<Op> extends true
      ? { body?: OperationRequestBodyContent<Op> }
      : { body: OperationRequestBodyContent<Op> };

export type CallInit<Op> = ParamsOption<Op> & BodyOption<Op> & Pick<RequestOptions, 'auth' | 'toast'>;

/**
 * The successful answer the contract declares for the route. Each service function names its shared
 * answer type, which the compiler checks against the contract's.
 */
export type CallAnswer<Op> =
  ResponseObjectMap<Op> extends Record<string | number, unknown> ? NonNullable<SuccessResponse<ResponseObjectMap<Op>, MediaType>> : never;

/** `/events/{id}/registrations` with `{ id: 3 }` -> `/events/3/registrations`. */
export function fillPath(path: string, values: Record<string, unknown> = {}): string {
  return path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

/**
 * A call of the API typed by the generated contract (docs/openapi.json): the path is one of its
 * routes for the method, and `params` and `body` are what that route takes, e.g.
 * `call('POST', '/events/{id}/registrations', { params: { path: { id } }, body: input, auth: 'required' })`.
 * Sent through `request`, with its authentication, re-login and error handling.
 */
export function call<M extends HttpMethod, P extends PathsWithMethod<ApiPaths, Lowercase<M>>>(
  method: M,
  path: P,
  init: CallInit<Operation<M, P>>,
): Promise<CallAnswer<Operation<M, P>>> {
  const { params, body, auth, toast } = init as Pick<RequestOptions, 'auth' | 'toast'> & {
    params?: { path?: Record<string, unknown>; query?: Record<string, QueryValue> };
    body?: unknown;
  };
  return request(fillPath(path, params?.path), { method, query: params?.query, data: body, auth, toast });
}
