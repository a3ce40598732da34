import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsNumber, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { CampaignInput, CampaignTargets, PublicCampaignQuery } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../common/errors/validation';
import { IsId, MAX_INT } from '../common/http/id-param';

export class CampaignTargetsDto implements CampaignTargets {
  @ApiPropertyOptional({ description: '0..1' })
  @FieldLabel('知晓率目标')
  @Omittable()
  @IsNumber()
  @Min(0)
  @Max(1)
  awareness_rate?: number;

  @ApiPropertyOptional()
  @FieldLabel('活动场次目标')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  events_held?: number;

  @ApiPropertyOptional()
  @FieldLabel('参与人次目标')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  participants?: number;

  @ApiPropertyOptional()
  @FieldLabel('阅读量目标')
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  article_reads?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CampaignInputDto implements CampaignInput {
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
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: '2026-05-01' })
  @FieldLabel('开始日期')
  @IsString()
  @Matches(DATE)
  startsOn: string;

  @ApiProperty({ example: '2026-05-31' })
  @FieldLabel('结束日期')
  @IsString()
  @Matches(DATE)
  endsOn: string;

  @ApiProperty()
  @FieldLabel('主办区域')
  @IsId()
  regionId: number;

  @ApiPropertyOptional({ type: [Number] })
  @FieldLabel('覆盖区域')
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsId({ each: true })
  regionIds?: number[];

  @ApiProperty({ type: CampaignTargetsDto })
  @FieldLabel('目标')
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignTargetsDto)
  targets: CampaignTargetsDto;

  @ApiPropertyOptional({ type: [Number] })
  @FieldLabel('关联文章')
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  articleIds?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @FieldLabel('关联测验')
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsId({ each: true })
  quizIds?: number[];
}

export class PublicCampaignQueryDto implements PublicCampaignQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;
}
