import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminCounsellor, CounsellorAccount, Page } from '@xinqiao/shared';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { AdminCounsellorQueryDto, CounsellorAccountQueryDto, CounsellorInputDto } from '../dto/counsellor.dto';
import { CounsellorsService } from '../services/counsellors.service';

/** Counsellor profiles of the caller's region. */
@ApiTags('stations')
@Controller('admin/counsellors')
export class AdminCounsellorsController {
  constructor(private readonly counsellors: CounsellorsService) {}

  @Get()
  @StaffOnly('stations.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminCounsellorQueryDto): Promise<Page<AdminCounsellor>> {
    return this.counsellors.list(staff, q);
  }

  /** Counsellor accounts a profile may be linked to (station managers cannot list staff accounts otherwise). */
  @Get('accounts')
  @StaffOnly('stations.manage')
  accounts(@CurrentStaff() staff: StaffPrincipal, @Query() q: CounsellorAccountQueryDto): Promise<CounsellorAccount[]> {
    return this.counsellors.accounts(staff, q);
  }

  /** The caller's own profile, if an account is linked to one: `{ counsellor: null }` otherwise. */
  @Get('mine')
  @StaffOnly('bookings.handle')
  async mine(@CurrentStaff() staff: StaffPrincipal): Promise<{ counsellor: AdminCounsellor | null }> {
    return { counsellor: await this.counsellors.mine(staff) };
  }

  @Post()
  @StaffOnly('stations.manage')
  @Audited('counsellor.create', 'counsellor')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CounsellorInputDto): Promise<AdminCounsellor> {
    return this.counsellors.create(staff, dto);
  }

  @Get(':id')
  @StaffOnly('stations.manage')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AdminCounsellor> {
    return this.counsellors.getForStaff(staff, id);
  }

  @Put(':id')
  @StaffOnly('stations.manage')
  @Audited('counsellor.update', 'counsellor')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CounsellorInputDto): Promise<AdminCounsellor> {
    return this.counsellors.update(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('counsellor.delete', 'counsellor')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.counsellors.remove(staff, id);
  }
}
