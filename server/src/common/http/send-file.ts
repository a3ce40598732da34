import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PassThrough, type Writable } from 'stream';

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  json: 'application/json',
};

function downloadHeaders(reply: FastifyReply, fileName: string): FastifyReply {
  const ext = fileName.split('.').pop() ?? '';
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', TYPES[ext] ?? 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}

/*
 * Both answer through Nest (routes use `@Res({ passthrough: true })` and return the value), so
 * interceptors such as the audit trail finish before the first byte goes out.
 */

/** A generated file as a download; the zh-CN name goes in `filename*` (RFC 6266). */
export function fileAnswer(reply: FastifyReply, fileName: string, file: Buffer): Buffer {
  downloadHeaders(reply, fileName);
  return file;
}

/**
 * A file sent as it is being written, for exports too large to hold in memory. `write` must end the
 * stream; if it fails, the download is cut short (the status was sent already).
 */
export function streamAnswer(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<void>): StreamableFile {
  const out = new PassThrough();
  downloadHeaders(reply, fileName);
  write(out).catch((e: unknown) => out.destroy(e as Error));
  return new StreamableFile(out);
}
