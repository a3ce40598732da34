import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AGE_BANDS,
  BOOKING_KINDS,
  BOOKING_STATUSES,
  INTAKE_NOTE_MAX_CHARS,
  INTAKE_TOPICS,
  SESSION_MODES,
  WEEKDAY_LABELS,
  type AdminBookingQuery,
  type AgeBand,
  type AvailabilityBlockInput,
  type AvailabilityExceptionInput,
  type AvailabilityExceptionQuery,
  type BookingInput,
  type BookingKind,
  type BookingSettingsInput,
  type BookingStatsQuery,
  type BookingStatus,
  type CallbackLineInput,
  type CallbackLineQuery,
  type CancelInput,
  type DayBlockInput,
  type GuardianConsent,
  type HandoverInput,
  type HoldInput,
  type IntakeConsent,
  type IntakeInput,
  type IntakeTopic,
  type MyBookingQuery,
  type RatingInput,
  type RescheduleInput,
  type SessionMode,
  type SessionNoteInput,
  type SlotQuery,
  type StaffCancelInput,
  type Weekday,
  type WeeklyHours,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsChinaDate } from '../../common/http/china-date';
import { IsWeeklyHours } from '../../common/http/hours';
import { IsId } from '../../common/http/id-param';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { QueryBoolean } from '../../common/http/query-boolean';
import { Trim } from '../../common/http/trim';
import { CANCEL_REASON_MAX, RATING_COMMENT_MAX } from '../entities/booking.entity';

const HM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WEEKDAYS = Object.keys(WEEKDAY_LABELS).map(Number) as Weekday[];

export class SlotQueryDto implements SlotQuery {
  @ApiProperty({ enum: BOOKING_KINDS })
  @FieldLabel('预约类型')
  @IsIn(BOOKING_KINDS)
  kind: BookingKind;

  @ApiPropertyOptional()
  @FieldLabel('站点')
  @Omittable()
  @Type(() => Number)
  @IsId()
  stationId?: number;

  @ApiPropertyOptional()
  @FieldLabel('咨询师')
  @Omittable()
  @Type(() => Number)
  @IsId()
  counsellorId?: number;

  @ApiPropertyOptional()
  @FieldLabel('回电热线')
  @Omittable()
  @Type(() => Number)
  @IsId()
  lineId?: number;

  @ApiProperty({ example: '2026-12-07' })
  @FieldLabel('开始日期')
  @IsChinaDate()
  from: string;

  @ApiProperty({ example: '2026-12-20' })
  @FieldLabel('结束日期')
  @IsChinaDate()
  to: string;
}

export class CallbackLineQueryDto implements CallbackLineQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;
}

export class HoldInputDto implements HoldInput {
  @ApiProperty({ enum: BOOKING_KINDS })
  @FieldLabel('预约类型')
  @IsIn(BOOKING_KINDS)
  kind: BookingKind;

  @ApiProperty({ example: '2026-12-08T01:00:00.000Z' })
  @FieldLabel('开始时间')
  @IsISO8601({ strict: true })
  start: string;

  @ApiPropertyOptional()
  @FieldLabel('咨询师')
  @Omittable()
  @IsId()
  counsellorId?: number;

  @ApiPropertyOptional()
  @FieldLabel('站点')
  @Omittable()
  @IsId()
  stationId?: number;

  @ApiPropertyOptional()
  @FieldLabel('回电热线')
  @Omittable()
  @IsId()
  lineId?: number;
}

export class GuardianDto implements GuardianConsent {
  @ApiProperty()
  @FieldLabel('监护人姓名')
  @Trim()
  @IsString()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: '母亲' })
  @FieldLabel('与本人关系')
  @Trim()
  @IsString()
  @MaxLength(16)
  relation: string;
}

export class IntakeConsentDto implements IntakeConsent {
  @ApiProperty()
  @FieldLabel('同意书版本')
  @IsString()
  @MaxLength(32)
  version: string;

  @ApiProperty({ enum: [true] })
  @FieldLabel('同意预约服务的个人信息处理')
  @IsBoolean()
  booking: true;

  @ApiProperty()
  @FieldLabel('同意处理敏感个人信息')
  @IsBoolean()
  sensitive: boolean;
}

