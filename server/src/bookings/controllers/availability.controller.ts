import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import type { AvailabilityBlock, AvailabilityException } from '@xinqiao/shared';
import { CurrentStaff, StaffWithAny } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { validationException } from '../../common/errors/validation';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { AvailabilityBlockInputDto, AvailabilityExceptionInputDto, AvailabilityExceptionQueryDto } from '../dto/booking.dto';
import { AvailabilityService } from '../services/availability.service';
import { Endpoint } from '../../common/http/openapi';

/** The week is sent as a JSON array; each element is checked as the DTO, named by position (`2.end`). */
function blockList(body: unknown): AvailabilityBlockInputDto[] {
  if (!Array.isArray(body)) throw AppException.badRequest('请求体必须是时段数组', undefined, 'VALIDATION_FAILED');
  if (body.length > 70)
    throw AppException.badRequest(
      '每周最多 70 个时段',
      { fields: [{ field: 'blocks', constraint: 'arrayMaxSize', message: '每周最多 70 个时段' }] },
      'VALIDATION_FAILED',
    );
  const items = body.map((b: unknown) => plainToInstance(AvailabilityBlockInputDto, typeof b === 'object' && b !== null ? b : {}));
  const errors = items.flatMap((item, i) => {
    const children = validateSync(item, { whitelist: true, forbidNonWhitelisted: true });
    return children.length ? [Object.assign(new ValidationError(), { property: String(i), children })] : [];
  });
  if (errors.length) throw validationException(errors);
  return items;
}

/** A counsellor's weekly availability and dated exceptions (station managers; a counsellor for their own). */
@ApiTags('bookings')
@Controller('admin/counsellors/:id/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Endpoint('咨询师每周可预约时段', ['AvailabilityBlock'])
  @Get()
  @StaffWithAny('bookings.handle', 'stations.manage')
  week(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AvailabilityBlock[]> {
    return this.availability.week(staff, id);
  }

  @Endpoint('设置咨询师每周可预约时段', ['AvailabilityBlock'])
  @Put()
  @StaffWithAny('bookings.handle', 'stations.manage')
  @Audited('availability.update', 'counsellor')
  @ApiBody({ type: [AvailabilityBlockInputDto], description: 'the whole week: it replaces every block (at most 70)' })
  putWeek(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() body: unknown): Promise<AvailabilityBlock[]> {
    return this.availability.putWeek(staff, id, blockList(body));
  }

  @Endpoint('咨询师的特殊安排', ['AvailabilityException'])
  @Get('exceptions')
  @StaffWithAny('bookings.handle', 'stations.manage')
  exceptions(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: AvailabilityExceptionQueryDto): Promise<AvailabilityException[]> {
    return this.availability.exceptions(staff, id, q);
  }

  @Endpoint('设置咨询师某日特殊安排', 'AvailabilityException')
  @Put('exceptions')
  @StaffWithAny('bookings.handle', 'stations.manage')
  @Audited('availability.exception', 'counsellor')
  putException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: AvailabilityExceptionInputDto): Promise<AvailabilityException> {
    return this.availability.putException(staff, id, dto);
  }

  @Endpoint('删除咨询师某日特殊安排', null)
  @Delete('exceptions/:exceptionId')
  @HttpCode(204)
  @StaffWithAny('bookings.handle', 'stations.manage')
  @Audited('availability.exception.delete', 'counsellor')
  removeException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @IdParam('exceptionId') exceptionId: number): Promise<void> {
    return this.availability.removeException(staff, id, exceptionId);
  }
}
