import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  COUNSELLOR_SPECIALTIES,
  SESSION_MODES,
  type AdminCounsellorQuery,
  type CounsellorAccountQuery,
  type CounsellorInput,
  type CounsellorListQuery,
  type CounsellorSpecialty,
  type SessionMode,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { QueryBoolean } from '../../common/http/query-boolean';
import { Trim } from '../../common/http/trim';
import { IsUploadUrl } from '../../common/http/upload-url';

export class CounsellorInputDto implements CounsellorInput {
  @ApiProperty()
  @FieldLabel('姓名')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ type: 'string', nullable: true })
  @FieldLabel('照片')
  @Nullable()
  @IsUploadUrl()
  photoUrl: string | null;

  @ApiProperty({ example: '国家二级心理咨询师' })
  @FieldLabel('资质')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  qualification: string;

  @ApiProperty({ type: 'string', nullable: true, example: '副主任医师' })
  @FieldLabel('职称')
  @Nullable()
  @IsString()
  @MaxLength(64)
  title: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  @FieldLabel('证书编号')
  @Nullable()
  @IsString()
  @MaxLength(64)
  certificateNo: string | null;

  @ApiProperty({ enum: COUNSELLOR_SPECIALTIES, isArray: true })
  @FieldLabel('擅长领域')
  @IsArray()
  @ArrayMaxSize(COUNSELLOR_SPECIALTIES.length)
  @ArrayUnique()
  @IsIn(COUNSELLOR_SPECIALTIES, { each: true })
  specialties: CounsellorSpecialty[];

  @ApiProperty({ type: String, isArray: true, example: ['普通话', '重庆话'] })
  @FieldLabel('语言')
  @Trim()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(16, { each: true })
  languages: string[];

  @ApiProperty({ enum: SESSION_MODES, isArray: true })
  @FieldLabel('咨询方式')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SESSION_MODES.length)
  @ArrayUnique()
  @IsIn(SESSION_MODES, { each: true })
  modes: SessionMode[];

  @ApiProperty({ type: Number, isArray: true })
  @FieldLabel('服务站点')
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsId({ each: true })
  stationIds: number[];

  @ApiProperty({ type: 'string', nullable: true })
  @FieldLabel('个人简介')
  @Nullable()
  @IsString()
  @MaxLength(2000)
  bio: string | null;

  @ApiProperty()
  @FieldLabel('所属区域')
  @IsId()
  regionId: number;

  @ApiProperty({ type: 'integer', nullable: true })
  @FieldLabel('关联账号')
  @Nullable()
  @IsId()
  staffId: number | null;

  @ApiProperty()
  @FieldLabel('是否公开')
  @IsBoolean()
  published: boolean;

  @ApiProperty({ description: 'must be true to publish: the counsellor agreed to their profile being shown' })
  @FieldLabel('本人同意公开')
  @IsBoolean()
  publishConsent: boolean;
}

export class CounsellorListQueryDto extends PageQueryDto implements CounsellorListQuery {
  @ApiPropertyOptional()
  @FieldLabel('站点')
  @Omittable()
  @Type(() => Number)
  @IsId()
  stationId?: number;

  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional({ enum: SESSION_MODES })
  @FieldLabel('咨询方式')
  @Omittable()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiPropertyOptional({ enum: COUNSELLOR_SPECIALTIES })
  @FieldLabel('擅长领域')
  @Omittable()
  @IsIn(COUNSELLOR_SPECIALTIES)
  specialty?: CounsellorSpecialty;
}

export class AdminCounsellorQueryDto extends PageQueryDto implements AdminCounsellorQuery {
  @ApiPropertyOptional()
  @FieldLabel('区域')
  @Omittable()
  @Type(() => Number)
  @IsId()
  regionId?: number;

  @ApiPropertyOptional()
  @FieldLabel('站点')
  @Omittable()
  @Type(() => Number)
  @IsId()
  stationId?: number;

  @ApiPropertyOptional()
  @FieldLabel('是否公开')
  @Omittable()
  @QueryBoolean()
  published?: boolean;

  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(32)
  keyword?: string;
}

export class CounsellorAccountQueryDto implements CounsellorAccountQuery {
  @ApiPropertyOptional()
  @FieldLabel('关键词')
  @Omittable()
  @IsString()
  @MaxLength(64)
  keyword?: string;
}
