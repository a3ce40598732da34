import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { AlertIndicatorsQuery, FollowUpPlanInput, ReferralInput, ReferralOutcomeInput, ReferralResponseInput } from '@xinqiao/shared';
import { Type } from 'class-transformer';
import { IsChinaDate } from '../../../common/http/china-date';
import { FieldLabel, Nullable, Omittable } from '../../../common/errors/validation';
import { IsId } from '../../../common/http/id-param';
import { PLAN_PURPOSE_MAX } from '../entities/follow-up-plan.entity';
import { REFERRAL_REASON_MAX } from '../entities/referral.entity';

const HM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class FollowUpPlanDto implements FollowUpPlanInput {
  @ApiProperty({ example: '2026-11-25', description: 'China date; today or later' })
  @FieldLabel('下次随访日期')
  @IsChinaDate()
  date: string;

  @ApiPropertyOptional({ type: String, example: '10:00', nullable: true, description: 'HH:mm, China time' })
  @FieldLabel('下次随访时间')
  @Omittable()
  @Nullable()
  @IsString()
  @Matches(HM, { message: '下次随访时间应为 HH:mm' })
  time?: string | null;

  @ApiProperty({ example: '电话确认是否已到门诊就诊' })
  @FieldLabel('随访目的')
  @IsString()
  @IsNotEmpty()
  @MaxLength(PLAN_PURPOSE_MAX)
  purpose: string;
}

export class ReferralDto implements ReferralInput {
  @ApiProperty({ description: 'A station of REFERRAL_STATION_TYPES (GET /admin/alerts/referral-targets)' })
  @FieldLabel('接收机构')
  @Type(() => Number)
  @IsId()
  stationId: number;

  @ApiProperty({ example: '抑郁症状明显，建议精神科评估' })
  @FieldLabel('转介原因')
  @IsString()
  @IsNotEmpty()
  @MaxLength(REFERRAL_REASON_MAX)
  reason: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @FieldLabel('备注')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ReferralResponseDto implements ReferralResponseInput {
  @ApiProperty({ enum: ['accepted', 'declined'] })
  @FieldLabel('接收情况')
  @IsIn(['accepted', 'declined'])
  status: 'accepted' | 'declined';

  @ApiProperty({ example: '2026-11-26' })
  @FieldLabel('日期')
  @IsChinaDate()
  date: string;
}

export class ReferralOutcomeDto implements ReferralOutcomeInput {
  @ApiProperty()
  @FieldLabel('转介结果')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome: string;

  @ApiProperty({ example: '2026-12-03' })
  @FieldLabel('日期')
  @IsChinaDate()
  date: string;
}

export class AlertIndicatorsQueryDto implements AlertIndicatorsQuery {
  @ApiPropertyOptional({ description: 'default: the caller’s region' })
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiProperty({ example: '2026-01' })
  @FieldLabel('起始月份')
  @IsString()
  @Matches(MONTH, { message: '起始月份应为 YYYY-MM' })
  fromMonth: string;

  @ApiProperty({ example: '2026-06' })
  @FieldLabel('结束月份')
  @IsString()
  @Matches(MONTH, { message: '结束月份应为 YYYY-MM' })
  toMonth: string;
}
