import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { ChangePasswordInput, DevLoginInput, RefreshInput, StaffLoginInput, WechatLoginInput } from '@xinqiao/shared';
import { FieldLabel, Omittable } from '../../common/errors/validation';

export class StaffLoginDto implements StaffLoginInput {
  @ApiProperty()
  @FieldLabel('用户名')
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @FieldLabel('密码')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;

  @ApiPropertyOptional({
    enum: ['token', 'cookie'],
    description:
      '`cookie` (browsers): the refresh token is set as an HttpOnly cookie and left out of the answer; refresh and logout then need the `X-CSRF-Token` header copied from the `xq_csrf` cookie',
  })
  @FieldLabel('会话方式')
  @Omittable()
  @IsIn(['token', 'cookie'])
  session?: 'token' | 'cookie';
}

export class RefreshDto implements RefreshInput {
  @ApiPropertyOptional({ description: 'Omit when the session is kept in the cookie' })
  @FieldLabel('刷新令牌')
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken?: string;
}

export class ChangePasswordDto implements ChangePasswordInput {
  @ApiProperty()
  @FieldLabel('原密码')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  oldPassword: string;

  @ApiProperty()
  @FieldLabel('新密码')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  newPassword: string;
}

export class WechatLoginDto implements WechatLoginInput {
  @ApiProperty({ description: 'The code from wx.login / Taro.login' })
  @FieldLabel('登录凭证')
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class DevLoginDto implements DevLoginInput {
  @ApiProperty({ example: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' })
  @FieldLabel('openid')
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{4,64}$/, { message: 'openid' })
  openid: string;
}
