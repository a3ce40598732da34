import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Hold, MyBooking, Page } from '@xinqiao/shared';
import { CurrentResident, ResidentOnly } from '../../common/access/decorators';
import type { ResidentPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { SubmitThrottle } from '../../common/http/submit-throttle';
import { BookingInputDto, CancelInputDto, HoldInputDto, MyBookingQueryDto, RatingInputDto, RescheduleInputDto } from '../dto/booking.dto';
import { BookingsService } from '../services/bookings.service';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';

/** A signed-in resident's holds and bookings. */
@ApiTags('bookings')
@Controller()
export class ResidentBookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Endpoint('保留时段', 'Hold')
  @ApiConflicts('SLOT_TAKEN')
  @Post('bookings/holds')
  @ResidentOnly()
  hold(@CurrentResident() me: ResidentPrincipal, @Body() dto: HoldInputDto): Promise<Hold> {
    return this.bookings.hold(me.id, dto);
  }

  @Endpoint('释放保留的时段', null)
  @Delete('bookings/holds/:id')
  @HttpCode(204)
  @ResidentOnly()
  release(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<void> {
    return this.bookings.releaseHold(me.id, id);
  }

  @Endpoint('确认预约', 'MyBooking')
  @ApiConflicts('HOLD_EXPIRED', 'SLOT_TAKEN', 'BOOKING_LIMIT_REACHED')
  @Post('bookings')
  @ResidentOnly()
  @SubmitThrottle()
  confirm(@CurrentResident() me: ResidentPrincipal, @Body() dto: BookingInputDto): Promise<MyBooking> {
    return this.bookings.confirm(me.id, dto);
  }

  @Endpoint('我的预约', { page: 'MyBooking' })
  @Get('me/bookings')
  @ResidentOnly()
  list(@CurrentResident() me: ResidentPrincipal, @Query() q: MyBookingQueryDto): Promise<Page<MyBooking>> {
    return this.bookings.list(me.id, q);
  }

  @Endpoint('我的预约详情', 'MyBooking')
  @Get('me/bookings/:id')
  @ResidentOnly()
  get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<MyBooking> {
    return this.bookings.get(me.id, id);
  }

  @Endpoint('改期', 'MyBooking')
  @ApiConflicts('HOLD_EXPIRED', 'SLOT_TAKEN', 'BOOKING_CUTOFF_PASSED', 'INVALID_STATE')
  @Post('me/bookings/:id/reschedule')
  @HttpCode(200)
  @ResidentOnly()
  reschedule(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number, @Body() dto: RescheduleInputDto): Promise<MyBooking> {
    return this.bookings.reschedule(me.id, id, dto.holdId);
  }

  @Endpoint('取消预约', 'MyBooking')
  @ApiConflicts('INVALID_STATE')
  @Post('me/bookings/:id/cancel')
  @HttpCode(200)
  @ResidentOnly()
  cancel(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number, @Body() dto: CancelInputDto): Promise<MyBooking> {
    return this.bookings.cancel(me.id, id, dto);
  }

  @Endpoint('评价咨询', 'MyBooking')
  @ApiConflicts('INVALID_STATE')
  @Post('me/bookings/:id/rating')
  @HttpCode(200)
  @ResidentOnly()
  rate(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number, @Body() dto: RatingInputDto): Promise<MyBooking> {
    return this.bookings.rate(me.id, id, dto);
  }
}
