import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  AGE_BANDS,
  HELP_URGENCIES,
  type AgeBand,
  type GuardianConsent,
  type HelpRequestConsent,
  type HelpRequestInput,
  type HelpUrgency,
} from '@xinqiao/shared';
import { FieldLabel, Nullable, Omittable } from '../../common/errors/validation';
import { IsId } from '../../common/http/id-param';

// The lengths below only bound what reaches the service; `validateHelpRequest` (shared with the
// mini-program's form) applies the real limits and the phone pattern with their zh-CN wording.

export class HelpGuardianDto implements GuardianConsent {
  @ApiProperty()
  @FieldLabel('监护人姓名')
  @IsString()
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: '母亲' })
  @FieldLabel('与您的关系')
  @IsString()
  @MaxLength(32)
  relation: string;
}

export class HelpConsentDto implements HelpRequestConsent {
  @ApiProperty({ description: 'HELP_REQUEST_CONSENT_VERSION' })
  @FieldLabel('个人信息处理规则版本')
  @IsString()
  @MaxLength(32)
  version: string;

  @ApiProperty({ description: 'must be true' })
  @FieldLabel('同意心理咨询师联系')
  @IsBoolean()
  contact: true;

  @ApiProperty({ description: 'separate consent for the note (health information)' })
  @FieldLabel('同意处理敏感个人信息')
  @IsBoolean()
  sensitive: boolean;
}

export class HelpRequestDto implements HelpRequestInput {
  @ApiProperty({ enum: HELP_URGENCIES })
  @FieldLabel('紧急程度')
  @IsIn(HELP_URGENCIES)
  urgency: HelpUrgency;

  @ApiProperty({ example: '13800138000' })
  @FieldLabel('联系电话')
  @IsString()
  @MaxLength(32)
  contactPhone: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @FieldLabel('称呼')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(64)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @FieldLabel('情况说明')
  @Omittable()
  @Nullable()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiProperty({ description: 'a community or village' })
  @FieldLabel('所在社区（村）')
  @IsId()
  regionId: number;

  @ApiProperty({ enum: AGE_BANDS })
  @FieldLabel('年龄段')
  @IsIn(AGE_BANDS)
  ageBand: AgeBand;

  @ApiProperty({ type: HelpConsentDto })
  @FieldLabel('知情同意')
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => HelpConsentDto)
  consent: HelpConsentDto;

  @ApiPropertyOptional({ type: HelpGuardianDto, nullable: true })
  @FieldLabel('监护人同意')
  @Omittable()
  @Nullable()
  @IsObject()
  @ValidateNested()
  @Type(() => HelpGuardianDto)
  guardian?: HelpGuardianDto | null;

  @ApiProperty({ description: 'UUID made once per attempt' })
  @FieldLabel('请求编号')
  @IsString()
  @Matches(/^[A-Za-z0-9-]{8,64}$/)
  clientRequestId: string;
}
