import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import {
  ARTICLE_CATEGORIES,
  ARTICLE_STATUSES,
  POPULATION_GROUPS,
  type ArticleCategory,
  type ArticleInput,
  type ArticleStatus,
  type PopulationGroup,
  type AdminArticleQuery,
  type PublicArticleQuery,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../common/errors/validation';
import { IsId, MAX_INT } from '../common/http/id-param';
import { PageQueryDto } from '../common/http/page-query.dto';

/** 2 MB of HTML: generous for text with uploaded (linked, not inlined) images. */
export const MAX_BODY_LENGTH = 2_000_000;

export class ArticleInputDto implements ArticleInput {
  @ApiProperty()
  @FieldLabel('标题')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @ApiProperty()
  @FieldLabel('摘要')
  @IsString()
  @MaxLength(300)
  summary: string;

  @ApiPropertyOptional({ nullable: true, type: 'string', example: '/uploads/cover.png' })
  @FieldLabel('封面')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(500)
  @Matches(/^(\/uploads\/|https:\/\/)/, { message: 'coverUrl' })
  coverUrl?: string | null;

  @ApiProperty({ enum: ARTICLE_CATEGORIES })
  @FieldLabel('分类')
  @IsIn(ARTICLE_CATEGORIES)
  category: ArticleCategory;

  @ApiProperty({ enum: POPULATION_GROUPS, isArray: true })
  @FieldLabel('目标人群')
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(POPULATION_GROUPS.length)
  @IsIn(POPULATION_GROUPS, { each: true })
  audiences: PopulationGroup[];

  @ApiProperty()
  @FieldLabel('发布范围')
  @IsId()
  regionId: number;

  @ApiProperty({ description: 'HTML; sanitised on the server' })
  @FieldLabel('正文')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_BODY_LENGTH)
  body: string;

  @ApiPropertyOptional({ nullable: true, type: 'string' })
  @FieldLabel('来源')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(200)
  source?: string | null;

  @ApiPropertyOptional()
  @FieldLabel('版本')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  version?: number;
}

export class PublicArticleQueryDto extends PageQueryDto implements PublicArticleQuery {
  @ApiPropertyOptional({ enum: ARTICLE_CATEGORIES })
  @FieldLabel('分类')
  @Omittable()
  @IsIn(ARTICLE_CATEGORIES)
  category?: ArticleCategory;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;
}

export class AdminArticleQueryDto extends PageQueryDto implements AdminArticleQuery {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @FieldLabel('状态')
  @Omittable()
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatus;

  @ApiPropertyOptional({ enum: ARTICLE_CATEGORIES })
  @FieldLabel('分类')
  @Omittable()
  @IsIn(ARTICLE_CATEGORIES)
  category?: ArticleCategory;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(64)
  keyword?: string;
}
