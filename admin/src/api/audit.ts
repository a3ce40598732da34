import type { AuditEntryDto, AuditOutcome, Page, PageQuery } from '@xinqiao/shared';
import { api, data } from './client';

export interface AuditListQuery extends PageQuery {
  actorName?: string;
  action?: string;
  resourceType?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

export const auditApi = {
  list: (query: AuditListQuery): Promise<Page<AuditEntryDto>> => data(api.GET('/admin/audit', { params: { query } })),
};
