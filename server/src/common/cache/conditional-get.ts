import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { CachedBody } from './cache.service';

/**
 * A cached answer and who may share it: `public` when it is the same for everyone asking the same
 * URL, `private` when it was chosen by the caller's account (e.g. their region), so that no shared
 * cache (CDN, nginx) hands one resident's answer to another.
 */
export class CacheableAnswer {
  constructor(
    readonly body: CachedBody,
    readonly audience: 'public' | 'private',
  ) {}
}

export const publicAnswer = (body: CachedBody) => new CacheableAnswer(body, 'public');
export const answerFor = (perCaller: boolean, body: CachedBody) => new CacheableAnswer(body, perCaller ? 'private' : 'public');

const CACHE_CONTROL = {
  // Stored, but asked again every time: a publish shows on the next request, and an unchanged answer costs a 304.
  public: 'public, max-age=0, must-revalidate',
  private: 'private, no-cache',
} as const;

/** True when `header` (If-None-Match) names `etag`, compared weakly as RFC 9110 asks for GET. */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  return (Array.isArray(header) ? header.join(',') : header).split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || strip(tag) === strip(etag);
  });
}

@Injectable()
class ConditionalGetInterceptor implements NestInterceptor {
  constructor(private readonly varyOnCaller: boolean) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((out: unknown) => {
        if (!(out instanceof CacheableAnswer)) return out;
        void reply.header('etag', out.body.etag).header('cache-control', CACHE_CONTROL[out.audience]);
        if (this.varyOnCaller) void reply.header('vary', 'Authorization');
        if (etagMatches(req.headers['if-none-match'], out.body.etag)) {
          void reply.status(304);
          return '';
        }
        void reply.header('content-type', 'application/json; charset=utf-8');
        return out.body.json;
      }),
    );
  }
}

/**
 * For a route answering a CacheableAnswer: sends the cached JSON bytes with their ETag and
 * Cache-Control, or 304 when the client already has them. `varyOnCaller`: the answer may depend on
 * the Authorization header (a resident's region), so caches keep one copy per caller.
 */
export function ConditionalGet(options: { varyOnCaller: boolean }): MethodDecorator {
  return applyDecorators(UseInterceptors(new ConditionalGetInterceptor(options.varyOnCaller)));
}
