import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { createSecretKey } from 'crypto';
import type { IncomingMessage } from 'http';
import { JwtModule } from '@nestjs/jwt';
import { AlertsModule } from './alerts/alerts.module';
import { ArticlesModule } from './articles/articles.module';
import { AwarenessModule } from './awareness/awareness.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BookingsModule } from './bookings/bookings.module';
import { CacheModule } from './common/cache/cache.module';
import { APP_CONFIG, type AppConfig } from './common/config/env';
import { PlaintextEncryptionService } from './common/crypto/plaintext-encryption.service';
import { appDataSourceOptions, openDataSource } from './common/database/data-source';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { requestIdFor } from './common/http/request-id';
import { requestLogFields, requestLogLevel } from './common/http/request-logging';
import { isLoginRoute, throttleKey } from './common/http/throttle';
import { JobsModule } from './common/jobs/jobs.module';
import { RedisModule } from './common/redis/redis.module';
import { RedisThrottlerStorage } from './common/redis/redis-throttler-storage';
import { SharedRedis } from './common/redis/shared-redis';
import { DemoModule } from './demo/demo.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HotlinesModule } from './hotlines/hotlines.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QuizzesModule } from './quizzes/quizzes.module';
import { RegionsModule } from './regions/regions.module';
import { ResidentsModule } from './residents/residents.module';
import { ScalesModule } from './scales/scales.module';
import { FirstAdminService } from './staff/first-admin.service';
import { StaffModule } from './staff/staff.module';
import { StartupService } from './startup.service';
import { StationsModule } from './stations/stations.module';
import { UploadsModule } from './uploads/uploads.module';
import { WechatModule } from './wechat/wechat.module';

@Module({})
export class AppModule {
  /** The whole API for one configuration; the same module runs on SQLite or MySQL. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req: IncomingMessage) => requestIdFor(req),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: { req: requestLogFields },
            customLogLevel: requestLogLevel,
            autoLogging: { ignore: (req: IncomingMessage) => /^\/api\/health(\/(live|ready))?$/.test(req.url ?? '') },
          },
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => appDataSourceOptions(config),
          dataSourceFactory: (options) => openDataSource(options!, config),
        }),
        // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a PEM public key on every check.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.JWT_SECRET)) }),
        RedisModule.forRoot(config),
        // With REDIS_URL every instance counts in Redis; without it, in this process's memory.
        ThrottlerModule.forRootAsync({
          inject: [{ token: SharedRedis, optional: true }],
          useFactory: (redis?: SharedRedis) => ({
            generateKey: throttleKey,
            throttlers: [
              { name: 'default', ttl: 60_000, limit: config.API_RATE_PER_MINUTE },
              { name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_PER_MINUTE, skipIf: (ctx) => !isLoginRoute(ctx) },
            ],
            storage: redis && new RedisThrottlerStorage(redis),
          }),
        }),
        AuditModule,
        CacheModule.forRoot(config),
        JobsModule,
        WechatModule,
        AuthModule,
        RegionsModule,
        StaffModule,
        ResidentsModule,
        ArticlesModule,
        HotlinesModule,
        ScalesModule,
        AlertsModule,
        NotificationsModule,
        EventsModule,
        QuizzesModule,
        AwarenessModule,
        CampaignsModule,
        StationsModule,
        BookingsModule,
        UploadsModule,
        HealthModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        FirstAdminService,
        StartupService,
        PlaintextEncryptionService,
      ],
      exports: [APP_CONFIG],
    };
  }
}
