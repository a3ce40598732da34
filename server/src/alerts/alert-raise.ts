import { HELP_URGENCIES, HELP_URGENCY_COLOURS, type AgeBand, type AlertColour, type HelpUrgency, type PopulationGroup } from '@xinqiao/shared';
import { In, type EntityManager } from 'typeorm';
import { Alert, priorityOf } from './entities/alert.entity';
import { AlertResponse } from './entities/alert-response.entity';
import { HelpRequest } from './entities/help-request.entity';
import type { AlertDispatchQueue } from './duty/services/alert-dispatch.service';

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
 * colour when the response is more severe (only a counsellor lowers it); two racing submissions
 * end on one alert (see `upsertOpen`).
 */
export async function raiseOrJoin(tx: EntityManager, s: AlertSubmission, dispatch: AlertDispatchQueue): Promise<{ alertId: number; joined: boolean }> {
  const alert = await upsertOpen(tx, `${s.residentId}:${s.scaleCode}`, {
    source: 'scale',
    responseId: s.responseId,
    residentId: s.residentId,
    colour: s.colour,
    scaleCode: s.scaleCode,
    score: s.score,
    bandLabel: s.bandLabel,
    crisis: s.crisis,
    regionId: s.regionId,
    regionPath: s.regionPath,
    populationGroup: s.populationGroup,
    ageBand: s.ageBand,
    at: s.at,
    redDueHours: s.redDueHours,
  });
  const joined = alert.responseId !== s.responseId;
  let notice: AlertColour | undefined = joined ? undefined : s.colour;
  if (joined) {
    const changes = raised(alert, s.colour, s.at, s.redDueHours);
    if (changes.colour) Object.assign(changes, { score: s.score, bandLabel: s.bandLabel });
    if (s.crisis && !alert.crisis) changes.crisis = true;
    if (Object.keys(changes).length) await tx.getRepository(Alert).update({ id: alert.id }, changes);
    notice = changes.colour;
  }
  // A new alert, or one whose colour rose: its notice is queued in this transaction (green sends none).
  if (notice) await dispatch.queue(tx, alert.id, notice);
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

/** A "请人联系我" request, handed over by the help-requests service inside its transaction. */
export interface HelpSubmission {
  residentId: number;
  urgency: HelpUrgency;
  regionId: number;
  regionPath: string;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  at: Date;
  redDueHours: number;
}

/**
 * Raises a help-request alert, or joins the resident's unclosed one (one per resident, whatever the
 * urgency), in the caller's transaction, exactly as `raiseOrJoin` does per scale: the colour comes
 * from HELP_URGENCY_COLOURS and only rises. The caller then puts the request on the alert's timeline
 * (`help_requests`); the alert is new when that timeline is still empty.
 */
export async function raiseOrJoinHelp(tx: EntityManager, h: HelpSubmission, dispatch: AlertDispatchQueue): Promise<{ alertId: number; joined: boolean }> {
  const colour = HELP_URGENCY_COLOURS[h.urgency];
  const crisis = h.urgency === 'now';
  const alert = await upsertOpen(tx, `${h.residentId}#help`, {
    source: 'help_request',
    responseId: null,
    residentId: h.residentId,
    colour,
    scaleCode: null,
    score: null,
    bandLabel: null,
    helpUrgency: h.urgency,
    crisis,
    regionId: h.regionId,
    regionPath: h.regionPath,
    populationGroup: h.populationGroup,
    ageBand: h.ageBand,
    at: h.at,
    redDueHours: h.redDueHours,
  });
  const joined = await tx.getRepository(HelpRequest).exists({ where: { alertId: alert.id } });
  if (joined) {
    const changes = raised(alert, colour, h.at, h.redDueHours);
    const before = alert.helpUrgency ? HELP_URGENCIES.indexOf(alert.helpUrgency) : HELP_URGENCIES.length;
    if (HELP_URGENCIES.indexOf(h.urgency) < before) changes.helpUrgency = h.urgency;
    if (crisis && !alert.crisis) changes.crisis = true;
    if (Object.keys(changes).length) await tx.getRepository(Alert).update({ id: alert.id }, changes);
    if (changes.colour) await dispatch.queue(tx, alert.id, changes.colour);
  } else {
    await dispatch.queue(tx, alert.id, colour);
  }
  return { alertId: alert.id, joined };
}

type OpenAlertValues = Pick<
  Alert,
  'source' | 'responseId' | 'residentId' | 'colour' | 'scaleCode' | 'score' | 'bandLabel' | 'crisis' | 'regionId' | 'regionPath' | 'populationGroup' | 'ageBand'
> & { helpUrgency?: HelpUrgency; at: Date; redDueHours: number };

/**
 * The unclosed alert under `openKey`, inserted with `v` when there is none. The unique `openKey`
 * decides between two racing submissions: the insert is an upsert, so the second one waits for the
 * first and then finds its alert (on MySQL it takes the row's exclusive lock, never a shared one, so
 * two joiners cannot deadlock).
 */
async function upsertOpen(tx: EntityManager, openKey: string, v: OpenAlertValues): Promise<Alert> {
  const { at, redDueHours, ...values } = v;
  await tx
    .createQueryBuilder()
    .insert()
    .into(Alert)
    .values({
      ...values,
      priority: priorityOf(v.colour),
      status: 'open',
      openKey,
      createdAt: at,
      dueAt: v.colour === 'red' ? new Date(at.getTime() + redDueHours * HOUR_MS) : null,
    })
    .orUpdate(['openKey'], ['openKey'])
    .updateEntity(false)
    .execute();
  const qb = tx.getRepository(Alert).createQueryBuilder('a').where('a.openKey = :openKey', { openKey });
  // A locking read sees the row another transaction committed after this one's snapshot.
  if (tx.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  return qb.getOneOrFail();
}

/** Raising an open alert to a more severe colour (only a counsellor lowers it); red starts the first follow-up deadline. */
function raised(alert: Alert, colour: AlertColour, at: Date, redDueHours: number): Partial<Alert> {
  const changes: Partial<Alert> = {};
  if (priorityOf(colour) < alert.priority) {
    Object.assign(changes, { colour, priority: priorityOf(colour) });
    if (colour === 'red' && !alert.dueAt) changes.dueAt = new Date(at.getTime() + redDueHours * HOUR_MS);
  }
  return changes;
}

/** Which of these responses are on an alert's timeline (their follow-up was requested). */
export async function alertedResponseIds(manager: EntityManager, responseIds: number[]): Promise<Set<number>> {
  if (!responseIds.length) return new Set();
  const rows = await manager.getRepository(AlertResponse).find({ select: { responseId: true }, where: { responseId: In(responseIds) } });
  return new Set(rows.map((r) => Number(r.responseId)));
}
