import { Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { UploadedImage } from '@xinqiao/shared';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'crypto';
import { StaffWithAny } from '../common/access/decorators';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { contentTypeOf, FILE_STORE, type FileStore } from '../common/storage/file-store';
import { AppException } from '../common/errors/app-exception';
import { Audited } from '../audit/audited.decorator';
import { readUploadedFile } from '../common/http/upload';
import { detectImageType } from './image-type';
import { Endpoint } from '../common/http/openapi';

@ApiTags('uploads')
@Controller('admin/uploads')
export class UploadsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  @Endpoint('上传图片', 'UploadedImage')
  @Post()
  // Article images and covers, event covers, and the photos of stations and counsellor profiles.
  @StaffWithAny('articles.edit', 'events.manage', 'stations.manage')
  @Audited('upload.create', 'upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(@Req() req: FastifyRequest): Promise<UploadedImage> {
    const data = await readUploadedFile(req, this.config.UPLOAD_MAX_BYTES, '图片');
    const type = detectImageType(data);
    if (!type) throw new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', '只支持 JPG、PNG、GIF、WebP 格式的图片');
    const name = `${randomUUID()}.${type}`;
    // A store that is down answers 503 STORAGE_UNAVAILABLE; the audit record then says the upload failed.
    await this.store.put(name, data, contentTypeOf(name));
    return { url: `/uploads/${name}` };
  }
}
