import { ApiProperty } from '@nestjs/swagger';
import type { SubscriptionInput } from '@xinqiao/shared';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { FieldLabel } from '../../common/errors/validation';

export class SubscriptionInputDto implements SubscriptionInput {
  @ApiProperty({ isArray: true, type: String })
  @FieldLabel('订阅消息模板')
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  templateIds: string[];
}
