import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { EVENT_STATS_GROUPS, PLACE_TYPES, type CoverageQuery, type EventStatsGroup, type EventStatsQuery, type PlaceType } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { QueryBoolean } from '../../common/http/page-query.dto';

export class EventStatsQueryDto implements EventStatsQuery {
  @ApiProperty({ enum: EVENT_STATS_GROUPS })
  @FieldLabel('统计维度')
  @IsIn(EVENT_STATS_GROUPS)
  groupBy: EventStatsGroup;

  @ApiPropertyOptional()
  @FieldLabel('年份')
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({ enum: PLACE_TYPES })
  @FieldLabel('场所类型')
  @Omittable()
  @IsIn(PLACE_TYPES)
  placeType?: PlaceType;
}

export class CoverageQueryDto implements CoverageQuery {
  @ApiPropertyOptional()
  @FieldLabel('年份')
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({ default: true })
  @FieldLabel('只看未达标')
  @Omittable()
  @QueryBoolean()
  @IsBoolean()
  belowOnly?: boolean;
}
