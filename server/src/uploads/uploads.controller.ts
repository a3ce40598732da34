import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'crypto';
import { mkdir, writeFile } from 'fs/promises';
import { join } from 'path';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { requireAny } from '../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { AppException } from '../common/errors/app-exception';
import { Audited } from '../audit/audited.decorator';
import { detectImageType } from './image-type';

@ApiTags('uploads')
@Controller('admin/uploads')
export class UploadsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  @StaffOnly()
  @Audited('upload.create', 'upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@CurrentStaff() staff: StaffPrincipal, @Req() req: FastifyRequest): Promise<{ url: string }> {
    // Article images and covers, and the photos of stations and counsellor profiles.
    requireAny(staff, 'articles.edit', 'stations.manage');
    if (!req.isMultipart()) throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
    const part = await req.file({ limits: { fileSize: this.config.UPLOAD_MAX_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') throw AppException.badRequest('请在字段 file 中上传图片', undefined, 'VALIDATION_FAILED');
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch {
      throw new AppException(413, 'PAYLOAD_TOO_LARGE', `图片不能超过 ${Math.round(this.config.UPLOAD_MAX_BYTES / 1048576)} MB`);
    }
    const type = detectImageType(data);
    if (!type) throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', '只支持 JPG、PNG、GIF、WebP 格式的图片');
    const name = `${randomUUID()}.${type}`;
    await mkdir(this.config.UPLOAD_DIR, { recursive: true });
    await writeFile(join(this.config.UPLOAD_DIR, name), data);
    return { url: `/uploads/${name}` };
  }
}
