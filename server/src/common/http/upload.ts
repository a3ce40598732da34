import type { FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';

const statusOf = (e: unknown) => (e as { statusCode?: unknown })?.statusCode;

/**
 * The one file of a multipart upload, in field `file`, read into memory. Everything a client can get
 * wrong is a zh-CN 4xx: no multipart, a malformed one (the parser throws plain errors for a missing
 * boundary or a cut-off part), no file, a file over `maxBytes`. `what` names the file ("图片").
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number, what: string): Promise<Buffer> {
  const spaced = /^[A-Za-z]/.test(what) ? ` ${what}` : what; // "上传图片", "上传 Excel 文件"
  if (!req.isMultipart()) throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', `请以 multipart/form-data 上传${spaced}`);
  const malformed = (e: unknown) =>
    statusOf(e) === 413
      ? new AppException(413, 'PAYLOAD_TOO_LARGE', `${what}不能超过 ${Math.round(maxBytes / 1048576)} MB`)
      : AppException.badRequest('上传的内容不是完整的 multipart/form-data', undefined, 'BAD_REQUEST');
  let part;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (e) {
    throw malformed(e);
  }
  if (!part || part.fieldname !== 'file') throw AppException.badRequest(`请在字段 file 中上传${spaced}`, undefined, 'VALIDATION_FAILED');
  try {
    return await part.toBuffer();
  } catch (e) {
    throw malformed(e);
  }
}
