import { Controller, Get, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/access/decorators';
import { AppException } from '../common/errors/app-exception';
import { Endpoint } from '../common/http/openapi';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** 200 while the database answers; 503 `DB_UNAVAILABLE` with `details.database: 'down'` while it does not. */
  @Endpoint('健康检查', 'HealthStatus')
  @Get()
  @Public()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    } catch (e) {
      // The database is the only thing checked; the driver's message (hosts, ports) is not published.
      if (e instanceof ServiceUnavailableException) throw AppException.databaseUnavailable({ database: 'down' });
      throw e;
    }
  }
}
