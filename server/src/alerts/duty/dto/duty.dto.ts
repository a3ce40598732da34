import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { DUTY_ROLES, type DutyEntryInput, type DutyQuery, type DutyRegionQuery, type DutyRole, type Weekday } from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../../common/errors/validation';
import { IsChinaDate } from '../../../common/http/china-date';
import { IsId } from '../../../common/http/id-param';

const HM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** One roster shift; the rules across fields (weekday or date, times) are `validateDutyEntry`'s. */
export class DutyEntryInputDto implements DutyEntryInput {
  @ApiProperty()
  @FieldLabel('区域')
  @IsId()
  regionId: number;

  @ApiProperty()
  @FieldLabel('值班人员')
  @IsId()
  staffId: number;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 7, description: '每周几（1 周一 … 7 周日）；按日期排班时为 null' })
  @FieldLabel('星期')
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: Weekday | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-10-01', description: '具体日期；每周排班时为 null' })
  @FieldLabel('日期')
  @Nullable()
  @IsChinaDate()
  date: string | null;

  @ApiProperty({ example: '08:00' })
  @FieldLabel('开始时间')
  @IsString()
  @Matches(HM)
  start: string;

  @ApiProperty({ example: '20:00', description: '可为 24:00；早于开始时间表示跨夜到次日' })
  @FieldLabel('结束时间')
  @IsString()
  @Matches(HM)
  end: string;

  @ApiProperty({ enum: DUTY_ROLES })
  @FieldLabel('班次')
  @IsIn(DUTY_ROLES)
  role: DutyRole;
}

export class DutyQueryDto implements DutyQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;
}

export class DutyRegionQueryDto implements DutyRegionQuery {
  @ApiProperty()
  @FieldLabel('区域')
  @Type(() => Number)
  @IsId()
  regionId: number;
}
