import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { Audited } from '../audit/audited.decorator';
import { CreateStaffDto, PasswordDto, StaffQueryDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';
import { ApiConflicts, Endpoint } from '../common/http/openapi';

@ApiTags('staff')
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Endpoint('工作人员列表', { page: 'StaffDto' })
  @Get()
  @StaffOnly('staff.manage')
  list(@CurrentStaff() me: StaffPrincipal, @Query() q: StaffQueryDto) {
    return this.staff.list(me, q);
  }

  @Endpoint('新建工作人员账号', 'StaffDto')
  @ApiConflicts('CONFLICT')
  @Post()
  @StaffOnly('staff.manage')
  @Audited('staff.create', 'staff')
  create(@CurrentStaff() me: StaffPrincipal, @Body() dto: CreateStaffDto) {
    return this.staff.create(me, dto);
  }

  @Endpoint('修改工作人员账号', 'StaffDto')
  @Patch(':id')
  @StaffOnly('staff.manage')
  @Audited('staff.update', 'staff')
  update(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number, @Body() dto: UpdateStaffDto) {
    return this.staff.update(me, id, dto);
  }

  @Endpoint('重置工作人员密码', 'StaffDto')
  @Post(':id/reset-password')
  @StaffOnly('staff.manage')
  @Audited('staff.reset_password', 'staff')
  resetPassword(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number, @Body() dto: PasswordDto) {
    return this.staff.resetPassword(me, id, dto.password);
  }

  @Endpoint('解除账号登录锁定', 'StaffDto')
  @Post(':id/unlock')
  @StaffOnly('staff.manage')
  @Audited('staff.unlock', 'staff')
  unlock(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number) {
    return this.staff.unlock(me, id);
  }
}
