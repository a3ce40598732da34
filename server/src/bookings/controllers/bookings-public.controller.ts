import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BookingKindSettings, CallbackLine, Slot } from '@xinqiao/shared';
import { Public } from '../../common/access/decorators';
import { CallbackLineQueryDto, SlotQueryDto } from '../dto/booking.dto';
import { BookingSettingsService } from '../services/booking-settings.service';
import { CallbackLinesService } from '../services/callback-lines.service';
import { SlotsService } from '../services/slots.service';
import { Endpoint } from '../../common/http/openapi';

/** What anyone may see before booking: the kinds on offer, the call-back lines, free slots. */
@ApiTags('bookings')
@Controller()
export class BookingsPublicController {
  constructor(
    private readonly settings: BookingSettingsService,
    private readonly lines: CallbackLinesService,
    private readonly slots: SlotsService,
  ) {}

  @Endpoint('开放的预约类型', ['BookingKindSettings'])
  @Get('bookings/kinds')
  @Public()
  async kinds(): Promise<BookingKindSettings[]> {
    return (await this.settings.all()).filter((s) => s.enabled);
  }

  @Endpoint('提供回电的热线', ['CallbackLine'])
  @Get('callback-lines')
  @Public()
  callbackLines(@Query() q: CallbackLineQueryDto): Promise<CallbackLine[]> {
    return this.lines.listPublic(q.regionId);
  }

  @Endpoint('可预约时段', ['Slot'])
  @Get('slots')
  @Public()
  list(@Query() q: SlotQueryDto): Promise<Slot[]> {
    return this.slots.list(q);
  }
}