export class IntakeInputDto implements IntakeInput {
  @ApiProperty({ enum: INTAKE_TOPICS, nullable: true })
  @FieldLabel('咨询主题')
  @Nullable()
  @IsIn(INTAKE_TOPICS)
  topic: IntakeTopic | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  @FieldLabel('情况说明')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(INTAKE_NOTE_MAX_CHARS * 2)
  note?: string | null;

  @ApiProperty({ example: '13800138000', description: 'may be empty for in-person sessions' })
  @FieldLabel('联系电话')
  @Trim()
  @IsString()
  @MaxLength(20)
  contactPhone: string;

  @ApiProperty({ enum: AGE_BANDS })
  @FieldLabel('年龄段')
  @IsIn(AGE_BANDS)
  ageBand: AgeBand;

  @ApiProperty({ type: IntakeConsentDto })
  @FieldLabel('同意')
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeConsentDto)
  consent: IntakeConsentDto;

  @ApiPropertyOptional({ type: GuardianDto, nullable: true })
  @FieldLabel('监护人')
  @Omittable()
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto | null;
}

export class BookingInputDto implements BookingInput {
  @ApiProperty()
  @FieldLabel('保留的时段')
  @IsId()
  holdId: number;

  @ApiProperty({ example: 'b1f0c6d2-2f57-4d6a-9a4e-1c2b3d4e5f60' })
  @FieldLabel('请求编号')
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientRequestId: string;

  @ApiProperty({ type: IntakeInputDto })
  @FieldLabel('预约信息')
  @IsObject()
  @ValidateNested()
  @Type(() => IntakeInputDto)
  intake: IntakeInputDto;
}

export class MyBookingQueryDto extends PageQueryDto implements MyBookingQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'] })
  @FieldLabel('范围')
  @Omittable()
  @IsIn(['upcoming', 'past'])
  scope?: 'upcoming' | 'past';
}

export class RescheduleInputDto implements RescheduleInput {
  @ApiProperty()
  @FieldLabel('新的时段')
  @IsId()
  holdId: number;
}

export class CancelInputDto implements CancelInput {
  @ApiPropertyOptional({ type: 'string', nullable: true })
  @FieldLabel('取消原因')
  @Omittable()
  @Nullable()
  @Trim()
  @IsString()
  @MaxLength(CANCEL_REASON_MAX)
  reason?: string | null;
}

export class StaffCancelInputDto implements StaffCancelInput {
  @ApiProperty()
  @FieldLabel('取消原因')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CANCEL_REASON_MAX)
  reason: string;
}

export class RatingInputDto implements RatingInput {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @FieldLabel('满意度')
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  @FieldLabel('评价')
  @Omittable()
  @Nullable()
  @Trim()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX)
  comment?: string | null;
}

export class HandoverInputDto implements HandoverInput {
  @ApiProperty()
  @FieldLabel('接手的咨询师')
  @IsId()
  counsellorId: number;
}

export class SessionNoteInputDto implements SessionNoteInput {
  @ApiProperty()
  @FieldLabel('咨询记录')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;
}

export class AdminBookingQueryDto extends PageQueryDto implements AdminBookingQuery {
  @ApiPropertyOptional()
  @FieldLabel('开始时间')
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional()
  @FieldLabel('结束时间')
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional()
  @FieldLabel('站点')
  @Omittable()
  @Type(() => Number)
  @IsId()
  stationId?: number;

  @ApiPropertyOptional()
  @FieldLabel('咨询师')
  @Omittable()
  @Type(() => Number)
  @IsId()
  counsellorId?: number;

  @ApiPropertyOptional({ enum: BOOKING_KINDS })
  @FieldLabel('预约类型')
  @Omittable()
  @IsIn(BOOKING_KINDS)
  kind?: BookingKind;

  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @FieldLabel('状态')
  @Omittable()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;

  @ApiPropertyOptional()
  @FieldLabel('只看我的')
  @Omittable()
  @QueryBoolean()
  mine?: boolean;
}

export class BookingStatsQueryDto implements BookingStatsQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiProperty({ example: '2026-07' })
  @FieldLabel('起始月份')
  @IsString()
  @Matches(MONTH)
  fromMonth: string;

  @ApiProperty({ example: '2026-12' })
  @FieldLabel('结束月份')
  @IsString()
  @Matches(MONTH)
  toMonth: string;
}

