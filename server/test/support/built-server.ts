export interface RunningServer {
  baseUrl: string;
  /** Ends the process as a crash or power cut would: SIGKILL, no shutdown hooks. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  logs(): string;
}

// The built server as a real process (server/dist/main.js), started as the browser tests start it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS module this project does not compile: typed here
export const { startServer } = require('../../../tests/support/server.js') as {
  startServer(env: Record<string, string>, options?: { dir?: string; readyWithinMs?: number }): Promise<RunningServer>;
};

/** One JSON request to a running server over loopback HTTP. */
export async function call<T = unknown>(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Runs `work` over `items`, `width` at a time. */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return out;
}
