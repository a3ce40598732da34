import type { MyScaleResponse } from '@xinqiao/shared';

/** Bars shown per scale: enough to see a direction, few enough to fit a phone's width. */
export const TREND_MAX_BARS = 8;
/** A zero score still gets a sliver, so the bar stays visible and tappable. */
const MIN_BAR_PERCENT = 4;

export type SeverityTone = 'calm' | 'mild' | 'moderate' | 'severe';

/** Colour family for a band: severity ranks concern (0 = none), so it works for WHO-5 too, where a low score is the worry. */
export function severityTone(severity: number, crisis = false): SeverityTone {
  if (crisis || severity >= 3) return 'severe';
  if (severity === 2) return 'moderate';
  if (severity === 1) return 'mild';
  return 'calm';
}

/** Bar height for `score` on the scale's own range, in percent. */
export function barHeightPercent(score: number, minScore: number, maxScore: number): number {
  if (!(maxScore > minScore)) return MIN_BAR_PERCENT;
  const share = (score - minScore) / (maxScore - minScore);
  return Math.round(Math.min(Math.max(share * 100, MIN_BAR_PERCENT), 100));
}

export interface TrendBar {
  id: number;
  score: number;
  heightPercent: number;
  tone: SeverityTone;
  /** `11-20` */
  dateLabel: string;
}

export interface ResponseGroup {
  scaleCode: string;
  scaleTitle: string;
  /** Newest first. */
  entries: MyScaleResponse[];
  /** Oldest first (left to right), the last TREND_MAX_BARS results. */
  trend: TrendBar[];
}

function monthDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const time = (r: MyScaleResponse) => {
  const t = Date.parse(r.submittedAt);
  return Number.isNaN(t) ? 0 : t;
};

/** "我的测评": one group per scale, the most recently used scale first. */
export function groupResponses(items: readonly MyScaleResponse[]): ResponseGroup[] {
  const byCode = new Map<string, MyScaleResponse[]>();
  for (const r of items) {
    const list = byCode.get(r.scaleCode);
    if (list) list.push(r);
    else byCode.set(r.scaleCode, [r]);
  }
  const groups: ResponseGroup[] = [];
  for (const [scaleCode, list] of byCode) {
    const entries = [...list].sort((a, b) => time(b) - time(a) || b.id - a.id);
    const trend = entries
      .slice(0, TREND_MAX_BARS)
      .reverse()
      .map((r) => ({
        id: r.id,
        score: r.score,
        heightPercent: barHeightPercent(r.score, r.minScore, r.maxScore),
        tone: severityTone(r.severity, r.crisis),
        dateLabel: monthDay(r.submittedAt),
      }));
    groups.push({ scaleCode, scaleTitle: entries[0].scaleTitle, entries, trend });
  }
  return groups.sort((a, b) => time(b.entries[0]) - time(a.entries[0]));
}
