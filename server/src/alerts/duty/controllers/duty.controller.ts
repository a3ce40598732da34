import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AlertDispatchEvent, AlertNoticeAnswer, DutyCandidate, DutyEntry, DutyNow } from '@xinqiao/shared';
import { Audited } from '../../../audit/audited.decorator';
import { CurrentResident, CurrentStaff, ResidentOnly, StaffOnly } from '../../../common/access/decorators';
import type { ResidentPrincipal, StaffPrincipal } from '../../../common/access/principal';
import { IdParam } from '../../../common/http/id-param';
import { DutyEntryInputDto, DutyQueryDto, DutyRegionQueryDto } from '../dto/duty.dto';
import { AlertDispatchService } from '../services/alert-dispatch.service';
import { DutyRosterService } from '../services/duty-roster.service';

/** The duty rosters (值班表): read by whoever oversees alerts, kept by region admins (alerts.configure). */
@ApiTags('alerts')
@Controller('admin/duty')
export class DutyController {
  constructor(private readonly roster: DutyRosterService) {}

  @Get()
  @StaffOnly('alerts.oversee')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: DutyQueryDto): Promise<DutyEntry[]> {
    return this.roster.list(staff, q);
  }

  /** Who is on duty in a region now, and who a new alert there would reach first. */
  @Get('now')
  @StaffOnly('alerts.oversee')
  now(@CurrentStaff() staff: StaffPrincipal, @Query() q: DutyRegionQueryDto): Promise<DutyNow> {
    return this.roster.now(staff, q.regionId);
  }

  /** Who may be put on the region's roster. */
  @Get('candidates')
  @StaffOnly('alerts.configure')
  candidates(@CurrentStaff() staff: StaffPrincipal, @Query() q: DutyRegionQueryDto): Promise<DutyCandidate[]> {
    return this.roster.candidates(staff, q.regionId);
  }

  @Post()
  @StaffOnly('alerts.configure')
  @Audited('duty.create', 'duty_entry')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: DutyEntryInputDto): Promise<DutyEntry> {
    return this.roster.create(staff, dto);
  }

  @Put(':id')
  @StaffOnly('alerts.configure')
  @Audited('duty.update', 'duty_entry')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: DutyEntryInputDto): Promise<DutyEntry> {
    return this.roster.update(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('alerts.configure')
  @Audited('duty.delete', 'duty_entry')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.roster.remove(staff, id);
  }
}

/** An alert's dispatch timeline: who was notified at which step (staff names only, nothing of the resident). */
@ApiTags('alerts')
@Controller('admin/alerts')
export class AlertDispatchController {
  constructor(private readonly dispatch: AlertDispatchService) {}

  @Get(':id/dispatch')
  @StaffOnly('alerts.oversee')
  timeline(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AlertDispatchEvent[]> {
    return this.dispatch.timeline(staff, id);
  }
}

/** A resident's view of whether the people on duty were told of their request (the help page polls it). */
@ApiTags('alerts')
@Controller('me/alert-notices')
export class AlertNoticesController {
  constructor(private readonly dispatch: AlertDispatchService) {}

  @Get(':id')
  @ResidentOnly()
  async get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<AlertNoticeAnswer> {
    return { alertId: id, noticeStatus: await this.dispatch.noticeForResident(me.id, id) };
  }
}
