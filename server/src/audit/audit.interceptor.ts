import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { catchError, concatMap, from, map, Observable, of, throwError } from 'rxjs';
import type { AccessDeniedListener } from '../common/access/access-denied';
import type { AppException } from '../common/errors/app-exception';
import type { AuthedRequest, Principal } from '../common/access/principal';
import { clientIp } from '../common/http/request-id';
import { AuditService, type AuditEntry } from './audit.service';
import { AUDIT_KEY, type AuditMeta } from './audited.decorator';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Req = AuthedRequest & { method: string; params?: Record<string, string>; routeOptions?: { url?: string } };

/** Who did what to which resource, as far as the route says. */
function entryFor(req: Req, meta: AuditMeta | undefined, principal: Principal): Omit<AuditEntry, 'outcome' | 'statusCode' | 'details'> {
  const staff = principal.kind === 'staff' ? principal : null;
  return {
    actorType: principal.kind,
    actorId: principal.id,
    actorName: staff?.username ?? null,
    action: meta?.action ?? `${req.method} ${req.routeOptions?.url ?? ''}`,
    resourceType: meta?.resourceType ?? null,
    resourceId: req.params?.id ?? null,
    regionPath: staff?.regionPath ?? null,
    ip: clientIp(req.ip),
    requestId: String(req.id),
  };
}

/** Every staff write, and every route marked @Audited/@AuditedRead whoever calls it, is recorded. */
function mustAudit(req: Req, meta: AuditMeta | undefined, principal: Principal | undefined): principal is Principal {
  return !!principal && (!!meta || (principal.kind === 'staff' && WRITE_METHODS.has(req.method)));
}

const errorDetails = (e: unknown) => (e instanceof HttpException ? { error: e.getResponse() as Record<string, unknown> } : null);

/**
 * Records audited requests in one place. The record is opened before the handler runs, so an action
 * whose record cannot be written does not happen (503), and a crash mid-action still leaves a trace;
 * the outcome is filled in afterwards. A read whose outcome cannot be recorded is not answered.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor, AccessDeniedListener {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Req>();
    const meta = this.reflector.get<AuditMeta | undefined>(AUDIT_KEY, ctx.getHandler());
    const principal = req.principal;
    if (!mustAudit(req, meta, principal)) return next.handle();

    // Nest applies the route's status code after interceptors run, so derive it the way Nest does.
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const isRead = !WRITE_METHODS.has(req.method);
    return from(this.audit.begin(entryFor(req, meta, principal))).pipe(
      concatMap((open) =>
        next.handle().pipe(
          concatMap((body) => {
            const createdId = !req.params?.id && body && typeof body === 'object' && 'id' in body ? String((body as { id: unknown }).id) : null;
            return from(this.audit.finish(open, 'success', successStatus, null, createdId)).pipe(
              // A write has happened and its record exists (pending): say so rather than claim it failed.
              catchError((e: unknown) => (isRead ? throwError(() => e) : (this.logger.error({ err: e }, 'audit outcome lost after a write'), of(undefined)))),
              map(() => body),
            );
          }),
          catchError((e: unknown) =>
            from(this.audit.finish(open, 'failure', e instanceof HttpException ? e.getStatus() : 500, errorDetails(e))).pipe(
              catchError(() => of(undefined)),
              concatMap(() => throwError(() => e)),
            ),
          ),
        ),
      ),
    );
  }

  /** Refusals by the access guard (403) of routes that are audited when allowed. */
  async denied(ctx: ExecutionContext, refusal: AppException): Promise<void> {
    const req = ctx.switchToHttp().getRequest<Req>();
    const meta = this.reflector.get<AuditMeta | undefined>(AUDIT_KEY, ctx.getHandler());
    if (!mustAudit(req, meta, req.principal)) return;
    await this.audit.record({ ...entryFor(req, meta, req.principal), outcome: 'failure', statusCode: refusal.getStatus(), details: errorDetails(refusal) });
  }
}
