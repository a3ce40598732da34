import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { UrbanRural } from '@xinqiao/shared';
import { FieldLabel } from '../common/errors/validation';

export class UpdateRegionDto {
  @ApiPropertyOptional() @FieldLabel('区域名称') @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  name?: string;

  @ApiPropertyOptional({ description: 'Administrative division code' }) @FieldLabel('区划代码') @IsOptional() @IsString() @Matches(/^\d{6,12}$/, { message: 'code' })
  code?: string | null;

  @ApiPropertyOptional({ enum: ['urban', 'rural'] }) @FieldLabel('城乡属性') @IsOptional() @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural | null;

  @ApiPropertyOptional() @FieldLabel('常住人口') @IsOptional() @IsInt() @Min(0)
  population?: number | null;

  @ApiPropertyOptional() @FieldLabel('城镇常住人口') @IsOptional() @IsInt() @Min(0)
  urbanPopulation?: number | null;
}

export class CreateRegionDto extends UpdateRegionDto {
  @ApiProperty() @FieldLabel('上级区域') @IsInt()
  parentId: number;

  @ApiProperty() @FieldLabel('区域名称') @IsString() @IsNotEmpty() @MaxLength(64)
  declare name: string;
}
