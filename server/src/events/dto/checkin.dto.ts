import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CheckinInput, StaffCheckinBatchInput, StaffCheckinItem } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';
import { MAX_INT } from '../../common/http/id-param';
import { MOBILE_RE, CLIENT_ID_RE } from './registration.dto';

export class CheckinInputDto implements CheckinInput {
  @ApiProperty({ description: 'the scanned screen code (resident) or ticket (staff)' })
  @FieldLabel('签到码')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token: string;

  @ApiPropertyOptional()
  @FieldLabel('姓名')
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name?: string;

  @ApiPropertyOptional()
  @FieldLabel('手机号')
  @Omittable()
  @IsString()
  @Matches(MOBILE_RE)
  phone?: string;

  @ApiPropertyOptional()
  @FieldLabel('个人信息授权版本')
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  consentVersion?: number;
}

export class StaffCheckinItemDto implements StaffCheckinItem {
  @ApiProperty()
  @FieldLabel('签到记录编号')
  @IsString()
  @Matches(CLIENT_ID_RE)
  clientId: string;

  @ApiPropertyOptional()
  @FieldLabel('电子票')
  @Omittable()
  @IsString()
  @MaxLength(128)
  token?: string;

  @ApiPropertyOptional()
  @FieldLabel('票号')
  @Omittable()
  @IsString()
  @MaxLength(32)
  code?: string;

  @ApiProperty({ enum: ['ticket_scan', 'manual'] })
  @FieldLabel('签到方式')
  @IsIn(['ticket_scan', 'manual'])
  method: 'ticket_scan' | 'manual';

  @ApiProperty()
  @FieldLabel('签到时间')
  @IsISO8601()
  checkedInAt: string;
}

export class StaffCheckinBatchDto implements StaffCheckinBatchInput {
  @ApiProperty({ type: StaffCheckinItemDto, isArray: true })
  @FieldLabel('签到记录')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StaffCheckinItemDto)
  items: StaffCheckinItemDto[];
}
