/** One server-sent event: its name (default `message`), data lines joined, and id. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Splits the text received so far into complete events and the unfinished rest (kept for the next
 * chunk). Comment lines (`: keepalive`) and `retry:` are dropped; CRLF is accepted.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n');
  const events: SseEvent[] = [];
  let start = 0;
  for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n', start)) {
    const block = text.slice(start, end);
    start = end + 2;
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length) events.push({ event, data: data.join('\n'), id });
  }
  return { events, rest: text.slice(start) };
}

/** The notice's button: an alert link asks to claim it. */
export function noticeAction(link: string): string {
  return /^\/alerts\/\d+/.test(link) ? '查看并认领' : '查看';
}
