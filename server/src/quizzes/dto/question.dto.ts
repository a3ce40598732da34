import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { QUESTION_KINDS, type KnowledgePointId, type QuestionInput, type QuestionKind, type QuizOption, type QuestionQuery } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { PageQueryDto, QueryBoolean } from '../../common/http/page-query.dto';

export class QuizOptionDto implements QuizOption {
  @ApiProperty()
  @FieldLabel('选项编号')
  @IsString()
  @IsNotEmpty()
  @MaxLength(4)
  key: string;

  @ApiProperty()
  @FieldLabel('选项内容')
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  text: string;
}

export class QuestionInputDto implements QuestionInput {
  @ApiProperty({ enum: QUESTION_KINDS })
  @FieldLabel('题型')
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty({ minimum: 1, maximum: 10, type: 'integer' })
  @FieldLabel('知识点')
  @IsInt()
  @Min(1)
  @Max(10)
  knowledgePoint: KnowledgePointId;

  @ApiProperty()
  @FieldLabel('题干')
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  stem: string;

  @ApiProperty({
    type: [QuizOptionDto],
    example: [
      { key: 'A', text: '忍一忍' },
      { key: 'B', text: '及时就医评估' },
    ],
  })
  @FieldLabel('选项')
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => QuizOptionDto)
  options: QuizOptionDto[];

  @ApiProperty({ type: [String], example: ['B'] })
  @FieldLabel('正确答案')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @MaxLength(4, { each: true })
  correct: string[];

  @ApiProperty()
  @FieldLabel('解析')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  explanation: string;

  @ApiPropertyOptional()
  @FieldLabel('所属区域')
  @Omittable()
  @IsId()
  regionId?: number;
}

export class QuestionQueryDto extends PageQueryDto implements QuestionQuery {
  @ApiPropertyOptional()
  @FieldLabel('知识点')
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  knowledgePoint?: number;

  @ApiPropertyOptional({ enum: QUESTION_KINDS })
  @FieldLabel('题型')
  @Omittable()
  @IsIn(QUESTION_KINDS)
  kind?: QuestionKind;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(64)
  keyword?: string;

  @ApiPropertyOptional()
  @FieldLabel('已归档')
  @Omittable()
  @QueryBoolean()
  @IsBoolean()
  archived?: boolean;
}
