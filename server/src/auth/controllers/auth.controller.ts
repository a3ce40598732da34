import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Public, StaffPendingPasswordChange } from '../../common/access/decorators';
import type { AuthedRequest, StaffPrincipal } from '../../common/access/principal';
import { Audited } from '../../audit/audited.decorator';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { LoginThrottle } from '../../common/http/throttle';
import { ChangePasswordDto, DevLoginDto, RefreshDto, StaffLoginDto, WechatLoginDto } from '../dto/auth.dto';
import { ResidentAuthService } from '../services/resident-auth.service';
import { assertCsrf, clearCookieSession, sessionCookie, toCookieSession } from '../services/session-cookies';
import { StaffAuthService } from '../services/staff-auth.service';
import { Endpoint } from '../../common/http/openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly staffAuth: StaffAuthService,
    private readonly residentAuth: ResidentAuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint('工作人员登录', 'StaffLoginResult')
  @Post('staff/login')
  @Public()
  @LoginThrottle()
  async staffLogin(@Body() dto: StaffLoginDto, @Req() req: AuthedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.staffAuth.login(dto.username, dto.password, req.ip);
    return dto.session === 'cookie' ? toCookieSession(reply, result, this.config) : result;
  }

  /** With a token in the body (API clients), or from the session cookie with the CSRF header (the console). */
  @Endpoint('刷新工作人员会话', 'StaffLoginResult')
  @Post('staff/refresh')
  @Public()
  @LoginThrottle()
  async refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (dto.refreshToken) return this.staffAuth.refresh(dto.refreshToken);
    const token = this.cookieToken(req);
    return toCookieSession(reply, await this.staffAuth.refresh(token), this.config);
  }

  @Endpoint('工作人员退出登录', null)
  @Post('staff/logout')
  @HttpCode(204)
  @Public()
  async logout(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (dto.refreshToken) return this.staffAuth.logout(dto.refreshToken);
    const token = this.cookieToken(req);
    clearCookieSession(reply, this.config);
    await this.staffAuth.logout(token);
  }

  /** A session kept in the cookie gets its new refresh token there too. */
  @Endpoint('修改本人密码', 'StaffLoginResult')
  @Post('staff/password')
  @StaffPendingPasswordChange()
  @Audited('auth.change_password', 'staff')
  async changePassword(
    @CurrentStaff() me: StaffPrincipal,
    @Body() dto: ChangePasswordDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.staffAuth.changePassword(me, dto.oldPassword, dto.newPassword);
    return sessionCookie(req) ? toCookieSession(reply, result, this.config) : result;
  }

  @Endpoint('当前工作人员信息', 'StaffDto')
  @Get('staff/me')
  @StaffPendingPasswordChange()
  me(@CurrentStaff() me: StaffPrincipal) {
    return this.staffAuth.me(me);
  }

  @Endpoint('居民微信登录', 'ResidentLoginResult')
  @Post('wechat/login')
  @Public()
  @LoginThrottle()
  wechatLogin(@Body() dto: WechatLoginDto) {
    return this.residentAuth.wechatLogin(dto.code);
  }

  private cookieToken(req: FastifyRequest): string {
    const token = sessionCookie(req);
    if (!token) throw new AppException(401, 'INVALID_REFRESH_TOKEN', '登录已失效，请重新登录');
    assertCsrf(req);
    return token;
  }

  @Endpoint('开发环境居民登录（仅开发服务器）', 'ResidentLoginResult')
  @Post('dev/login')
  @Public()
  @LoginThrottle()
  devLogin(@Body() dto: DevLoginDto) {
    return this.residentAuth.devLogin(dto.openid);
  }
}
