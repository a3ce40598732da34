import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  json: 'application/json',
};

/** Sends a generated file as a download; the zh-CN name goes in `filename*` (RFC 6266). */
export function sendFile(reply: FastifyReply, fileName: string, file: Buffer): void {
  const ext = fileName.split('.').pop() ?? '';
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  reply
    .header('content-type', TYPES[ext] ?? 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(file);
}
