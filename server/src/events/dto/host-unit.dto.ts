import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { PLACE_TYPES, type HostUnitInput, type HostUnitQuery, type PlaceType } from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class HostUnitInputDto implements HostUnitInput {
  @ApiProperty()
  @FieldLabel('单位名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: PLACE_TYPES })
  @FieldLabel('场所类型')
  @IsIn(PLACE_TYPES)
  placeType: PlaceType;

  @ApiProperty()
  @FieldLabel('所在区域')
  @IsId()
  regionId: number;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('职工人数')
  @Omittable()
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(10000000)
  staffCount?: number | null;
}

export class HostUnitQueryDto extends PageQueryDto implements HostUnitQuery {
  @ApiPropertyOptional({ enum: PLACE_TYPES })
  @FieldLabel('场所类型')
  @Omittable()
  @IsIn(PLACE_TYPES)
  placeType?: PlaceType;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(64)
  keyword?: string;
}
