import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentResident, ResidentOnly } from '../../common/access/decorators';
import type { ResidentPrincipal } from '../../common/access/principal';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';
import { SubmitThrottle } from '../../common/http/submit-throttle';
import { HelpRequestDto } from '../dto/help-request.dto';
import { HelpRequestsService } from '../services/help-requests.service';

@ApiTags('alerts')
@Controller('help-requests')
export class HelpRequestsController {
  constructor(private readonly helpRequests: HelpRequestsService) {}

  /** "请人联系我" (also the booking intake's "I am in danger now"): 201 for a new request, 200 when the same clientRequestId was already stored. */
  @Endpoint('请人联系我（同一请求编号重复提交答 200）', 'HelpRequestResult')
  @ApiConflicts('CONFLICT')
  @Post()
  @ResidentOnly()
  @SubmitThrottle()
  async submit(@CurrentResident() me: ResidentPrincipal, @Body() dto: HelpRequestDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { result, duplicate } = await this.helpRequests.submit(me.id, dto);
    reply.status(duplicate ? 200 : 201);
    return result;
  }
}
