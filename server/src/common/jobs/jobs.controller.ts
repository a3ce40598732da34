import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffOnly } from '../access/decorators';
import type { StaffPrincipal } from '../access/principal';
import { IdParam } from '../http/id-param';
import { fileAnswer } from '../http/send-file';
import { JobsService } from './jobs.service';
import { ApiConflicts, Endpoint } from '../http/openapi';

/** Background jobs as their requester follows them: progress, then the file. */
@ApiTags('jobs')
@Controller('admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Endpoint('后台任务进度', 'JobDto')
  @Get(':id')
  @StaffOnly()
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.jobs.get(staff, id);
  }

  @Endpoint('下载后台任务生成的文件', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  @ApiConflicts('INVALID_STATE')
  @Get(':id/download')
  @StaffOnly()
  async download(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const { fileName, file } = await this.jobs.download(staff, id);
    return fileAnswer(reply, fileName, file);
  }
}
