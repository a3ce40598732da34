import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { HOLIDAY_KINDS, type HolidayInput, type HolidayKind, type HolidayQuery, type Weekday } from '@xinqiao/shared';
import { FieldLabel, Nullable } from '../../common/errors/validation';
import { Trim } from '../../common/http/trim';

export class HolidayInputDto implements HolidayInput {
  @ApiProperty({ enum: HOLIDAY_KINDS })
  @FieldLabel('类型')
  @IsIn(HOLIDAY_KINDS)
  kind: HolidayKind;

  @ApiProperty({ example: '国庆节' })
  @FieldLabel('节日名称')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 7, description: 'workday only: whose weekday hours apply (null = Monday)' })
  @FieldLabel('按星期几上班')
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(7)
  worksAs: Weekday | null;
}

export class HolidayQueryDto implements HolidayQuery {
  @ApiProperty({ example: 2026 })
  @FieldLabel('年份')
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
