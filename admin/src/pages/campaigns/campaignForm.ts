/** The campaign editor's form values, their conversion to `CampaignInput`, and dashboard wording. */
import dayjs, { type Dayjs } from 'dayjs';
import {
  CAMPAIGN_TARGET_KINDS,
  CAMPAIGN_TARGET_LABELS,
  type CampaignDto,
  type CampaignInput,
  type CampaignProgressItem,
  type CampaignTargetKind,
} from '@xinqiao/shared';
import { formatPercent } from '../awareness/awarenessFormat';

export const DATE_FORMAT = 'YYYY-MM-DD';

export interface CampaignFormValues {
  title: string;
  description: string;
  /** Inclusive local dates. */
  range?: [Dayjs, Dayjs] | null;
  regionId?: number;
  /** Covered regions; empty means the organising region. */
  regionIds: number[];
  /** Targets as typed; the awareness rate in percent. */
  awarenessRatePercent?: number | null;
  eventsHeld?: number | null;
  participants?: number | null;
  articleReads?: number | null;
  articleIds: number[];
  quizIds: number[];
}

export function emptyCampaignForm(regionId: number | undefined): CampaignFormValues {
  return { title: '', description: '', range: null, regionId, regionIds: [], articleIds: [], quizIds: [] };
}

export function campaignToForm(c: CampaignDto): CampaignFormValues {
  const t = c.targets;
  return {
    title: c.title,
    description: c.description,
    range: [dayjs(c.startsOn, DATE_FORMAT), dayjs(c.endsOn, DATE_FORMAT)],
    regionId: c.regionId,
    // Covering only the organising region is the default: shown as an empty choice.
    regionIds: c.regionIds.length === 1 && c.regionIds[0] === c.regionId ? [] : [...c.regionIds],
    awarenessRatePercent: t.awareness_rate === undefined ? null : Math.round(t.awareness_rate * 1000) / 10,
    eventsHeld: t.events_held ?? null,
    participants: t.participants ?? null,
    articleReads: t.article_reads ?? null,
    articleIds: [...c.articleIds],
    quizIds: [...c.quizIds],
  };
}

const present = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Form values -> `CampaignInput`; targets left empty are left out (the campaign does not aim at them). */
export function toCampaignInput(v: CampaignFormValues): CampaignInput {
  if (v.regionId === undefined || !v.range) throw new Error('regionId and range are required');
  const targets: CampaignInput['targets'] = {};
  if (present(v.awarenessRatePercent)) targets.awareness_rate = Math.round(v.awarenessRatePercent * 10) / 1000;
  if (present(v.eventsHeld)) targets.events_held = v.eventsHeld;
  if (present(v.participants)) targets.participants = v.participants;
  if (present(v.articleReads)) targets.article_reads = v.articleReads;
  return {
    title: v.title.trim(),
    description: v.description?.trim() ?? '',
    startsOn: v.range[0].format(DATE_FORMAT),
    endsOn: v.range[1].format(DATE_FORMAT),
    regionId: v.regionId,
    regionIds: v.regionIds?.length ? [...new Set(v.regionIds)] : [v.regionId],
    targets,
    articleIds: v.articleIds ?? [],
    quizIds: v.quizIds ?? [],
  };
}

export type CampaignPhase = 'upcoming' | 'active' | 'ended';
export const CAMPAIGN_PHASE_LABELS: Record<CampaignPhase, string> = { upcoming: '未开始', active: '进行中', ended: '已结束' };
export const CAMPAIGN_PHASE_COLOURS: Record<CampaignPhase, string> = { upcoming: 'blue', active: 'green', ended: 'default' };

/** Where today (YYYY-MM-DD, China time) falls in the inclusive period. */
export function campaignPhase(c: Pick<CampaignDto, 'startsOn' | 'endsOn'>, today: string = dayjs().format(DATE_FORMAT)): CampaignPhase {
  if (today < c.startsOn) return 'upcoming';
  if (today > c.endsOn) return 'ended';
  return 'active';
}

/** A target or an actual figure as read: the awareness rate as a percentage, the others as counts. */
export function formatTargetValue(kind: CampaignTargetKind, value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return kind === 'awareness_rate' ? formatPercent(value) : value.toLocaleString('zh-CN');
}

/** The set targets in a fixed order, e.g. for tags in the list: "知晓率 70.0%". */
export function targetSummary(targets: CampaignDto['targets']): { kind: CampaignTargetKind; text: string }[] {
  return CAMPAIGN_TARGET_KINDS.filter((k) => targets[k] !== undefined).map((k) => ({
    kind: k,
    text: `${CAMPAIGN_TARGET_LABELS[k]} ${formatTargetValue(k, targets[k])}`,
  }));
}

/** antd Progress percent (one decimal), or null when there is no target or no figure. */
export function progressPercent(item: Pick<CampaignProgressItem, 'progress'>): number | null {
  return item.progress === null ? null : Math.round(Math.min(1, Math.max(0, item.progress)) * 1000) / 10;
}

/** "65.0% / 70.0%" or "12 / 20" */
export function progressText(item: Pick<CampaignProgressItem, 'kind' | 'actual' | 'target'>): string {
  return `${formatTargetValue(item.kind, item.actual)} / ${formatTargetValue(item.kind, item.target)}`;
}
