import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { Audited } from '../audit/audited.decorator';
import { CreateStaffDto, PasswordDto, StaffQueryDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @StaffOnly('staff.manage')
  list(@CurrentStaff() me: StaffPrincipal, @Query() q: StaffQueryDto) {
    return this.staff.list(me, q);
  }

  @Post()
  @StaffOnly('staff.manage')
  @Audited('staff.create', 'staff')
  create(@CurrentStaff() me: StaffPrincipal, @Body() dto: CreateStaffDto) {
    return this.staff.create(me, dto);
  }

  @Patch(':id')
  @StaffOnly('staff.manage')
  @Audited('staff.update', 'staff')
  update(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number, @Body() dto: UpdateStaffDto) {
    return this.staff.update(me, id, dto);
  }

  @Post(':id/reset-password')
  @StaffOnly('staff.manage')
  @Audited('staff.reset_password', 'staff')
  resetPassword(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number, @Body() dto: PasswordDto) {
    return this.staff.resetPassword(me, id, dto.password);
  }

  @Post(':id/unlock')
  @StaffOnly('staff.manage')
  @Audited('staff.unlock', 'staff')
  unlock(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number) {
    return this.staff.unlock(me, id);
  }
}
