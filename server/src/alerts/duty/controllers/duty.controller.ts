import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DutyCandidate, DutyEntry, DutyNow } from '@xinqiao/shared';
import { Audited } from '../../../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../../../common/access/decorators';
import type { StaffPrincipal } from '../../../common/access/principal';
import { IdParam } from '../../../common/http/id-param';
import { ApiConflicts, Endpoint } from '../../../common/http/openapi';
import { DutyEntryInputDto, DutyQueryDto, DutyRegionQueryDto } from '../dto/duty.dto';
import { DutyRosterService } from '../services/duty-roster.service';

/** The duty rosters (值班表): read by whoever oversees alerts, kept by region admins (alerts.configure). */
@ApiTags('alerts')
@Controller('admin/duty')
export class DutyController {
  constructor(private readonly roster: DutyRosterService) {}

  @Endpoint('值班表', ['DutyEntry'])
  @Get()
  @StaffOnly('alerts.oversee')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: DutyQueryDto): Promise<DutyEntry[]> {
    return this.roster.list(staff, q);
  }

  /** Who is on duty in a region now, and who a new alert there would reach first. */
  @Endpoint('区域当前值班人员与新预警的首位接收人', 'DutyNow')
  @Get('now')
  @StaffOnly('alerts.oversee')
  now(@CurrentStaff() staff: StaffPrincipal, @Query() q: DutyRegionQueryDto): Promise<DutyNow> {
    return this.roster.now(staff, q.regionId);
  }

  /** Who may be put on the region's roster. */
  @Endpoint('可排班人员', ['DutyCandidate'])
  @Get('candidates')
  @StaffOnly('alerts.configure')
  candidates(@CurrentStaff() staff: StaffPrincipal, @Query() q: DutyRegionQueryDto): Promise<DutyCandidate[]> {
    return this.roster.candidates(staff, q.regionId);
  }

  @Endpoint('新增值班安排', 'DutyEntry')
  @ApiConflicts('CONFLICT')
  @Post()
  @StaffOnly('alerts.configure')
  @Audited('duty.create', 'duty_entry')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: DutyEntryInputDto): Promise<DutyEntry> {
    return this.roster.create(staff, dto);
  }

  @Endpoint('修改值班安排', 'DutyEntry')
  @ApiConflicts('CONFLICT')
  @Put(':id')
  @StaffOnly('alerts.configure')
  @Audited('duty.update', 'duty_entry')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: DutyEntryInputDto): Promise<DutyEntry> {
    return this.roster.update(staff, id, dto);
  }

  @Endpoint('删除值班安排', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('alerts.configure')
  @Audited('duty.delete', 'duty_entry')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.roster.remove(staff, id);
  }
}
