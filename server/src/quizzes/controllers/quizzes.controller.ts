import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Public } from '../../common/access/decorators';
import type { Principal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { SubmitThrottle } from '../../common/http/submit-throttle';
import { AttemptInputDto, PublicQuizQueryDto } from '../dto/quiz.dto';
import { AttemptsService } from '../services/attempts.service';

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
  async submit(
    @IdParam() id: number,
    @Body() dto: AttemptInputDto,
    @CurrentPrincipal() who: Principal | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, result } = await this.attempts.submit(id, dto, who);
    reply.status(created ? 201 : 200);
    return result;
  }
}
