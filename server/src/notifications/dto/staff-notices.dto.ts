import { ApiProperty } from '@nestjs/swagger';
import type { RegionRobotWebhookInput, StaffBindingInput, StaffMobileInput } from '@xinqiao/shared';
import { IsString, MaxLength } from 'class-validator';
import { FieldLabel, Nullable } from '../../common/errors/validation';

export class StaffMobileDto implements StaffMobileInput {
  @ApiProperty({ nullable: true, type: 'string', example: '13800138000' })
  @FieldLabel('手机号')
  @Nullable()
  @IsString()
  // The 11-digit rule is the shared one (staffMobileProblems); this only bounds what is read.
  @MaxLength(32)
  mobile: string | null;
}

export class StaffBindingDto implements StaffBindingInput {
  @ApiProperty()
  @FieldLabel('绑定码')
  @IsString()
  @MaxLength(80)
  code: string;
}

export class RegionRobotDto implements RegionRobotWebhookInput {
  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' })
  @FieldLabel('群机器人地址')
  @IsString()
  @MaxLength(500)
  url: string;
}
