import { Controller, Get, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { HealthStatus } from '@xinqiao/shared';
import { Public } from '../common/access/decorators';
import { AppException } from '../common/errors/app-exception';
import { Endpoint } from '../common/http/openapi';

/**
 * Liveness (`/health/live`: the process answers) apart from readiness (`/health/ready`: it can serve,
 * the database answers), so an orchestrator restarts an instance only when the process itself is stuck,
 * and merely stops routing to it while the database is away. `/health` is readiness, kept for existing probes.
 */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** 200 while the database answers; 503 `DB_UNAVAILABLE` with `details.database: 'down'` while it does not. */
  @Endpoint('健康检查（同就绪检查）', 'HealthStatus')
  @Get()
  @Public()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.ready();
  }

  /** Touches nothing outside the process: an answer means the event loop runs. */
  @Endpoint('存活检查（不访问数据库）', 'HealthStatus')
  @Get('live')
  @Public()
  @HealthCheck()
  live(): HealthStatus {
    return { status: 'ok', info: {}, error: {}, details: {} };
  }

  /** 200 while the database answers; 503 `DB_UNAVAILABLE` with `details.database: 'down'` while it does not. */
  @Endpoint('就绪检查（含数据库）', 'HealthStatus')
  @Get('ready')
  @Public()
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    } catch (e) {
      // The database is the only thing checked; the driver's message (hosts, ports) is not published.
      if (e instanceof ServiceUnavailableException) throw AppException.databaseUnavailable({ database: 'down' });
      throw e;
    }
  }
}
