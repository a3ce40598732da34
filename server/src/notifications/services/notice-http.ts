/**
 * One HTTP call of a staff channel (group robot, SMS provider), reduced to what the retry decision
 * needs. Errors never carry the URL: a robot's webhook URL holds its key.
 */
export type HttpAnswer = { ok: true; status: number; body: Record<string, unknown> } | { ok: false; error: string };

export async function callJson(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<HttpAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (e) {
    const name = (e as Error).name;
    return {
      ok: false,
      error:
        name === 'TimeoutError' || name === 'AbortError'
          ? `timed out after ${timeoutMs} ms`
          : `unreachable (${(e as { cause?: { code?: string } }).cause?.code ?? name})`,
    };
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 500) return { ok: false, error: `HTTP ${res.status}` };
  try {
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: `HTTP ${res.status}: not a JSON object` };
    return { ok: true, status: res.status, body: body as Record<string, unknown> };
  } catch {
    return { ok: false, error: `HTTP ${res.status}: not JSON` };
  }
}
