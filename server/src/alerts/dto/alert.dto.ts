import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import {
  ALERT_COLOURS,
  ALERT_STATUSES,
  CLOSE_OUTCOMES,
  FOLLOW_UP_DUE_FILTERS,
  FOLLOW_UP_METHODS,
  type AlertColour,
  type AlertQuery,
  type AlertStatus,
  type CloseAlertInput,
  type CloseOutcome,
  type FollowUpDueFilter,
  type FollowUpInput,
  type FollowUpMethod,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { PageQueryDto, QueryBoolean } from '../../common/http/page-query.dto';
import { FollowUpPlanDto } from '../casework/dto/casework.dto';

export class AlertQueryDto extends PageQueryDto implements AlertQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, description: 'default: every alert not yet closed' })
  @FieldLabel('状态')
  @Omittable()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: ALERT_COLOURS })
  @FieldLabel('预警等级')
  @Omittable()
  @IsIn(ALERT_COLOURS)
  colour?: AlertColour;

  @ApiPropertyOptional()
  @FieldLabel('只看超时')
  @Omittable()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({
    enum: FOLLOW_UP_DUE_FILTERS,
    description: 'planned contacts due today / overdue: the caller’s claimed alerts for a counsellor, the region’s for an overseer',
  })
  @FieldLabel('随访')
  @Omittable()
  @IsIn(FOLLOW_UP_DUE_FILTERS)
  due?: FollowUpDueFilter;
}

export class FollowUpDto implements FollowUpInput {
  @ApiProperty({ example: '2026-11-23T10:00:00+08:00' })
  @FieldLabel('跟进时间')
  @IsISO8601()
  at: string;

  @ApiProperty({ enum: FOLLOW_UP_METHODS })
  @FieldLabel('跟进方式')
  @IsIn(FOLLOW_UP_METHODS)
  method: FollowUpMethod;

  @ApiProperty()
  @FieldLabel('跟进情况')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome: string;

  @ApiPropertyOptional({ enum: ALERT_COLOURS, nullable: true })
  @FieldLabel('调整后的预警等级')
  @Omittable()
  @Nullable()
  @IsIn(ALERT_COLOURS)
  nextColour?: AlertColour | null;

  @ApiPropertyOptional({ type: FollowUpPlanDto, nullable: true })
  @FieldLabel('下次随访计划')
  @Omittable()
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => FollowUpPlanDto)
  nextPlan?: FollowUpPlanDto | null;
}

export class CloseAlertDto implements CloseAlertInput {
  @ApiProperty({ enum: CLOSE_OUTCOMES })
  @FieldLabel('结案结果')
  @IsIn(CLOSE_OUTCOMES, { message: '请选择结案结果' })
  outcome: CloseOutcome;

  @ApiProperty()
  @FieldLabel('结案说明')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
