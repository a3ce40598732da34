import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { passwordProblems } from '@xinqiao/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { RegionsService } from '../regions/regions.service';
import { hashPassword } from './passwords';
import { Staff } from './staff.entity';

/**
 * On first start (no staff account yet) creates the system admin from ADMIN_USERNAME/ADMIN_PASSWORD,
 * bound to the top region, who must change the password at first login.
 */
@Injectable()
export class FirstAdminService {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
  ) {}

  async ensure(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const staffRepo = tx.getRepository(Staff);
      if ((await staffRepo.count({ where: { role: 'system_admin' } })) > 0) return;
      const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.config;
      if (!password) throw new Error('ADMIN_PASSWORD must be set for the first start: no system admin exists yet');
      const problems = passwordProblems(password, username);
      if (problems.length) throw new Error(`ADMIN_PASSWORD does not meet the password policy: ${problems.join('; ')}`);
      const root = await this.regions.ensureRoot(tx, this.config.ROOT_REGION_NAME);
      await staffRepo.insert({
        username,
        displayName: '系统管理员',
        role: 'system_admin',
        regionId: root.id,
        regionPath: root.path,
        passwordHash: await hashPassword(password, this.config.BCRYPT_ROUNDS),
        mustChangePassword: true,
      });
      this.logger.log(`created the first system admin "${username}"; the password must be changed at first login`);
    });
  }
}
