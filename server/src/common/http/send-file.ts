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

/** Sends a generated file as a download; the zh-CN name goes in `filename*` (RFC 6266). */
export function sendFile(reply: FastifyReply, fileName: string, file: Buffer): void {
  downloadHeaders(reply, fileName).send(file);
}

/**
 * Sends a file as it is being written, for exports too large to hold in memory. `write` must end
 * the stream; if it fails, the download is cut short (the status was sent already).
 */
export async function sendFileStream(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const out = new PassThrough();
  downloadHeaders(reply, fileName).send(out);
  try {
    await write(out);
  } catch (e) {
    out.destroy(e as Error);
  }
}
