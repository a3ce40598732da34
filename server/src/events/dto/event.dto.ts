import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  PLACE_TYPES,
  POPULATION_GROUPS,
  REGISTRATION_FIELDS,
  type EventCancelInput,
  type EventInput,
  type EventKind,
  type EventListQuery,
  type EventSpeaker,
  type EventStatus,
  type EventVenue,
  type GeoPoint,
  type PlaceType,
  type PopulationGroup,
  type RegistrationField,
  type AdminEventListQuery,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId, MAX_INT } from '../../common/http/id-param';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class GeoPointDto implements GeoPoint {
  @ApiProperty()
  @FieldLabel('纬度')
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty()
  @FieldLabel('经度')
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng: number;
}

export class EventVenueDto implements EventVenue {
  @ApiProperty()
  @FieldLabel('场地名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty()
  @FieldLabel('场地地址')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address: string;

  @ApiProperty({ type: GeoPointDto, nullable: true })
  @FieldLabel('地图位置')
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto | null;
}

export class EventSpeakerDto implements EventSpeaker {
  @ApiProperty()
  @FieldLabel('主讲人姓名')
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ nullable: true, type: 'string' })
  @FieldLabel('主讲人职称')
  @Nullable()
  @IsString()
  @MaxLength(64)
  title: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  @FieldLabel('主讲人简介')
  @Nullable()
  @IsString()
  @MaxLength(500)
  bio: string | null;
}

export class EventInputDto implements EventInput {
  @ApiProperty()
  @FieldLabel('活动名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @FieldLabel('活动形式')
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ enum: PLACE_TYPES })
  @FieldLabel('场所类型')
  @IsIn(PLACE_TYPES)
  placeType: PlaceType;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('承办单位')
  @Omittable()
  @Nullable()
  @IsId()
  hostUnitId?: number | null;

  @ApiProperty()
  @FieldLabel('所在区域')
  @IsId()
  regionId: number;

  @ApiProperty({ type: EventVenueDto })
  @FieldLabel('场地')
  @IsObject()
  @ValidateNested()
  @Type(() => EventVenueDto)
  venue: EventVenueDto;

  @ApiProperty()
  @FieldLabel('开始时间')
  @IsISO8601()
  startsAt: string;

  @ApiProperty()
  @FieldLabel('结束时间')
  @IsISO8601()
  endsAt: string;

  @ApiPropertyOptional({ nullable: true, type: 'string', format: 'date-time' })
  @FieldLabel('报名开始时间')
  @Omittable()
  @Nullable()
  @IsISO8601()
  signupOpensAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'string', format: 'date-time' })
  @FieldLabel('报名截止时间')
  @Omittable()
  @Nullable()
  @IsISO8601()
  signupClosesAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'string', format: 'date-time' })
  @FieldLabel('取消报名截止时间')
  @Omittable()
  @Nullable()
  @IsISO8601()
  cancelClosesAt?: string | null;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @FieldLabel('名额')
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity: number;

  @ApiProperty()
  @FieldLabel('开放候补')
  @IsBoolean()
  waitlistEnabled: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 168 })
  @FieldLabel('候补确认时限（小时）')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(168)
  offerHours?: number;

  @ApiProperty({ enum: REGISTRATION_FIELDS, isArray: true })
  @FieldLabel('报名需填信息')
  @IsArray()
  @ArrayMaxSize(REGISTRATION_FIELDS.length)
  @ArrayUnique()
  @IsIn(REGISTRATION_FIELDS, { each: true })
  requiredFields: RegistrationField[];

  @ApiProperty({ enum: POPULATION_GROUPS, isArray: true })
  @FieldLabel('面向人群')
  @IsArray()
  @ArrayMaxSize(POPULATION_GROUPS.length)
  @ArrayUnique()
  @IsIn(POPULATION_GROUPS, { each: true })
  audiences: PopulationGroup[];

  @ApiProperty()
  @FieldLabel('活动介绍')
  @IsString()
  @MaxLength(20000)
  description: string;

  @ApiProperty({ type: EventSpeakerDto, isArray: true })
  @FieldLabel('主讲人')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EventSpeakerDto)
  speakers: EventSpeakerDto[];

  @ApiPropertyOptional({ nullable: true, type: 'string' })
  @FieldLabel('封面')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(500)
  @Matches(/^(\/uploads\/|https:\/\/)/)
  coverUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('关联测验')
  @Omittable()
  @Nullable()
  @IsId()
  quizId?: number | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('关联宣传活动')
  @Omittable()
  @Nullable()
  @IsId()
  campaignId?: number | null;

  @ApiPropertyOptional()
  @FieldLabel('版本')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  version?: number;
}

export class EventCancelDto implements EventCancelInput {
  @ApiProperty()
  @FieldLabel('取消原因')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;
}

export class EventListQueryDto extends PageQueryDto implements EventListQuery {
  @ApiPropertyOptional({ enum: PLACE_TYPES })
  @FieldLabel('场所类型')
  @Omittable()
  @IsIn(PLACE_TYPES)
  placeType?: PlaceType;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional()
  @FieldLabel('开始日期')
  @Omittable()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional()
  @FieldLabel('结束日期')
  @Omittable()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(64)
  keyword?: string;
}

export class AdminEventListQueryDto extends EventListQueryDto implements AdminEventListQuery {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @FieldLabel('状态')
  @Omittable()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional()
  @FieldLabel('承办单位')
  @Omittable()
  @Type(() => Number)
  @IsId()
  hostUnitId?: number;
}
