import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, CurrentStaff, Public, StaffOnly, StaffWithAny } from '../common/access/decorators';
import type { Principal, StaffPrincipal } from '../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { IdParam } from '../common/http/id-param';
import { fileAnswer } from '../common/http/send-file';
import { readUploadedFile } from '../common/http/upload';
import { Audited } from '../audit/audited.decorator';
import { AttemptsService } from './attempts.service';
import { QuestionInputDto, QuestionQueryDto } from './question.dto';
import { QuestionsService } from './questions.service';
import { AdminQuizQueryDto, AttemptInputDto, PublicQuizQueryDto, QuizInputDto } from './quiz.dto';
import { QuizzesService } from './quizzes.service';
import { SubmitThrottle } from '../common/http/submit-throttle';
import { Endpoint } from '../common/http/openapi';

@ApiTags('quizzes')
@Controller('quizzes')
export class QuizzesController {
  constructor(private readonly attempts: AttemptsService) {}

  @Endpoint('正在开放的测验', ['QuizSummary'])
  @Get()
  @Public()
  list(@Query() q: PublicQuizQueryDto, @CurrentPrincipal() who?: Principal) {
    return this.attempts.listOpen(q, who);
  }

  @Endpoint('测验试卷', 'QuizPaper')
  @Get(':id')
  @Public()
  get(@IdParam() id: number, @CurrentPrincipal() who?: Principal) {
    return this.attempts.paper(id, who);
  }

  /** 201 for a new answer; 200 when it was stored before (a retry, or a survey answered already). */
  @Endpoint('提交答卷并评分', 'AttemptResult')
  @Post(':id/attempts')
  @Public()
  @SubmitThrottle()
  async submit(@IdParam() id: number, @Body() dto: AttemptInputDto, @CurrentPrincipal() who: Principal | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const { created, result } = await this.attempts.submit(id, dto, who);
    reply.status(created ? 201 : 200);
    return result;
  }
}

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

@ApiTags('quizzes')
@Controller('admin/quizzes')
export class AdminQuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  /** Officials reading the figures need the list too, without the right to edit. */
  @Endpoint('测验列表', { page: 'AdminQuiz' })
  @Get()
  @StaffWithAny('quizzes.manage', 'awareness.read')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminQuizQueryDto) {
    return this.quizzes.list(staff, q);
  }

  @Endpoint('测验详情', 'AdminQuiz')
  @Get(':id')
  @StaffWithAny('quizzes.manage', 'awareness.read')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.quizzes.get(staff, id);
  }

  @Endpoint('新建测验', 'AdminQuiz')
  @Post()
  @StaffOnly('quizzes.manage')
  @Audited('quiz.create', 'quiz')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: QuizInputDto) {
    return this.quizzes.create(staff, dto);
  }

  @Endpoint('修改测验', 'AdminQuiz')
  @Put(':id')
  @StaffOnly('quizzes.manage')
  @Audited('quiz.update', 'quiz')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: QuizInputDto) {
    return this.quizzes.update(staff, id, dto);
  }

  @Endpoint('发布测验（固定试卷）', 'AdminQuiz')
  @Post(':id/publish')
  @HttpCode(200)
  @StaffOnly('quizzes.manage')
  @Audited('quiz.publish', 'quiz')
  publish(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.quizzes.publish(staff, id);
  }

  @Endpoint('结束测验', 'AdminQuiz')
  @Post(':id/close')
  @HttpCode(200)
  @StaffOnly('quizzes.manage')
  @Audited('quiz.close', 'quiz')
  close(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.quizzes.close(staff, id);
  }
}
