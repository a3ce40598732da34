import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AGE_BANDS,
  CONSENT_MODES,
  GUARDIAN_RELATIONS,
  SCALE_STATS_DIMENSIONS,
  type AgeBand,
  type ConsentMode,
  type GuardianRelation,
  type MyScaleResponseQuery,
  type ScaleAnswers,
  type ScaleConsentInput,
  type ScaleEnableInput,
  type ScaleGuardianInput,
  type ScaleImportInput,
  type ScaleListQuery,
  type ScaleResponseInput,
  type ScaleStatsDimension,
  type ScaleStatsQuery,
  type ScaleVersionQuery,
} from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';
import { IsChinaDate } from '../../common/http/china-date';
import { IsId, MAX_INT } from '../../common/http/id-param';
import { PageQueryDto, QueryBoolean } from '../../common/http/page-query.dto';

export class ScaleGuardianDto implements ScaleGuardianInput {
  @ApiProperty()
  @FieldLabel('监护人姓名')
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONS })
  @FieldLabel('与孩子的关系')
  @IsIn(GUARDIAN_RELATIONS)
  relation: GuardianRelation;
}

export class ScaleConsentDto implements ScaleConsentInput {
  @ApiProperty({ enum: CONSENT_MODES })
  @FieldLabel('保存方式')
  @IsIn(CONSENT_MODES)
  mode: ConsentMode;

  @ApiProperty()
  @FieldLabel('同意咨询师跟进')
  @IsBoolean()
  followUp: boolean;

  @ApiPropertyOptional()
  @FieldLabel('联系电话')
  @Omittable()
  @IsString()
  @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)
  contactPhone?: string;

  @ApiPropertyOptional()
  @FieldLabel('联系人')
  @Omittable()
  @IsString()
  @MaxLength(32)
  contactName?: string;

  @ApiPropertyOptional({ type: ScaleGuardianDto })
  @FieldLabel('监护人同意')
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ScaleGuardianDto)
  guardian?: ScaleGuardianDto;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @FieldLabel('知情同意书版本')
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  version: number;
}

export class ScaleResponseDto implements ScaleResponseInput {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @FieldLabel('量表版本')
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  scaleVersion: number;

  @ApiProperty({ description: 'item id -> option value', type: 'object', additionalProperties: { type: 'integer' } })
  @FieldLabel('答案')
  @IsDefined()
  @IsObject()
  answers: ScaleAnswers;

  @ApiProperty({ type: ScaleConsentDto })
  @FieldLabel('知情同意')
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScaleConsentDto)
  consent: ScaleConsentDto;

  @ApiProperty({ description: 'UUID made once per attempt' })
  @FieldLabel('请求编号')
  @IsString()
  @Matches(/^[A-Za-z0-9-]{8,64}$/)
  clientRequestId: string;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @FieldLabel('年龄段')
  @Omittable()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional()
  @FieldLabel('所在区域')
  @Omittable()
  @IsId()
  regionId?: number;
}

export class ScaleListQueryDto implements ScaleListQuery {
  @ApiPropertyOptional({ description: 'true: every enabled scale, not only those fitting the resident' })
  @FieldLabel('全部量表')
  @Omittable()
  @QueryBoolean()
  @IsBoolean()
  all?: boolean;
}

export class MyResponsesQueryDto extends PageQueryDto implements MyScaleResponseQuery {
  @ApiPropertyOptional()
  @FieldLabel('量表')
  @Omittable()
  @IsString()
  @MaxLength(32)
  scaleCode?: string;
}

export class ScaleEnableDto implements ScaleEnableInput {
  @ApiProperty()
  @FieldLabel('启用')
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional()
  @FieldLabel('确认已取得授权')
  @Omittable()
  @IsBoolean()
  licenceConfirmed?: boolean;
}

export class ScaleImportDto implements ScaleImportInput {
  @ApiProperty({ description: 'A ScaleDefinition (JSON)', type: 'object', additionalProperties: true })
  @FieldLabel('量表定义')
  @IsDefined()
  @IsObject()
  definition: Record<string, unknown>;
}

export class ScaleVersionQueryDto implements ScaleVersionQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @FieldLabel('版本')
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  version?: number;
}

export class ScaleStatsQueryDto implements Partial<ScaleStatsQuery> {
  @ApiPropertyOptional({ enum: SCALE_STATS_DIMENSIONS, default: 'region' })
  @FieldLabel('统计维度')
  @Omittable()
  @IsIn(SCALE_STATS_DIMENSIONS)
  dimension?: ScaleStatsDimension;

  @ApiPropertyOptional()
  @FieldLabel('量表')
  @Omittable()
  @IsString()
  @MaxLength(32)
  scaleCode?: string;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  /** Whole China days only: a window of hours or milliseconds would let two queries isolate one result. */
  @ApiPropertyOptional({ example: '2026-01-01', description: 'YYYY-MM-DD, China time, included' })
  @FieldLabel('开始日期')
  @Omittable()
  @IsChinaDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'YYYY-MM-DD, China time, included' })
  @FieldLabel('结束日期')
  @Omittable()
  @IsChinaDate()
  to?: string;
}