export class BookingSettingsInputDto implements BookingSettingsInput {
  @ApiProperty()
  @FieldLabel('是否开放')
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({ minimum: 10, maximum: 240 })
  @FieldLabel('时长（分钟）')
  @IsInt()
  @Min(10)
  @Max(240)
  durationMinutes: number;

  @ApiProperty({ minimum: 0, maximum: 120 })
  @FieldLabel('间隔（分钟）')
  @IsInt()
  @Min(0)
  @Max(120)
  bufferMinutes: number;

  @ApiProperty({ minimum: 0, maximum: 10080 })
  @FieldLabel('最少提前（分钟）')
  @IsInt()
  @Min(0)
  @Max(10080)
  minNoticeMinutes: number;

  @ApiProperty({ minimum: 1, maximum: 90 })
  @FieldLabel('最多提前（天）')
  @IsInt()
  @Min(1)
  @Max(90)
  maxDaysAhead: number;

  @ApiProperty({ minimum: 1, maximum: 20 })
  @FieldLabel('每人最多未完成预约')
  @IsInt()
  @Min(1)
  @Max(20)
  maxOpenPerResident: number;

  @ApiProperty({ minimum: 0, maximum: 168 })
  @FieldLabel('取消截止（小时）')
  @IsInt()
  @Min(0)
  @Max(168)
  cancelCutoffHours: number;
}

export class AvailabilityBlockInputDto implements AvailabilityBlockInput {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7 })
  @FieldLabel('星期')
  @IsInt()
  @IsIn(WEEKDAYS)
  @Min(1)
  @Max(7)
  weekday: Weekday;

  @ApiProperty({ example: '09:00' })
  @FieldLabel('开始时间')
  @IsString()
  @Matches(HM)
  start: string;

  @ApiProperty({ example: '12:00' })
  @FieldLabel('结束时间')
  @IsString()
  @Matches(HM)
  end: string;

  @ApiProperty({ enum: SESSION_MODES })
  @FieldLabel('咨询方式')
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @ApiProperty({ type: 'integer', nullable: true })
  @FieldLabel('站点')
  @Nullable()
  @IsId()
  stationId: number | null;
}

export class DayBlockInputDto implements DayBlockInput {
  @ApiProperty({ example: '09:00' })
  @FieldLabel('开始时间')
  @IsString()
  @Matches(HM)
  start: string;

  @ApiProperty({ example: '12:00' })
  @FieldLabel('结束时间')
  @IsString()
  @Matches(HM)
  end: string;

  @ApiProperty({ enum: SESSION_MODES })
  @FieldLabel('咨询方式')
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @ApiProperty({ type: 'integer', nullable: true })
  @FieldLabel('站点')
  @Nullable()
  @IsId()
  stationId: number | null;
}

export class AvailabilityExceptionInputDto implements AvailabilityExceptionInput {
  @ApiProperty({ example: '2026-12-24' })
  @FieldLabel('日期')
  @IsChinaDate()
  date: string;

  @ApiProperty({ type: DayBlockInputDto, isArray: true, description: 'empty: off that day' })
  @FieldLabel('当天时段')
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => DayBlockInputDto)
  blocks: DayBlockInputDto[];

  @ApiProperty({ type: 'string', nullable: true })
  @FieldLabel('说明')
  @Nullable()
  @Trim()
  @IsString()
  @MaxLength(200)
  note: string | null;
}

export class AvailabilityExceptionQueryDto implements AvailabilityExceptionQuery {
  @ApiPropertyOptional({ description: 'default: today (China date)' })
  @FieldLabel('开始日期')
  @Omittable()
  @IsChinaDate()
  from?: string;

  @ApiPropertyOptional()
  @FieldLabel('结束日期')
  @Omittable()
  @IsChinaDate()
  to?: string;
}

export class CallbackLineInputDto implements CallbackLineInput {
  @ApiProperty()
  @FieldLabel('热线')
  @IsId()
  hotlineId: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'ISO weekday (1 = Monday) -> [start, end) ranges, HH:mm China time' })
  @FieldLabel('回电时段')
  @IsWeeklyHours()
  weeklyHours: WeeklyHours;

  @ApiProperty({ minimum: 1, maximum: 50 })
  @FieldLabel('每个时段可回电数')
  @IsInt()
  @Min(1)
  @Max(50)
  capacityPerWindow: number;

  @ApiProperty()
  @FieldLabel('是否开放')
  @IsBoolean()
  enabled: boolean;
}
