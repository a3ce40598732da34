import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  ALERT_COLOURS,
  ALERT_STATUSES,
  FOLLOW_UP_METHODS,
  type AlertColour,
  type AlertStatus,
  type CloseAlertInput,
  type FollowUpInput,
  type FollowUpMethod,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../common/errors/validation';
import { IsId } from '../common/http/id-param';
import { PageQueryDto, QueryBoolean } from '../common/http/page-query.dto';

export class AlertQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, description: 'default: every alert not yet closed' })
  @FieldLabel('状态') @Omittable() @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: ALERT_COLOURS }) @FieldLabel('预警等级') @Omittable() @IsIn(ALERT_COLOURS)
  colour?: AlertColour;

  @ApiPropertyOptional() @FieldLabel('只看超时') @Omittable() @QueryBoolean() @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional() @FieldLabel('区域') @Omittable() @Type(() => Number) @IsId()
  regionId?: number;
}

export class FollowUpDto implements FollowUpInput {
  @ApiProperty({ example: '2026-11-23T10:00:00+08:00' }) @FieldLabel('跟进时间') @IsISO8601()
  at: string;

  @ApiProperty({ enum: FOLLOW_UP_METHODS }) @FieldLabel('跟进方式') @IsIn(FOLLOW_UP_METHODS)
  method: FollowUpMethod;

  @ApiProperty() @FieldLabel('跟进情况') @IsString() @IsNotEmpty() @MaxLength(2000)
  outcome: string;

  @ApiPropertyOptional({ enum: ALERT_COLOURS, nullable: true }) @FieldLabel('调整后的预警等级') @Omittable() @Nullable() @IsIn(ALERT_COLOURS)
  nextColour?: AlertColour | null;
}

export class CloseAlertDto implements CloseAlertInput {
  @ApiProperty() @FieldLabel('结案说明') @IsString() @IsNotEmpty() @MaxLength(2000)
  note: string;
}
