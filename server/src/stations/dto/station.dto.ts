import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
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
  STATION_SERVICES,
  STATION_TYPES,
  type AdminStationQuery,
  type StationExceptionInput,
  type StationExceptionQuery,
  type StationInput,
  type StationListQuery,
  type StationService,
  type StationType,
  type TimeRange,
  type WeeklyHours,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { IsChinaDate } from '../../common/http/china-date';
import { IsTimeRanges, IsWeeklyHours } from '../../common/http/hours';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { QueryBoolean } from '../../common/http/query-boolean';
import { Trim } from '../../common/http/trim';
import { IsUploadUrl } from '../../common/http/upload-url';
import { GeoPointDto } from '../../events/dto/event.dto';

/** Digits, spaces, hyphens and an extension, e.g. 023-49881234 or 138 0000 0000 转 2. */
const PHONE = /^[0-9][0-9 -]{4,22}[0-9](转[0-9]{1,6})?$/;

const WEEKLY_EXAMPLE = {
  1: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  6: [{ start: '09:00', end: '12:00' }],
};

export class StationInputDto implements StationInput {
  @ApiProperty()
  @FieldLabel('站点名称')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: STATION_TYPES })
  @FieldLabel('站点类型')
  @IsIn(STATION_TYPES)
  type: StationType;

  @ApiProperty()
  @FieldLabel('所属区域')
  @IsId()
  regionId: number;

  @ApiProperty()
  @FieldLabel('地址')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address: string;

  @ApiProperty({ type: GeoPointDto, nullable: true, description: 'GCJ-02' })
  @FieldLabel('地图位置')
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto | null;

  @ApiProperty({ type: 'string', nullable: true, example: '023-49881234' })
  @FieldLabel('联系电话')
  @Nullable()
  @IsString()
  @MaxLength(32)
  @Matches(PHONE)
  phone: string | null;

  @ApiProperty({ enum: STATION_SERVICES, isArray: true })
  @FieldLabel('服务项目')
  @IsArray()
  @ArrayMaxSize(STATION_SERVICES.length)
  @ArrayUnique()
  @IsIn(STATION_SERVICES, { each: true })
  services: StationService[];

  @ApiProperty({ type: 'string', nullable: true, example: '一楼，无障碍坡道' })
  @FieldLabel('无障碍信息')
  @Nullable()
  @IsString()
  @MaxLength(500)
  accessibility: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  @FieldLabel('站点介绍')
  @Nullable()
  @IsString()
  @MaxLength(5000)
  description: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '/uploads/3f2a….jpg' })
  @FieldLabel('照片')
  @Nullable()
  @IsUploadUrl()
  photoUrl: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: WEEKLY_EXAMPLE,
    description: 'ISO weekday (1 = Monday) -> [start, end) ranges, HH:mm China time',
  })
  @FieldLabel('开放时间')
  @IsWeeklyHours()
  weeklyHours: WeeklyHours;

  @ApiProperty()
  @FieldLabel('是否公开')
  @IsBoolean()
  published: boolean;
}

/** `GET /stations`: the public directory. */
export class StationListQueryDto extends PageQueryDto implements StationListQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({ enum: STATION_TYPES })
  @FieldLabel('站点类型')
  @Omittable()
  @IsIn(STATION_TYPES)
  type?: StationType;

  @ApiPropertyOptional()
  @FieldLabel('可预约')
  @Omittable()
  @QueryBoolean()
  bookable?: boolean;

  @ApiPropertyOptional()
  @FieldLabel('正在开放')
  @Omittable()
  @QueryBoolean()
  openNow?: boolean;

  @ApiPropertyOptional({ description: 'GCJ-02, with lng' })
  @FieldLabel('纬度')
  @Omittable()
  @Type(() => Number)
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'GCJ-02, with lat' })
  @FieldLabel('经度')
  @Omittable()
  @Type(() => Number)
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(50)
  keyword?: string;
}

export class AdminStationQueryDto extends PageQueryDto implements AdminStationQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({ enum: STATION_TYPES })
  @FieldLabel('站点类型')
  @Omittable()
  @IsIn(STATION_TYPES)
  type?: StationType;

  @ApiPropertyOptional()
  @FieldLabel('是否公开')
  @Omittable()
  @QueryBoolean()
  published?: boolean;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(50)
  keyword?: string;
}

export class StationExceptionInputDto implements StationExceptionInput {
  @ApiProperty({ example: '2026-10-08' })
  @FieldLabel('日期')
  @IsChinaDate()
  date: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } }, required: ['start', 'end'] },
    example: [{ start: '09:00', end: '12:00' }],
    description: 'empty: closed all day; [start, end), HH:mm China time',
  })
  @FieldLabel('当天开放时间')
  @IsArray()
  @ArrayMaxSize(12)
  @IsTimeRanges()
  hours: TimeRange[];

  @ApiProperty({ type: 'string', nullable: true, example: '设备检修，暂停开放' })
  @FieldLabel('说明')
  @Nullable()
  @IsString()
  @MaxLength(200)
  note: string | null;
}

export class StationExceptionQueryDto implements StationExceptionQuery {
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
