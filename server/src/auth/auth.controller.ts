import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Public, StaffPendingPasswordChange } from '../common/access/decorators';
import type { AuthedRequest, StaffPrincipal } from '../common/access/principal';
import { Audited } from '../audit/audited.decorator';
import { LoginThrottle } from '../common/http/throttle';
import { ChangePasswordDto, DevLoginDto, RefreshDto, StaffLoginDto, WechatLoginDto } from './auth.dto';
import { ResidentAuthService } from './resident-auth.service';
import { StaffAuthService } from './staff-auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly staffAuth: StaffAuthService,
    private readonly residentAuth: ResidentAuthService,
  ) {}

  @Post('staff/login')
  @Public()
  @LoginThrottle()
  staffLogin(@Body() dto: StaffLoginDto, @Req() req: AuthedRequest) {
    return this.staffAuth.login(dto.username, dto.password, req.ip);
  }

  @Post('staff/refresh')
  @Public()
  @LoginThrottle()
  refresh(@Body() dto: RefreshDto) {
    return this.staffAuth.refresh(dto.refreshToken);
  }

  @Post('staff/logout')
  @HttpCode(204)
  @Public()
  logout(@Body() dto: RefreshDto) {
    return this.staffAuth.logout(dto.refreshToken);
  }

  @Post('staff/password')
  @StaffPendingPasswordChange()
  @Audited('auth.change_password', 'staff')
  changePassword(@CurrentStaff() me: StaffPrincipal, @Body() dto: ChangePasswordDto) {
    return this.staffAuth.changePassword(me, dto.oldPassword, dto.newPassword);
  }

  @Get('staff/me')
  @StaffPendingPasswordChange()
  me(@CurrentStaff() me: StaffPrincipal) {
    return this.staffAuth.me(me);
  }

  @Post('wechat/login')
  @Public()
  @LoginThrottle()
  wechatLogin(@Body() dto: WechatLoginDto) {
    return this.residentAuth.wechatLogin(dto.code);
  }

  @Post('dev/login')
  @Public()
  @LoginThrottle()
  devLogin(@Body() dto: DevLoginDto) {
    return this.residentAuth.devLogin(dto.openid);
  }
}
