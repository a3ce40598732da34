import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { HOTLINE_AUDIENCES, type HotlineAudience, type HotlineInput } from '@xinqiao/shared';
import { FieldLabel } from '../common/errors/validation';

export class HotlineInputDto implements HotlineInput {
  @ApiProperty() @FieldLabel('名称') @IsString() @IsNotEmpty() @MaxLength(64)
  name: string;

  @ApiProperty({ example: '023-12356' }) @FieldLabel('号码') @IsString() @IsNotEmpty() @MaxLength(24)
  number: string;

  @ApiProperty({ example: '24小时' }) @FieldLabel('服务时间') @IsString() @IsNotEmpty() @MaxLength(100)
  hours: string;

  @ApiProperty() @FieldLabel('是否24小时') @IsBoolean()
  is24h: boolean;

  @ApiProperty({ enum: HOTLINE_AUDIENCES, isArray: true }) @FieldLabel('服务对象') @IsArray() @ArrayMinSize(1) @ArrayUnique()
  @IsIn(HOTLINE_AUDIENCES, { each: true })
  audiences: HotlineAudience[];

  @ApiPropertyOptional() @FieldLabel('来源') @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200)
  source?: string | null;

  @ApiProperty() @FieldLabel('所属区域') @IsInt()
  regionId: number;

  @ApiPropertyOptional() @FieldLabel('排序') @IsOptional() @IsInt() @Min(0)
  sortOrder?: number;
}

export class HotlineQueryDto {
  @ApiPropertyOptional() @FieldLabel('区域') @IsOptional() @Type(() => Number) @IsInt()
  regionId?: number;
}
