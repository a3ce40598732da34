import type { AgeBand, AlertColour, PopulationGroup } from '@xinqiao/shared';
import { In, type EntityManager } from 'typeorm';
import { Alert, priorityOf } from './alert.entity';
import { AlertResponse } from './alert-response.entity';

const HOUR_MS = 3_600_000;

/** A response with follow-up consent, handed over by the scales module inside its own transaction. */
export interface AlertSubmission {
  responseId: number;
  residentId: number;
  scaleCode: string;
  colour: AlertColour;
  score: number;
  bandLabel: string;
  crisis: boolean;
  regionId: number;
  regionPath: string;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  at: Date;
  /** Hours a new red alert may wait for its first follow-up (ALERT_RED_DUE_HOURS). */
  redDueHours: number;
}

/**
 * Raises an alert for a submission, or adds it to the resident's unclosed alert on the same scale,
 * in the caller's transaction. Joining puts the response on the alert's timeline and raises the
 * colour when the response is more severe (only a counsellor lowers it). The unique `openKey`
 * decides between two racing submissions: the insert is an upsert, so the second one waits for
 * the first and then joins its alert (on MySQL it takes the row's exclusive lock, never a shared
 * one, so two joiners cannot deadlock).
 */
export async function raiseOrJoin(tx: EntityManager, s: AlertSubmission): Promise<{ alertId: number; joined: boolean }> {
  const openKey = `${s.residentId}:${s.scaleCode}`;
  const red = s.colour === 'red';
  await tx
    .createQueryBuilder()
    .insert()
    .into(Alert)
    .values({
      responseId: s.responseId,
      residentId: s.residentId,
      colour: s.colour,
      priority: priorityOf(s.colour),
      status: 'open',
      openKey,
      scaleCode: s.scaleCode,
      score: s.score,
      bandLabel: s.bandLabel,
      crisis: s.crisis,
      regionId: s.regionId,
      regionPath: s.regionPath,
      populationGroup: s.populationGroup,
      ageBand: s.ageBand,
      createdAt: s.at,
      dueAt: red ? new Date(s.at.getTime() + s.redDueHours * HOUR_MS) : null,
    })
    .orUpdate(['openKey'], ['openKey'])
    .updateEntity(false)
    .execute();
  const qb = tx.getRepository(Alert).createQueryBuilder('a').where('a.openKey = :openKey', { openKey });
  // A locking read sees the row another transaction committed after this one's snapshot.
  if (tx.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  const alert = await qb.getOneOrFail();
  const joined = alert.responseId !== s.responseId;
  if (joined) {
    const changes: Partial<Alert> = {};
    if (priorityOf(s.colour) < alert.priority) {
      Object.assign(changes, { colour: s.colour, priority: priorityOf(s.colour), score: s.score, bandLabel: s.bandLabel });
      if (red && !alert.dueAt) changes.dueAt = new Date(s.at.getTime() + s.redDueHours * HOUR_MS);
    }
    if (s.crisis && !alert.crisis) changes.crisis = true;
    if (Object.keys(changes).length) await tx.getRepository(Alert).update({ id: alert.id }, changes);
  }
  await tx.getRepository(AlertResponse).insert({
    alertId: alert.id,
    responseId: s.responseId,
    colour: s.colour,
    score: s.score,
    bandLabel: s.bandLabel,
    crisis: s.crisis,
    submittedAt: s.at,
  });
  return { alertId: alert.id, joined };
}

/** Which of these responses are on an alert's timeline (their follow-up was requested). */
export async function alertedResponseIds(manager: EntityManager, responseIds: number[]): Promise<Set<number>> {
  if (!responseIds.length) return new Set();
  const rows = await manager.getRepository(AlertResponse).find({ select: { responseId: true }, where: { responseId: In(responseIds) } });
  return new Set(rows.map((r) => Number(r.responseId)));
}
