import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCESS_DENIED_LISTENER } from '../common/access/access-denied';
import { AuditLog } from './audit-log.entity';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
    { provide: ACCESS_DENIED_LISTENER, useExisting: AuditInterceptor },
  ],
  exports: [AuditService, ACCESS_DENIED_LISTENER],
})
export class AuditModule {}
