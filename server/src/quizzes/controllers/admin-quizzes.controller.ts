import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { CurrentStaff, StaffOnly, StaffWithAny } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { AdminQuizQueryDto, QuizInputDto } from '../dto/quiz.dto';
import { QuizzesService } from '../services/quizzes.service';

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
