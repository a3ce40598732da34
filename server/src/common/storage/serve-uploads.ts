import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';
import { IMMUTABLE, isStorageKey, STORAGE_RETRY_AFTER_SECONDS, type FileStore, type StoredFileInfo } from './file-store';

/** Whether an If-None-Match header names this entity tag (weak comparison, as for GET, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

function fileHeaders(reply: FastifyReply, info: StoredFileInfo): FastifyReply {
  return reply
    .header('content-type', info.contentType)
    .header('etag', info.etag)
    .header('cache-control', IMMUTABLE)
    .header('x-content-type-options', 'nosniff'); // never run by the browser as HTML or script
}

/**
 * `GET /uploads/<key>` from the file store, whichever it is, so the URLs stored in articles and covers stay
 * the same on any driver and any instance. With `publicBaseUrl` (a CDN or the bucket's own domain) the
 * request is redirected there instead; temporarily, so that domain can change later.
 */
export function registerUploadRoutes(fastify: FastifyInstance, store: FileStore, publicBaseUrl: string | undefined): void {
  // HEAD is declared, not derived from GET: fastify's derived HEAD would answer Content-Length 0.
  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/uploads/*',
    handler: async (req: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      const key = req.params['*'];
      if (!isStorageKey(key)) return reply.callNotFound();
      if (publicBaseUrl) return reply.header('cache-control', 'public, max-age=3600').redirect(`${publicBaseUrl}/${key}`, 302);
      try {
        const ifNoneMatch = req.headers['if-none-match'];
        // HEAD and revalidation need no body: ask the store for the file's description only.
        if (req.method === 'HEAD' || ifNoneMatch) {
          const info = await store.stat(key);
          if (!info) return reply.callNotFound();
          if (ifNoneMatch && matches(ifNoneMatch, info.etag)) return fileHeaders(reply, info).code(304).send();
          if (req.method === 'HEAD') return fileHeaders(reply, info).header('content-length', info.size).send();
        }
        const file = await store.get(key);
        if (!file) return reply.callNotFound();
        return fileHeaders(reply, file).header('content-length', file.size).send(file.body);
      } catch (e) {
        if (!(e instanceof AppException)) throw e;
        return reply.code(e.getStatus()).header('retry-after', STORAGE_RETRY_AFTER_SECONDS).send(e.getResponse());
      }
    },
  });
}
