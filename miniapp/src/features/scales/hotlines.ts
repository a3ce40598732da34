import { CRISIS_HOTLINE_NUMBER, HOTLINE_AUDIENCE_LABELS, NATIONAL_HOTLINES, dialable, type Hotline } from '@xinqiao/shared';

export interface HotlineGroups {
  national: Hotline[];
  /** The region's and its ancestors' lines, in the server's order (nearest region first). */
  local: Hotline[];
}

const is12356 = (h: Hotline) => dialable(h.number) === CRISIS_HOTLINE_NUMBER;

export function groupHotlines(list: readonly Hotline[]): HotlineGroups {
  const national = list.filter((h) => h.national);
  // 12356 leads the national lines whatever order they arrive in.
  national.sort((a, b) => Number(is12356(b)) - Number(is12356(a)) || a.sortOrder - b.sortOrder);
  return { national, local: list.filter((h) => !h.national) };
}

/**
 * Lines on the crisis card: 12356 always first (added if the answer lacks it), then the others in
 * the server's order, each number once.
 */
export function crisisHotlineList(list: readonly Hotline[]): Hotline[] {
  const national12356 = NATIONAL_HOTLINES.find(is12356);
  const first = list.find(is12356) ?? national12356;
  const out: Hotline[] = first ? [first] : [];
  const seen = new Set(out.map((h) => dialable(h.number)));
  for (const h of list) {
    const key = dialable(h.number);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(h);
    }
  }
  return out;
}

/** zh-CN audience tags; "所有人" only when it is the sole audience. */
export function audienceLabels(h: Pick<Hotline, 'audiences'>): string[] {
  const specific = h.audiences.filter((a) => a !== 'all');
  const shown = specific.length ? specific : h.audiences;
  return shown.map((a) => HOTLINE_AUDIENCE_LABELS[a] ?? a);
}
