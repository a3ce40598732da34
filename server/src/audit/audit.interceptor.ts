import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { catchError, concatMap, from, map, Observable, throwError } from 'rxjs';
import type { AuthedRequest } from '../common/access/principal';
import { AuditService } from './audit.service';
import { AUDIT_KEY, type AuditMeta } from './audited.decorator';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Records every staff write and every marked staff read, with outcome, in one place. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest & { method: string; params?: Record<string, string>; routeOptions?: { url?: string } }>();
    const meta = this.reflector.get<AuditMeta | undefined>(AUDIT_KEY, ctx.getHandler());
    const principal = req.principal;
    if (principal?.kind !== 'staff' || (!WRITE_METHODS.has(req.method) && !meta?.read)) return next.handle();

    // Nest applies the route's status code after interceptors run, so derive it the way Nest does.
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    // Awaited before the answer is sent, so an answered request always has its record.
    const write = (outcome: 'success' | 'failure', statusCode: number, body?: unknown) => {
      const bodyId = body && typeof body === 'object' && 'id' in body ? String((body as { id: unknown }).id) : null;
      return this.audit.record({
        actorType: 'staff',
        actorId: principal.id,
        actorName: principal.username,
        action: meta?.action ?? `${req.method} ${req.routeOptions?.url ?? ''}`,
        resourceType: meta?.resourceType ?? null,
        resourceId: req.params?.id ?? bodyId,
        regionPath: principal.regionPath,
        ip: req.ip,
        outcome,
        statusCode,
        requestId: String(req.id),
        details: outcome === 'failure' && body instanceof HttpException ? { error: body.getResponse() } : null,
      });
    };
    return next.handle().pipe(
      concatMap((body) =>
        from(write('success', successStatus, body)).pipe(map(() => body)),
      ),
      catchError((e: unknown) =>
        from(write('failure', e instanceof HttpException ? e.getStatus() : 500, e)).pipe(concatMap(() => throwError(() => e))),
      ),
    );
  }
}
