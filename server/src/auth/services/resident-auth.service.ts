import { Inject, Injectable } from '@nestjs/common';
import type { ResidentLoginResult } from '@xinqiao/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { ResidentsService } from '../../residents/residents.service';
import { WechatClient } from '../../wechat/wechat.client';
import { TokenService } from './token.service';

@Injectable()
export class ResidentAuthService {
  constructor(
    private readonly wechat: WechatClient,
    private readonly residents: ResidentsService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async wechatLogin(code: string): Promise<ResidentLoginResult> {
    const session = await this.wechat.code2Session(code);
    return this.signIn(session.openid, session.unionid);
  }

  /** Local demos only: sign in by a made-up openid. */
  async devLogin(openid: string): Promise<ResidentLoginResult> {
    if (!this.config.AUTH_DEV_LOGIN || this.config.NODE_ENV === 'production') {
      throw new AppException(403, 'DEV_LOGIN_DISABLED', '体验登录未开启');
    }
    return this.signIn(openid);
  }

  private async signIn(openid: string, unionid?: string): Promise<ResidentLoginResult> {
    const resident = await this.residents.findOrCreate(openid, unionid);
    const { accessToken, expiresIn } = this.tokens.signResident(resident);
    return { accessToken, expiresIn, resident: await this.residents.profile(resident.id) };
  }
}
