import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { HOTLINE_AUDIENCES, type HotlineAudience, type HotlineInput, type HotlineQuery } from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../common/errors/validation';
import { IsId } from '../common/http/id-param';

const MAX_SORT_ORDER = 100_000;

export class HotlineInputDto implements HotlineInput {
  @ApiProperty()
  @FieldLabel('名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: '023-12356' })
  @FieldLabel('号码')
  @IsString()
  @IsNotEmpty()
  @MaxLength(24)
  number: string;

  @ApiProperty({ example: '24小时' })
  @FieldLabel('服务时间')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  hours: string;

  @ApiProperty()
  @FieldLabel('是否24小时')
  @IsBoolean()
  is24h: boolean;

  @ApiProperty({ enum: HOTLINE_AUDIENCES, isArray: true })
  @FieldLabel('服务对象')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(HOTLINE_AUDIENCES.length)
  @ArrayUnique()
  @IsIn(HOTLINE_AUDIENCES, { each: true })
  audiences: HotlineAudience[];

  @ApiPropertyOptional({ nullable: true, type: 'string' })
  @FieldLabel('来源')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(200)
  source?: string | null;

  @ApiProperty()
  @FieldLabel('所属区域')
  @IsId()
  regionId: number;

  @ApiPropertyOptional()
  @FieldLabel('排序')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_SORT_ORDER)
  sortOrder?: number;
}

export class HotlineQueryDto implements HotlineQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;
}
