import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminCounsellor, CounsellorAccount, MyCounsellor, Page } from '@xinqiao/shared';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { AdminCounsellorQueryDto, CounsellorAccountQueryDto, CounsellorInputDto } from '../dto/counsellor.dto';
import { CounsellorsService } from '../services/counsellors.service';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';

/** Counsellor profiles of the caller's region. */
@ApiTags('stations')
@Controller('admin/counsellors')
export class AdminCounsellorsController {
  constructor(private readonly counsellors: CounsellorsService) {}

  @Endpoint('咨询师管理列表', { page: 'AdminCounsellor' })
  @Get()
  @StaffOnly('stations.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminCounsellorQueryDto): Promise<Page<AdminCounsellor>> {
    return this.counsellors.list(staff, q);
  }

  /** Counsellor accounts a profile may be linked to (station managers cannot list staff accounts otherwise). */
  @Endpoint('可关联的咨询师账号', ['CounsellorAccount'])
  @Get('accounts')
  @StaffOnly('stations.manage')
  accounts(@CurrentStaff() staff: StaffPrincipal, @Query() q: CounsellorAccountQueryDto): Promise<CounsellorAccount[]> {
    return this.counsellors.accounts(staff, q);
  }

  /** The caller's own profile, if an account is linked to one: `{ counsellor: null }` otherwise. */
  @Endpoint('本人的咨询师信息', 'MyCounsellor')
  @Get('mine')
  @StaffOnly('bookings.handle')
  async mine(@CurrentStaff() staff: StaffPrincipal): Promise<MyCounsellor> {
    return { counsellor: await this.counsellors.mine(staff) };
  }

  @Endpoint('新建咨询师', 'AdminCounsellor')
  @ApiConflicts('CONFLICT')
  @Post()
  @StaffOnly('stations.manage')
  @Audited('counsellor.create', 'counsellor')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CounsellorInputDto): Promise<AdminCounsellor> {
    return this.counsellors.create(staff, dto);
  }

  @Endpoint('咨询师详情（管理端）', 'AdminCounsellor')
  @Get(':id')
  @StaffOnly('stations.manage')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AdminCounsellor> {
    return this.counsellors.getForStaff(staff, id);
  }

  @Endpoint('修改咨询师', 'AdminCounsellor')
  @ApiConflicts('CONFLICT')
  @Put(':id')
  @StaffOnly('stations.manage')
  @Audited('counsellor.update', 'counsellor')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CounsellorInputDto): Promise<AdminCounsellor> {
    return this.counsellors.update(staff, id, dto);
  }

  @Endpoint('删除咨询师', null)
  @ApiConflicts('CONFLICT')
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('counsellor.delete', 'counsellor')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.counsellors.remove(staff, id);
  }
}
