import type { LiveNotice } from '@xinqiao/shared';

/** An open live stream of the admin console at `base`, read with fetch (as the admin does): its notices as they come. */
export async function openLive(base: string, token: string): Promise<{ notices: LiveNotice[]; close: () => void }> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/admin/live`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const notices: LiveNotice[] = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (frame.includes('event: notice') && data) notices.push(JSON.parse(data.slice(6)) as LiveNotice);
        }
      }
    } catch {
      // aborted
    }
  })();
  // The stream is registered once its first bytes arrived.
  await new Promise((ok) => setTimeout(ok, 100));
  return { notices, close: () => controller.abort() };
}
