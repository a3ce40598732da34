import type { PageQuery } from '../common/api';

/** `pending`: recorded before the action ran and never completed (the process stopped mid-action). */
export type AuditOutcome = 'success' | 'failure' | 'pending';

export interface AuditEntryDto {
  id: number;
  at: string;
  actorType: 'staff' | 'resident' | 'system' | 'anonymous';
  actorId: number | null;
  actorName: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  regionPath: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  statusCode: number | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery extends PageQuery {
  actorName?: string;
  /** Action prefix, e.g. `article.`. */
  action?: string;
  resourceType?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}
