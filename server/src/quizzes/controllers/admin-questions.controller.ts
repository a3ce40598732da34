import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Audited } from '../../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { fileAnswer } from '../../common/http/send-file';
import { readUploadedFile } from '../../common/http/upload';
import { QuestionInputDto, QuestionQueryDto } from '../dto/question.dto';
import { QuestionsService } from '../services/questions.service';

@ApiTags('quizzes')
@Controller('admin/questions')
export class AdminQuestionsController {
  constructor(
    private readonly questions: QuestionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint('题库列表', { page: 'AdminQuestion' })
  @Get()
  @StaffOnly('quizzes.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: QuestionQueryDto) {
    return this.questions.list(staff, q);
  }

  @Endpoint('导出题库（Excel）', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  @Get('export')
  @StaffOnly('quizzes.manage')
  async export(@CurrentStaff() staff: StaffPrincipal, @Res({ passthrough: true }) reply: FastifyReply) {
    return fileAnswer(reply, '心理健康知识题库.xlsx', await this.questions.exportBank(staff));
  }

  @Endpoint('从 Excel 导入题目', 'QuestionImportResult')
  @Post('import')
  @StaffOnly('quizzes.manage')
  @Audited('question.import', 'question')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async import(@CurrentStaff() staff: StaffPrincipal, @Req() req: FastifyRequest) {
    return this.questions.importBank(staff, await readUploadedFile(req, this.config.UPLOAD_MAX_BYTES, 'Excel 文件'));
  }

  @Endpoint('新增题目', 'AdminQuestion')
  @Post()
  @StaffOnly('quizzes.manage')
  @Audited('question.create', 'question')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: QuestionInputDto) {
    return this.questions.create(staff, dto);
  }

  @Endpoint('修改题目', 'AdminQuestion')
  @Put(':id')
  @StaffOnly('quizzes.manage')
  @Audited('question.update', 'question')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: QuestionInputDto) {
    return this.questions.update(staff, id, dto);
  }

  @Endpoint('删除题目', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('quizzes.manage')
  @Audited('question.delete', 'question')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.questions.remove(staff, id);
  }
}
