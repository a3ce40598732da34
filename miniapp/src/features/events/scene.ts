import { checkinTokenKind, parseEventScene } from '@xinqiao/shared';
import { idParam } from '../quizzes/routes';

/**
 * What the 活动 tab was opened for: an event (a poster's mini-program code `e…`, or `?id=` from a
 * subscribe message), a screen check-in code (`c…`) to post, or nothing in particular.
 */
export type EventEntry = { kind: 'event'; eventId: number } | { kind: 'checkin'; code: string } | { kind: 'none' };

/** WeChat hands `scene` over URL-encoded; a malformed escape is taken as it is. */
export function decodeScene(raw: string): string {
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** A scanned or launched code's text: an event to open, a check-in code, or neither. */
export function entryFromCode(code: string): EventEntry {
  const eventId = parseEventScene(code);
  if (eventId !== null) return { kind: 'event', eventId };
  return checkinTokenKind(code) === 'screen_code' ? { kind: 'checkin', code } : { kind: 'none' };
}

/** The page's query: `scene` (mini-program codes) first, else `id`. */
export function entryFromParams(params: Partial<Record<string, string>>): EventEntry {
  if (params.scene) {
    const entry = entryFromCode(decodeScene(params.scene));
    if (entry.kind !== 'none') return entry;
  }
  const id = idParam(params.id);
  return id === null ? { kind: 'none' } : { kind: 'event', eventId: id };
}

/**
 * The text of a code read by Taro.scanCode: this mini-program's own code answers with the page path
 * and its `scene` query; a plain QR (the screen's fallback) with the text itself.
 */
export function scannedText(res: { result?: string; path?: string }): string {
  if (res.path) {
    const query = res.path.split('?')[1] ?? '';
    for (const pair of query.split('&')) {
      const [key, value = ''] = pair.split('=');
      if (key === 'scene' && value) return decodeScene(value);
    }
  }
  return (res.result ?? '').trim();
}
