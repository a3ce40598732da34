import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HolidayDay } from '@xinqiao/shared';
import { StaffOnly, StaffWithAny } from '../../common/access/decorators';
import { ChinaDateParam } from '../../common/http/china-date';
import { Audited } from '../../audit/audited.decorator';
import { HolidayInputDto, HolidayQueryDto } from '../dto/holiday.dto';
import { HolidaysService } from '../services/holidays.service';
import { Endpoint } from '../../common/http/openapi';

/** The national 放假/调休 calendar: kept by system admins, read by everyone who keeps station hours. */
@ApiTags('stations')
@Controller('admin/holidays')
export class AdminHolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Endpoint('全年节假日安排', ['HolidayDay'])
  @Get()
  @StaffWithAny('bookings.configure', 'stations.manage')
  list(@Query() q: HolidayQueryDto): Promise<HolidayDay[]> {
    return this.holidays.year(q.year);
  }

  @Endpoint('设置某日节假日安排', 'HolidayDay')
  @Put(':date')
  @StaffOnly('bookings.configure')
  @Audited('holiday.put', 'holiday')
  put(@ChinaDateParam() date: string, @Body() dto: HolidayInputDto): Promise<HolidayDay> {
    return this.holidays.put(date, dto);
  }

  @Endpoint('删除某日节假日安排', null)
  @Delete(':date')
  @HttpCode(204)
  @StaffOnly('bookings.configure')
  @Audited('holiday.delete', 'holiday')
  remove(@ChinaDateParam() date: string): Promise<void> {
    return this.holidays.remove(date);
  }
}
