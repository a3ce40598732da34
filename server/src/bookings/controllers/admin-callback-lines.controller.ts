import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallbackLine } from '@xinqiao/shared';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { CallbackLineInputDto } from '../dto/booking.dto';
import { CallbackLinesService } from '../services/callback-lines.service';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';

/** Hotlines that offer call-backs, in the caller's region. */
@ApiTags('bookings')
@Controller('admin/callback-lines')
export class AdminCallbackLinesController {
  constructor(private readonly lines: CallbackLinesService) {}

  @Endpoint('回电服务列表（管理端）', ['CallbackLine'])
  @Get()
  @StaffOnly('stations.manage')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<CallbackLine[]> {
    return this.lines.list(staff);
  }

  @Endpoint('新建回电服务', 'CallbackLine')
  @ApiConflicts('CONFLICT')
  @Post()
  @StaffOnly('stations.manage')
  @Audited('callback_line.create', 'callback_line')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CallbackLineInputDto): Promise<CallbackLine> {
    return this.lines.create(staff, dto);
  }

  @Endpoint('修改回电服务', 'CallbackLine')
  @Put(':id')
  @StaffOnly('stations.manage')
  @Audited('callback_line.update', 'callback_line')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CallbackLineInputDto): Promise<CallbackLine> {
    return this.lines.update(staff, id, dto);
  }

  @Endpoint('删除回电服务', null)
  @ApiConflicts('CONFLICT')
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('callback_line.delete', 'callback_line')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.lines.remove(staff, id);
  }
}
