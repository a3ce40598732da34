/**
 * Index maths of a one-question-per-screen flow with `count` questions; `answered(i)` says whether
 * question i holds a usable answer. Index `count` is the "all answered, submit" screen.
 */
export type IsAnswered = (index: number) => boolean;

/** Long enough to see the chosen option light up before the next question slides in. */
export const ADVANCE_DELAY_MS = 250;

/** The first unanswered question, or -1 when every question is answered. */
export function firstOpenIndex(count: number, answered: IsAnswered): number {
  for (let i = 0; i < count; i++) if (!answered(i)) return i;
  return -1;
}

/**
 * Where to go after answering question `index`: the next unanswered one after it, else an earlier
 * one that was skipped, else `count` (the submit screen).
 */
export function nextOpenIndex(count: number, answered: IsAnswered, index: number): number {
  for (let i = index + 1; i < count; i++) if (!answered(i)) return i;
  const earlier = firstOpenIndex(count, answered);
  return earlier === -1 ? count : earlier;
}

/** A stored index clamped to 0..count; the submit screen only when everything is answered. */
export function resumeAt(count: number, answered: IsAnswered, index: number): number {
  const i = Number.isInteger(index) ? Math.min(Math.max(index, 0), count) : 0;
  const open = i === count ? firstOpenIndex(count, answered) : -1;
  return open === -1 ? i : open;
}

/** "第 3 / 9 题" for the question at 0-based `index`. */
export function progressLabel(index: number, total: number): string {
  return `第 ${Math.min(index + 1, total)} / ${total} 题`;
}
