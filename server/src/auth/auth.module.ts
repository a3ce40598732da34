import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from '../common/access/auth.guard';
import { AUTHENTICATOR } from '../common/access/authenticator';
import { LoginBackoffModule } from '../common/login-backoff/login-backoff.module';
import { ResidentsModule } from '../residents/residents.module';
import { StaffModule } from '../staff/staff.module';
import { AuthController } from './controllers/auth.controller';
import { RefreshToken } from './entities/refresh-token.entity';
import { ResidentAccountCache } from './services/resident-account-cache';
import { ResidentAuthService } from './services/resident-auth.service';
import { StaffAccountCache } from './services/staff-account-cache';
import { StaffAuthService } from './services/staff-auth.service';
import { TokenService } from './services/token.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken]), StaffModule, ResidentsModule, LoginBackoffModule],
  controllers: [AuthController],
  providers: [
    TokenService,
    StaffAccountCache,
    ResidentAccountCache,
    { provide: AUTHENTICATOR, useExisting: TokenService },
    StaffAuthService,
    ResidentAuthService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
