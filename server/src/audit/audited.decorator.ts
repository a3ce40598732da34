import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const AUDIT_KEY = 'xq:audit';

export interface AuditMeta {
  action: string;
  resourceType: string;
  /** Reads are audited only where they expose a resident's personal data. */
  read?: boolean;
}

/** The metadata, and the same in the OpenAPI document (`x-audit`) so tools can check the audit trail. */
const audit = (meta: AuditMeta) => applyDecorators(SetMetadata(AUDIT_KEY, meta), ApiExtension('x-audit', meta));

/**
 * Names the audit action of a route. Every staff write is audited, named or not; on a resident's
 * route it records the resident's own processing of their data (export, deletion: PIPL art. 55-56).
 */
export const Audited = (action: string, resourceType: string) => audit({ action, resourceType });

/** Marks a staff read of a resident's personal data: who read what is recorded (PIPL). */
export const AuditedRead = (action: string, resourceType: string) => audit({ action, resourceType, read: true });
