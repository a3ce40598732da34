import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'xq:audit';

export interface AuditMeta {
  action: string;
  resourceType: string;
  /** Reads are audited only where they expose a resident's personal data. */
  read?: boolean;
}

/** Names the audit action of a staff route; every staff write is audited, named or not. */
export const Audited = (action: string, resourceType: string) => SetMetadata(AUDIT_KEY, { action, resourceType } satisfies AuditMeta);

/** Marks a staff read of a resident's personal data: who read what is recorded (PIPL). */
export const AuditedRead = (action: string, resourceType: string) =>
  SetMetadata(AUDIT_KEY, { action, resourceType, read: true } satisfies AuditMeta);
