/**
 * Finding a person in the check-in kit, whose names are masked (张*明) and whose phones are cut to
 * the last four digits: staff type what the person tells them (张小明, 小明, 张, 8000 or the whole
 * number) and the rows that fit are shown.
 */
import type { OfflineTicket } from '@xinqiao/shared';

const chars = (s: string) => [...s];

/**
 * `query` fits `masked` at `offset`, a `*` standing for any one character, and meets at least one
 * visible character (else "张" would fit the hidden given name of 李*).
 */
function fitsAt(masked: string[], query: string[], offset: number): boolean {
  let seen = false;
  for (let i = 0; i < query.length; i++) {
    const m = masked[offset + i];
    if (m === query[i]) seen = true;
    else if (m !== '*') return false;
  }
  return seen;
}

/** The whole name, its beginning (surname) or its end (given name) fits the masked name. */
export function nameMatches(masked: string | null, query: string): boolean {
  if (!masked) return false;
  const m = chars(masked);
  const q = chars(query.replace(/\s+/g, ''));
  if (q.length === 0 || q.length > m.length) return false;
  return fitsAt(m, q, 0) || fitsAt(m, q, m.length - q.length);
}

/** Digits: the last four (or part of them), or a whole number ending with them. */
export function phoneMatches(last4: string | null, query: string): boolean {
  if (!last4) return false;
  const digits = query.replace(/\D/g, '');
  if (!digits) return false;
  return digits.length >= 4 ? digits.endsWith(last4) : last4.includes(digits);
}

export function ticketMatches(ticket: OfflineTicket, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  return /^[\d\s-]+$/.test(q) ? phoneMatches(ticket.phoneLast4, q) : nameMatches(ticket.name, q);
}

/** Rows for the list: those that fit, seat holders first, then by name; at most `limit`. */
export function searchTickets(tickets: readonly OfflineTicket[], query: string, limit = 50): { rows: OfflineTicket[]; total: number } {
  const holds = (t: OfflineTicket) => (t.status === 'confirmed' || t.status === 'offered' ? 0 : 1);
  const found = tickets.filter((t) => ticketMatches(t, query)).sort((a, b) => holds(a) - holds(b) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));
  return { rows: found.slice(0, limit), total: found.length };
}
