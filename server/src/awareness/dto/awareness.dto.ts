import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  AGE_BANDS,
  AWARENESS_DIMENSIONS,
  GENDERS,
  POPULATION_GROUPS,
  type AgeBand,
  type AwarenessDimension,
  type AwarenessMetric,
  type AwarenessTargetInput,
  type Gender,
  type PopulationGroup,
  type UrbanRural,
  type AwarenessFilters,
  type AwarenessQuery,
  type AwarenessTrendQuery,
  type AwarenessReportInput,
  type UpliftQuery,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';

const ids = ({ value }: { value: unknown }) => (Array.isArray(value) ? value : String(value ?? '').split(',')).filter((v) => v !== '').map((v) => Number(v));

export class AwarenessFiltersDto implements AwarenessFilters {
  @ApiProperty({ type: [Number], description: 'survey wave ids, repeated (quizIds=1&quizIds=2); one comma-separated value (quizIds=1,2) is read the same' })
  @FieldLabel('调查批次')
  @Transform(ids)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsId({ each: true })
  quizIds: number[];

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({ enum: ['urban', 'rural'] })
  @FieldLabel('城乡')
  @Omittable()
  @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS })
  @FieldLabel('人群')
  @Omittable()
  @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @FieldLabel('年龄段')
  @Omittable()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({ enum: GENDERS })
  @FieldLabel('性别')
  @Omittable()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional()
  @FieldLabel('宣传活动')
  @Omittable()
  @Type(() => Number)
  @IsId()
  campaignId?: number;

  @ApiPropertyOptional()
  @FieldLabel('活动')
  @Omittable()
  @Type(() => Number)
  @IsId()
  eventId?: number;
}

export class AwarenessQueryDto extends AwarenessFiltersDto implements AwarenessQuery {
  @ApiPropertyOptional({ enum: AWARENESS_DIMENSIONS, default: 'region' })
  @FieldLabel('统计维度')
  @Omittable()
  @IsIn(AWARENESS_DIMENSIONS)
  dimension?: AwarenessDimension;
}

/** The trend reads the same filters as the breakdowns, less the waves (it spans every wave). */
export class TrendQueryDto extends PickType(AwarenessFiltersDto, ['regionId', 'urbanRural', 'populationGroup'] as const) implements AwarenessTrendQuery {}

export class UpliftQueryDto implements UpliftQuery {
  @ApiProperty()
  @FieldLabel('后测')
  @Type(() => Number)
  @IsId()
  postQuizId: number;
}

export class ReportInputDto implements AwarenessReportInput {
  @ApiProperty({ type: [Number] })
  @FieldLabel('调查批次')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsId({ each: true })
  quizIds: number[];

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @IsId()
  regionId?: number;
}

export class AwarenessTargetInputDto implements AwarenessTargetInput {
  @ApiProperty()
  @FieldLabel('区域')
  @IsId()
  regionId: number;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('年度')
  @Omittable()
  @Nullable()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @ApiPropertyOptional({ enum: POPULATION_GROUPS, nullable: true })
  @FieldLabel('人群')
  @Omittable()
  @Nullable()
  @IsIn(POPULATION_GROUPS)
  populationGroup?: PopulationGroup | null;

  @ApiPropertyOptional({ enum: ['urban', 'rural'], nullable: true })
  @FieldLabel('城乡')
  @Omittable()
  @Nullable()
  @IsIn(['urban', 'rural'])
  urbanRural?: UrbanRural | null;

  @ApiProperty({ enum: ['pass_rate', 'mean_correct_rate'] })
  @FieldLabel('指标')
  @IsIn(['pass_rate', 'mean_correct_rate'])
  metric: AwarenessMetric;

  @ApiProperty({ description: '0..1' })
  @FieldLabel('目标值')
  @IsNumber()
  @Min(0)
  @Max(1)
  rate: number;

  @ApiPropertyOptional({ nullable: true, type: 'string' })
  @FieldLabel('依据')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(200)
  source?: string | null;
}
