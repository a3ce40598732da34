import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { UrbanRural, CreateRegionInput, UpdateRegionInput } from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../common/errors/validation';
import { IsId } from '../common/http/id-param';

/** More people than any district or town has: a bound, not a statistic. */
const MAX_POPULATION = 100_000_000;

/** What both creating and editing a region may set; the name's rule differs, so it is not here. */
class RegionAttributesDto {
  @ApiPropertyOptional({ description: 'Administrative division code', type: 'string', nullable: true, example: '500118001003' })
  @FieldLabel('区划代码')
  @Omittable()
  @Nullable()
  @IsString()
  @Matches(/^\d{6,12}$/, { message: 'code' })
  code?: string | null;

  @ApiPropertyOptional({ enum: ['urban', 'rural'], nullable: true })
  @FieldLabel('城乡属性')
  @Omittable()
  @Nullable()
  @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @FieldLabel('常住人口')
  @Omittable()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(MAX_POPULATION)
  population?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @FieldLabel('城镇常住人口')
  @Omittable()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(MAX_POPULATION)
  urbanPopulation?: number | null;
}

export class UpdateRegionDto extends RegionAttributesDto implements UpdateRegionInput {
  @ApiPropertyOptional()
  @FieldLabel('区域名称')
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name?: string;
}

/** Not an extension of UpdateRegionDto: class-validator would carry the optional rule of `name` over. */
export class CreateRegionDto extends RegionAttributesDto implements CreateRegionInput {
  @ApiProperty()
  @FieldLabel('上级区域')
  @IsId()
  parentId: number;

  @ApiProperty()
  @FieldLabel('区域名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;
}
