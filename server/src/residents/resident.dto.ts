import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { AGE_BANDS, GENDERS, POPULATION_GROUPS, type AgeBand, type Gender, type PopulationGroup, type UpdateResidentProfile } from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../common/errors/validation';
import { IsId } from '../common/http/id-param';

/** Every field optional; `null` clears it. */
export class UpdateResidentDto implements UpdateResidentProfile {
  @ApiPropertyOptional({ nullable: true, type: 'string' })
  @FieldLabel('昵称')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(32)
  nickname?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('所在区域')
  @Omittable()
  @Nullable()
  @IsId()
  regionId?: number | null;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS, nullable: true })
  @FieldLabel('人群')
  @Omittable()
  @Nullable()
  @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup | null;

  @ApiPropertyOptional({ enum: AGE_BANDS, nullable: true })
  @FieldLabel('年龄段')
  @Omittable()
  @Nullable()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand | null;

  @ApiPropertyOptional({ enum: GENDERS, nullable: true })
  @FieldLabel('性别')
  @Omittable()
  @Nullable()
  @IsIn(GENDERS)
  gender?: Gender | null;
}
