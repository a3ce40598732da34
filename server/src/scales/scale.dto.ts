import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AGE_BANDS,
  CONSENT_MODES,
  GUARDIAN_RELATIONS,
  SCALE_STATS_DIMENSIONS,
  type AgeBand,
  type ConsentMode,
  type GuardianRelation,
  type ScaleAnswers,
  type ScaleConsentInput,
  type ScaleEnableInput,
  type ScaleResponseInput,
  type ScaleStatsDimension,
  type ScaleStatsQuery,
} from '@xinqiao/shared';
import { FieldLabel } from '../common/errors/validation';
import { IsChinaDate } from '../common/http/china-date';
import { PageQueryDto } from '../common/http/page-query.dto';

export class GuardianDto {
  @ApiProperty() @FieldLabel('监护人姓名') @IsString() @IsNotEmpty() @MaxLength(32)
  name: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONS }) @FieldLabel('与孩子的关系') @IsIn(GUARDIAN_RELATIONS)
  relation: GuardianRelation;
}

export class ScaleConsentDto implements ScaleConsentInput {
  @ApiProperty({ enum: CONSENT_MODES }) @FieldLabel('保存方式') @IsIn(CONSENT_MODES)
  mode: ConsentMode;

  @ApiProperty() @FieldLabel('同意咨询师跟进') @IsBoolean()
  followUp: boolean;

  @ApiPropertyOptional() @FieldLabel('联系电话') @IsOptional() @IsString() @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)
  contactPhone?: string;

  @ApiPropertyOptional() @FieldLabel('联系人') @IsOptional() @IsString() @MaxLength(32)
  contactName?: string;

  @ApiPropertyOptional({ type: GuardianDto }) @FieldLabel('监护人同意') @IsOptional() @ValidateNested() @Type(() => GuardianDto)
  guardian?: GuardianDto;

  @ApiProperty() @FieldLabel('知情同意书版本') @IsInt() @Min(1)
  version: number;
}

export class ScaleResponseDto implements ScaleResponseInput {
  @ApiProperty() @FieldLabel('量表版本') @IsInt() @Min(1)
  scaleVersion: number;

  @ApiProperty({ description: 'item id -> option value', type: 'object', additionalProperties: { type: 'integer' } })
  @FieldLabel('答案') @IsDefined() @IsObject()
  answers: ScaleAnswers;

  @ApiProperty({ type: ScaleConsentDto }) @FieldLabel('知情同意') @IsDefined() @ValidateNested() @Type(() => ScaleConsentDto)
  consent: ScaleConsentDto;

  @ApiProperty({ description: 'UUID made once per attempt' }) @FieldLabel('请求编号') @IsString() @Matches(/^[A-Za-z0-9-]{8,64}$/)
  clientRequestId: string;

  @ApiPropertyOptional({ enum: AGE_BANDS }) @FieldLabel('年龄段') @IsOptional() @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional() @FieldLabel('所在区域') @IsOptional() @IsInt()
  regionId?: number;
}

export class ScaleListQueryDto {
  @ApiPropertyOptional({ description: 'true: every enabled scale, not only those fitting the resident' })
  @FieldLabel('全部量表') @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean()
  all?: boolean;
}

export class MyResponsesQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @FieldLabel('量表') @IsOptional() @IsString() @MaxLength(32)
  scaleCode?: string;
}

export class ScaleEnableDto implements ScaleEnableInput {
  @ApiProperty() @FieldLabel('启用') @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional() @FieldLabel('确认已取得授权') @IsOptional() @IsBoolean()
  licenceConfirmed?: boolean;
}

export class ScaleImportDto {
  @ApiProperty({ description: 'A ScaleDefinition (JSON)', type: 'object', additionalProperties: true })
  @FieldLabel('量表定义') @IsDefined() @IsObject()
  definition: Record<string, unknown>;
}

export class ScaleVersionQueryDto {
  @ApiPropertyOptional() @FieldLabel('版本') @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  version?: number;
}

export class ScaleStatsQueryDto implements Partial<ScaleStatsQuery> {
  @ApiPropertyOptional({ enum: SCALE_STATS_DIMENSIONS, default: 'region' }) @FieldLabel('统计维度') @IsOptional() @IsIn(SCALE_STATS_DIMENSIONS)
  dimension?: ScaleStatsDimension;

  @ApiPropertyOptional() @FieldLabel('量表') @IsOptional() @IsString() @MaxLength(32)
  scaleCode?: string;

  @ApiPropertyOptional() @FieldLabel('区域') @IsOptional() @Type(() => Number) @IsInt()
  regionId?: number;

  /** Whole China days only: a window of hours or milliseconds would let two queries isolate one result. */
  @ApiPropertyOptional({ example: '2026-01-01', description: 'YYYY-MM-DD, China time, included' }) @FieldLabel('开始日期') @IsOptional() @IsChinaDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'YYYY-MM-DD, China time, included' }) @FieldLabel('结束日期') @IsOptional() @IsChinaDate()
  to?: string;
}
