/** Campaigns such as "5·25 心理健康宣传月": a period, regions, targets and linked content. */
import type { ArticleSummary } from '../articles';
import type { QuizSummary } from '../quizzes/api';
import type { AwarenessResult } from '../awareness/small-samples';

export const CAMPAIGN_TARGET_KINDS = ['awareness_rate', 'events_held', 'participants', 'article_reads'] as const;
export type CampaignTargetKind = (typeof CAMPAIGN_TARGET_KINDS)[number];
export const CAMPAIGN_TARGET_LABELS: Record<CampaignTargetKind, string> = {
  awareness_rate: '知晓率',
  events_held: '举办活动（场）',
  participants: '参与人次',
  article_reads: '科普阅读量',
};

export interface CampaignInput {
  title: string;
  description?: string;
  /** `YYYY-MM-DD`, inclusive, China time. */
  startsOn: string;
  endsOn: string;
  /** The region running the campaign; it covers `regionIds` (default: that region). */
  regionId: number;
  regionIds?: number[];
  /** Awareness rate as 0..1; the others as counts. Leave out what the campaign does not aim at. */
  targets: Partial<Record<CampaignTargetKind, number>>;
  articleIds?: number[];
  quizIds?: number[];
}

export interface CampaignDto extends Required<Omit<CampaignInput, 'description'>> {
  id: number;
  description: string;
  regionName: string;
  regionNames: string[];
  createdAt: string;
  updatedAt: string;
}

/** What the mini-program shows for an active campaign. */
export interface PublicCampaign {
  id: number;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  articles: Pick<ArticleSummary, 'id' | 'title' | 'summary'>[];
  quizzes: QuizSummary[];
}

export interface CampaignProgressItem {
  kind: CampaignTargetKind;
  label: string;
  target: number | null;
  actual: number | null;
  /** actual / target, capped at 1; null without a target or figure. */
  progress: number | null;
  /** zh-CN note, e.g. why a figure is not available yet. */
  note: string | null;
}

export interface CampaignDashboard {
  campaign: CampaignDto;
  progress: CampaignProgressItem[];
  awareness: AwarenessResult | null;
  /** Respondents per day over the campaign period, for a chart. */
  daily: { date: string; respondents: number }[];
}

/** Awareness rate as 0..1; the others as counts. */
export type CampaignTargets = Partial<Record<CampaignTargetKind, number>>;

/** Campaigns running today that cover the region (default: the resident's). */
export interface PublicCampaignQuery {
  regionId?: number;
}
