import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AGE_BANDS,
  GENDERS,
  POPULATION_GROUPS,
  QUIZ_KINDS,
  QUIZ_STATUSES,
  type AgeBand,
  type AttemptInput,
  type Demographics,
  type DrawSpec,
  type Gender,
  type MultipleChoiceCredit,
  type PopulationGroup,
  type QuizInput,
  type QuizKind,
  type QuizStatus,
  type AdminQuizQuery,
  type PublicQuizQuery,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class QuizInputDto implements QuizInput {
  @ApiProperty()
  @FieldLabel('名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @ApiPropertyOptional()
  @FieldLabel('说明')
  @Omittable()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ enum: QUIZ_KINDS })
  @FieldLabel('类型')
  @IsIn(QUIZ_KINDS)
  kind: QuizKind;

  @ApiProperty()
  @FieldLabel('所属区域')
  @IsId()
  regionId: number;

  @ApiPropertyOptional({ nullable: true, type: 'string', format: 'date-time' })
  @FieldLabel('开始时间')
  @Omittable()
  @Nullable()
  @IsISO8601()
  opensAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'string', format: 'date-time' })
  @FieldLabel('结束时间')
  @Omittable()
  @Nullable()
  @IsISO8601()
  closesAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('年度')
  @Omittable()
  @Nullable()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @ApiProperty()
  @FieldLabel('每题分值')
  @IsNumber()
  @Min(0.5)
  @Max(100)
  pointsPerItem: number;

  @ApiProperty({ description: 'share of the maximum score, 0..1' })
  @FieldLabel('及格线')
  @IsNumber()
  @Min(0)
  @Max(1)
  passMark: number;

  @ApiPropertyOptional({ enum: ['all_or_nothing', 'partial'] })
  @FieldLabel('多选题计分')
  @Omittable()
  @IsIn(['all_or_nothing', 'partial'])
  multipleChoice?: MultipleChoiceCredit;

  @ApiProperty({
    description: "{ mode: 'fixed', questionIds } or { mode: 'random', perPoint, shuffle? }",
    type: 'object',
    additionalProperties: true,
    example: { mode: 'random', perPoint: 2 },
  })
  @FieldLabel('抽题方式')
  @IsDefined()
  @IsObject()
  draw: DrawSpec;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('宣传活动')
  @Omittable()
  @Nullable()
  @IsId()
  campaignId?: number | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('活动')
  @Omittable()
  @Nullable()
  @IsId()
  eventId?: number | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('对应前测')
  @Omittable()
  @Nullable()
  @IsId()
  pairedQuizId?: number | null;
}

export class AdminQuizQueryDto extends PageQueryDto implements AdminQuizQuery {
  @ApiPropertyOptional({ enum: QUIZ_KINDS })
  @FieldLabel('类型')
  @Omittable()
  @IsIn(QUIZ_KINDS)
  kind?: QuizKind;

  @ApiPropertyOptional({ enum: QUIZ_STATUSES })
  @FieldLabel('状态')
  @Omittable()
  @IsIn(QUIZ_STATUSES)
  status?: QuizStatus;
}

export class PublicQuizQueryDto implements PublicQuizQuery {
  @ApiPropertyOptional({ enum: QUIZ_KINDS })
  @FieldLabel('类型')
  @Omittable()
  @IsIn(QUIZ_KINDS)
  kind?: QuizKind;

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

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;
}

export class DemographicsDto implements Partial<Demographics> {
  @ApiPropertyOptional()
  @FieldLabel('所在社区（村）')
  @Omittable()
  @IsId()
  regionId?: number;

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
}

export class AttemptInputDto implements AttemptInput {
  @ApiProperty({ description: 'question code -> selected key or keys', type: 'object', additionalProperties: true })
  @FieldLabel('答案')
  @IsDefined()
  @IsObject()
  answers: Record<string, string | string[]>;

  @ApiProperty()
  @FieldLabel('请求编号')
  @IsString()
  @Matches(/^[A-Za-z0-9-]{8,64}$/)
  clientRequestId: string;

  @ApiPropertyOptional({ type: DemographicsDto })
  @FieldLabel('基本信息')
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => DemographicsDto)
  demographics?: DemographicsDto;

  @ApiPropertyOptional({ nullable: true, type: 'integer' })
  @FieldLabel('宣传活动')
  @Omittable()
  @Nullable()
  @IsId()
  campaignId?: number | null;
}
