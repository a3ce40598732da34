import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffPrincipal } from '../common/access/principal';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';
import { Endpoint } from '../common/http/openapi';

@ApiTags('audit')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Endpoint('审计日志', { page: 'AuditEntryDto' })
  @Get()
  @StaffOnly('audit.read')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AuditQueryDto) {
    return this.audit.search(staff, q);
  }
}
