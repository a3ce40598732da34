import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  AGE_BANDS, AWARENESS_DIMENSIONS, GENDERS, POPULATION_GROUPS,
  type AgeBand, type AwarenessDimension, type AwarenessMetric, type AwarenessTargetInput, type Gender, type PopulationGroup, type UrbanRural,
} from '@xinqiao/shared';
import { FieldLabel } from '../common/errors/validation';

const ids = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : String(value ?? '').split(',')).filter((v) => v !== '').map((v) => Number(v));

export class AwarenessFiltersDto {
  @ApiProperty({ description: 'comma-separated survey wave ids', example: '1,2' })
  @FieldLabel('调查批次') @Transform(ids) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsInt({ each: true })
  quizIds: number[];

  @ApiPropertyOptional() @FieldLabel('区域') @IsOptional() @Type(() => Number) @IsInt()
  regionId?: number;

  @ApiPropertyOptional({ enum: ['urban', 'rural'] }) @FieldLabel('城乡') @IsOptional() @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS }) @FieldLabel('人群') @IsOptional() @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup;

  @ApiPropertyOptional({ enum: AGE_BANDS }) @FieldLabel('年龄段') @IsOptional() @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: GENDERS }) @FieldLabel('性别') @IsOptional() @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional() @FieldLabel('宣传活动') @IsOptional() @Type(() => Number) @IsInt()
  campaignId?: number;

  @ApiPropertyOptional() @FieldLabel('活动') @IsOptional() @Type(() => Number) @IsInt()
  eventId?: number;
}

export class AwarenessQueryDto extends AwarenessFiltersDto {
  @ApiPropertyOptional({ enum: AWARENESS_DIMENSIONS, default: 'region' }) @FieldLabel('统计维度') @IsOptional() @IsIn(AWARENESS_DIMENSIONS)
  dimension?: AwarenessDimension;
}

export class TrendQueryDto {
  @ApiPropertyOptional() @FieldLabel('区域') @IsOptional() @Type(() => Number) @IsInt()
  regionId?: number;

  @ApiPropertyOptional({ enum: ['urban', 'rural'] }) @FieldLabel('城乡') @IsOptional() @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS }) @FieldLabel('人群') @IsOptional() @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup;
}

export class UpliftQueryDto {
  @ApiProperty() @FieldLabel('后测') @Type(() => Number) @IsInt()
  postQuizId: number;
}

export class ReportInputDto {
  @ApiProperty({ type: [Number] }) @FieldLabel('调查批次') @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsInt({ each: true })
  quizIds: number[];

  @ApiPropertyOptional() @FieldLabel('区域') @IsOptional() @IsInt()
  regionId?: number;
}

export class AwarenessTargetInputDto implements AwarenessTargetInput {
  @ApiProperty() @FieldLabel('区域') @IsInt()
  regionId: number;

  @ApiPropertyOptional() @FieldLabel('年度') @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(2000) @Max(2100)
  year?: number | null;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS }) @FieldLabel('人群') @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup | null;

  @ApiPropertyOptional({ enum: ['urban', 'rural'] }) @FieldLabel('城乡') @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural | null;

  @ApiProperty({ enum: ['pass_rate', 'mean_correct_rate'] }) @FieldLabel('指标') @IsIn(['pass_rate', 'mean_correct_rate'])
  metric: AwarenessMetric;

  @ApiProperty({ description: '0..1' }) @FieldLabel('目标值') @IsNumber() @Min(0) @Max(1)
  rate: number;

  @ApiPropertyOptional() @FieldLabel('依据') @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200)
  source?: string | null;
}
