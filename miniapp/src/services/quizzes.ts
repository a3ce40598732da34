import type { AttemptInput, AttemptResult, PublicCampaign, QuizKind, QuizPaper, QuizSummary } from '@xinqiao/shared';
import { call } from './request';

/**
 * The resident's token goes along when there is one: the server then scopes lists to the
 * resident's region, knows whether a survey was answered already and counts the answer once.
 */

/** Open quizzes for `regionId` (else the signed-in resident's region). */
export function listQuizzes(query: { regionId?: number | null; kind?: QuizKind }, options: { toast?: boolean } = {}): Promise<QuizSummary[]> {
  return call('GET', '/quizzes', { params: { query: { regionId: query.regionId ?? undefined, kind: query.kind } }, auth: 'optional', toast: options.toast });
}

export function getQuizPaper(id: number): Promise<QuizPaper> {
  return call('GET', '/quizzes/{id}', { params: { path: { id } }, auth: 'optional', toast: false });
}

/** 201 for a new answer, 200 for a retry or a survey answered before (`alreadyAnswered`). */
export function submitAttempt(id: number, input: AttemptInput): Promise<AttemptResult> {
  return call('POST', '/quizzes/{id}/attempts', { params: { path: { id } }, body: input, auth: 'optional', toast: false });
}

/** Campaigns active today for `regionId` (else the signed-in resident's region). */
export function listCampaigns(regionId: number | null | undefined, options: { toast?: boolean } = {}): Promise<PublicCampaign[]> {
  return call('GET', '/campaigns', { params: { query: { regionId: regionId ?? undefined } }, auth: 'optional', toast: options.toast });
}

export function getCampaign(id: number): Promise<PublicCampaign> {
  return call('GET', '/campaigns/{id}', { params: { path: { id } }, auth: 'optional', toast: false });
}
