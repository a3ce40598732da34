import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { AGE_BANDS, GENDERS, POPULATION_GROUPS, type AgeBand, type Gender, type PopulationGroup, type UpdateResidentProfile } from '@xinqiao/shared';
import { FieldLabel } from '../common/errors/validation';

/** Every field optional; `null` clears it. */
export class UpdateResidentDto implements UpdateResidentProfile {
  @ApiPropertyOptional() @FieldLabel('昵称') @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(32)
  nickname?: string | null;

  @ApiPropertyOptional() @FieldLabel('所在区域') @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt()
  regionId?: number | null;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS }) @FieldLabel('人群') @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup | null;

  @ApiPropertyOptional({ enum: AGE_BANDS }) @FieldLabel('年龄段') @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(AGE_BANDS)
  ageBand?: AgeBand | null;

  @ApiPropertyOptional({ enum: GENDERS }) @FieldLabel('性别') @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(GENDERS)
  gender?: Gender | null;
}
